// Tests of the findings program itself over an index of the seed reports: help, errors and exit codes, every output format, exports, --explain, --facets and the filter options.
#include <catch2/catch.hpp>

#include "core/common/csv_text.h"
#include "core/common/fields.h"
#include "tests/test_support.h"

#include <nlohmann/json.hpp>


#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace findings::test {
namespace {

using Catch::Matchers::Contains;
using Rows = std::vector<std::vector<std::string>>;

// A temporary folder with an index of the five seed reports, built once by the indexer program.
struct SeedIndex {
    TempDir dir;
    std::string path = dir / "index";
};

const SeedIndex& seed()
{
    static const std::unique_ptr<SeedIndex> index = [] {
        auto built = std::make_unique<SeedIndex>();
        const ProgramRun run = run_program(FINDINGS_INDEXER_PATH, {"--db", built->path, corpus_path("seed")}, built->dir);
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        return built;
    }();
    return *index;
}

ProgramRun findings(const std::vector<std::string>& arguments)
{
    return run_program(FINDINGS_CLI_PATH, arguments, seed().dir);
}

// Runs findings on the seed index.
ProgramRun search(std::vector<std::string> arguments)
{
    arguments.insert(arguments.begin(), {"--db", seed().path});
    return findings(arguments);
}

nlohmann::json parse_json(const std::string& text)
{
    INFO(text.substr(0, 500));
    const nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
    REQUIRE_FALSE(value.is_discarded());
    return value;
}

std::vector<nlohmann::json> parse_ndjson(const std::string& text)
{
    std::vector<nlohmann::json> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(parse_json(line));
    return lines;
}

// Reads the CSV a program printed (RFC 4180).
Rows parse_csv(const std::string& text)
{
    Rows rows;
    REQUIRE_NOTHROW(rows = csv_rows(text));
    return rows;
}

std::set<std::string> keys_of(const nlohmann::json& object)
{
    std::set<std::string> keys;
    for (const auto& item : object.items())
        keys.insert(item.key());
    return keys;
}

bool has_keys(const nlohmann::json& object, const std::set<std::string>& keys)
{
    const std::set<std::string> present = keys_of(object);
    return std::includes(present.begin(), present.end(), keys.begin(), keys.end());
}

// The keys of one result in the API (it may carry more).
const std::set<std::string> k_hit_keys = {"id", "report_id", "rank", "score", "authority", "year", "date", "grade",
                                          "finding_type", "timescale", "section", "report_title", "snippet", "text"};

TEST_CASE("findings --help exits 0 and shows examples", "[cli][process]")
{
    const ProgramRun run = findings({"--help"});
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("Usage: findings"));
    CHECK_THAT(run.out, Contains("Examples:"));
    CHECK_THAT(run.out, Contains("findings supervision recording weakness since 2009"));
    CHECK(run.err.empty());
    for (const Field& field : fields()) {  // a field added to the table is taught by --help
        INFO("field " << field.name);
        CHECK_THAT(run.out, Contains("  " + field.cli_option + " ") && Contains(field.description) &&
                                Contains(field.query_prefix + ":" + field.example));
    }
}

TEST_CASE("findings with no arguments prints its help on stderr and exits 2, and with nothing to search exits 2",
          "[cli][process]")
{
    const ProgramRun run = findings({});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK_THAT(run.err, Contains("Usage: findings"));
    for (const std::vector<std::string>& nothing : {std::vector<std::string>{}, std::vector<std::string>{"--"}}) {
        const ProgramRun empty = search(nothing);  // options, but no words or filter
        CHECK(empty.exit_code == 2);
        CHECK(empty.out.empty());
        CHECK_THAT(empty.err, Contains("nothing to search") && Contains("see findings --help"));
    }
}

