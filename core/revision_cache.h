// Things derived from one revision of an index (facet columns, report order, match sets) are
// built once per revision and shared by every thread and Searcher that reads that revision.
// The two newest revisions' stay loaded between searches (readers still on the older one while
// the newer is warmed); an older revision's are forgotten as soon as no search reads it.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace findings {

// Returns the T of db's current revision, building it with build(db) the first time.
template <typename T, typename Build>
std::shared_ptr<T> of_revision(const Xapian::Database& db, Build&& build)
{
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<T>> by_revision;                    // uuid@revision
    static std::map<std::string, std::map<Xapian::rev, std::shared_ptr<T>>> newest;  // uuid -> two revisions
    const Xapian::rev revision = db.get_revision();
    const std::string key = db.get_uuid() + "@" + std::to_string(revision);
    std::lock_guard<std::mutex> lock(mutex);
    std::shared_ptr<T> found = by_revision[key].lock();
    if (!found) {
        found = build(db);
        by_revision[key] = found;
        for (auto it = by_revision.begin(); it != by_revision.end();)
            it = it->second.expired() ? by_revision.erase(it) : std::next(it);
    }
    auto& kept = newest[db.get_uuid()];
    kept[revision] = found;
    if (kept.size() > 2)
        kept.erase(kept.begin());
    return found;
}

}  // namespace findings
