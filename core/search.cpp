// Search: a request in, ranked paragraphs with snippets, exact facet counts and the reading of
// the query out.
#include "core/search.h"

#include "core/doc_set_source.h"
#include "core/error.h"
#include "core/facet_columns.h"
#include "core/index_schema.h"
#include "core/match_sets.h"
#include "core/ordered_page.h"
#include "core/query_builder.h"
#include "core/report_order.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace findings {

namespace {

namespace s = schema;

constexpr std::size_t k_snippet_bytes = 320;

// How long warming a new revision may spend reading again the sets the last one kept: the
// most used first; the rest are read when a search asks for them.
constexpr std::chrono::milliseconds k_prefetch_budget{500};

// Measures the time between laps, in milliseconds.
class Stopwatch {
public:
    double lap()
    {
        const auto now = std::chrono::steady_clock::now();
        const double elapsed = std::chrono::duration<double, std::milli>(now - m_last).count();
        m_last = now;
        return elapsed;
    }

private:
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

// The facets every search counts.
const std::vector<std::string>& facet_names()
{
    static const std::vector<std::string> names = {"authority", "year", "grade", "finding_type", "region", "kind"};
    return names;
}

Xapian::Database open_database(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw Error(ErrorCode::index_missing,
                    "no index at " + path + ": build one with `indexer --db " + path + " corpus/`");
    try {
        return Xapian::Database(path);
    } catch (const Xapian::DatabaseOpeningError& error) {
        throw Error(ErrorCode::index_missing, "cannot open the index at " + path + ": " + error.get_msg() +
                                                  " (build it with `indexer --db " + path + " corpus/`)");
    }
}

void validate(const SearchRequest& request)
{
    if (request.page < 1 || request.page > k_max_page)
        throw Error(ErrorCode::bad_request, "page must be between 1 and " + std::to_string(k_max_page));
    if (request.per_page < 1 || request.per_page > k_max_per_page)
        throw Error(ErrorCode::bad_request, "per_page must be between 1 and " + std::to_string(k_max_per_page));
    const auto plausible = [](int year) { return year == 0 || (year >= 1990 && year <= 2100); };
    if (!plausible(request.year_from) || !plausible(request.year_to))
        throw Error(ErrorCode::bad_request, "years must be four-digit years such as 2009");
}

// BM25 without length normalisation (b = 0): a paragraph is a short unit whose length varies
// little, normalising did not improve the judged queries (nDCG@10 0.905 with b = 0.5, 0.908
// without), and it costs a document-length lookup per match, most of the time of ranking
// a frequent word over a million paragraphs.
const Xapian::BM25Weight k_weighting(1, 0, 1, 0, 0.5);

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

// Returns whether the query has words to weigh and highlight (not only filters in field syntax).
bool ranks_by_words(const BuiltQuery& built) { return !built.text.empty() && has_weighted_terms(built.text); }

// The exact document sets of a query: its text, each facet's filter, and all of them together.
struct QuerySets {
    std::shared_ptr<const DocSet> text;                           // every document when no words
    std::map<std::string, std::shared_ptr<const DocSet>> groups;  // facet -> its filter
    std::shared_ptr<const DocSet> matched;