TEST_CASE("findings reads options in every standard form, and a word after -- as query text", "[cli][process]")
{
    const auto ids = [](const ProgramRun& run) {
        std::vector<std::string> list;
        const nlohmann::json result = parse_json(run.out);
        for (const auto& hit : result["results"])
            list.push_back(hit["id"]);
        return list;
    };
    const ProgramRun spaced = search({"--format", "json", "--limit", "3", "supervision"});
    REQUIRE(ids(spaced).size() == 3);
    for (const std::vector<std::string>& arguments : std::vector<std::vector<std::string>>{
             {"--format=json", "--limit=3", "supervision"},
             {"--format", "json", "-n", "3", "supervision"},
             {"--format", "json", "-n3", "supervision"},
             {"supervision", "--format", "json", "-n", "3"},
         }) {
        INFO(arguments[0] << " " << arguments[1] << " " << arguments[2]);
        const ProgramRun run = search(arguments);
        CHECK(run.exit_code == 0);
        CHECK(ids(run) == ids(spaced));
    }
    // After --, "--all" and "-n" are words of the query, not options.
    const ProgramRun words = search({"--format", "json", "--", "supervision", "--all"});
    CHECK(words.exit_code != 2);
    CHECK(parse_json(words.out)["interpreted"]["text"].get<std::string>() == "supervision --all");
    // A word beginning with - is query syntax, as in the API: an exclusion.
    const nlohmann::json excluded = parse_json(search({"--format", "json", "supervision", "-Croydon"}).out);
    REQUIRE_FALSE(excluded["results"].empty());
    for (const auto& hit : excluded["results"])
        CHECK(hit["authority"] != "Croydon");
}

TEST_CASE("findings --count prints the total alone, --since and --until are --year's ends", "[cli][process]")
{
    const std::size_t total = parse_json(search({"--format", "json", "care", "--year", "2010.."}).out)["total"];
    REQUIRE(total > 0);
    const ProgramRun count = search({"--count", "care", "--since", "2010"});
    CHECK(count.exit_code == 0);
    CHECK(count.out == std::to_string(total) + "\n");
    const std::size_t before = parse_json(search({"--format", "json", "care", "--year", "..2009"}).out)["total"];
    CHECK(search({"--count", "care", "--until", "2009"}).out == std::to_string(before) + "\n");
    const ProgramRun none = search({"--count", "xyzzyplugh"});
    CHECK(none.exit_code == 1);
    CHECK(none.out == "0\n");
}

TEST_CASE("findings --strict counts the paragraphs with every word, never those with any", "[cli][process]")
{
    // No paragraph has both: by default the ones with either are counted, with a note.
    const ProgramRun fallback = search({"--count", "xyzzyplugh supervision"});
    CHECK(fallback.exit_code == 0);
    CHECK(std::stoi(fallback.out) > 0);
    CHECK_THAT(fallback.err, Contains("any of them"));
    const ProgramRun strict = search({"--count", "--strict", "xyzzyplugh supervision"});
    CHECK(strict.exit_code == 1);
    CHECK(strict.out == "0\n");
    CHECK(search({"--count", "--strict", "supervision"}).out == search({"--count", "supervision"}).out);
    CHECK(search({"--strict", "--any", "supervision"}).exit_code == 2);
}

TEST_CASE("findings --fields chooses the columns of table, csv and ndjson rows, in their order", "[cli][process]")
{
    const ProgramRun csv = search({"--format", "csv", "--fields", "id,authority,text", "-n", "3", "supervision"});
    REQUIRE(csv.exit_code == 0);
    const Rows rows = parse_csv(csv.out);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{"id", "authority", "text"});
    const std::vector<nlohmann::json> full = parse_ndjson(search({"--format", "ndjson", "-n", "3", "supervision"}).out);
    const std::vector<nlohmann::json> chosen =
        parse_ndjson(search({"--format", "ndjson", "--fields=id,polarity", "-n", "3", "supervision"}).out);
    REQUIRE(chosen.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(rows[i + 1] == std::vector<std::string>{full[i]["id"], full[i]["authority"], full[i]["text"]});
        CHECK(chosen[i] == nlohmann::json{{"id", full[i]["id"]}, {"polarity", full[i]["polarity"]}});
    }
    // An export of every match marks the words in its snippets when it shows them.
    const std::vector<nlohmann::json> marked =
        parse_ndjson(search({"--format", "ndjson", "--all", "--fields", "id,snippet", "supervision"}).out);
    REQUIRE(marked.size() > 3);
    for (const auto& row : marked)
        CHECK_THAT(row.at("snippet").get<std::string>(), Contains("<mark>"));
    const ProgramRun unknown = search({"--format", "csv", "--fields", "id,colour", "supervision"});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Contains("colour") && Contains("authority"));
    CHECK(search({"--format", "json", "--fields", "id", "supervision"}).exit_code == 2);  // the API's shape stays whole
    // A table of the columns chosen: a header, then a result a line, aligned, long values cut.
    const ProgramRun table = search({"--fields", "authority,date,text", "-n", "3", "supervision"});
    REQUIRE(table.exit_code == 0);
    std::istringstream lines(table.out);
    std::vector<std::string> printed;
    for (std::string line; std::getline(lines, line);)
        printed.push_back(line);
    REQUIRE(printed.size() == 6);  // the total, a blank line, the header, three results
    CHECK(printed[2].rfind("authority", 0) == 0);
    const std::size_t date_column = printed[2].find("date");
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(printed[3 + i].rfind(full[i]["authority"].get<std::string>(), 0) == 0);
        CHECK(printed[3 + i].substr(date_column, 10) == full[i]["date"]);
        CHECK_THAT(printed[3 + i], Contains(full[i]["text"].get<std::string>().substr(0, 40)));
    }
}

