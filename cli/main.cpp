// findings: searches the Findings index from the command line, for people and scripts.
#include "cli/arguments.h"
#include "cli/output.h"
#include "cli/remote_search.h"
#include "core/common/command_line.h"
#include "core/common/error.h"
#include "core/common/index_schema.h"
#include "core/common/json_text.h"
#include "core/common/text_normaliser.h"
#include "core/query/authority_timeline.h"
#include "core/query/comparison.h"
#include "core/query/result_rows.h"
#include "core/query/search.h"

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr int k_exit_matches = 0;
constexpr int k_exit_no_match = 1;
constexpr int k_exit_error = 2;

// Returns whether the request has neither words nor filters: the API lists every paragraph
// for it (a page browsing by facets), the command line asks for something to search.
bool asks_for_nothing(const findings::SearchRequest& request)
{
    return findings::collapse_spaces(request.query).empty() && request.filters.empty() && !request.year_from &&
           !request.year_to;
}

// Colours matches when out is a terminal and NO_COLOR is not set.
findings::TableStyle style_for(std::FILE* out)
{
    findings::TableStyle style;
    style.colour = isatty(fileno(out)) != 0 && std::getenv("NO_COLOR") == nullptr;
    return style;
}

// Searches each line of the batch as a query with the one searcher: NDJSON rows, each with its
// query (with --count, one row a query and its total).
template <typename Searcher>
int run_batch(Searcher& searcher, const findings::Options& options)
{
    std::ifstream file;
    if (options.batch != "-") {
        file.open(options.batch);
        if (!file)
            throw findings::Error(findings::ErrorCode::io_error, "cannot read the batch file " + options.batch);
    }
    std::istream& in = options.batch == "-" ? std::cin : file;
    bool matched = false;
    for (std::string line; std::getline(in, line);) {
        findings::SearchRequest request = options.request;
        if (!line.empty() && line.back() == '\r')  // a Windows line end
            line.pop_back();
        request.query = findings::collapse_spaces(line);
        if (request.query.empty())
            continue;
        const auto print = [&](const findings::SearchHit& hit) {
            nlohmann::json row = findings::row_json(hit, options.columns, options.page_base);
            row["query"] = request.query;
            std::printf("%s\n", findings::json_text(row).c_str());
            matched = true;
        };
        findings::QueryReading reading;
        if (options.all) {
            searcher.for_each_match(request, print, &reading);
        } else {
            const findings::SearchResult result = searcher.search(request);
            reading = result.interpreted;
            if (options.count) {
                std::printf("%s\n", findings::json_text({{"query", request.query}, {"total", result.total}}).c_str());
                matched = matched || result.total > 0;
            } else {
                for (const auto& hit : result.hits)
                    print(hit);
            }
        }
        if (!options.quiet)
            findings::print_notes(stderr, reading, "");
    }
    return matched ? k_exit_matches : k_exit_no_match;
}

