#include "core/query/match_sets.h"

#include "core/query/revision_cache.h"

#include <algorithm>

namespace findings {

namespace {

// Memory kept for sets of frequent terms and expensive sub-queries, per revision: 512 sets
// at a million documents.
constexpr std::size_t k_budget_bytes = 64 << 20;

// Reading a posting list costs about 15 ns a document, copying a kept set 1/64 of that: sets
// smaller than this are read again each time rather than kept.
constexpr Xapian::doccount k_smallest_kept = 2000;

// Kept sets of sub-queries are keyed by this and the serialised query, the documents where a
// term occurs most often (MatchSets::often) by the second, the number at least, the second again
// and the term, the documents holding a term twice by the third and the term; terms by
// themselves (no term starts with a control character).
const std::string k_query_key = "\x01";
const std::string k_often_key = "\x02";
const std::string k_repeated_key = "\x03";

// Collects the documents Xapian's matcher visits.
class Collector : public Xapian::MatchSpy {
public:
    explicit Collector(DocSet& docs) : m_docs(docs) {}
    void operator()(const Xapian::Document& document, double) override { m_docs.insert(document.get_docid()); }

private:
    DocSet& m_docs;
};

}  // namespace

MatchSets::MatchSets(const Xapian::Database& db)
    : m_last_docid(db.get_lastdocid()), m_worth_keeping(std::max(k_smallest_kept, db.get_doccount() / 512))
{
}

std::shared_ptr<MatchSets> MatchSets::of(const Xapian::Database& db)
{
    return RevisionCache<MatchSets>::get(
        db, [](const Xapian::Database& revision) { return std::shared_ptr<MatchSets>(new MatchSets(revision)); });
}

std::shared_ptr<const DocSet> MatchSets::all(const Xapian::Database& db) { return term_set(db, ""); }

std::shared_ptr<const DocSet> MatchSets::evaluate(const Xapian::Database& db, const Xapian::Query& query)
{
    switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
        return term_set(db, *query.get_terms_begin());
    case Xapian::Query::LEAF_MATCH_ALL:
        return all(db);
    case Xapian::Query::LEAF_MATCH_NOTHING:
        return std::make_shared<const DocSet>(m_last_docid);
    case Xapian::Query::OP_SCALE_WEIGHT:
    case Xapian::Query::OP_AND_MAYBE:  // the optional part only adds weight
        return evaluate(db, query.get_subquery(0));
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
        return combined(db, query);
    default:
        return matcher_set(db, query);
    }
}

std::shared_ptr<DocSet> MatchSets::combined(const Xapian::Database& db, const Xapian::Query& query)
{
    const auto op = query.get_type();
    auto result = std::make_shared<DocSet>(*evaluate(db, query.get_subquery(0)));
    for (std::size_t i = 1; i < query.get_num_subqueries(); ++i) {
        const auto part = evaluate(db, query.get_subquery(i));
        if (op == Xapian::Query::OP_AND || op == Xapian::Query::OP_FILTER)
            result->intersect(*part);
        else if (op == Xapian::Query::OP_AND_NOT)
            result->subtract(*part);
        else if (op == Xapian::Query::OP_XOR)
            result->symmetric_difference(*part);
        else
            result->unite(*part);
    }
    return result;
}

std::shared_ptr<const DocSet> MatchSets::term_set(const Xapian::Database& db, const std::string& term)
{
    if (auto kept = cached(term))
        return kept;
    auto docs = std::make_shared<DocSet>(m_last_docid);
    Xapian::doccount size = 0;
    for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting, ++size)
        docs->insert(*posting);
    if (size >= m_worth_keeping)
        keep(term, docs);
    return docs;
}