TEST_CASE("findings --batch searches a query a line with one index, from a file or standard input", "[cli][process]")
{
    TempDir tmp;
    write_file(tmp / "queries.txt", "supervision\r\n\r\n\nCAF\nxyzzyplugh\n");
    const ProgramRun counts = search({"--count", "--batch", tmp / "queries.txt"});
    CHECK(counts.exit_code == 0);
    const std::vector<nlohmann::json> lines = parse_ndjson(counts.out);
    REQUIRE(lines.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        const std::string query = lines[i]["query"];
        const std::size_t total = parse_json(search({"--format", "json", query}).out)["total"];
        CHECK(lines[i]["total"] == total);
    }
    CHECK(lines[0]["query"] == "supervision");  // without its Windows line end
    CHECK(lines[2] == nlohmann::json{{"query", "xyzzyplugh"}, {"total", 0}});
    // Standard input, as "findings -": rows of hits, each with its query.
    const ProgramRun piped = run_program("/bin/sh", {"-c", "printf 'supervision\\nCAF\\n' | " FINDINGS_CLI_PATH " --db '" +
                                                                seed().path + "' -n 2 --fields id -"},
                                         tmp);
    CHECK(piped.exit_code == 0);
    const std::vector<nlohmann::json> hits = parse_ndjson(piped.out);
    REQUIRE(hits.size() == 4);
    CHECK(hits[0]["query"] == "supervision");
    CHECK(hits[3]["query"] == "CAF");
    CHECK(hits[0].size() == 2);  // id and query
    CHECK(search({"--batch", tmp / "missing.txt"}).exit_code == 2);
    CHECK(search({"--batch", tmp / "queries.txt", "supervision"}).exit_code == 2);
    for (const char* option : {"--facets", "--explain", "--judgements"})
        CHECK(search({"--batch", tmp / "queries.txt", option}).exit_code == 2);
}

TEST_CASE("findings report ID prints one report whole, as text, Markdown or JSON", "[cli][process]")
{
    const std::string id = "redbridge-2010-03-05-inspection";
    const auto report_of = [](std::vector<std::string> arguments) {  // "report" first, after options
        arguments.insert(arguments.begin(), {"--db", seed().path});
        return findings(arguments);
    };
    const ProgramRun json = report_of({"report", id, "--format", "json"});
    REQUIRE(json.exit_code == 0);
    const nlohmann::json report = parse_json(json.out);
    REQUIRE(report["paragraphs"].size() > 20);
    REQUIRE_FALSE(report["report"]["judgements"].empty());
    const ProgramRun text = report_of({"report", id});
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Contains(report["report"]["title"].get<std::string>()));
    // Every paragraph, numbered as the API numbers it, and the grades in words.
    for (const auto& paragraph : report["paragraphs"]) {
        const std::string number = std::to_string(paragraph["position"].get<int>()) + ". ";
        CHECK_THAT(text.out, Contains(number + paragraph["text"].get<std::string>()));
    }
    CHECK_THAT(text.out, Contains("adequate"));
    CHECK_THAT(text.out, !Contains("_"));  // no vocabulary spellings such as requires_improvement
    const ProgramRun markdown = report_of({"report", id, "--format", "markdown"});
    CHECK(markdown.out.rfind("# " + report["report"]["title"].get<std::string>(), 0) == 0);
    CHECK_THAT(markdown.out, Contains("| Judgement | Grade |"));
    const ProgramRun missing = report_of({"report", "no-such-report"});
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, Contains("no-such-report") && Contains("-- report"));
    CHECK(report_of({"report", id, "--format", "csv"}).exit_code == 2);
    CHECK(findings({"report", id, "--db", seed().path}).exit_code == 0);  // options may follow it
    // Anywhere but first, or after --, "report" is a word to search.
    CHECK(parse_json(search({"--format", "json", "--", "report", "supervision"}).out)["total"] > 0);
    CHECK(parse_json(search({"--format", "json", "supervision", "report"}).out)["total"] > 0);
    CHECK(parse_json(findings({"-n3", "--db=" + seed().path, "--format", "json", "supervision", "report"}).out)["total"] > 0);
    CHECK(parse_json(search({"--format", "json", "-Croydon", "report", "supervision"}).out)["total"] > 0);  // an exclusion first
}

