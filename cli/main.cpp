// findings: searches the Findings index from the command line, for people and scripts.
#include "cli/output.h"
#include "cli/remote_search.h"
#include "core/common/command_line.h"
#include "core/common/defaults.h"
#include "core/common/error.h"
#include "core/common/fields.h"
#include "core/common/text_normaliser.h"
#include "core/query/search.h"

#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr int k_exit_matches = 0;
constexpr int k_exit_no_match = 1;
constexpr int k_exit_error = 2;

const char* const k_usage = R"(Usage: findings [options] QUERY...

Searches inspection reports on children's services paragraph by paragraph. Plain words are
searched as text (stemmed: "weaknesses" finds "weakness"), and cues become filters:
  years         since 2009, before 2011, in 2010, 2009-2011, in 2019 and 2020, since June 2020
                (a month reads as its year: reports are filtered by year)
  authorities   Croydon, in Barking and Dagenham, London Borough of Redbridge; a reorganised
                one also reads as its successors (Northamptonshire: North and West Northamptonshire)
  regions       in London, in the North West, Yorkshire, the Midlands
  authority types  London boroughs, counties, metropolitan districts, unitary authorities
  finding types weaknesses, concerns, strengths, good practice, priority action,
                areas for development, recommendations, within six months
  grades        graded inadequate, rated good, grade 4 (the judgement a paragraph is under)
  overall       inadequate overall, in authorities judged inadequate (the report's overall grade)
Explicit syntax always works: authority:"Barking and Dagenham" year:2009..2011
type:priority_action grade:adequate region:London "quoted phrase" AND OR NOT -word
A minus, NOT, "not", "excluding", "except" or "outside" before an authority, a region or a
year excludes it: neglect -Croydon NOT 2010, neglect not in 2019, neglect outside London
A word ending in * finds every word that begins with it: neglec* (at least 3 letters).
A word the index does not hold is corrected to a close, common one (permenance -> permanence),
and stderr says so; notes on how the query was read are printed on stderr (--quiet: none).

Examples:
  findings supervision recording weakness since 2009
  findings --explain Croydon strengths          how the query was read
  findings --format csv --all neglect thresholds > neglect.csv
  findings --facets --limit 0 "care leavers"    facet counts only
  findings --literal "priority action"          no cue reading
  findings --judgements --authority Croydon     every grade of every Croydon inspection
  findings --judgements --judgement help_and_protection=inadequate --format csv

Options:
  --db DIR            the index (default: $FINDINGS_DB, else data/index)
  --server URL        ask a running searchd instead (e.g. --server http://127.0.0.1:8080)
  --format FORMAT     table (default), json (the API's shape), ndjson, csv
  --limit N           results per page (default 10, at most 100; 0 with --facets: counts only)
  --page N            page of results (default 1)
  --sort ORDER        relevance (default) or date (newest first)
  --collapse          the best paragraph of each report only
  --all               stream every match (ndjson or csv; for exports)
  --facets            print facet counts after the results (csv, ndjson: with --limit 0,
                      as facet,value,count rows)
  --explain           print how the query was read, on stderr
  --quiet             print no notes on stderr (corrections, words left out, fallbacks)
  --literal           do not read cues or correct spelling: search the words as written
  --any               match paragraphs with any of the words (by default a match has every
                      word, a synonym group or a phrase counting as one; when fewer than 10
                      paragraphs have all, those with any are shown, and stderr says so)
  --no-autocorrect    search misspelt words as typed (by default a word the index does not
                      hold is corrected to a close, common one, and stderr says so)
  --judgements        list the grade history instead of searching: one row per report and
                      judgement (authority, report, kind, dates, key, label, grade), for the
                      filters --authority, --region, --authority-type, --year, --kind,
                      --overall, --judgement KEY[=GRADE] and --grade (of the row)
  --help              show this help

Filters (an option may be repeated: its values are OR-ed, different options AND-ed):
)";

const char* const k_usage_end = R"(
Exit status: 0 matches found, 1 no match, 2 error (message on stderr).
)";

// Returns the help of the filter options, one per field of the table of fields.
std::string filter_help()
{
    std::string help;
    for (const findings::Field& field : findings::fields()) {
        const bool range = field.filter == findings::FieldFilter::year_range;
        const std::string option = "  " + field.cli_option + (range ? " Y | Y1..Y2" : " VALUE");
        help += option + std::string(option.size() < 22 ? 22 - option.size() : 1, ' ') + field.description;
        if (range)
            help += " (2009.. and ..2011 are open ranges)";
        else if (!field.values.empty()) {
            std::string values;
            for (const auto& value : field.values)
                values += (values.empty() ? "" : ", ") + value.value;
            help += ":\n" + std::string(22, ' ') + values;
        } else {
            help += ", e.g. " + field.example;
        }
        help += "\n";
    }
    std::string syntax;
    for (const findings::Field& field : findings::fields())
        syntax += " " + field.query_prefix + ":" + field.example;
    return help + "In a query the same filters are written as fields:" + syntax + "\n";
}

struct Options {
    std::string db = findings::default_index_path();
    std::string server;
    findings::OutputFormat format = findings::OutputFormat::table;
    findings::SearchRequest request;
    bool all = false;
    bool facets = false;
    bool explain = false;
    bool quiet = false;
    bool counts_only = false;
    bool judgements = false;
};

int parse_year(const std::string& text, const findings::CommandLine& line)
{
    if (text.empty())
        return 0;
    char* end = nullptr;
    const long year = std::strtol(text.c_str(), &end, 10);
    if (*end != '\0' || year < 1990 || year > 2100)
        line.fail("--year needs four-digit years, e.g. --year 2009..2011");
    return static_cast<int>(year);
}

void parse_year_option(const std::string& value, const findings::CommandLine& line, findings::SearchRequest& request)
{
    const auto dots = value.find("..");
    if (dots == std::string::npos) {
        request.year_from = request.year_to = parse_year(value, line);
        return;
    }
    request.year_from = parse_year(value.substr(0, dots), line);
    request.year_to = parse_year(value.substr(dots + 2), line);
}

// Returns the field whose filter option is option ("--authority-type"), or nullptr.
const findings::Field* field_with_option(const std::string& option)
{
    for (const findings::Field& field : findings::fields()) {
        if (field.cli_option == option)
            return &field;
    }
    return nullptr;
}

Options parse_arguments(int argc, char** argv)
{
    Options options;
    std::string query;
    findings::CommandLine line("findings", argc, argv);
    while (line.next()) {
        const std::string& argument = line.argument();
        if (argument == "--help" || argument == "-h") {
            std::printf("%s%s%s", k_usage, filter_help().c_str(), k_usage_end);
            std::exit(k_exit_matches);
        } else if (argument == "--db") {
            options.db = line.value();
        } else if (argument == "--server") {
            options.server = line.value();
        } else if (argument == "--format") {
            const std::string name = line.value();
            const auto format = findings::output_format_named(name);
            if (!format)
                line.fail("unknown format \"" + name + "\": use table, json, ndjson or csv");
            options.format = *format;
        } else if (argument == "--limit") {
            options.request.per_page = static_cast<std::size_t>(line.number(0, findings::k_max_per_page));
        } else if (argument == "--page") {
            options.request.page = static_cast<std::size_t>(line.number(1, findings::k_max_page));
        } else if (argument == "--sort") {
            const std::string order = line.value();
            if (order != "relevance" && order != "date")
                line.fail("--sort is relevance or date");
            options.request.sort = order == "date" ? findings::SortOrder::date : findings::SortOrder::relevance;
        } else if (const findings::Field* field = field_with_option(argument)) {
            if (field->filter == findings::FieldFilter::year_range)
                parse_year_option(line.value(), line, options.request);
            else
                options.request.filters[field->name].push_back(line.value());
        } else if (argument == "--collapse") {
            options.request.collapse_reports = true;
        } else if (argument == "--all") {
            options.all = true;
        } else if (argument == "--facets") {
            options.facets = true;
        } else if (argument == "--explain") {
            options.explain = true;
        } else if (argument == "--quiet") {
            options.quiet = true;
        } else if (argument == "--literal") {
            options.request.literal = true;
        } else if (argument == "--no-autocorrect") {
            options.request.autocorrect = false;
        } else if (argument == "--any") {
            options.request.match_all = false;
        } else if (argument == "--judgements") {
            options.judgements = true;
        } else if (argument.rfind("--", 0) == 0) {
            line.fail("unknown option " + argument);
        } else {
            query += (query.empty() ? "" : " ") + argument;
        }
    }
    options.request.query = query;
    if (options.judgements) {
        if (!query.empty())
            line.fail("--judgements lists grades, it does not search words: give filters only (--authority, --overall, ...)");
        const findings::SearchRequest defaults;
        if (options.all || options.facets || options.explain || options.request.literal || options.request.collapse_reports ||
            options.request.per_page != defaults.per_page || options.request.page != defaults.page ||
            options.request.sort != defaults.sort)
            line.fail("--judgements prints the whole table: it takes filters and --format only");
        return options;
    }
    if (options.request.per_page == 0) {
        if (!options.facets)
            line.fail("--limit 0 only makes sense with --facets");
        options.counts_only = true;
        options.request.per_page = 1;
    }
    if (options.all && options.format != findings::OutputFormat::ndjson && options.format != findings::OutputFormat::csv)
        line.fail("--all streams every match: use it with --format ndjson or --format csv");
    if (options.all && options.facets)
        line.fail("--all streams matches only: ask for the counts on their own with --facets --limit 0");
    const bool rows = options.format == findings::OutputFormat::csv || options.format == findings::OutputFormat::ndjson;
    if (rows && options.facets && !options.counts_only)
        line.fail("csv and ndjson hold one kind of row: add --limit 0 for the facet counts alone, or leave out --facets");
    // A table shows facets only when asked; JSON always carries them. Not counting them spares
    // loading the facet columns, most of a one-off search's time on a large index.
    options.request.facets = options.facets || options.format != findings::OutputFormat::table;
    return options;
}

// Returns whether the request has neither words nor filters: the API lists every paragraph
// for it (a page browsing by facets), the command line asks for something to search.
bool asks_for_nothing(const findings::SearchRequest& request)
{
    return findings::collapse_spaces(request.query).empty() && request.filters.empty() && !request.year_from &&
           !request.year_to;
}

// Runs the command with a local Searcher or a RemoteSearcher: both have the same calls.
template <typename Searcher>
int run_with(Searcher& searcher, const Options& options)
{
    if (options.judgements) {
        const auto rows = searcher.judgements(options.request);
        findings::print_judgements(stdout, rows, options.format);
        return rows.empty() ? k_exit_no_match : k_exit_matches;
    }
    if (asks_for_nothing(options.request)) {
        std::fprintf(stderr, "findings: note: nothing to search: give words, or a filter such as --authority Croydon "
                             "(every paragraph: --year 2000..)\n");
        return k_exit_no_match;
    }
    if (options.all) {
        if (options.format == findings::OutputFormat::csv)
            findings::print_csv_header(stdout);
        findings::QueryReading reading;
        const std::size_t count = searcher.for_each_match(
            options.request, [&](const findings::SearchHit& hit) { findings::print_streamed_hit(stdout, hit, options.format); },
            &reading);
        if (!options.quiet)
            findings::print_notes(stderr, reading, "");
        return count > 0 ? k_exit_matches : k_exit_no_match;
    }
    findings::SearchResult result = searcher.search(options.request);
    if (options.explain)
        findings::print_explanation(stderr, result);
    else if (!options.quiet)
        findings::print_notes(stderr, result.interpreted, result.suggestion);
    if (options.counts_only)
        result.hits.clear();
    findings::TableStyle style;
    style.colour = isatty(fileno(stdout)) != 0 && std::getenv("NO_COLOR") == nullptr;
    if (!options.counts_only || options.format == findings::OutputFormat::json)
        findings::print_results(stdout, result, options.format, style);
    if (options.facets)
        findings::print_facets(stdout, result, options.format);
    return result.total > 0 ? k_exit_matches : k_exit_no_match;
}

int run(const Options& options)
{
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
    const Options options = parse_arguments(argc, argv);
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
