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

template <typename T>
class RevisionCache {
public:
    // Returns the T of db's current revision, building it with build(db) the first time.
    template <typename Build>
    static std::shared_ptr<T> get(const Xapian::Database& db, Build&& build)
    {
        std::lock_guard<std::mutex> lock(mutex());
        std::shared_ptr<T> found = by_revision()[key_of(db)].lock();
        if (!found) {
            found = build(db);
            by_revision()[key_of(db)] = found;
            auto& all = by_revision();
            for (auto it = all.begin(); it != all.end();)
                it = it->second.expired() ? all.erase(it) : std::next(it);
        }
        auto& kept = newest()[db.get_uuid()];
        kept[db.get_revision()] = found;
        if (kept.size() > 2)
            kept.erase(kept.begin());
        return found;
    }

    // Returns the T of db's current revision if it is built already, or null.
    static std::shared_ptr<T> find(const Xapian::Database& db)
    {
        std::lock_guard<std::mutex> lock(mutex());
        const auto found = by_revision().find(key_of(db));
        return found == by_revision().end() ? nullptr : found->second.lock();
    }

private:
    static std::string key_of(const Xapian::Database& db) { return db.get_uuid() + "@" + std::to_string(db.get_revision()); }

    static std::mutex& mutex()
    {
        static std::mutex instance;
        return instance;
    }

    static std::map<std::string, std::weak_ptr<T>>& by_revision()  // uuid@revision
    {
        static std::map<std::string, std::weak_ptr<T>> instance;
        return instance;
    }

    static std::map<std::string, std::map<Xapian::rev, std::shared_ptr<T>>>& newest()  // uuid -> two revisions
    {
        static std::map<std::string, std::map<Xapian::rev, std::shared_ptr<T>>> instance;
        return instance;
    }
};

}  // namespace findings