TEST_CASE("findings reports lists the reports newest first, filtered, in every format", "[cli][process]")
{
    const ProgramRun json = search({"reports", "--format", "json"});
    REQUIRE(json.exit_code == 0);
    const nlohmann::json list = parse_json(json.out);
    const std::size_t total = list["total"];
    CHECK(total == 5);  // the seed reports
    REQUIRE(list["reports"].size() == total);
    for (std::size_t i = 1; i < total; ++i)
        CHECK(list["reports"][i - 1]["date"].get<std::string>() >= list["reports"][i]["date"].get<std::string>());

    const ProgramRun table = search({"reports", "--authority", "Redbridge"});
    CHECK(table.exit_code == 0);
    CHECK(table.out.rfind("2 reports\n", 0) == 0);
    CHECK(table.out.find("redbridge-2010-03-05-inspection") < table.out.find("redbridge-2009-07-29-unannounced-inspection"));
    const Rows csv = parse_csv(search({"reports", "--format", "csv", "--year", "2010"}).out);
    REQUIRE(csv.size() > 1);
    CHECK(csv[0][0] == "id");
    for (std::size_t i = 1; i < csv.size(); ++i)
        CHECK(csv[i][1].rfind("2010-", 0) == 0);
    const ProgramRun ndjson = search({"reports", "--format", "ndjson", "--judgement", "looked_after_leadership"});
    CHECK(ndjson.exit_code == 0);
    CHECK(parse_ndjson(ndjson.out).size() == 1);  // Redbridge 2010 alone judged looked after children
    CHECK(search({"reports", "--authority", "Kent"}).exit_code == 1);  // none: nothing listed
    const ProgramRun words = search({"reports", "neglect"});
    CHECK(words.exit_code == 2);
    CHECK_THAT(words.err, Contains("-- reports"));
    CHECK(search({"reports", "--type", "strength"}).exit_code == 2);
}

TEST_CASE("findings --version names the program, the index schema and the index's revision", "[cli][process]")
{
    const ProgramRun run = search({"--version"});
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("findings ") && Contains("index schema ") && Contains("revision ") &&
                            Contains(" paragraphs"));
    const ProgramRun without = findings({"-V", "--db", "/nonexistent/findings-index"});
    CHECK(without.exit_code == 0);
    CHECK_THAT(without.out, Contains("none yet"));
}

TEST_CASE("A query that is not UTF-8 gets an answer in every format, never an internal error", "[cli][process]")
{
    for (const std::string format : {"table", "json", "ndjson", "csv"}) {
        INFO("format " << format);
        const ProgramRun run = search({"--format", format, "care \xff\xfe planning"});
        INFO("stderr: " << run.err);
        CHECK((run.exit_code == 0 || run.exit_code == 1));
        CHECK(run.err.empty());
        if (format == "json")
            CHECK(parse_json(run.out)["total"].get<std::size_t>() > 0);
    }
}

TEST_CASE("Every field's option filters as its query syntax does", "[cli][process]")
{
    const nlohmann::json counts = parse_json(search({"--format", "json", "care"}).out)["facets"];
    for (const Field& field : fields()) {
        INFO("field " << field.name);
        // The seed index's most common value of a facet, so that the two have matches to agree on
        // (the seed reports have no overall effectiveness grade: its facet is empty).
        const bool counted = field.facet && !counts[field.name].empty();
        const std::string value = counted ? counts[field.name][0]["value"].get<std::string>() : field.example;
        const ProgramRun option = search({"--format", "json", field.cli_option, value, "care"});
        const ProgramRun syntax = search({"--format", "json", field.query_prefix + ":" + value, "care"});
        REQUIRE(option.exit_code != 2);
        REQUIRE(syntax.exit_code != 2);
        // The same matches (field syntax is AND-ed into the words, so its facet is not counted
        // without it as an option's is: issue 15 makes the two behave alike).
        CHECK(parse_json(option.out)["total"] == parse_json(syntax.out)["total"]);
        CHECK((!counted || parse_json(option.out)["total"] > 0));
    }
}

