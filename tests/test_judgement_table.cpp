// The grade history table, the reports list and the judgement filters, over an index of
// hand-read reports: what they give is checked against the golden tables people read from the
// reports.
#include <catch2/catch.hpp>

#include "core/common/error.h"
#include "core/index/index_run.h"
#include "core/query/judgement_table.h"
#include "core/query/search.h"
#include "tests/test_support.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace findings::test {
namespace {

// Reports of every framework with judgements, and a letter without.
const std::vector<std::string> k_reports = {
    "reports/telford-wrekin-2016-08-26-inspection.txt",  // SIF, with the LSCB review
    "reports/peterborough-2024-01-30-inspection.txt",     // ILACS, inadequate overall
    "reports/reading-2019-10-28-inspection.txt",         // ILACS, grades wrapped over two lines
    "reports/somerset-2026-06-17-inspection.txt",        // ILACS after the reform: no overall grade
    "reports/kent-2013-08-23-inspection.txt",            // looked after children 2013
    "seed/003_d91d0b6c7ca67937.txt",                     // safeguarding and looked after children 2010
    "reports/cheshire-east-2018-11-22-focused-visit.txt",
};

struct TableIndex {
    TempDir dir;
    std::string path = dir / "index";
};

const std::string& table_index()
{
    static const std::unique_ptr<TableIndex> index = [] {
        auto built = std::make_unique<TableIndex>();
        const auto folder = built->dir.path() / "reports";
        for (const auto& report : k_reports)
            copy_into(corpus_path(report), folder);
        REQUIRE(run_indexer(built->path, {folder.string()}, {}).failed.empty());
        return built;
    }();
    return index->path;
}

std::vector<JudgementRow> rows_for(const std::map<std::string, std::vector<std::string>>& filters, int year_from = 0,
                                   int year_to = 0)
{
    SearchRequest request;
    request.filters = filters;
    request.year_from = year_from;
    request.year_to = year_to;
    Searcher searcher(table_index());
    return searcher.judgements(request);
}

// The golden rows of the indexed reports that keep accepts, as "report id: key=grade".
std::set<std::string> golden_rows(const std::function<bool(const std::string& id, const std::string& key,
                                                          const std::string& grade)>& keep)
{
    const auto golden = golden_judgements();
    std::set<std::string> rows;
    for (const auto& report : k_reports) {
        REQUIRE(golden.count(report));
        const std::string id = parse_corpus_report(report).id;
        for (const auto& [key, judgement] : golden.at(report)) {
            if (keep(id, key, judgement.grade))
                rows.insert(id + ": " + key + "=" + judgement.grade);
        }
    }
    return rows;
}

std::set<std::string> as_set(const std::vector<JudgementRow>& rows)
{
    std::set<std::string> read;
    for (const auto& row : rows)
        CHECK(read.insert(row.report_id + ": " + row.key + "=" + row.grade).second);
    return read;
}

const auto k_every = [](const std::string&, const std::string&, const std::string&) { return true; };

}  // namespace

TEST_CASE("The judgements table lists every judgement of every report as people read them", "[judgements][table]")
{
    const auto rows = rows_for({});
    CHECK(as_set(rows) == golden_rows(k_every));
    // By authority, then date, then the vocabulary's order; each row whole.
    for (std::size_t i = 1; i < rows.size(); ++i) {
        CAPTURE(rows[i - 1].report_id, rows[i].report_id);
        CHECK(std::make_pair(rows[i - 1].authority, rows[i - 1].date) <= std::make_pair(rows[i].authority, rows[i].date));
    }
    for (const auto& row : rows) {
        CAPTURE(row.report_id, row.key);
        CHECK_FALSE(row.authority.empty());
        CHECK_FALSE(row.label.empty());
        CHECK_FALSE(row.date.empty());
        CHECK_FALSE(row.kind.empty());
    }
    const auto peterborough = std::find_if(rows.begin(), rows.end(), [](const JudgementRow& row) {
        return row.report_id == "peterborough-2024-01-30-inspection" && row.key == "overall_effectiveness";
    });
    REQUIRE(peterborough != rows.end());
    CHECK(peterborough->inspection_dates == "27 November to 8 December 2023");
    CHECK(peterborough->region == "East of England");
    CHECK(peterborough->authority_type == "unitary");
}

TEST_CASE("The judgements table filters as searches do", "[judgements][table]")
{
    const auto peterborough = [](const std::string& id, const std::string&, const std::string&) {
        return id.rfind("peterborough-", 0) == 0;
    };
    CHECK(as_set(rows_for({{"authority", {"Peterborough City Council"}}})) == golden_rows(peterborough));
    CHECK(as_set(rows_for({{"overall", {"inadequate"}}})) == golden_rows(peterborough));
    CHECK(as_set(rows_for({{"judgement", {"help_and_protection=requires_improvement"}}})) ==
          golden_rows([](const std::string&, const std::string& key, const std::string& grade) {
              return key == "help_and_protection" && grade == "requires_improvement";
          }));
    CHECK(as_set(rows_for({{"judgement", {"care leavers"}}, {"grade", {"good"}}})) ==
          golden_rows([](const std::string&, const std::string& key, const std::string& grade) {
              return key == "care_leavers" && grade == "good";
          }));
    CHECK(as_set(rows_for({}, 2019, 2019)) ==
          golden_rows([](const std::string& id, const std::string&, const std::string&) { return id.find("-2019-") != std::string::npos; }));
    CHECK(as_set(rows_for({{"kind", {"lac_2013"}}, {"region", {"South East"}}})) ==
          golden_rows([](const std::string& id, const std::string&, const std::string&) { return id.rfind("kent-", 0) == 0; }));
    CHECK(rows_for({{"authority", {"Croydon"}}}).empty());
}

