#include "core/query/result_page.h"

#include "core/common/fields.h"
#include "core/common/index_schema.h"
#include "core/query/doc_set_source.h"
#include "core/query/early_words.h"
#include "core/query/known_matches.h"
#include "core/query/match_sets.h"
#include "core/query/ordered_page.h"
#include "core/query/report_order.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <tuple>

namespace findings {

namespace {

namespace s = schema;

// BM25 without length normalisation (b = 0): a paragraph is a short unit whose length varies
// little, normalising did not improve the judged queries (nDCG@10 0.905 with b = 0.5, 0.908
// without), and it costs a document-length lookup per match, most of the time of ranking
// a frequent word over a million paragraphs.
const Xapian::BM25Weight k_weighting(1, 0, 1, 0, 0.5);

// The documents of the finding types, polarities and listed findings a query ranks first, one set per weight,
// highest first (terms of equal weight share a set, so that report order decides between them).
std::vector<std::pair<double, std::shared_ptr<const DocSet>>> ranked_term_sets(const BuiltQuery& built,
                                                                               Xapian::Database& db)
{
    std::map<double, std::vector<Xapian::Query>, std::greater<>> types_by_weight;
    for (const auto& [term, weight] : built.ranked_terms)
        types_by_weight[weight].emplace_back(term);
    const auto sets = MatchSets::of(db);
    std::vector<std::pair<double, std::shared_ptr<const DocSet>>> ranked;
    for (const auto& [weight, types] : types_by_weight)
        ranked.emplace_back(weight, sets->evaluate(db, Xapian::Query(Xapian::Query::OP_OR, types.begin(), types.end())));
    return ranked;
}

// The matches in tiers: those in the highest-weighted set first, and within each tier those
// in the next set first, and so on (a praised strength before a praised narrative paragraph
// before a mixed strength); then the rest.
std::vector<DocSet> ranked_tiers(const BuiltQuery& built, const DocSet& matched, Xapian::Database& db)
{
    std::vector<DocSet> tiers = {matched};
    for (const auto& [weight, docs] : ranked_term_sets(built, db)) {
        std::vector<DocSet> split;
        for (DocSet& tier : tiers) {
            DocSet in = tier;
            in.intersect(*docs);
            tier.subtract(in);
            for (DocSet* part : {&in, &tier}) {
                if (part->count() > 0)  // empty tiers would double with every set
                    split.push_back(std::move(*part));
            }
        }
        tiers = std::move(split);
    }
    return tiers;
}

// Returns the query that adds the ranked finding types' weights: bit tests on kept sets rather
// than a value read per match.
Xapian::Query ranked_terms_boost(const BuiltQuery& built, Xapian::Database& db)
{
    std::vector<Xapian::Query> weighted;
    for (const auto& [weight, docs] : ranked_term_sets(built, db))
        weighted.push_back(query_of(docs, weight));
    return Xapian::Query(Xapian::Query::OP_OR, weighted.begin(), weighted.end());
}

// Returns the query that weighs the documents of among (every one a match of the words): the
// words, plus the ranked types, plus with an order the order's weight (DocSetSource).
Xapian::Query ranking_query(const BuiltQuery& built, std::shared_ptr<const DocSet> among, Xapian::Database& db,
                            std::shared_ptr<const ReportOrder> order = nullptr)
{
    const Xapian::Query words = without_phrase_checks(built.text);
    Xapian::Query query = order ? Xapian::Query(Xapian::Query::OP_AND, words, query_of(std::move(among), 0, std::move(order)))
                                : Xapian::Query(Xapian::Query::OP_FILTER, words, query_of(std::move(among)));
    if (!built.ranked_terms.empty())
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, ranked_terms_boost(built, db));
    return query;
}

// Below this many matches, ranking them all costs little.
constexpr Xapian::doccount k_many_matches = 10000;

// Returns the terms a ranking weighs, where they are all it weighs and every match holds each
// of them (a term, or an AND of terms, phrases read as their words): else none.
std::vector<std::string> required_terms(const BuiltQuery& built)
{
    if (!built.ranked_terms.empty())
        return {};
    const Xapian::Query words = without_phrase_checks(built.text);
    if (words.get_type() == Xapian::Query::LEAF_TERM)
        return {*words.get_terms_begin()};
    if (words.get_type() != Xapian::Query::OP_AND)
        return {};
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < words.get_num_subqueries(); ++i) {
        const Xapian::Query part = words.get_subquery(i);
        if (part.get_type() != Xapian::Query::LEAF_TERM)
            return {};
        terms.push_back(*part.get_terms_begin());
    }
    return terms;
}

// A term in more than this share of the documents weighs too little for the shortcut below to
// be sure that holding it twice outweighs the report order's weights.
constexpr double k_most_common_share = 0.9;

