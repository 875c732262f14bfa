#include "searchd/revision_warmer.h"

#include "core/query/search.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace findings {

namespace {

// How often the index is checked for a new commit.
constexpr std::chrono::milliseconds k_poll_interval{250};

// How many of the last revision's kept sets (frequent words, phrases), most recently used
// first, a new revision is offered before searches move to it (Searcher::warm bounds the time).
constexpr std::size_t k_sets_carried_over = 128;

}  // namespace

RevisionWarmer::RevisionWarmer(std::string db_path) : m_db_path(std::move(db_path)), m_thread([this] { run(); }) {}

RevisionWarmer::~RevisionWarmer()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

RevisionWarmer::Move RevisionWarmer::move_for(const Xapian::Database& db) const
{
    std::lock_guard<std::mutex> lock(m_warm_mutex);
    if (m_warm_uuid.empty())
        return Move::reopen;
    if (db.get_uuid() != m_warm_uuid)
        return Move::reopen_afresh;
    return db.get_revision() == m_warm_revision ? Move::stay : Move::reopen;
}

void RevisionWarmer::run()
{
    std::unique_ptr<Searcher> searcher;
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        try {
            std::vector<std::string> in_use;  // the sets searches of the last revision kept
            if (searcher) {
                in_use = searcher->kept_sets(k_sets_carried_over);
                // An index rebuilt from scratch has another UUID, and may have the same revision
                // number as the one it replaced: only a fresh open reads it.
                if (Xapian::Database(m_db_path).get_uuid() == searcher->database().get_uuid())
                    searcher->reopen();
                else
                    searcher.reset();
            }
            if (!searcher)
                searcher = std::make_unique<Searcher>(m_db_path);
            if (move_for(searcher->database()) != Move::stay) {
                searcher->warm(in_use);
                std::lock_guard<std::mutex> warm_lock(m_warm_mutex);
                m_warm_uuid = searcher->database().get_uuid();
                m_warm_revision = searcher->revision();
            }
        } catch (const std::exception&) {
            searcher.reset();  // no index yet: open it afresh next time
        } catch (const Xapian::Error&) {
            searcher.reset();  // replaced or unreadable for now: likewise
        }
        lock.lock();
        m_wake.wait_for(lock, k_poll_interval, [this] { return m_stopping; });
    }
}

}  // namespace findings