    // Returns the matches ignoring one facet's filter (all filters when without is "").
    std::shared_ptr<const DocSet> without(const std::string& facet) const
    {
        if (groups.empty() || (groups.size() == 1 && groups.count(facet) == 1))
            return text;
        auto docs = std::make_shared<DocSet>(*text);
        for (const auto& [name, group] : groups) {
            if (name != facet)
                docs->intersect(*group);
        }
        return docs;
    }
};

QuerySets evaluate(const BuiltQuery& built, Xapian::Database& db)
{
    const auto sets = MatchSets::of(db);
    QuerySets result;
    result.text = built.text.empty() ? sets->all(db) : sets->evaluate(db, built.text);
    for (const auto& [facet, group] : built.filter_groups)
        result.groups.emplace(facet, sets->evaluate(db, group));
    result.matched = result.without("");
    return result;
}

// Counts the facets over the matches; a facet the request filters on is counted without its
// own filter, so that its other values show what widening the selection would give.
std::map<std::string, std::vector<FacetCount>> count_facets(const QuerySets& sets, const FacetColumns& columns)
{
    std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> counted;
    std::vector<std::string> unfiltered;
    for (const auto& facet : facet_names()) {
        if (sets.groups.count(facet) == 0)
            unfiltered.push_back(facet);
        else
            counted.merge(columns.count(*sets.without(facet), {facet}));
    }
    counted.merge(columns.count(*sets.matched, unfiltered));
    std::map<std::string, std::vector<FacetCount>> facets;
    for (const auto& [facet, values] : counted) {
        auto& counts = facets[facet];
        for (const auto& [value, count] : values)
            counts.push_back({value, count});
        std::stable_sort(counts.begin(), counts.end(), [&facet = facet](const FacetCount& a, const FacetCount& b) {
            return facet == "year" ? a.value > b.value : a.count > b.count;
        });
    }
    return facets;
}

// The documents of the finding types a query ranks first, one set per weight, highest first
// (types of equal weight share a set, so that report order decides between them).
std::vector<std::pair<double, std::shared_ptr<const DocSet>>> ranked_type_sets(const BuiltQuery& built,
                                                                               Xapian::Database& db)
{
    std::map<double, std::vector<Xapian::Query>, std::greater<>> types_by_weight;
    for (const auto& [type, weight] : built.ranked_types)
        types_by_weight[weight].emplace_back(s::k_finding_type + type);
    const auto sets = MatchSets::of(db);
    std::vector<std::pair<double, std::shared_ptr<const DocSet>>> ranked;
    for (const auto& [weight, types] : types_by_weight)
        ranked.emplace_back(weight, sets->evaluate(db, Xapian::Query(Xapian::Query::OP_OR, types.begin(), types.end())));
    return ranked;
}

// The matches split by ranked finding type, highest weight first, then the rest.
std::vector<DocSet> ranked_tiers(const BuiltQuery& built, const DocSet& matched, Xapian::Database& db)
{
    std::vector<DocSet> tiers;
    DocSet rest = matched;
    for (const auto& [weight, docs] : ranked_type_sets(built, db)) {
        DocSet tier = matched;
        tier.intersect(*docs);
        rest.subtract(tier);
        tiers.push_back(std::move(tier));
    }
    tiers.push_back(std::move(rest));
    return tiers;
}

// Returns the query that adds the ranked finding types' weights: bit tests on kept sets rather
// than a value read per match.
Xapian::Query ranked_types_boost(const BuiltQuery& built, Xapian::Database& db)
{
    std::vector<Xapian::Query> weighted;
    for (const auto& [weight, docs] : ranked_type_sets(built, db))
        weighted.push_back(query_of(docs, weight));
    return Xapian::Query(Xapian::Query::OP_OR, weighted.begin(), weighted.end());
}

std::string escape_html(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

// Returns the start of text, cut at a word boundary, HTML-escaped: the snippet of a match that
// has no words to highlight.
std::string leading_snippet(const std::string& text)
{
    if (text.size() <= k_snippet_bytes)
        return escape_html(text);
    std::size_t cut = text.rfind(' ', k_snippet_bytes);
    if (cut == std::string::npos || cut < k_snippet_bytes / 2)
        cut = k_snippet_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return escape_html(text.substr(0, cut)) + "...";
}

// Reads a result from its document; mset, when the query has words, marks them in the snippet.
SearchHit read_hit(const Xapian::Document& document, const Xapian::MSet* mset, const Analyser& analyser)
{
    const nlohmann::json data = nlohmann::json::parse(document.get_data(), nullptr, false);
    SearchHit hit;
    if (!data.is_object())
        return hit;
    hit.id = data.value("id", "");
    hit.report_id = data.value("report_id", "");
    hit.authority = data.value("authority", "");
    hit.year = data.value("year", 0);
    hit.date = data.value("date", "");
    hit.grade = data.value("grade", "");
    hit.finding_type = data.value("finding_type", "");
    hit.timescale = data.value("timescale", "");
    hit.section = data.value("section", std::vector<std::string>{});
    hit.report_title = data.value("report_title", "");
    hit.kind = data.value("kind", "");
    hit.region = data.value("region", "");
    hit.position = data.value("position", 0);
    hit.text = data.value("text", "");
    if (mset) {
        hit.snippet = mset->snippet(hit.text, k_snippet_bytes, analyser.stemmer(),
                                    Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                    "<mark>", "</mark>", "...");
    }
    if (hit.snippet.empty())
        hit.snippet = leading_snippet(hit.text);
    return hit;
}

// A ranked page: its documents, their weights, and the match set that highlights their words.
struct RankedPage {
    std::vector<Xapian::docid> documents;
    std::vector<double> weights;
    std::size_t offset = 0;
    Xapian::MSet mset;  // empty when the query has no words
};

// Ranks a page by relevance with Xapian's matcher. Only the page is asked for: the exact
// total is already known from the sets, so the matcher may skip what cannot reach the page.
RankedPage relevance_page(const SearchRequest& request, const BuiltQuery& built, const QuerySets& sets,
                          Xapian::Database& db)
{
    // The exact matches are known: filtering by them spares the matcher checking filters and
    // word positions of documents that cannot match.
    Xapian::Query query(Xapian::Query::OP_FILTER, built.text, query_of(sets.matched));
    if (!built.ranked_types.empty())
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, ranked_types_boost(built, db));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    configure_order(enquire, request);
    RankedPage page;
    page.offset = (request.page - 1) * request.per_page;
    page.mset = enquire.get_mset(static_cast<Xapian::doccount>(page.offset), request.per_page);
    for (auto match = page.mset.begin(); match != page.mset.end(); ++match) {
        page.documents.push_back(*match);
        page.weights.push_back(match.get_weight());
    }
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
    page.documents = ordered_page(tiers, *ReportOrder::of(db), span);
    page.weights.assign(page.documents.size(), 0);
    if (has_text && !page.documents.empty()) {
        auto members = std::make_shared<DocSet>(db.get_lastdocid());
        for (Xapian::docid id : page.documents)
            members->insert(id);
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, built.text, query_of(members)));
        enquire.set_weighting_scheme(k_weighting);
        page.mset = enquire.get_mset(0, static_cast<Xapian::doccount>(page.documents.size()));
        for (auto match = page.mset.begin(); match != page.mset.end(); ++match) {
            const auto at = std::find(page.documents.begin(), page.documents.end(), *match);
            page.weights[static_cast<std::size_t>(at - page.documents.begin())] = match.get_weight();
        }
    }
    return page;
}