// Returns the matches among which the page's are. BM25 without length normalisation weighs a
// term in a match by how often it occurs there, so when every match holds the same terms once
// at least, a match holding one of them twice or more weighs more than any holding each once:
// if at least a page's worth of them, up to last, hold one twice (for a single word, the
// matches where it occurs most often), the matcher ranks those instead of hundreds of thousands
// of matches (a common word's, most of which hold it once). Not for a page of reports, whose
// best paragraphs the shortcut cannot count.
std::shared_ptr<const DocSet> candidates_for_page(const SearchRequest& request, const BuiltQuery& built,
                                                  const QuerySets& sets, std::size_t last, Xapian::Database& db)
{
    if (request.collapse_reports || sets.matched->count() < k_many_matches)
        return sets.matched;
    const std::vector<std::string> terms = required_terms(built);
    const auto too_common = [&db](const std::string& term) {
        return db.get_termfreq(term) > k_most_common_share * db.get_doccount();
    };
    if (terms.empty() || std::any_of(terms.begin(), terms.end(), too_common))
        return sets.matched;
    const auto match_sets = MatchSets::of(db);
    auto candidates = std::make_shared<DocSet>(db.get_lastdocid());
    if (terms.size() == 1) {
        const auto often = match_sets->often(db, terms.front());
        if (!often)
            return sets.matched;
        candidates->unite(*often);
    } else {
        for (const std::string& term : terms)
            candidates->unite(*match_sets->repeated(db, term));
    }
    candidates->intersect(*sets.matched);
    return candidates->count() >= last ? candidates : sets.matched;
}

// The first this many matches by words are reordered by proximity and early words, like a
// search engine's rescore window. Checking word positions for every match of common words cost
// more than the rest of the query (p99 12 -> 50 ms at a million paragraphs), and each ten
// matches more in the window add about 5% to the median query; 20 (two pages) kept most of the
// gain (bench/changes.md).
constexpr std::size_t k_rescore_window = 20;

// Ranks a page by relevance with Xapian's matcher. Only the page is asked for (from the first
// match when the page reaches into the rescore window): the exact total is already known from
// the sets, so the matcher may skip what cannot reach the page.
//
// Equally weighted matches go in report order. Where the revision's report order is in memory
// (searchd loads it for each revision) each match gets the order's weight and the matcher sorts
// by weight alone; otherwise (a one-off command line search) the matcher reads the sort value of
// every match that ties with the page's last, which for a common word is most of its matches
// and a quarter of the query's time. Both give the same page.
RankedPage relevance_page(const SearchRequest& request, const BuiltQuery& built, const QuerySets& sets,
                          Xapian::Database& db)
{
    const std::size_t offset = (request.page - 1) * request.per_page;
    const bool in_window = offset < k_rescore_window;
    const std::size_t first = in_window ? 0 : offset;
    const std::size_t last = in_window ? std::max(k_rescore_window, offset + request.per_page) : offset + request.per_page;
    const auto order = request.collapse_reports ? nullptr : ReportOrder::if_loaded(db);
    // The exact matches are known: filtering by them spares the matcher checking filters and
    // word positions of documents that cannot match.
    Xapian::Enquire enquire(db);
    enquire.set_query(ranking_query(built, candidates_for_page(request, built, sets, last, db), db, order));
    configure_order(enquire, request);
    if (order)
        enquire.set_sort_by_relevance();
    const Xapian::MSet mset =
        enquire.get_mset(static_cast<Xapian::doccount>(first), static_cast<Xapian::doccount>(last - first));
    RankedPage page;
    for (auto match = mset.begin(); match != mset.end(); ++match) {
        page.documents.push_back(*match);
        page.weights.push_back(match.get_weight());
    }
    // The order's weights are taken off before rescoring, so that the window is rescored from
    // the weights (and the order of equal ones) that a search without the order in memory has.
    if (order) {
        for (std::size_t i = 0; i < page.documents.size(); ++i)
            page.weights[i] -= order_weight(*order, page.documents[i]);
    }
    if (in_window) {
        rescore_top(page, request, built, db);
        const std::size_t from = std::min(offset, page.documents.size());
        const std::size_t to = std::min(offset + request.per_page, page.documents.size());
        page.documents = std::vector<Xapian::docid>(page.documents.begin() + from, page.documents.begin() + to);
        page.weights = std::vector<double>(page.weights.begin() + from, page.weights.begin() + to);
    }
    page.offset = offset;
    return page;
}

