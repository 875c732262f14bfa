// The command line of findings, read with CLI11: options in every standard form, the query's
// words in order, and the help that teaches the query language.
#include "cli/arguments.h"

#include "core/common/command_line.h"
#include "core/common/defaults.h"
#include "core/common/error.h"
#include "core/common/fields.h"
#include "core/query/result_rows.h"
#include "core/query/search_params.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <vector>

namespace findings {

namespace {

constexpr const char* k_program = "findings";

[[noreturn]] void fail(const std::string& message) { fail_usage(k_program, message); }

const char* const k_usage = R"(Usage: findings [options] QUERY...
       findings report ID [--format text|markdown|json]   one report, whole
       findings reports [filters] [--format table|csv|json|ndjson]   the reports, newest first
       findings [options] -- QUERY...   (words after -- are all query, even "-n" or "--all")

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
  findings --format csv --fields id,authority,date,text --all neglect
  findings --count --batch queries.txt          how many paragraphs each query matches
  findings --authority Croydon --timeline "care leavers"
                                                how Croydon's care leavers fared, visit by visit
  findings --similar croydon-2020-03-16-inspection/28 --polarity positive
                                                where is what this paragraph criticises done well?
  findings --compare year_to=2017 --compare year_from=2021 neglect
                                                neglect before 2018 and since 2021, side by side
  findings --trend "drift and delay"            is it found more often since 2020 than before?
  findings --trend --split polarity "drift and delay" --format csv
  findings report croydon-2024-12-03-inspection --format markdown
                                                one report whole, with its judgements
  findings reports --authority Croydon          Croydon's inspections, newest first, with
                                                their overall grades and ids
  findings reports --overall inadequate --year 2020.. --format csv

Options:
  --db DIR            the index (default: $FINDINGS_DB, else data/index)
  --server URL        ask a running searchd instead (e.g. --server http://127.0.0.1:8080)
  --format FORMAT     table (default), json (the API's shape), ndjson, csv
  -n, --limit N       results per page (default 10, at most 100; 0 with --facets: counts only)
  --page N            page of results (default 1)
  --sort ORDER        relevance (default) or date (newest first)
  --since Y, --until Y  the same as --year Y.. and --year ..Y
  --collapse          the best paragraph of each report only
  --all               stream every match (ndjson or csv; for exports)
  --facets            print facet counts after the results (csv, ndjson: with --limit 0,
                      as facet,value,count rows)
  --facet NAME        count this facet only (authority, year, ...; repeat for more); implies --facets
  --explain           print how the query was read, on stderr
  --quiet             print no notes on stderr (corrections, words left out, fallbacks)
  --literal           do not read cues or correct spelling: search the words as written
  --any               match paragraphs with any of the words (by default a match has every
                      word, a synonym group or a phrase counting as one; when fewer than 10
                      paragraphs have all, those with any are shown, and stderr says so)
  --strict            a match has every word, however few paragraphs have them all: totals
                      to cite, never the fallback to any word
  --no-autocorrect    search misspelt words as typed (by default a word the index does not
                      hold is corrected to a close, common one, and stderr says so)
  --judgements        list the grade history instead of searching: one row per report and
                      judgement (authority, report, kind, dates, key, label, grade), for the
                      filters --authority, --region, --authority-type, --year, --kind,
                      --overall, --judgement KEY[=GRADE] and --grade (of the row)
  --timeline          with one --authority: its inspections oldest first, each with its kind,
                      overall grade and findings by type; with words, each inspection's
                      matching findings and the best 3 of them
  --compare FILTERS   twice: the query under each set of filters side by side, written as a
                      URL's query (--compare authority=Croydon --compare authority=Bromley,
                      --compare year_to=2017 --compare year_from=2021): matches, paragraphs,
                      share, what stands out, the best findings of each
  --similar ID        the paragraphs of other authorities' reports most like paragraph ID (a
                      result's id, e.g. croydon-2020-03-16-inspection/28), one an authority, within
                      the filters given (--polarity positive: where is this done well?)
  --trend             the matches year by year instead of a page of them: for each year the
                      matching paragraphs, the paragraphs that pass the filters whatever their
                      words, the share, and the matches by finding type
  --split FACET       with --trend, also split each year's matches by a facet (region,
                      authority_type, polarity, ...)
  --count             print the number of matching paragraphs only
  --fields LIST       the columns of table, csv and ndjson rows, e.g. --fields id,authority,date,url
                      (rank, id, report_id, the fields below but judgement, date, section,
                      report_title, score, url, ofsted_url, text, position, snippet). url cites
                      the paragraph on the search page (at --server, else $FINDINGS_URL, else
                      http://127.0.0.1:8080); ofsted_url is where Ofsted publishes the
                      authority's reports
  --batch FILE        search each line of FILE as a query (FILE "-", or the query "-": standard
                      input), with the index opened once; prints NDJSON rows, each with its
                      "query" (with --count: one row a query, {"query", "total"})
  -V, --version       print the version of findings and of the index
  -h, --help          show this help
Options take their value as "--limit 5", "--limit=5" or "-n5"; a word beginning with "-"
(other than -n, -h, -V) is query syntax: "neglect -Croydon" excludes Croydon.

Filters (an option may be repeated: its values are OR-ed, different options AND-ed):
)";

const char* const k_usage_end = R"(
Exit status: 0 matches found, 1 no match, 2 error (message on stderr).
)";

// Returns the help of the filter options, one per field of the table of fields.
std::string filter_help()
{
    std::string help;
    for (const Field& field : fields()) {
        const bool range = field.filter == FieldFilter::year_range;
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
    for (const Field& field : fields())
        syntax += " " + field.query_prefix + ":" + field.example;
    return help + "In a query the same filters are written as fields:" + syntax + "\n";
}

int parse_year(const std::string& option, const std::string& text)
{
    if (text.empty())
        return 0;
    return static_cast<int>(whole_number(k_program, option, text, 1990, 2100));  // a four-digit year
}

void parse_year_option(const std::string& value, SearchRequest& request)
{
    const auto dots = value.find("..");
    if (dots == std::string::npos) {
        request.year_from = request.year_to = parse_year("--year", value);
        return;
    }
    request.year_from = parse_year("--year", value.substr(0, dots));
    request.year_to = parse_year("--year", value.substr(dots + 2));
}

void print_help(std::FILE* out) { std::fprintf(out, "%s%s%s", k_usage, filter_help().c_str(), k_usage_end); }

// Returns where the search page that rows' url column links to is served: the searchd asked,
// else $FINDINGS_URL, else searchd's default address; without a trailing slash.
std::string page_base_of(const std::string& server)
{
    const char* environment = std::getenv("FINDINGS_URL");
    std::string base = !server.empty() ? server : environment && *environment ? environment : "http://127.0.0.1:8080";
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return base;
}

// Returns the first word of the command line that is neither an option nor an option's value
// ("" when there is none, or when a word of the query comes first): "report" in
// `findings --db DIR report ID`; "" in `findings neglect report` and `findings -Croydon report`
// (an exclusion is a word of the query).
std::string first_word(const CLI::App& app, int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--" || arg.empty() || arg[0] != '-' || arg == "-")
            return arg == "--" ? "" : arg;
        const std::string name = arg.substr(0, arg.find('='));
        const bool short_with_value = arg.size() > 2 && arg[1] != '-';  // -n3
        const CLI::Option* option = app.get_option_no_throw(short_with_value ? arg.substr(0, 2) : name);
        if (!option)
            return "";  // "-Croydon": the query has begun
        const bool takes_value = option->get_type_size_min() > 0;
        const bool value_attached = name.size() < arg.size() || short_with_value;  // --db=X, -n3
        if (takes_value && !value_attached)
            ++i;
    }
    return "";
}

}  // namespace