std::vector<SearchHit> read_hits(const RankedPage& page, Xapian::Database& db, const Analyser& analyser)
{
    std::vector<SearchHit> hits;
    for (std::size_t i = 0; i < page.documents.size(); ++i) {
        hits.push_back(read_hit(db.get_document(page.documents[i]), page.mset.empty() ? nullptr : &page.mset, analyser));
        hits.back().rank = page.offset + i + 1;
        hits.back().score = page.weights[i];
    }
    return hits;
}

}  // namespace

Searcher::Searcher(const std::string& db_path) : m_db(open_database(db_path)) {}

bool Searcher::reopen() { return m_db.reopen(); }

void Searcher::warm(const std::vector<std::string>& keys)
{
    FacetColumns::of(m_db);
    ReportOrder::of(m_db);
    const auto sets = MatchSets::of(m_db);
    sets->all(m_db);
    sets->prefetch(m_db, keys, k_prefetch_budget);
}

std::vector<std::string> Searcher::kept_sets(std::size_t limit) { return MatchSets::of(m_db)->kept_keys(limit); }

SearchResult Searcher::search(const SearchRequest& request)
{
    validate(request);
    const auto started = std::chrono::steady_clock::now();
    for (int attempt = 0;; ++attempt) {
        try {
            SearchResult result;
            Stopwatch stopwatch;
            result.query = request.query;
            const BuiltQuery built = build_query(request, m_db, m_analyser);
            result.interpreted = built.reading;
            result.suggestion = built.suggestion;
            result.timings.parse_ms = stopwatch.lap();

            const QuerySets sets = evaluate(built, m_db);
            result.total = request.collapse_reports ? count_reports(*sets.matched, *ReportOrder::of(m_db))
                                                    : sets.matched->count();
            const bool by_relevance = ranks_by_words(built) && request.sort == SortOrder::relevance;
            const RankedPage page = by_relevance ? relevance_page(request, built, sets, m_db)
                                                 : report_order_page(request, built, sets, m_db);
            result.timings.match_ms = stopwatch.lap();
            result.hits = read_hits(page, m_db, m_analyser);
            result.timings.snippets_ms = stopwatch.lap();
            if (request.facets)
                result.facets = count_facets(sets, *FacetColumns::of(m_db));
            result.timings.facets_ms = stopwatch.lap();
            result.took_ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            return result;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 2)
                throw;
            m_db.reopen();  // the indexer committed twice under us: read its latest revision
        }
    }
}

std::size_t Searcher::for_each_match(const SearchRequest& request, const std::function<void(const SearchHit&)>& visit)
{
    const BuiltQuery built = build_query(request, m_db, m_analyser);
    const bool has_text = ranks_by_words(built);
    Xapian::Enquire enquire(m_db);
    enquire.set_query(combine(built));
    configure_order(enquire, request);
    constexpr Xapian::doccount k_batch = 1000;
    std::size_t visited = 0;
    for (Xapian::doccount first = 0;; first += k_batch) {
        const Xapian::MSet mset = enquire.get_mset(first, k_batch);
        for (auto match = mset.begin(); match != mset.end(); ++match) {
            SearchHit hit = read_hit(match.get_document(), has_text ? &mset : nullptr, m_analyser);
            hit.rank = ++visited;
            hit.score = has_text ? match.get_weight() : 0;
            visit(hit);
        }
        if (mset.size() < k_batch)
            return visited;
    }
}

}  // namespace findings