TEST_CASE("findings refuses bad options with exit 2, a message on stderr and nothing on stdout", "[cli][process]")
{
    struct Row {
        std::vector<std::string> arguments;
        std::string message;
    };
    const Row rows[] = {
        {{"--frobnicate", "supervision"}, "unknown option --frobnicate"},
        {{"--format", "xml", "supervision"}, "unknown format"},
        {{"--limit", "many", "supervision"}, "--limit needs a whole number"},
        {{"--limit", "500", "supervision"}, "--limit needs a whole number from 0 to 100"},
        {{"--page", "0", "supervision"}, "--page needs a whole number from 1"},
        {{"--since", "2021", "--until", "2018", "supervision"}, "the years run backwards"},
        {{"--sort", "random", "supervision"}, "--sort is relevance or date"},
        {{"--year", "last", "supervision"}, "--year"},
        {{"supervision", "--limit"}, "--limit needs a value"},
        {{"--limit", "0", "supervision"}, "--facets"},
        {{"--all", "supervision"}, "--format ndjson"},
        {{"--all", "--format", "json", "supervision"}, "--format ndjson"},
        {{"--format", "csv", "--facets", "supervision"}, "--limit 0"},
        {{"--all", "--format", "ndjson", "--facets", "supervision"}, "--facets --limit 0"},
    };
    for (const auto& row : rows) {
        INFO(row.arguments[0] << " " << row.arguments[1]);
        const ProgramRun run = search(row.arguments);
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Contains(row.message));
        CHECK(run.out.empty());
    }
}

TEST_CASE("findings without an index exits 2 and says how to build one", "[cli][process]")
{
    const ProgramRun run = findings({"--db", "/nonexistent/findings-index", "supervision"});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Contains("/nonexistent/findings-index"));
    CHECK_THAT(run.err, Contains("indexer --db"));
    CHECK(run.out.empty());
}

TEST_CASE("findings exits 0 when something matches and 1 when nothing does, in every format", "[cli][process]")
{
    for (const std::string format : {"table", "json", "ndjson", "csv"}) {
        INFO("format " << format);
        CHECK(search({"--format", format, "supervision"}).exit_code == 0);
        CHECK(search({"--format", format, "xyzzyplugh"}).exit_code == 1);
    }
    CHECK(search({"--all", "--format", "ndjson", "xyzzyplugh"}).exit_code == 1);
}

TEST_CASE("findings --format json prints the API's shape", "[cli][process]")
{
    const ProgramRun run = search({"--format", "json", "supervision recording weakness since 2009"});
    REQUIRE(run.exit_code == 0);
    const nlohmann::json result = parse_json(run.out);
    CHECK(keys_of(result) ==
          std::set<std::string>{"query", "interpreted", "total", "page", "per_page", "pages", "took_ms", "results",
                                    "facets", "suggestion"});
    CHECK(result["query"] == "supervision recording weakness since 2009");
    CHECK(result["interpreted"]["text"] == "supervision recording");
    CHECK(result["interpreted"]["cues"].size() == 2);
    CHECK(result["total"].get<int>() > 10);
    REQUIRE(result["results"].size() == 10);
    int rank = 0;
    for (const auto& hit : result["results"]) {
        CHECK(has_keys(hit, k_hit_keys));
        CHECK(hit["rank"] == ++rank);
        CHECK(hit["year"].get<int>() >= 2009);
    }
    for (const std::string facet : {"authority", "year", "grade", "finding_type"}) {
        INFO("facet " << facet);
        REQUIRE(result["facets"].contains(facet));
        for (const auto& count : result["facets"][facet]) {
            // "selected", true, only on the values the query selects (its years since 2009)
            const bool selected = count.contains("selected");
            CHECK(keys_of(count) == (selected ? std::set<std::string>{"value", "count", "selected"}
                                              : std::set<std::string>{"value", "count"}));
            CHECK((!selected || count["selected"] == true));
            if (facet == "year")
                CHECK(selected == (std::stoi(count["value"].get<std::string>()) >= 2009));
            if (facet == "authority")
                CHECK(!selected);
        }
    }
    CHECK(result["suggestion"].is_string());
}