// Lists a page in report order (ranked finding types first): queries without words, and
// any query sorted by date. A page with words is then weighed by Xapian.
RankedPage report_order_page(const SearchRequest& request, const BuiltQuery& built, const QuerySets& sets,
                             Xapian::Database& db)
{
    const bool has_text = ranks_by_words(built);
    const std::vector<DocSet> tiers = has_text || request.sort == SortOrder::date
                                          ? std::vector<DocSet>{*sets.matched}
                                          : ranked_tiers(built, *sets.matched, db);
    const PageSpan span{(request.page - 1) * request.per_page, request.per_page, request.collapse_reports};
    RankedPage page;
    page.offset = span.offset;
    page.documents = ordered_page(tiers, db, span);
    page.weights.assign(page.documents.size(), 0);
    if (has_text && !page.documents.empty()) {
        auto members = std::make_shared<DocSet>(db.get_lastdocid());
        for (Xapian::docid id : page.documents)
            members->insert(id);
        Xapian::Enquire enquire(db);
        enquire.set_query(ranking_query(built, members, db));
        enquire.set_weighting_scheme(k_weighting);
        const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(page.documents.size()));
        for (auto match = mset.begin(); match != mset.end(); ++match) {
            const auto at = std::find(page.documents.begin(), page.documents.end(), *match);
            page.weights[static_cast<std::size_t>(at - page.documents.begin())] = match.get_weight();
        }
    }
    return page;
}

}  // namespace

void configure_order(Xapian::Enquire& enquire, const SearchRequest& request)
{
    enquire.set_weighting_scheme(k_weighting);
    // Report order (newest report first, then position) is one precomputed value.
    if (request.sort == SortOrder::date)
        enquire.set_sort_by_value_then_relevance(s::k_slot_report_order, false);
    else
        enquire.set_sort_by_relevance_then_value(s::k_slot_report_order, false);  // ties, and cue-only queries
    if (request.collapse_reports)
        enquire.set_collapse_key(s::k_slot_report);
}

void rescore_top(RankedPage& ranked, const SearchRequest& request, const BuiltQuery& built, Xapian::Database& db)
{
    if (request.sort != SortOrder::relevance || ranked.documents.empty() || !ranks_by_words(built))
        return;
    const std::size_t window = std::min<std::size_t>(k_rescore_window, ranked.documents.size());
    std::vector<std::pair<double, Xapian::docid>> top;
    const std::vector<Xapian::docid> in_window(ranked.documents.begin(),
                                               ranked.documents.begin() + static_cast<long>(window));
    const std::vector<double> early = early_weights(db, in_window, early_concepts(built.text));
    for (std::size_t i = 0; i < window; ++i)
        top.emplace_back(ranked.weights[i] + early[i], ranked.documents[i]);
    if (!built.proximity.empty()) {
        auto members = std::make_shared<DocSet>(db.get_lastdocid());
        for (std::size_t i = 0; i < window; ++i)
            members->insert(ranked.documents[i]);
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, built.proximity, query_of(members)));
        enquire.set_weighting_scheme(k_weighting);
        const Xapian::MSet together = enquire.get_mset(0, static_cast<Xapian::doccount>(window));
        for (auto match = together.begin(); match != together.end(); ++match) {
            const auto same = [&match](const auto& entry) { return entry.second == *match; };
            std::find_if(top.begin(), top.end(), same)->first += match.get_weight();
        }
    }
    // Weights are compared to a billionth, and equal ones keep their order (report order, as the
    // matcher breaks ties): the same sum reached another way (a page, an export, the report
    // order's weights taken off) may differ in its last bits.
    const auto rounded = [](double weight) { return std::llround(weight * 1e9); };
    std::stable_sort(top.begin(), top.end(),
                     [&rounded](const auto& a, const auto& b) { return rounded(a.first) > rounded(b.first); });
    for (std::size_t i = 0; i < window; ++i)
        std::tie(ranked.weights[i], ranked.documents[i]) = top[i];
}

// Returns whether the query has words to weigh and highlight (not only filters in field syntax).
bool ranks_by_words(const BuiltQuery& built) { return !built.text.empty() && has_weighted_terms(built.text); }

RankedPage rank_page(const SearchRequest& request, const BuiltQuery& built, const QuerySets& sets, Xapian::Database& db)
{
    return ranks_by_words(built) && request.sort == SortOrder::relevance ? relevance_page(request, built, sets, db)
                                                                         : report_order_page(request, built, sets, db);
}

Xapian::Query streaming_query(const BuiltQuery& built, std::shared_ptr<const DocSet> matched, Xapian::Database& db)
{
    if (built.matches_nothing)
        return Xapian::Query::MatchNothing;
    if (ranks_by_words(built))  // the matches are known: the matcher only weighs them
        return ranking_query(built, std::move(matched), db);
    std::vector<Xapian::Query> filters;
    for (const auto& [field, group] : built.filter_groups)
        filters.push_back(group);
    Xapian::Query query = built.text.empty() ? Xapian::Query::MatchAll : built.text;
    if (!filters.empty())
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    if (!built.ranked_terms.empty())
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, ranked_terms_boost(built, db));
    return query;
}

}  // namespace findings
