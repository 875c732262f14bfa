// Watches the index for new commits and builds each new revision's in-memory structures on a
// thread of its own. Request threads move to a revision only once it is warm, so that a commit
// does not stall the searches that first see it (at a million paragraphs, loading a revision's
// facet columns and report order takes a few hundred milliseconds).
#pragma once

#include <xapian.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace findings {

class RevisionWarmer {
public:
    explicit RevisionWarmer(std::string db_path);
    ~RevisionWarmer();
    RevisionWarmer(const RevisionWarmer&) = delete;
    RevisionWarmer& operator=(const RevisionWarmer&) = delete;

    // Returns whether a reader at revision should move to the index's latest commit: when a
    // newer revision is warm, or before any is (then readers move as soon as they can).
    bool should_move(Xapian::rev revision) const;

private:
    void run();

    const std::string m_db_path;
    std::atomic<Xapian::rev> m_warm{0};
    std::atomic<bool> m_any_warm{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;  // last: it starts once everything above exists
};

}  // namespace findings
