// Search: a request in, ranked paragraphs with snippets, exact facet counts and the reading of
// the query out.
#include "core/search.h"

#include "core/error.h"
#include "core/facet_columns.h"
#include "core/index_schema.h"
#include "core/query_builder.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace findings {

namespace {

namespace s = schema;

constexpr std::size_t k_snippet_bytes = 320;

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

void configure_order(Xapian::Enquire& enquire, const SearchRequest& request)
{
    // Report order (newest report first, then position) is one precomputed value.
    if (request.sort == SortOrder::date)
        enquire.set_sort_by_value_then_relevance(s::k_slot_report_order, false);
    else
        enquire.set_sort_by_relevance_then_value(s::k_slot_report_order, false);  // ties, and cue-only queries
    if (request.collapse_reports)
        enquire.set_collapse_key(s::k_slot_report);
}

// Adds a spy's counts to the result's facets, most frequent first (years newest first).
void add_counts(const FacetCountSpy& spy, std::map<std::string, std::vector<FacetCount>>& facets)
{
    for (const auto& [facet, values] : spy.counts()) {
        auto& counts = facets[facet];
        for (const auto& [value, count] : values)
            counts.push_back({value, count});
        std::stable_sort(counts.begin(), counts.end(), [&facet](const FacetCount& a, const FacetCount& b) {
            return facet == "year" ? a.value > b.value : a.count > b.count;
        });
    }
}

// Counts a facet the request filters on without its own filter, so that its other values
// show what widening the selection would give (one extra match per such facet).
void count_filtered_facets(Xapian::Database& db, const BuiltQuery& built, const std::shared_ptr<const FacetColumns>& columns,
                           std::map<std::string, std::vector<FacetCount>>& facets)
{
    for (const auto& facet : facet_names()) {
        if (built.filter_groups.count(facet) == 0)
            continue;
        Xapian::Enquire enquire(db);
        enquire.set_query(combine(built, facet));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        FacetCountSpy spy(columns, {facet});
        enquire.add_matchspy(&spy);
        enquire.get_mset(0, 0, db.get_doccount());
        add_counts(spy, facets);
    }
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

SearchHit read_hit(const Xapian::MSetIterator& match, const Xapian::MSet& mset, const Analyser& analyser,
                   bool has_text)
{
    const Xapian::Document document = match.get_document();
    const nlohmann::json data = nlohmann::json::parse(document.get_data(), nullptr, false);
    SearchHit hit;
    if (!data.is_object())
        return hit;
    hit.id = data.value("id", "");
    hit.report_id = data.value("report_id", "");
    hit.rank = match.get_rank() + 1;
    hit.score = has_text ? match.get_weight() : 0;
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
    if (has_text) {
        hit.snippet = mset.snippet(hit.text, k_snippet_bytes, analyser.stemmer(),
                                   Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                   "<mark>", "</mark>", "...");
    }
    if (hit.snippet.empty())
        hit.snippet = leading_snippet(hit.text);
    return hit;
}

}  // namespace

Searcher::Searcher(const std::string& db_path) : m_db(open_database(db_path)) {}

bool Searcher::reopen() { return m_db.reopen(); }

std::shared_ptr<const FacetColumns> Searcher::facet_columns()
{
    if (!m_columns || m_columns_revision != m_db.get_revision()) {
        m_columns = FacetColumns::of(m_db);
        m_columns_revision = m_db.get_revision();
    }
    return m_columns;
}

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
            const bool has_text = !built.text.empty();
            result.timings.parse_ms = stopwatch.lap();

            // The facets not filtered on are counted in the same pass that ranks the page.
            const auto columns = request.facets ? facet_columns() : nullptr;
            std::vector<std::string> unfiltered;
            for (const auto& facet : facet_names()) {
                if (built.filter_groups.count(facet) == 0)
                    unfiltered.push_back(facet);
            }
            Xapian::Enquire enquire(m_db);
            enquire.set_query(combine(built));
            configure_order(enquire, request);
            std::unique_ptr<FacetCountSpy> spy;
            if (columns && !unfiltered.empty()) {
                spy = std::make_unique<FacetCountSpy>(columns, unfiltered);
                enquire.add_matchspy(spy.get());
            }
            const Xapian::MSet mset = enquire.get_mset((request.page - 1) * request.per_page, request.per_page,
                                                       m_db.get_doccount());
            result.total = mset.get_matches_estimated();
            result.timings.match_ms = stopwatch.lap();
            for (auto match = mset.begin(); match != mset.end(); ++match)
                result.hits.push_back(read_hit(match, mset, m_analyser, has_text));
            result.timings.snippets_ms = stopwatch.lap();
            if (columns) {
                if (spy)
                    add_counts(*spy, result.facets);
                count_filtered_facets(m_db, built, columns, result.facets);
            }
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
    const bool has_text = !built.text.empty();
    Xapian::Enquire enquire(m_db);
    enquire.set_query(combine(built));
    configure_order(enquire, request);
    constexpr Xapian::doccount k_batch = 1000;
    std::size_t visited = 0;
    for (Xapian::doccount first = 0;; first += k_batch) {
        const Xapian::MSet mset = enquire.get_mset(first, k_batch);
        for (auto match = mset.begin(); match != mset.end(); ++match) {
            SearchHit hit = read_hit(match, mset, m_analyser, has_text);
            hit.rank = ++visited;
            visit(hit);
        }
        if (mset.size() < k_batch)
            return visited;
    }
}

}  // namespace findings