TEST_CASE("findings --format ndjson prints one result object a line", "[cli][process]")
{
    const ProgramRun json = search({"--format", "json", "assessment"});
    const ProgramRun ndjson = search({"--format", "ndjson", "assessment"});
    REQUIRE(ndjson.exit_code == 0);
    const nlohmann::json page = parse_json(json.out)["results"];
    const std::vector<nlohmann::json> lines = parse_ndjson(ndjson.out);
    REQUIRE(lines.size() == page.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::set<std::string> linked = keys_of(page[i]);  // the API's result with its links
        linked.insert({"url", "ofsted_url"});
        CHECK(keys_of(lines[i]) == linked);
        CHECK(has_keys(lines[i], k_hit_keys));
        CHECK(lines[i]["id"] == page[i]["id"]);
    }
}

TEST_CASE("findings --format csv prints RFC 4180 rows under a header", "[cli][process]")
{
    for (const std::vector<std::string>& paging : {std::vector<std::string>{"--limit", "20"}, {"--all"}}) {
        INFO(paging[0]);
        std::vector<std::string> arguments = paging;
        arguments.insert(arguments.end(), {"assessment"});
        arguments.insert(arguments.begin(), {"--format", "csv"});
        const ProgramRun csv = search(arguments);
        arguments[1] = "ndjson";
        const std::vector<nlohmann::json> lines = parse_ndjson(search(arguments).out);
        REQUIRE(csv.exit_code == 0);
        const Rows rows = parse_csv(csv.out);
        REQUIRE(rows.size() == lines.size() + 1);
        // Every field of the table of fields that results show has its column, between the ids
        // and the rest.
        std::vector<std::string> header = {"rank", "id", "report_id"};
        std::vector<const Field*> shown;
        for (const Field& field : fields()) {
            if (field.shown) {
                header.push_back(field.name);
                shown.push_back(&field);
            }
        }
        header.insert(header.end(), {"date", "section", "report_title", "score", "url", "ofsted_url", "text"});
        CHECK(rows[0] == header);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto& row = rows[i + 1];
            REQUIRE(row.size() == header.size());
            CHECK(row[0] == std::to_string(i + 1));
            CHECK(row[1] == lines[i]["id"]);
            for (std::size_t column = 3; column < 3 + shown.size(); ++column) {
                const nlohmann::json& value = lines[i][header[column]];
                CHECK(row[column] == (value.is_string() ? value.get<std::string>() : value.dump()));
            }
            CHECK(row.back() == lines[i]["text"]);
            // The links cite the paragraph on the page and lead to the original.
            CHECK(row[header.size() - 3] == "http://127.0.0.1:8080/?report=" + lines[i]["report_id"].get<std::string>() +
                                                "&hit=" + std::to_string(lines[i]["position"].get<int>()));
            CHECK(row[header.size() - 3] == lines[i]["url"]);
            CHECK(row[header.size() - 2].rfind("https://reports.ofsted.gov.uk/provider/44/", 0) == 0);
        }
    }
}

TEST_CASE("findings rows' url cites the paragraph on the search page that --server or $FINDINGS_URL names",
          "[cli][process]")
{
    const auto url_of = [](const ProgramRun& run) {
        REQUIRE(run.exit_code == 0);
        return parse_ndjson(run.out).at(0).at("url").get<std::string>();
    };
    const std::vector<std::string> arguments = {"--db", seed().path, "--format", "ndjson", "--fields", "report_id,url", "-n1",
                                                "supervision"};
    const std::string local = url_of(findings(arguments));
    CHECK(local.rfind("http://127.0.0.1:8080/?report=", 0) == 0);
    ::setenv("FINDINGS_URL", "https://findings.example/", 1);  // the child inherits it
    const ProgramRun elsewhere = findings(arguments);
    ::unsetenv("FINDINGS_URL");
    CHECK(url_of(elsewhere).rfind("https://findings.example/?report=", 0) == 0);
}

