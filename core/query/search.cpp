// Search: a request in, ranked paragraphs with snippets, exact facet counts and the reading of
// the query out.
#include "core/query/search.h"

#include "core/common/error.h"
#include "core/common/fields.h"
#include "core/common/index_schema.h"
#include "core/index/report_lookup.h"
#include "core/query/facet_columns.h"
#include "core/query/hits.h"
#include "core/query/match_sets.h"
#include "core/query/ordered_page.h"
#include "core/query/query_builder.h"
#include "core/query/query_sets.h"
#include "core/query/report_list.h"
#include "core/query/report_order.h"
#include "core/query/result_page.h"
#include "core/query/search_json.h"
#include "core/query/search_params.h"
#include "core/query/similar.h"
#include "core/query/snippet.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace findings {

namespace {

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

// Opens the latest commit of the index at path. Opening reads the tables' roots of the latest
// commit: when the indexer commits twice meanwhile that commit is gone, and the latest is opened
// again.
Xapian::Database open_latest(const std::string& path)
{
    for (int attempt = 1;; ++attempt) {
        try {
            return Xapian::Database(path);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 5)
                throw;
        }
    }
}

Xapian::Database open_database(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw Error(ErrorCode::index_missing,
                    "no index at " + path + ": build one with `indexer --db " + path + " corpus/`");
    try {
        return open_latest(path);
    } catch (const Xapian::DatabaseOpeningError& error) {
        throw Error(ErrorCode::index_missing, "cannot open the index at " + path + ": " + error.get_msg() +
                                                  " (build it with `indexer --db " + path + " corpus/`)");
    }
}

void validate(const SearchRequest& request)
{
    if (request.page < 1 || request.page > k_max_page)
        throw Error(ErrorCode::bad_request, "page must be between 1 and " + std::to_string(k_max_page));
    if (request.per_page > k_max_per_page)
        throw Error(ErrorCode::bad_request, "per_page must be between 0 and " + std::to_string(k_max_per_page));
    const auto plausible = [](int year) { return year == 0 || (year >= 1990 && year <= 2100); };
    if (!plausible(request.year_from) || !plausible(request.year_to))
        throw Error(ErrorCode::bad_request, "years must be four-digit years such as 2009");
    check_year_range(request);
}

}  // namespace

Searcher::Searcher(const std::string& db_path) : m_path(db_path), m_db(open_database(db_path)) {}

bool Searcher::reopen()
{
    // Database::reopen() alone would keep reading a replaced index's deleted files when the
    // replacement's revision number is the same (a fresh build starts again at 1).
    Xapian::Database latest = open_latest(m_path);
    const bool moved = latest.get_uuid() != m_db.get_uuid() || latest.get_revision() != m_db.get_revision();
    if (moved)  // else the handle read so far keeps its warm blocks
        m_db = std::move(latest);
    return moved;
}

std::vector<JudgementRow> Searcher::judgements(const SearchRequest& request)
{
    check_year_range(request);
    return retrying([&] { return judgement_table(m_db, request); });
}

Trend Searcher::trend(const SearchRequest& request, const std::string& split)
{
    validate(request);
    return retrying([&] { return query_trend(m_db, m_analyser, request, split); });
}

std::vector<nlohmann::json> Searcher::reports(const SearchRequest& request)
{
    check_year_range(request);
    return retrying([&] { return list_reports(m_db, request); });
}

SimilarResult Searcher::similar(const std::string& id, const SearchRequest& request)
{
    validate(request);
    return retrying([&] { return similar_once(id, request); });
}

