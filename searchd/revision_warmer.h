// Watches the index for new commits and builds each new revision's in-memory structures on a
// thread of its own, and keeps the newest revision any answer has come from. Request threads
// move on when they are behind it: so a commit seldom stalls the searches that first see it
// (at a million paragraphs, loading a revision's facet columns and report order takes a few
// hundred milliseconds; only a request that had to read a newer revision itself, its own
// having gone, moves the others on before that), and no answer comes from an older revision
// than one given before it, unless the index folder is gone (being replaced) when it should move.
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

    // Returns whether a reader of db must move to the latest commit before its next answer: it
    // reads an older revision than one answered from or warmed, or another index than that one
    // (a replaced index, or the replacement it moved to ahead of the others), or nothing is warm yet.
    bool behind(const Xapian::Database& db) const;

    // Records that an answer was read from db's revision: later answers come from it or newer.
    void served(const Xapian::Database& db);

private:
    void run();
    // Returns whether db is newer than the newest revision served or warmed; m_newest_mutex held.
    bool newer_locked(const Xapian::Database& db) const;

    const std::string m_db_path;
    std::string m_warmed;  // the revision warmed last, as uuid@revision (the warmer's thread only)
    mutable std::mutex m_newest_mutex;
    std::string m_newest_uuid;  // the newest revision's index ("" before any is warm)
    Xapian::rev m_newest_revision = 0;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;  // last: it starts once everything above exists
};

}  // namespace findings