TEST_CASE("findings --judgements prints the grade history as a table, JSON, NDJSON or CSV", "[cli][process][judgements]")
{
    const Report redbridge = parse_corpus_report("seed/003_d91d0b6c7ca67937.txt");
    const ProgramRun table = search({"--judgements"});
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, Contains(std::to_string(redbridge.judgements.size()) + " judgements"));
    CHECK_THAT(table.out, Contains("looked_after_overall_effectiveness"));

    const nlohmann::json json = parse_json(search({"--judgements", "--format", "json", "--grade", "adequate"}).out);
    REQUIRE(json["total"] == redbridge.judgements.size());
    CHECK(json["judgements"][0]["report_id"] == redbridge.id);
    const auto lines = parse_ndjson(search({"--judgements", "--format", "ndjson", "--judgement", "safeguarding_partnerships"}).out);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0]["label"] == "Outcomes for children and young people: Partnerships");
    const Rows rows = parse_csv(search({"--judgements", "--format", "csv", "--region", "London"}).out);
    REQUIRE(rows.size() == redbridge.judgements.size() + 1);
    CHECK(rows[0][0] == "authority");

    CHECK(search({"--judgements", "--authority", "Croydon"}).exit_code == 1);
    for (const auto& arguments : std::vector<std::vector<std::string>>{
             {"--judgements", "neglect"}, {"--judgements", "--type", "strength"}, {"--judgements", "--limit", "5"}}) {
        const ProgramRun run = search(arguments);
        INFO(arguments.back() << ": " << run.err);
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK_FALSE(run.err.empty());
    }
}

TEST_CASE("findings --format table prints the total and the ranks", "[cli][process]")
{
    const ProgramRun table = search({"assessment"});
    REQUIRE(table.exit_code == 0);
    const nlohmann::json result = parse_json(search({"--format", "json", "assessment"}).out);
    CHECK_THAT(table.out, Contains(std::to_string(result["total"].get<int>()) + " matches"));
    for (int rank = 1; rank <= 10; ++rank)
        CHECK_THAT(table.out, Contains("\n" + std::string(rank < 10 ? "  " : " ") + std::to_string(rank) + ". "));
    CHECK_THAT(table.out, !Contains(" 11. "));
    CHECK_THAT(table.out, Contains(result["results"][0]["id"].get<std::string>()));
}

TEST_CASE("findings --all streams every match", "[cli][process]")
{
    for (const std::string query : {"assessment", "Croydon strengths", "supervision recording weakness since 2009"}) {
        INFO("query: " << query);
        const nlohmann::json result = parse_json(search({"--format", "json", query}).out);
        const ProgramRun all = search({"--all", "--format", "ndjson", query});
        CHECK(all.exit_code == 0);
        const std::vector<nlohmann::json> lines = parse_ndjson(all.out);
        CHECK(lines.size() == result["total"].get<std::size_t>());
        std::set<std::string> ids;
        for (const auto& line : lines)
            ids.insert(line["id"].get<std::string>());
        CHECK(ids.size() == lines.size());
    }
}

TEST_CASE("findings --explain prints the reading on stderr and only results on stdout", "[cli][process]")
{
    const ProgramRun run = search({"--explain", "--format", "json", "Croydon strengths"});
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.err, Contains("cue:"));
    CHECK_THAT(run.err, Contains("authority: Croydon"));
    CHECK_THAT(run.err, Contains("finding: strengths"));
    CHECK_THAT(run.out, !Contains("cue:"));
    CHECK(parse_json(run.out)["total"].get<int>() > 0);
}

TEST_CASE("findings --facets --limit 0 prints the counts only", "[cli][process]")
{
    const ProgramRun table = search({"--facets", "--limit", "0", "assessment"});
    CHECK(table.exit_code == 0);
    CHECK_THAT(table.out, Contains("authority:"));
    CHECK_THAT(table.out, Contains("finding_type:"));
    CHECK_THAT(table.out, !Contains("  1. "));
    const nlohmann::json result = parse_json(search({"--format", "json", "assessment"}).out);
    for (const auto& count : result["facets"]["authority"])
        CHECK_THAT(table.out, Contains(count["value"].get<std::string>()));
    const nlohmann::json counts = parse_json(search({"--format", "json", "--facets", "--limit", "0", "assessment"}).out);
    CHECK(counts["results"].empty());
    CHECK(counts["facets"] == result["facets"]);
    CHECK(counts["total"] == result["total"]);
}

