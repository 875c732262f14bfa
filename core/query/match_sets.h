// The exact set of documents a query matches, evaluated as bitmaps: posting lists read
// straight into DocSets and combined word by word, instead of Xapian's matcher visiting and
// weighing every match (which is what made exact totals and facet counts over hundreds of
// thousands of matches slow). Sets of frequent terms are kept for the revision's lifetime
// within a memory budget, least recently used first out.
#pragma once

#include "core/query/doc_set.h"

#include <xapian.h>

#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace findings {

class MatchSets {
public:
    // Returns the match sets of db's current revision, shared by every thread reading it.
    static std::shared_ptr<MatchSets> of(const Xapian::Database& db);

    // Returns the documents query matches. db must be at the revision this object is of.
    // Operators the sets cannot express (phrases, wildcards, value ranges, posting sources)
    // are evaluated by Xapian's matcher, exactly.
    std::shared_ptr<const DocSet> evaluate(const Xapian::Database& db, const Xapian::Query& query);

    // Returns every document of the revision.
    std::shared_ptr<const DocSet> all(const Xapian::Database& db);

    // Returns the documents in which term occurs most often: those with at least the largest
    // number of occurrences that at least at_least documents reach (at least 2); null when fewer
    // than that many hold it twice. A single word's matches rank by how often it occurs in them,
    // so a page of its best matches is among these. Kept with the other sets.
    static constexpr Xapian::doccount k_often_at_least = 1000;
    std::shared_ptr<const DocSet> often(const Xapian::Database& db, const std::string& term,
                                        Xapian::doccount at_least = k_often_at_least);

    // Returns the documents holding term at least twice. Kept with the other sets.
    std::shared_ptr<const DocSet> repeated(const Xapian::Database& db, const std::string& term);

    // Returns the keys of the sets kept, most recently used first, at most limit of them.
    std::vector<std::string> kept_keys(std::size_t limit);

    // Evaluates and keeps the sets another revision kept under keys (from kept_keys), in that
    // order until budget is spent, so that a new revision starts with the sets searches use.
    void prefetch(const Xapian::Database& db, const std::vector<std::string>& keys,
                  std::chrono::milliseconds budget);

private:
    explicit MatchSets(const Xapian::Database& db);

    std::shared_ptr<const DocSet> term_set(const Xapian::Database& db, const std::string& term);
    std::shared_ptr<const DocSet> matcher_set(const Xapian::Database& db, const Xapian::Query& query);
    std::shared_ptr<DocSet> combined(const Xapian::Database& db, const Xapian::Query& query);

    // Bounded store of sets worth keeping, keyed by term or serialised query.
    std::shared_ptr<const DocSet> cached(const std::string& key);
    void keep(const std::string& key, const std::shared_ptr<const DocSet>& set);

    Xapian::docid m_last_docid;
    Xapian::doccount m_worth_keeping;  // sets of at least this many documents are kept
    std::mutex m_mutex;
    std::list<std::string> m_recent;   // most recently used first
    struct Entry {
        std::shared_ptr<const DocSet> set;
        std::list<std::string>::iterator recent;
    };
    std::unordered_map<std::string, Entry> m_entries;
    std::size_t m_bytes = 0;
};

}  // namespace findings
