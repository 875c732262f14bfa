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

bool RevisionWarmer::should_move(Xapian::rev revision) const
{
    return !m_any_warm.load() || revision != m_warm.load();
}

void RevisionWarmer::run()
{
    std::unique_ptr<Searcher> searcher;
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        try {
            std::vector<std::string> in_use;  // the sets searches of the last revision kept
            if (!searcher) {
                searcher = std::make_unique<Searcher>(m_db_path);
            } else {
                in_use = searcher->kept_sets(k_sets_carried_over);
                searcher->reopen();
            }
            if (!m_any_warm.load() || searcher->revision() != m_warm.load()) {
                searcher->warm(in_use);
                m_warm.store(searcher->revision());
                m_any_warm.store(true);
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