std::shared_ptr<const DocSet> MatchSets::often(const Xapian::Database& db, const std::string& term,
                                               Xapian::doccount at_least)
{
    const std::string key = k_often_key + std::to_string(at_least) + "\x02" + term;
    if (auto kept = cached(key))
        return kept->count() > 0 ? kept : nullptr;  // an empty set: the word is not repeated enough
    constexpr Xapian::termcount k_most_counted = 64;  // occurrences counted apart; more count as this
    std::vector<Xapian::doccount> with_at_least(k_most_counted + 1, 0);
    std::vector<std::pair<Xapian::docid, Xapian::termcount>> repeated;  // the documents holding it twice or more
    for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting) {
        const Xapian::termcount wdf = std::min(posting.get_wdf(), k_most_counted);
        if (wdf >= 2) {
            repeated.emplace_back(*posting, wdf);
            ++with_at_least[wdf];
        }
    }
    for (Xapian::termcount wdf = k_most_counted; wdf > 2; --wdf)
        with_at_least[wdf - 1] += with_at_least[wdf];
    if (with_at_least[2] < at_least) {
        keep(key, std::make_shared<const DocSet>());  // remembered, so that it is not read again
        return nullptr;
    }
    Xapian::termcount threshold = 2;
    while (threshold < k_most_counted && with_at_least[threshold + 1] >= at_least)
        ++threshold;
    auto docs = std::make_shared<DocSet>(m_last_docid);
    for (const auto& [id, wdf] : repeated) {
        if (wdf >= threshold)
            docs->insert(id);
    }
    keep(key, docs);
    return docs;
}

std::shared_ptr<const DocSet> MatchSets::repeated(const Xapian::Database& db, const std::string& term)
{
    const std::string key = k_repeated_key + term;
    if (auto kept = cached(key))
        return kept;
    auto docs = std::make_shared<DocSet>(m_last_docid);
    for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting) {
        if (posting.get_wdf() >= 2)
            docs->insert(*posting);
    }
    keep(key, docs);
    return docs;
}

std::vector<std::string> MatchSets::kept_keys(std::size_t limit)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<std::string> keys;
    for (auto key = m_recent.begin(); key != m_recent.end() && keys.size() < limit; ++key)
        keys.push_back(*key);
    return keys;
}

void MatchSets::prefetch(const Xapian::Database& db, const std::vector<std::string>& keys,
                         std::chrono::milliseconds budget)
{
    const auto deadline = std::chrono::steady_clock::now() + budget;
    for (auto key = keys.begin(); key != keys.end() && std::chrono::steady_clock::now() < deadline; ++key) {
        if (key->rfind(k_often_key, 0) == 0) {
            const std::size_t term_at = key->find('\x02', k_often_key.size());
            if (term_at != std::string::npos)
                often(db, key->substr(term_at + 1),
                      static_cast<Xapian::doccount>(std::stoul(key->substr(k_often_key.size(), term_at - k_often_key.size()))));
            continue;
        }
        if (key->rfind(k_repeated_key, 0) == 0) {
            repeated(db, key->substr(k_repeated_key.size()));
            continue;
        }
        if (key->rfind(k_query_key, 0) != 0) {
            term_set(db, *key);
            continue;
        }
        try {
            matcher_set(db, Xapian::Query::unserialise(key->substr(k_query_key.size())));
        } catch (const Xapian::Error&) {
            // Not a query this build can read back: it will be evaluated when asked for.
        }
    }
}

std::shared_ptr<const DocSet> MatchSets::matcher_set(const Xapian::Database& db, const Xapian::Query& query)
{
    // Phrases and the like are the costliest sub-queries: keep their sets under their
    // serialised form (a custom posting source cannot be serialised, and is not kept).
    std::string key;
    try {
        key = k_query_key + query.serialise();
    } catch (const Xapian::Error&) {
    }
    if (!key.empty()) {
        if (auto kept = cached(key))
            return kept;
    }
    auto docs = std::make_shared<DocSet>(m_last_docid);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Collector collector(*docs);
    enquire.add_matchspy(&collector);
    enquire.get_mset(0, 0, db.get_doccount());
    if (!key.empty())
        keep(key, docs);
    return docs;
}

std::shared_ptr<const DocSet> MatchSets::cached(const std::string& key)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto found = m_entries.find(key);
    if (found == m_entries.end())
        return nullptr;
    m_recent.splice(m_recent.begin(), m_recent, found->second.recent);
    return found->second.set;
}

void MatchSets::keep(const std::string& key, const std::shared_ptr<const DocSet>& set)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_entries.count(key) != 0)
        return;  // another thread read it at the same time
    m_recent.push_front(key);
    m_entries.emplace(key, Entry{set, m_recent.begin()});
    m_bytes += set->memory_bytes();
    while (m_bytes > k_budget_bytes && m_recent.size() > 1) {
        const auto oldest = m_entries.find(m_recent.back());
        m_bytes -= oldest->second.set->memory_bytes();
        m_entries.erase(oldest);
        m_recent.pop_back();
    }
}

}  // namespace findings
