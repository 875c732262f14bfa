// Watches the index for new commits and builds each new revision's in-memory structures on a
// thread of its own. Request threads move to a revision only once it is warm, so that a commit
// does not stall the searches that first see it (at a million paragraphs, loading a revision's
// facet columns and report order takes a few hundred milliseconds).
#pragma once

#include <xapian.h>

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

    // What a reader should do to read the warm revision.
    enum class Move {
        stay,    // it reads the warm revision already
        reopen,  // a newer commit of the same index is warm (or none is yet): Database::reopen
        reopen_afresh,  // the index was replaced (rebuilt from scratch): open it anew, since
                        // reopen() keeps reading the replaced files when the revision numbers match
    };

    // Returns what a reader of db should do before its next request.
    Move move_for(const Xapian::Database& db) const;

private:
    void run();

    const std::string m_db_path;
    mutable std::mutex m_warm_mutex;
    std::string m_warm_uuid;  // the warm revision's index ("" before any is warm)
    Xapian::rev m_warm_revision = 0;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;  // last: it starts once everything above exists
};

}  // namespace findings