SimilarResult Searcher::similar_once(const std::string& id, const SearchRequest& request)
{
    const SimilarQuery similar = similar_query(m_db, m_analyser, id);
    SearchRequest filters_only = request;
    filters_only.query.clear();
    const BuiltQuery built = build_query(filters_only, m_db, m_analyser);
    Xapian::Query query = similar.words;
    for (const auto& [facet, group] : built.filter_groups)
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, group);
    if (!similar.authority_term.empty())  // elsewhere: not the authority's own reports
        query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(similar.authority_term));
    // A finding, not a report's introduction ("Inspectors reviewed...").
    const Field& finding_type = *field_named("finding_type");
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(finding_type.term_prefix + "context"));
    Xapian::Enquire enquire(m_db);
    enquire.set_query(query);
    enquire.set_collapse_key(field_named("authority")->slot);  // one paragraph an authority
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(request.per_page));
    RankedPage page;
    for (auto match = mset.begin(); match != mset.end(); ++match) {
        page.documents.push_back(*match);
        page.weights.push_back(match.get_weight());
    }
    SimilarResult result;
    ReportRecords reports(m_db, kept_report_parts(m_db));
    result.paragraph = read_hit(m_db.get_document(similar.source), reports, nullptr);
    result.terms = similar.terms;
    const Highlighter highlighter(similar.words, m_analyser);
    result.hits = read_hits(page, m_db, &highlighter);
    return result;
}

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
    return retrying([&] {
        SearchResult result;
        Stopwatch stopwatch;
        result.query = request.query;
        result.page = request.page;
        result.per_page = request.per_page;
        BuiltQuery built = build_query(request, m_db, m_analyser);
        result.timings.parse_ms = stopwatch.lap();
        const QuerySets sets = sets_with_fallback(built, m_db);
        result.interpreted = built.reading;
        result.suggestion = built.suggestion;
        result.total = request.collapse_reports ? count_reports(*sets.matched, m_db) : sets.matched->count();
        const RankedPage page = request.per_page > 0 ? rank_page(request, built, sets, m_db) : RankedPage{};
        result.timings.match_ms = stopwatch.lap();
        const Highlighter highlighter(built.text, m_analyser);
        result.hits = read_hits(page, m_db, ranks_by_words(built) ? &highlighter : nullptr);
        if (request.collapse_reports && !result.hits.empty()) {
            const auto counts = matches_in_reports(*sets.matched, page.documents, m_db);
            for (std::size_t i = 0; i < result.hits.size(); ++i)
                result.hits[i].report_matches = counts[i];
        }
        result.timings.snippets_ms = stopwatch.lap();
        if (request.facets)
            result.facets = count_facets(sets, *FacetColumns::of(m_db), request.facet_names);
        result.timings.facets_ms = stopwatch.lap();
        result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        return result;
    });
}

nlohmann::json Searcher::report(const std::string& id, const std::string& query)
{
    return retrying([&] { return report_once(id, query); });
}

nlohmann::json Searcher::report_once(const std::string& id, const std::string& query)
{
    nlohmann::json report = lookup_report(m_db, id);
    if (query.empty())
        return report;
    SearchRequest request;
    request.query = query;
    const BuiltQuery built = build_query(request, m_db, m_analyser);
    if (!ranks_by_words(built))
        return report;
    const Highlighter highlighter(built.text, m_analyser);
    std::size_t matches = 0;
    for (auto& paragraph : report["paragraphs"]) {
        std::string marked = highlighter.marked(paragraph.value("text", ""));
        matches += marked.find("<mark>") != std::string::npos;
        paragraph["marked"] = std::move(marked);
    }
    report["matches"] = matches;
    return report;
}

std::size_t Searcher::for_each_match(const SearchRequest& request, const std::function<void(const SearchHit&)>& visit,
                                     QueryReading* reading, std::size_t limit)
{
    BuiltQuery built = build_query(request, m_db, m_analyser);
    const QuerySets sets = sets_with_fallback(built, m_db);
    if (reading)
        *reading = built.reading;
    const bool has_text = ranks_by_words(built);
    const Highlighter highlighter(built.text, m_analyser);
    ReportRecords reports(m_db, kept_report_parts(m_db));
    Xapian::Enquire enquire(m_db);
    enquire.set_query(streaming_query(built, sets.matched, m_db));
    configure_order(enquire, request);
    // Every match ranked in one pass, as the exact sets count them: pages of the ranking would
    // rank every match again for each page, a cost that grows with the square of the rows.
    const std::size_t matches = request.collapse_reports ? count_reports(*sets.matched, m_db) : sets.matched->count();
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(std::min(matches, limit)));
    RankedPage ranked;
    for (auto match = mset.begin(); match != mset.end(); ++match) {
        ranked.documents.push_back(*match);
        ranked.weights.push_back(match.get_weight());
    }
    rescore_top(ranked, request, built, m_db);  // the pages' order
    if (!has_text)
        std::fill(ranked.weights.begin(), ranked.weights.end(), 0.0);
    stream_hits(ranked, m_db, has_text ? &highlighter : nullptr, request.snippets, visit);
    return ranked.documents.size();
}

}  // namespace findings
