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

bool RevisionWarmer::behind(const Xapian::Database& db) const
{
    std::lock_guard<std::mutex> lock(m_newest_mutex);
    return m_newest_uuid.empty() || db.get_uuid() != m_newest_uuid || db.get_revision() < m_newest_revision;
}

bool RevisionWarmer::newer_locked(const Xapian::Database& db) const
{
    if (m_newest_uuid.empty())
        return true;
    if (db.get_uuid() == m_newest_uuid)
        return db.get_revision() > m_newest_revision;
    // Another index: the newer of the two is the one at the path now (the other was replaced).
    try {
        return Xapian::Database(m_db_path).get_uuid() == db.get_uuid();
    } catch (const Xapian::Error&) {
        return false;  // nothing at the path while it is rebuilt: keep what was served
    }
}

void RevisionWarmer::served(const Xapian::Database& db)
{
    std::lock_guard<std::mutex> lock(m_newest_mutex);
    if (newer_locked(db)) {
        m_newest_uuid = db.get_uuid();
        m_newest_revision = db.get_revision();
    }
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
                searcher->reopen();
            } else {
                searcher = std::make_unique<Searcher>(m_db_path);
            }
            Xapian::Database& db = searcher->database();
            const std::string revision = db.get_uuid() + "@" + std::to_string(db.get_revision());
            if (revision != m_warmed) {  // even when a request read it first: warm() also keeps sets
                searcher->warm(in_use);
                m_warmed = revision;
                served(db);  // readers move to it now that it is warm
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