Options parse_arguments(int argc, char** argv)
{
    if (argc < 2) {  // nothing to do: the help, as an error (a script that forgot its query)
        print_help(stderr);
        std::exit(k_exit_usage);
    }
    Options options;
    options.db = default_index_path();
    CLI::App app("", k_program);
    app.set_help_flag();       // the help below teaches more than CLI11's
    app.allow_extras();        // the query's words, "-Croydon" among them, in order
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    bool help = false;
    bool any = false;
    bool strict = false;
    bool no_autocorrect = false;
    std::string format = "table", limit, page, sort = "relevance", year, since, until, columns;
    app.add_flag("-h,--help", help);
    app.add_flag("-V,--version", options.version);
    app.add_option("--db", options.db);
    app.add_option("--server", options.server);
    app.add_option("--format", format);
    app.add_option("-n,--limit", limit);
    app.add_option("--page", page);
    app.add_option("--sort", sort);
    app.add_option("--fields", columns);
    app.add_option("--batch", options.batch);
    app.add_option("--since", since);
    app.add_option("--until", until);
    std::vector<std::string> facet_names;
    app.add_option("--facet", facet_names)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    std::map<std::string, std::vector<std::string>> filters;
    for (const Field& field : fields()) {
        if (field.filter == FieldFilter::year_range)
            app.add_option(field.cli_option, year);
        else  // repeated: its values are OR-ed
            app.add_option(field.cli_option, filters[field.name])
                ->allow_extra_args(false)  // one value an occurrence: the words after it are the query's
                ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    }
    app.add_flag("--collapse", options.request.collapse_reports);
    app.add_flag("--all", options.all);
    app.add_flag("--facets", options.facets);
    app.add_flag("--explain", options.explain);
    app.add_flag("--quiet", options.quiet);
    app.add_flag("--literal", options.request.literal);
    app.add_flag("--no-autocorrect", no_autocorrect);
    app.add_flag("--any", any);
    app.add_flag("--strict", strict);
    app.add_flag("--judgements", options.judgements);
    app.add_flag("--trend", options.trend);
    app.add_option("--similar", options.similar);
    app.add_option("--compare", options.compare)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    bool timeline = false;
    app.add_flag("--timeline", timeline);
    app.add_option("--split", options.split);
    app.add_flag("--count", options.count);
    // "findings report ID" and "findings reports" are commands only as the first word (after
    // options): "findings neglect report" and "findings -- report writing" search the word.
    const std::string first = first_word(app, argc, argv);
    const bool report = first == "report";
    if (report) {
        CLI::App* command = app.add_subcommand("report");
        command->fallthrough();  // findings report ID --db DIR
        command->add_option("id", options.report_id)->required();
    }
    options.list_reports = first == "reports";
    if (options.list_reports)
        app.add_subcommand("reports")->fallthrough();  // findings reports --authority Croydon
    parse_command_line(app, k_program, argc, argv);
    if (help) {
        print_help(stdout);
        std::exit(0);
    }
    options.page_base = page_base_of(options.server);
    std::string query;
    bool words_only = false;  // after "--"
    for (const std::string& word : app.remaining()) {
        if (!words_only && word == "--") {
            words_only = true;
            continue;
        }
        if (!words_only && word.rfind("--", 0) == 0)
            fail("unknown option " + word);
        query += (query.empty() ? "" : " ") + word;
    }
    if (query == "-" && options.batch.empty()) {  // findings - : the queries come on standard input
        options.batch = "-";
        query.clear();
    }
    if (!options.batch.empty() && !query.empty())
        fail("--batch reads its queries a line each: give no query on the command line");
    if (!options.batch.empty() && (options.facets || options.judgements || options.explain))
        fail("--batch prints rows of results (or totals with --count): leave out --facets, --judgements and --explain");
    if ((report || options.list_reports) && !options.batch.empty())
        fail("--batch searches queries: findings report and findings reports take none");
    if (report) {
        const auto chosen = report_format_named(format);
        if (!chosen)
            fail("a report prints as text (the default), markdown or json, not \"" + format + "\"");
        if (!query.empty())
            fail("findings report takes one report id (to search the word \"report\" first, write findings -- report ...)");
        options.report_format = *chosen;
        return options;
    }
    const auto chosen = output_format_named(format);
    if (!chosen)
        fail("unknown format \"" + format + "\": use table, json, ndjson or csv");
    options.format = *chosen;
    if (!options.batch.empty() && format == "table")
        options.format = OutputFormat::ndjson;  // a batch prints rows, each with its query
    if (!options.batch.empty() && options.format != OutputFormat::ndjson)
        fail("--batch prints NDJSON rows, each with its query: leave out --format or use --format ndjson");
    try {
        options.columns = row_columns_named(columns);
    } catch (const Error& error) {
        fail(std::string("--fields: ") + error.what());
    }
    if (!options.columns.empty() && options.format == OutputFormat::json)
        fail("--fields chooses the columns of table, csv and ndjson rows: json keeps the API's shape");
    if (!limit.empty())
        options.request.per_page = static_cast<std::size_t>(whole_number(k_program, "--limit", limit, 0, k_max_per_page));
    if (!page.empty())
        options.request.page = static_cast<std::size_t>(whole_number(k_program, "--page", page, 1, k_max_page));
    if (sort != "relevance" && sort != "date")
        fail("--sort is relevance or date");
    options.request.sort = sort == "date" ? SortOrder::date : SortOrder::relevance;
    if (!year.empty())
        parse_year_option(year, options.request);
    if (!since.empty())
        options.request.year_from = parse_year("--since", since);
    if (!until.empty())
        options.request.year_to = parse_year("--until", until);
    for (auto& [name, values] : filters) {
        if (!values.empty())
            options.request.filters[name] = std::move(values);
    }
    if (!facet_names.empty()) {
        std::string list;
        for (const auto& name : facet_names)
            list += (list.empty() ? "" : ",") + name;
        try {
            read_facets(list, options.request);
        } catch (const Error& error) {
            fail(std::string("--facet: ") + error.what());
        }
        options.facets = true;
    }
    if (any && strict)
        fail("--any and --strict disagree: choose one");
    options.request.match_all = !any;
    options.request.fall_back = !strict;
    options.request.autocorrect = !no_autocorrect;
    options.request.query = query;
    if (options.list_reports) {
        if (!query.empty())
            fail("the reports command lists reports by filters (--authority, --year, --overall, ...), not by words: "
                 "to search the word \"reports\" first, write findings -- reports ...");
        const SearchRequest defaults;
        if (options.all || options.facets || options.explain || options.judgements || options.count || options.trend ||
            options.request.literal || options.request.collapse_reports || !options.columns.empty() ||
            options.request.per_page != defaults.per_page || options.request.page != defaults.page ||
            options.request.sort != defaults.sort)
            fail("findings reports prints the whole list: it takes filters and --format only");
        return options;
    }
    if (!options.compare.empty()) {
        if (options.compare.size() != 2)
            fail("--compare takes two sides: --compare FILTERS --compare FILTERS");
        const SearchRequest defaults;
        if (options.all || options.facets || options.explain || options.judgements || options.count || options.trend ||
            timeline || options.list_reports || !options.similar.empty() || options.request.collapse_reports ||
            options.request.per_page != defaults.per_page || options.request.page != defaults.page ||
            options.request.sort != defaults.sort || !options.columns.empty())
            fail("--compare sets two sides side by side: it takes words, filters and --format only");
        return options;
    }
    if (!options.similar.empty()) {
        if (!query.empty())
            fail("--similar finds paragraphs like the one named, not words: give filters only (--polarity, --year, ...)");
        const SearchRequest defaults;
        if (options.all || options.facets || options.explain || options.judgements || options.count || options.trend ||
            timeline || options.list_reports || options.request.collapse_reports || options.request.page != defaults.page ||
            options.request.sort != defaults.sort)
            fail("--similar lists paragraphs like one: it takes filters, --limit, --fields and --format only");
        return options;
    }
    if (timeline) {
        const auto named = options.request.filters.find("authority");
        if (named == options.request.filters.end() || named->second.size() != 1)
            fail("--timeline follows one authority: add --authority NAME");
        const SearchRequest defaults;
        if (options.all || options.facets || options.explain || options.judgements || options.count || options.trend ||
            options.list_reports || options.request.collapse_reports || !options.columns.empty() ||
            options.request.per_page != defaults.per_page || options.request.page != defaults.page ||
            options.request.sort != defaults.sort)
            fail("--timeline lists an authority's inspections: it takes --authority, words, filters and --format only");
        options.timeline = named->second.front();
        return options;
    }
    if (!options.split.empty() && !options.trend)
        fail("--split splits a trend's years: add --trend");
    if (options.trend) {
        const SearchRequest defaults;
        if (options.all || options.facets || options.explain || options.judgements || options.count || options.list_reports ||
            options.request.collapse_reports || options.request.per_page != defaults.per_page ||
            options.request.page != defaults.page || options.request.sort != defaults.sort || !options.columns.empty())
            fail("--trend counts every matching paragraph year by year: it takes words, filters, --split and --format only");
        return options;
    }
    if (options.count) {
        if (options.all || options.facets || options.judgements)
            fail("--count prints the total alone: leave out --all, --facets and --judgements");
        options.request.per_page = 0;  // the total alone
        options.request.facets = false;
        return options;
    }
    if (options.judgements) {
        if (!query.empty())
            fail("--judgements lists grades, it does not search words: give filters only (--authority, --overall, ...)");
        const SearchRequest defaults;
        if (options.all || options.facets || options.explain || options.request.literal || options.request.collapse_reports ||
            options.request.per_page != defaults.per_page || options.request.page != defaults.page ||
            options.request.sort != defaults.sort)
            fail("--judgements prints the whole table: it takes filters and --format only");
        return options;
    }
    if (options.request.per_page == 0) {
        if (!options.facets)
            fail("--limit 0 only makes sense with --facets");
        options.counts_only = true;
    }
    if (options.all && options.format != OutputFormat::ndjson && options.format != OutputFormat::csv)
        fail("--all streams every match: use it with --format ndjson or --format csv");
    if (options.all && options.facets)
        fail("--all streams matches only: ask for the counts on their own with --facets --limit 0");
    if (options.all)
        options.request.snippets = rows_need_snippet(options.columns);
    const bool rows = options.format == OutputFormat::csv || options.format == OutputFormat::ndjson;
    if (rows && options.facets && !options.counts_only)
        fail("csv and ndjson hold one kind of row: add --limit 0 for the facet counts alone, or leave out --facets");
    // A table shows facets only when asked; JSON always carries them. Not counting them spares
    // loading the facet columns, most of a one-off search's time on a large index.
    options.request.facets = options.facets || options.format != OutputFormat::table;
    return options;
}


}  // namespace findings