TEST_CASE("findings --facet counts the facets named only", "[cli][process]")
{
    const ProgramRun run = search({"--format", "csv", "--facet", "year", "--facet", "kind", "--limit", "0", "care"});
    REQUIRE(run.exit_code == 0);
    const Rows rows = parse_csv(run.out);
    REQUIRE(rows.size() > 2);
    std::set<std::string> facets;
    for (std::size_t i = 1; i < rows.size(); ++i)
        facets.insert(rows[i][0]);
    CHECK(facets == std::set<std::string>{"year", "kind"});
    CHECK(search({"--facet", "colour", "care"}).exit_code == 2);
}

TEST_CASE("findings --facets --limit 0 prints the same counts as rows in csv and ndjson", "[cli][process]")
{
    const nlohmann::json facets = parse_json(search({"--format", "json", "assessment"}).out)["facets"];
    std::set<std::string> expected;  // facet|value|count
    for (const auto& [facet, counts] : facets.items()) {
        for (const auto& count : counts)
            expected.insert(facet + "|" + count["value"].get<std::string>() + "|" + std::to_string(count["count"].get<int>()));
    }
    REQUIRE(expected.size() > 10);

    const ProgramRun ndjson = search({"--format", "ndjson", "--facets", "--limit", "0", "assessment"});
    CHECK(ndjson.exit_code == 0);
    std::set<std::string> from_ndjson;
    std::istringstream lines(ndjson.out);
    for (std::string line; std::getline(lines, line);) {
        const nlohmann::json row = parse_json(line);
        from_ndjson.insert(row["facet"].get<std::string>() + "|" + row["value"].get<std::string>() + "|" +
                           std::to_string(row["count"].get<int>()));
    }
    CHECK(from_ndjson == expected);

    const ProgramRun csv = search({"--format", "csv", "--facets", "--limit", "0", "assessment"});
    CHECK(csv.exit_code == 0);
    CHECK(csv.out.rfind("facet,value,count,selected\r\n", 0) == 0);
    std::size_t rows = 0;
    for (std::size_t at = 0; (at = csv.out.find("\r\n", at)) != std::string::npos; at += 2)
        ++rows;
    CHECK(rows == expected.size() + 1);
    CHECK_THAT(csv.out, Contains("\"authority\",\"Croydon\","));
}

TEST_CASE("findings filter options narrow the results", "[cli][process]")
{
    struct Row {
        std::vector<std::string> options;
        std::function<bool(const nlohmann::json&)> keep;
    };
    const Row rows[] = {
        {{"--authority", "Croydon"}, [](const nlohmann::json& h) { return h["authority"] == "Croydon"; }},
        {{"--authority", "Croydon", "--authority", "LB Havering"},
         [](const nlohmann::json& h) { return h["authority"] == "Croydon" || h["authority"] == "Havering"; }},
        {{"--year", "2009..2010"}, [](const nlohmann::json& h) { return h["year"] >= 2009 && h["year"] <= 2010; }},
        {{"--year", "2010.."}, [](const nlohmann::json& h) { return h["year"] >= 2010; }},
        {{"--year", "2011"}, [](const nlohmann::json& h) { return h["year"] == 2011; }},
        {{"--type", "strength"}, [](const nlohmann::json& h) { return h["finding_type"] == "strength"; }},
        {{"--grade", "adequate"}, [](const nlohmann::json& h) { return h["grade"] == "adequate"; }},
        {{"--authority-type", "london_borough"}, [](const nlohmann::json& h) {
             return h["authority"] == "Croydon" || h["authority"] == "Havering" || h["authority"] == "Redbridge" ||
                    h["authority"] == "Barking and Dagenham";
         }},
    };
    const std::size_t unfiltered = parse_ndjson(search({"--all", "--format", "ndjson", "assessment"}).out).size();
    // The seed reports are all London boroughs': another type has none of them.
    CHECK(search({"--authority-type", "county", "--all", "--format", "ndjson", "assessment"}).exit_code == 1);
    for (const auto& row : rows) {
        INFO(row.options[0] << " " << row.options[1]);
        std::vector<std::string> arguments = row.options;
        arguments.insert(arguments.end(), {"--all", "--format", "ndjson", "assessment"});
        const ProgramRun run = search(arguments);
        CHECK(run.exit_code == 0);
        const std::vector<nlohmann::json> hits = parse_ndjson(run.out);
        CHECK_FALSE(hits.empty());
        CHECK(hits.size() <= unfiltered);
        for (const auto& hit : hits)
            CHECK(row.keep(hit));
    }
}

}  // namespace
}  // namespace findings::test