TEST_CASE("The judgements table refuses a query, filters that are not a report's and values that name nothing",
          "[judgements][table]")
{
    SearchRequest with_query;
    with_query.query = "neglect";
    Searcher searcher(table_index());
    CHECK_THROWS_WITH(searcher.judgements(with_query), Catch::Matchers::Contains("not a query"));
    SearchRequest by_type;
    by_type.filters["finding_type"] = {"strength"};
    CHECK_THROWS_WITH(searcher.judgements(by_type), Catch::Matchers::Contains("cannot be filtered by finding"));
    SearchRequest unknown_key;
    unknown_key.filters["judgement"] = {"happiness=good"};
    CHECK_THROWS_WITH(searcher.judgements(unknown_key), Catch::Matchers::Contains("unknown judgement"));
}

TEST_CASE("Searches filter paragraphs by their report's overall grade and by any judgement's grade", "[judgements][search]")
{
    Searcher searcher(table_index());
    const auto reports_of = [&searcher](const std::string& query) {
        SearchRequest request;
        request.query = query;
        request.per_page = 100;
        std::set<std::string> reports;
        searcher.for_each_match(request, [&reports](const SearchHit& hit) { reports.insert(hit.report_id); });
        return reports;
    };
    CHECK(reports_of("overall:inadequate") == std::set<std::string>{"peterborough-2024-01-30-inspection"});
    CHECK(reports_of("overall:requires_improvement") ==
          std::set<std::string>{"reading-2019-10-28-inspection", "telford-wrekin-2016-08-26-inspection"});
    CHECK(reports_of("judgement:care_leavers=good") ==
          std::set<std::string>{"somerset-2026-06-17-inspection", "telford-wrekin-2016-08-26-inspection"});
    CHECK(reports_of("judgement:lscb") == std::set<std::string>{"telford-wrekin-2016-08-26-inspection"});
    // The overall facet counts every paragraph of the reports with that grade.
    SearchRequest everything;
    const SearchResult all = searcher.search(everything);
    std::map<std::string, std::size_t> overall;
    for (const auto& count : all.facets.at("overall"))
        overall[count.value] = count.count;
    CHECK(overall.count("inadequate"));
    CHECK_FALSE(overall.count("ungraded"));
    CHECK(overall.at("inadequate") == parse_corpus_report("reports/peterborough-2024-01-30-inspection.txt").paragraphs.size());
}

namespace {

// The ids of the reports a list gives, in its order.
std::vector<std::string> ids_listed(const std::map<std::string, std::vector<std::string>>& filters, int year_from = 0)
{
    SearchRequest request;
    request.filters = filters;
    request.year_from = year_from;
    Searcher searcher(table_index());
    std::vector<std::string> ids;
    for (const auto& report : searcher.reports(request))
        ids.push_back(report.at("id").get<std::string>());
    return ids;
}

// The report ids of golden rows ("id: key=grade").
std::set<std::string> ids_of(const std::set<std::string>& rows)
{
    std::set<std::string> ids;
    for (const auto& row : rows)
        ids.insert(row.substr(0, row.find(':')));
    return ids;
}

}  // namespace

TEST_CASE("The reports list gives every report newest first, filtered as the judgements table is", "[reports][table]")
{
    Searcher searcher(table_index());
    const auto reports = searcher.reports(SearchRequest{});
    REQUIRE(reports.size() == k_reports.size());
    std::set<std::string> expected;
    for (const auto& report : k_reports)
        expected.insert(parse_corpus_report(report).id);
    const auto all = ids_listed({});
    CHECK(std::set<std::string>(all.begin(), all.end()) == expected);
    for (std::size_t i = 1; i < reports.size(); ++i)
        CHECK(reports[i - 1].at("date").get<std::string>() >= reports[i].at("date").get<std::string>());
    for (const auto& report : reports) {
        CAPTURE(report.dump().substr(0, 200));
        CHECK_FALSE(report.contains("source"));  // a path on the indexing machine
        CHECK(report.value("ofsted_url", "").rfind("https://reports.ofsted.gov.uk/provider/44/", 0) == 0);
    }
    // A report passes a judgement filter when one of its judgements does.
    const auto requires_improvement = ids_listed({{"judgement", {"help_and_protection=requires_improvement"}}});
    CHECK(std::set<std::string>(requires_improvement.begin(), requires_improvement.end()) ==
          ids_of(golden_rows([](const std::string&, const std::string& key, const std::string& grade) {
              return key == "help_and_protection" && grade == "requires_improvement";
          })));
    CHECK(ids_listed({{"overall", {"inadequate"}}}) == std::vector<std::string>{"peterborough-2024-01-30-inspection"});
    CHECK(ids_listed({{"authority", {"Kent"}}}) == std::vector<std::string>{"kent-2013-08-23-inspection"});
    CHECK(ids_listed({{"kind", {"focused visit"}}}) == std::vector<std::string>{"cheshire-east-2018-11-22-focused-visit"});
    CHECK(ids_listed({}, 2019) == std::vector<std::string>{"somerset-2026-06-17-inspection", "peterborough-2024-01-30-inspection",
                                                          "reading-2019-10-28-inspection"});
    CHECK(ids_listed({{"authority", {"Croydon"}}}).empty());
    SearchRequest with_query;
    with_query.query = "neglect";
    CHECK_THROWS_WITH(searcher.reports(with_query), Catch::Matchers::Contains("the reports list takes filters, not a query"));
}

}  // namespace findings::test