// Runs the command with a local Searcher or a RemoteSearcher: both have the same calls.
template <typename Searcher>
int run_with(Searcher& searcher, const findings::Options& options)
{
    if (!options.batch.empty())
        return run_batch(searcher, options);
    if (!options.report_id.empty()) {
        try {
            findings::print_report(stdout, searcher.report(options.report_id), options.report_format);
        } catch (const findings::Error& error) {
            if (error.code() != findings::ErrorCode::not_found)
                throw;
            throw findings::Error(error.code(), std::string(error.what()) + " (report ids are in results' report_id; " +
                                                    "to search the word \"report\" first, write findings -- report ...)");
        }
        return k_exit_matches;
    }
    if (!options.compare.empty()) {
        const findings::Comparison comparison =
            findings::compare(searcher, options.request, options.compare[0], options.compare[1]);
        findings::print_comparison(stdout, comparison, options.format);
        return comparison.a.total + comparison.b.total > 0 ? k_exit_matches : k_exit_no_match;
    }
    if (!options.similar.empty()) {
        const findings::SimilarResult similar = searcher.similar(options.similar, options.request);
        findings::print_similar(stdout, similar, options.format, style_for(stdout), options.columns, options.page_base);
        return similar.hits.empty() ? k_exit_no_match : k_exit_matches;
    }
    if (!options.timeline.empty()) {
        const findings::AuthorityTimeline timeline =
            findings::authority_timeline(searcher, options.timeline, options.request);
        findings::print_timeline(stdout, timeline, options.format, style_for(stdout));
        const bool matched = std::any_of(timeline.inspections.begin(), timeline.inspections.end(),
                                         [](const findings::TimelineInspection& inspection) { return inspection.matches > 0; });
        return matched ? k_exit_matches : k_exit_no_match;
    }
    if (options.trend) {
        const findings::Trend trend = searcher.trend(options.request, options.split);
        if (!options.quiet)
            findings::print_notes(stderr, trend.reading, "");
        findings::print_trend(stdout, trend, options.format);
        return trend.total > 0 ? k_exit_matches : k_exit_no_match;
    }
    if (options.list_reports) {
        const auto reports = searcher.reports(options.request);
        findings::print_report_list(stdout, reports, options.format);
        return reports.empty() ? k_exit_no_match : k_exit_matches;
    }
    if (options.judgements) {
        const auto rows = searcher.judgements(options.request);
        findings::print_judgements(stdout, rows, options.format);
        return rows.empty() ? k_exit_no_match : k_exit_matches;
    }
    if (asks_for_nothing(options.request))  // "findings --db DIR" alone: a script that lost its query
        findings::fail_usage("findings", "nothing to search: give words, or a filter such as --authority Croydon "
                                         "(every paragraph: --year 2000..)");
    if (options.all) {
        if (options.format == findings::OutputFormat::csv)
            findings::print_csv_header(stdout, options.columns);
        findings::QueryReading reading;
        const std::size_t count = searcher.for_each_match(
            options.request,
            [&](const findings::SearchHit& hit) {
                findings::print_streamed_hit(stdout, hit, options.format, options.columns, options.page_base);
            },
            &reading);
        if (!options.quiet)
            findings::print_notes(stderr, reading, "");
        return count > 0 ? k_exit_matches : k_exit_no_match;
    }
    findings::SearchResult result = searcher.search(options.request);
    if (options.count) {
        if (!options.quiet)
            findings::print_notes(stderr, result.interpreted, result.suggestion);
        std::printf("%zu\n", result.total);
        return result.total > 0 ? k_exit_matches : k_exit_no_match;
    }
    if (options.explain)
        findings::print_explanation(stderr, result);
    else if (!options.quiet)
        findings::print_notes(stderr, result.interpreted, result.suggestion);
    const findings::TableStyle style = style_for(stdout);
    if (!options.counts_only || options.format == findings::OutputFormat::json)
        findings::print_results(stdout, result, options.format, style, options.columns, options.page_base);
    if (options.facets)
        findings::print_facets(stdout, result, options.format);
    return result.total > 0 ? k_exit_matches : k_exit_no_match;
}

// Prints the version of the program and of the index it would read: the searchd's with --server.
int print_version(const findings::Options& options)
{
    std::printf("findings %s (index schema %s)\n", FINDINGS_VERSION, findings::schema::k_schema_version.c_str());
    if (!options.server.empty()) {
        const nlohmann::json health = findings::RemoteSearcher(options.server).health();
        std::printf("searchd %s at %s: index schema %s, revision %u, %u paragraphs\n",
                    health.value("version", "(before 1.0)").c_str(), options.server.c_str(),
                    health.value("schema", "?").c_str(), health.value("revision", 0U), health.value("documents", 0U));
        return k_exit_matches;
    }
    try {
        const Xapian::Database db(options.db);
        std::printf("index %s: schema %s, revision %u, %u paragraphs\n", options.db.c_str(),
                    db.get_metadata(findings::schema::k_meta_schema).c_str(), static_cast<unsigned>(db.get_revision()),
                    static_cast<unsigned>(db.get_doccount()));
    } catch (const Xapian::Error&) {
        std::printf("index %s: none yet (indexer --db %s REPORTS... builds it)\n", options.db.c_str(), options.db.c_str());
    }
    return k_exit_matches;
}

int run(const findings::Options& options)
{
    if (options.version)
        return print_version(options);
    if (!options.server.empty()) {
        findings::RemoteSearcher searcher(options.server);
        return run_with(searcher, options);
    }
    findings::Searcher searcher(options.db);
    return run_with(searcher, options);
}

}  // namespace

int main(int argc, char** argv)
{
    const findings::Options options = findings::parse_arguments(argc, argv);
    try {
        return run(options);
    } catch (const findings::Error& error) {
        std::fprintf(stderr, "findings: error: %s\n", error.what());
    } catch (const Xapian::DatabaseCorruptError& error) {
        std::fprintf(stderr, "findings: error: the index at %s is damaged (%s): see what `indexer --check --db %s` says\n",
                     options.db.c_str(), error.get_description().c_str(), options.db.c_str());
    } catch (const Xapian::Error& error) {
        std::fprintf(stderr, "findings: error: the index at %s: %s\n", options.db.c_str(), error.get_description().c_str());
    } catch (const std::exception& error) {
        std::fprintf(stderr, "findings: error: %s\n", error.what());
    }
    return k_exit_error;
}
