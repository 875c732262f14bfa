// Tests of search over small real indexes: cue reading, explicit syntax, malformed and impossible requests, synonyms, exact facet counts, results, spelling and relevance.
#include <catch2/catch.hpp>

#include "core/common/analyser.h"
#include "core/common/concept_terms.h"
#include "core/common/error.h"
#include "core/common/fields.h"
#include "core/common/gazetteer.h"
#include "core/common/index_schema.h"
#include "core/common/synonyms.h"
#include "core/index/index_run.h"
#include "core/index/report_lookup.h"
#include "core/query/doc_set_source.h"
#include "core/query/facet_columns.h"
#include "core/query/known_matches.h"
#include "core/query/match_sets.h"
#include "core/query/ordered_page.h"
#include "core/query/query_understanding.h"
#include "core/query/report_order.h"
#include "core/query/result_rows.h"
#include "core/query/search.h"
#include "tests/test_support.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace findings::test {
namespace {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

// An index built once per test run in a temporary folder, removed at exit.
struct BuiltIndex {
    TempDir dir;
    std::string path = dir / "index";
};

std::unique_ptr<BuiltIndex> build_index(const std::vector<std::string>& sources)
{
    auto index = std::make_unique<BuiltIndex>();
    const fs::path folder = index->dir.path() / "reports";
    for (const auto& source : sources)
        copy_into(source, folder);
    const IndexSummary summary = run_indexer(index->path, {folder.string()}, {});
    REQUIRE(summary.failed.empty());
    return index;
}

// The five seed reports (2009-2011).
const std::string& seed_index()
{
    static const std::unique_ptr<BuiltIndex> index = [] {
        std::vector<std::string> sources;
        for (const auto& entry : fs::directory_iterator(corpus_path("seed")))
            sources.push_back(entry.path().string());
        return build_index(sources);
    }();
    return index->path;
}

// Thirty reports of 2013-2026 from many authorities, Croydon's and Barnet's among them.
const std::string& reports_index()
{
    static const std::unique_ptr<BuiltIndex> index = [] {
        const char* const names[] = {
            "croydon-2020-03-16-inspection", "croydon-2021-07-26-focused-visit", "croydon-2024-12-03-inspection",
            "barnet-2017-07-07-inspection", "barnet-2019-07-01-inspection", "barnet-2021-08-02-focused-visit",
            "barnet-2024-07-23-inspection", "barnet-2025-12-04-focused-visit", "kent-2013-08-23-inspection",
            "derbyshire-2014-02-11-inspection", "slough-2014-02-14-inspection", "surrey-2015-06-03-inspection",
            "kirklees-2016-11-25-inspection", "knowsley-2017-06-13-inspection",
            "stockton-on-tees-2018-05-11-focused-visit", "newham-2018-03-01-focused-visit",
            "oxfordshire-2018-05-22-inspection", "north-lincolnshire-2019-03-29-focused-visit",
            "isles-of-scilly-2019-12-19-inspection", "blackburn-with-darwen-2020-03-23-focused-visit",
            "kirklees-2021-11-10-focused-visit", "sheffield-2022-10-26-focused-visit",
            "wakefield-2023-05-09-focused-visit", "wandsworth-2023-01-13-inspection",
            "wolverhampton-2024-11-01-focused-visit", "haringey-2025-03-14-focused-visit",
            "bristol-2025-03-20-focused-visit", "middlesbrough-2026-01-27-focused-visit",
            "nottinghamshire-2026-01-12-focused-visit", "barking-and-dagenham-2021-07-15-focused-visit",
        };
        std::vector<std::string> sources;
        for (const char* name : names)
            sources.push_back(corpus_path(std::string("reports/") + name + ".txt"));
        return build_index(sources);
    }();
    return index->path;
}

SearchRequest request_for(const std::string& query, std::size_t per_page = 10)
{
    SearchRequest request;
    request.query = query;
    request.per_page = per_page;
    return request;
}

// One paragraph of an index as stored: its data and its terms.
struct Doc {
    nlohmann::json data;
    std::set<std::string> terms;

    bool has(const std::string& term) const { return terms.count(term) > 0; }
    std::string field(const char* name) const { return data.value(name, ""); }
    int year() const { return data.value("year", 0); }
    std::string lower_text() const
    {
        std::string text = field("text");
        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
        return text;
    }
};

std::vector<Doc> all_docs(const Xapian::Database& db)
{
    std::vector<Doc> docs;
    ReportRecords reports(db);
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
        const Xapian::Document document = db.get_document(*id);
        docs.push_back({reports.paragraph(document), {document.termlist_begin(), document.termlist_end()}});
    }
    return docs;
}

// The index term of a stemmed word: "recording" -> "Zrecord".
std::string stemmed(const std::string& word) { return "Z" + Xapian::Stem("english")(word); }

bool one_of(const std::string& value, const std::set<std::string>& values) { return values.count(value) > 0; }

const std::set<std::string> k_positive = {"strength", "satisfactory", "judgement"};
const std::set<std::string> k_negative = {"area_for_development", "priority_action", "recommendation", "judgement"};

std::set<std::string> ids_where(const std::string& db_path, const std::function<bool(const Doc&)>& keep)
{
    std::set<std::string> ids;
    for (const auto& doc : all_docs(Xapian::Database(db_path))) {
        if (keep(doc))
            ids.insert(doc.field("id"));
    }
    return ids;
}

std::vector<SearchHit> all_matches(Searcher& searcher, const SearchRequest& request)
{
    std::vector<SearchHit> hits;
    searcher.for_each_match(request, [&hits](const SearchHit& hit) { hits.push_back(hit); });
    return hits;
}

std::set<std::string> ids_matching(Searcher& searcher, const SearchRequest& request)
{
    std::set<std::string> ids;
    for (const auto& hit : all_matches(searcher, request))
        ids.insert(hit.id);
    return ids;
}

// A query and the stored paragraphs it must select.
struct Selection {
    std::string query;
    std::function<bool(const Doc&)> keep;
};

// Checks that each query matches exactly the paragraphs of the index at db_path that its
// keep holds for (at least one), in its exports and in its total.
void check_selections(Searcher& searcher, const std::string& db_path, const std::vector<Selection>& rows)
{
    for (const auto& row : rows) {
        INFO("query: " << row.query);
        const std::set<std::string> expected = ids_where(db_path, row.keep);
        CHECK_FALSE(expected.empty());
        CHECK(ids_matching(searcher, request_for(row.query)) == expected);
        CHECK(searcher.search(request_for(row.query)).total == expected.size());
    }
}

std::vector<std::string> texts_of(const std::vector<SearchHit>& hits)
{
    std::vector<std::string> texts;
    for (const auto& hit : hits)
        texts.push_back(hit.text);
    return texts;
}

// The filters of a reading as one line: "authority:Croydon year:2009.. type:strength,satisfactory".
std::string filters_of(const Interpretation& reading)
{
    std::vector<std::string> parts;
    const auto list = [&parts](const std::string& name, const auto& values, auto spell) {
        if (values.empty())
            return;
        std::string joined;
        for (const auto& value : values)
            joined += (joined.empty() ? "" : ",") + spell(value);
        parts.push_back(name + ":" + joined);
    };
    list("authority", reading.authorities, [](const std::string& name) { return name; });
    list("region", reading.regions, [](const std::string& name) { return name; });
    list("authority_type", reading.authority_types, [](AuthorityType type) { return std::string(to_string(type)); });
    list("years", reading.year_spans, [](const YearSpan& span) {
        return std::to_string(span.first) + (span.first == span.last ? "" : "-" + std::to_string(span.last));
    });
    if (reading.year_from || reading.year_to)
        parts.push_back("year:" + (reading.year_from ? std::to_string(reading.year_from) : "") + ".." +
                        (reading.year_to ? std::to_string(reading.year_to) : ""));
    list("type", reading.finding_types, [](FindingType type) { return std::string(to_string(type)); });
    list("timescale", reading.timescales, [](Timescale timescale) { return std::string(to_string(timescale)); });
    list("grade", reading.grades, [](Grade grade) { return std::string(to_string(grade)); });
    list("overall", reading.overall_grades, [](Grade grade) { return std::string(to_string(grade)); });
    std::string line;
    for (const auto& part : parts)
        line += (line.empty() ? "" : " ") + part;
    return line;
}

std::string error_of(Searcher& searcher, const SearchRequest& request)
{
    try {
        searcher.search(request);
    } catch (const Error& error) {
        return to_string(error.code());
    }
    return "no error";
}

TEST_CASE("Cues in plain words are read as filters and the rest is left as text", "[search][cues]")
{
    const std::string negative = "type:area_for_development,priority_action,recommendation,judgement";
    const std::string positive = "type:strength,satisfactory,judgement";
    struct Row {
        std::string query;
        std::string text;
        std::string filters;
    };
    const Row rows[] = {
        {"assessment since 2009", "assessment", "year:2009.."},
        {"assessment from 2009", "assessment", "year:2009.."},
        {"assessment after 2009", "assessment", "year:2010.."},
        {"assessment before 2011", "assessment", "year:..2010"},
        {"assessment until 2011", "assessment", "year:..2011"},
        {"assessment in 2010", "assessment", "years:2010"},
        {"assessment between 2009 and 2011", "assessment", "years:2009-2011"},
        {"assessment 2009-2011", "assessment", "years:2009-2011"},
        {"assessment 2010 and 2011", "assessment", "years:2010,2011"},
        {"assessment 2010", "assessment", "years:2010"},
        {"early help in 2019 and 2020", "early help", "years:2019,2020"},
        {"neglect in 2010 or 2011", "neglect", "years:2010,2011"},
        {"neglect since 2009 before 2012", "neglect", "year:2009..2011"},
        {"neglect 2010-2014 after 2011", "neglect", "years:2010-2014 year:2012.."},
        {"Croydon thresholds", "thresholds", "authority:Croydon"},
        {"thresholds in Barking and Dagenham", "thresholds", "authority:Barking and Dagenham"},
        {"London Borough of Redbridge thresholds", "thresholds", "authority:Redbridge"},
        {"LB Havering thresholds", "thresholds", "authority:Havering"},
        {"Croydon Redbridge thresholds", "thresholds", "authority:Croydon,Redbridge"},
        {"supervision weakness", "supervision", negative},
        {"supervision Weaknesses", "supervision", negative},
        {"supervision weak areas", "supervision", negative},
        {"supervision concerns", "supervision", negative},
        {"supervision strengths", "supervision", positive},
        {"supervision good practice", "supervision", positive},
        {"supervision priority action", "supervision", "type:priority_action"},
        {"supervision areas for development", "supervision", "type:area_for_development,recommendation"},
        {"supervision recommendations", "supervision", "type:recommendation"},
        {"supervision actions required", "supervision", "type:recommendation"},
        {"supervision immediately", "supervision", "type:recommendation timescale:immediately"},
        {"supervision within three months", "supervision", "type:recommendation timescale:within_3_months"},
        {"supervision within 6 months", "supervision", "type:recommendation timescale:within_6_months"},
        {"leadership graded inadequate", "leadership", "grade:inadequate"},
        {"leadership rated good", "leadership", "grade:good"},
        {"leadership grade 4", "leadership", "grade:inadequate"},
        {"supervision in authorities judged inadequate", "supervision", "overall:inadequate"},
        {"neglect inadequate overall", "neglect", "overall:inadequate"},
        {"care leavers councils rated outstanding", "care leavers", "overall:outstanding"},
        {"neglect where overall effectiveness was good", "neglect where", "overall:good"},
        {"neglect judged requires improvement overall", "neglect", "overall:requires_improvement"},
        {"good leadership", "good leadership", ""},
        {"inadequate leadership", "inadequate leadership", ""},
        {"development", "development", ""},
        {"\"since 2009\" recording", "\"since 2009\" recording", ""},
        {"authority:Croydon thresholds", "authority:Croydon thresholds", ""},
        {"thresholds -Croydon", "thresholds -authority:\"Croydon\"", ""},
        {"thresholds NOT 2010", "thresholds -year:2010", ""},
        {"thresholds NOT in 2010", "thresholds -year:2010", ""},
        {"thresholds NOT since 2015", "thresholds -year:2015..", ""},
        {"thresholds -Barking and Dagenham", "thresholds -authority:\"Barking and Dagenham\"", ""},
        {"thresholds 2009 -2011", "thresholds", "years:2009-2011"},
        {"thresholds NOT (Croydon OR Redbridge)", "thresholds NOT (Croydon OR Redbridge)", ""},
        {"thresholds -strengths", "thresholds -strengths", ""},
        {"\"visits NOT Croydon\" thresholds", "\"visits NOT Croydon\" thresholds", ""},
        {"thresholds \"plan -2010 review\"", "thresholds \"plan -2010 review\"", ""},
        {"Redbridge -authority:Croydon", "-authority:Croydon", "authority:Redbridge"},
        {"Croydon strengths since 2009", "", "authority:Croydon year:2009.. " + positive},
        // Exclusions in words, like "-" and "NOT", exclude what a cue names; other words stay words.
        {"neglect not in 2019", "neglect -year:2019", ""},
        {"neglect excluding Croydon", "neglect -authority:\"Croydon\"", ""},
        {"neglect except in Barking and Dagenham", "neglect -authority:\"Barking and Dagenham\"", ""},
        {"neglect outside London", "neglect -region:\"London\"", ""},
        {"neglect not in the North West", "neglect -region:\"North West\"", ""},
        {"children not seen", "children not seen", ""},
        // A month reads as its year.
        {"neglect since January 2020", "neglect", "year:2020.."},
        {"neglect since June 2020", "neglect", "year:2020.."},
        {"neglect before January 2020", "neglect", "year:..2019"},
        {"neglect before June 2020", "neglect", "year:..2020"},
        {"neglect in March 2021", "neglect", "years:2021"},
        {"neglect after December 2019", "neglect", "year:2020.."},
        // Regions and authority types in plain words; a place inside a longer name is no cue.
        {"care leavers in the North West", "care leavers", "region:North West"},
        {"care leavers in the north-west", "care leavers", "region:North West"},
        {"caseloads in London", "caseloads", "region:London"},
        {"turnover in Yorkshire and the Humber", "turnover", "region:Yorkshire and the Humber"},
        {"neglect in the Midlands", "neglect", "region:East Midlands,West Midlands"},
        {"neglect in London boroughs", "neglect", "authority_type:london_borough"},
        {"county lines in counties", "county lines", "authority_type:county"},
        {"neglect in metropolitan districts", "neglect", "authority_type:metropolitan_district"},
        {"neglect unitary authorities", "neglect", "authority_type:unitary"},
        {"West London Alliance", "West London Alliance", ""},
        {"London Councils report", "London Councils report", ""},
        {"North West Northamptonshire neglect", "North neglect", "authority:West Northamptonshire"},
        {"region:London care leavers in the North West", "region:London care leavers", ""},  // noted, not applied
        // A reorganised authority reads as itself and its successors.
        {"Cumbria neglect", "neglect", "authority:Cumbria,Cumberland,Westmorland and Furness"},
        {"Northamptonshire", "", "authority:Northamptonshire,North Northamptonshire,West Northamptonshire"},
    };
    for (const auto& row : rows) {
        INFO("query: " << row.query);
        const Interpretation reading = understand_query(row.query);
        CHECK(reading.text == row.text);
        CHECK(filters_of(reading) == row.filters);
        CHECK(reading.cues.empty() == row.filters.empty());
        for (const auto& cue : reading.cues)
            CHECK_THAT(row.query, Contains(cue.matched, Catch::CaseSensitive::No));
    }
}

TEST_CASE("Explicit field syntax and boolean operators select exactly the paragraphs they name", "[search][syntax]")
{
    Searcher searcher(seed_index());
    const std::string supervision = stemmed("supervision");
    const std::string recording = stemmed("recording");
    const std::string thresholds = stemmed("thresholds");
    check_selections(searcher, seed_index(), {
        {"authority:\"Barking and Dagenham\"", [](const Doc& d) { return d.field("authority") == "Barking and Dagenham"; }},
        {"year:2009..2010", [](const Doc& d) { return d.year() >= 2009 && d.year() <= 2010; }},
        {"year:2010", [](const Doc& d) { return d.year() == 2010; }},
        {"type:priority_action", [](const Doc& d) { return d.field("finding_type") == "priority_action"; }},
        {"grade:adequate", [](const Doc& d) { return d.field("grade") == "adequate"; }},
        {"region:London", [](const Doc& d) { return d.field("region") == "London"; }},
        {"authority:Croydon type:strength", [](const Doc& d) {
             return d.field("authority") == "Croydon" && d.field("finding_type") == "strength";
         }},
        {"\"supervision takes place\"", [](const Doc& d) {
             return d.lower_text().find("supervision takes place") != std::string::npos;
         }},
        {"supervision AND recording", [&](const Doc& d) { return d.has(supervision) && d.has(recording); }},
        {"supervision OR thresholds", [&](const Doc& d) { return d.has(supervision) || d.has(thresholds); }},
        {"supervision NOT recording", [&](const Doc& d) { return d.has(supervision) && !d.has(recording); }},
        {"supervision -recording", [&](const Doc& d) { return d.has(supervision) && !d.has(recording); }},
        {"authority:Croydon strengths", [](const Doc& d) {
             return d.field("authority") == "Croydon" && one_of(d.field("finding_type"), k_positive);
         }},
    });
}

TEST_CASE("A query of field filters alone lists its paragraphs in report order, unweighted", "[search][syntax]")
{
    Searcher searcher(reports_index());
    const SearchResult result = searcher.search(request_for("grade:inadequate", 100));
    CHECK(result.total == ids_where(reports_index(), [](const Doc& d) { return d.field("grade") == "inadequate"; }).size());
    REQUIRE(result.hits.size() == 100);
    CHECK(std::is_sorted(result.hits.begin(), result.hits.end(), [](const SearchHit& a, const SearchHit& b) {
        return a.date != b.date ? a.date > b.date : a.report_id != b.report_id ? a.report_id < b.report_id : a.position < b.position;
    }));
    for (const auto& hit : result.hits) {
        CHECK(hit.field("grade") == "inadequate");
        CHECK(hit.score == 0);
    }
    CHECK(result.interpreted.notes.empty());  // no advice to write "graded inadequate": it is a filter already
}

TEST_CASE("A grade word searched as text gets advice on filtering by grade, a grade field or phrase does not",
          "[search][cues]")
{
    struct Row {
        std::string query;
        bool advised;
    };
    const Row rows[] = {
        {"inadequate leadership", true},
        {"leadership requires improvement", true},
        {"grade:\"requires improvement\" leadership", false},
        {"grade:inadequate leadership", false},
        {"\"inadequate leadership\"", false},
        {"leadership graded inadequate", false},
    };
    for (const auto& row : rows) {
        INFO("query: " << row.query);
        const Interpretation reading = understand_query(row.query);
        CHECK(std::any_of(reading.notes.begin(), reading.notes.end(), [](const std::string& note) {
                  return note.find("to filter by grade") != std::string::npos;
              }) == row.advised);
    }
}

TEST_CASE("An explicit field wins over a cue that contradicts it", "[search][syntax]")
{
    Searcher searcher(seed_index());
    struct Row {
        std::string query;
        std::function<bool(const Doc&)> keep;
    };
    const Row rows[] = {
        {"year:2009 since 2010", [](const Doc& d) { return d.year() == 2009; }},
        {"authority:Croydon Redbridge", [](const Doc& d) { return d.field("authority") == "Croydon"; }},
    };
    for (const auto& row : rows) {
        INFO("query: " << row.query);
        const std::vector<SearchHit> hits = all_matches(searcher, request_for(row.query));
        CHECK(!hits.empty());
        const std::set<std::string> allowed = ids_where(seed_index(), row.keep);
        for (const auto& hit : hits)
            CHECK(allowed.count(hit.id) == 1);
    }
}

TEST_CASE("Request filters combine with the cues of the query", "[search][syntax]")
{
    Searcher searcher(seed_index());
    struct Row {
        std::string name;
        SearchRequest request;
        std::function<bool(const Doc&)> keep;
    };
    SearchRequest croydon = request_for("strengths");
    croydon.filters["authority"] = {"LB Croydon"};
    SearchRequest since = request_for("Redbridge");
    since.year_from = 2010;
    SearchRequest graded = request_for("weaknesses since 2010");
    graded.filters["grade"] = {"adequate"};
    SearchRequest types = request_for("in Barking and Dagenham");
    types.filters["finding_type"] = {"priority_action", "strength"};
    const Row rows[] = {
        {"authority filter + finding cue", croydon,
         [](const Doc& d) { return d.field("authority") == "Croydon" && one_of(d.field("finding_type"), k_positive); }},
        {"year filter + authority cue", since,
         [](const Doc& d) { return d.field("authority") == "Redbridge" && d.year() >= 2010; }},
        {"grade filter + finding and year cues", graded,
         [](const Doc& d) {
             return d.field("grade") == "adequate" && d.year() >= 2010 && one_of(d.field("finding_type"), k_negative);
         }},
        {"two finding types + authority cue", types,
         [](const Doc& d) {
             return d.field("authority") == "Barking and Dagenham" &&
                    one_of(d.field("finding_type"), {"priority_action", "strength"});
         }},
    };
    for (const auto& row : rows) {
        INFO(row.name << ": " << row.request.query);
        const std::set<std::string> expected = ids_where(seed_index(), row.keep);
        CHECK_FALSE(expected.empty());
        CHECK(ids_matching(searcher, row.request) == expected);
    }
}

TEST_CASE("A literal search reads no cues and searches the words as written", "[search][cues]")
{
    Searcher searcher(seed_index());
    SearchRequest request = request_for("Croydon strengths", 100);
    request.literal = true;
    const SearchResult result = searcher.search(request);
    CHECK(result.interpreted.cues.empty());
    CHECK(result.interpreted.filters.empty());
    CHECK(result.interpreted.text == "Croydon strengths");
    const std::set<std::string> expected = ids_where(seed_index(), [](const Doc& d) {
        return d.has(stemmed("croydon")) || d.has(stemmed("strengths"));
    });
    CHECK(ids_matching(searcher, request) == expected);
    CHECK(result.total == expected.size());
}

TEST_CASE("A malformed query never throws: it falls back to its words or still finds paragraphs", "[search][robust]")
{
    Searcher searcher(seed_index());
    std::string long_query;
    while (long_query.size() < 10000)
        long_query += "supervision ";
    const std::string rows[] = {
        "\"supervision takes place",
        "(supervision AND recording",
        "supervision recording)",
        "AND",
        "authority:",
        "supervision\x01\x07\x1b[31m recording",
        "supervision \xff\xfe\xc3 recording",
        long_query,
        "",
    };
    for (const auto& query : rows) {
        INFO("query: " << query.substr(0, 60));
        SearchResult result;
        REQUIRE_NOTHROW(result = searcher.search(request_for(query)));
        // It is read as well as it can be, or a note says why nothing was searched ("AND").
        CHECK((result.interpreted.fallback || result.total > 0 || !result.interpreted.notes.empty()));
        if (result.interpreted.fallback)
            CHECK_FALSE(result.interpreted.notes.empty());
    }
    const SearchResult cut = searcher.search(request_for(long_query));
    CHECK(cut.interpreted.text.size() <= k_max_query_bytes);
    REQUIRE(cut.interpreted.notes.size() == 1);
    CHECK_THAT(cut.interpreted.notes[0], Contains("cut"));
}

TEST_CASE("A negated word excludes it, and a negated authority or year excludes its paragraphs", "[search][syntax]")
{
    Searcher searcher(seed_index());
    const std::string supervision = stemmed("supervision");
    const std::string strength = stemmed("strengths");
    check_selections(searcher, seed_index(), {
        {"supervision -Croydon", [&](const Doc& d) { return d.has(supervision) && d.field("authority") != "Croydon"; }},
        {"supervision NOT Croydon", [&](const Doc& d) { return d.has(supervision) && d.field("authority") != "Croydon"; }},
        {"supervision NOT 2010", [&](const Doc& d) { return d.has(supervision) && d.year() != 2010; }},
        {"supervision -\"Barking and Dagenham\"",
         [&](const Doc& d) { return d.has(supervision) && d.field("authority") != "Barking and Dagenham"; }},
        {"supervision -strengths", [&](const Doc& d) { return d.has(supervision) && !d.has(strength); }},
        {"Croydon -supervision", [&](const Doc& d) { return d.field("authority") == "Croydon" && !d.has(supervision); }},
        {"-supervision", [&](const Doc& d) { return !d.has(supervision); }},
        {"Croydon -Havering", [](const Doc& d) { return d.field("authority") == "Croydon"; }},
        {"supervision -year:2009..2010", [&](const Doc& d) { return d.has(supervision) && d.year() > 2010; }},
        {"-year:2010..2011 supervision", [&](const Doc& d) { return d.has(supervision) && d.year() < 2010; }},
        {"-year:2010..2011", [](const Doc& d) { return d.year() < 2010; }},
        {"Croydon and Havering -supervision", [&](const Doc& d) {
             return one_of(d.field("authority"), {"Croydon", "Havering"}) && !d.has(supervision);
         }},
        {"Croydon, Havering -supervision", [&](const Doc& d) {
             return one_of(d.field("authority"), {"Croydon", "Havering"}) && !d.has(supervision);
         }},
        {"supervision -year:2009..2009 OR assessment", [&](const Doc& d) {
             return (d.has(supervision) || d.has(stemmed("assessment"))) && d.year() > 2009;
         }},
        {"supervision -CAF", [&](const Doc& d) {  // CAF's synonyms are not searched for
             return d.has(supervision) && !d.has(stemmed("caf"));
         }},
    });
}

TEST_CASE("Places and exclusions in plain words select the paragraphs their filters would", "[search][cues]")
{
    Searcher searcher(reports_index());
    const std::string supervision = stemmed("supervision");
    check_selections(searcher, reports_index(), {
        {"supervision in London", [&](const Doc& d) { return d.has(supervision) && d.field("region") == "London"; }},
        {"supervision in Yorkshire", [&](const Doc& d) {
             return d.has(supervision) && d.field("region") == "Yorkshire and the Humber";
         }},
        {"supervision outside London", [&](const Doc& d) { return d.has(supervision) && d.field("region") != "London"; }},
        {"supervision in London boroughs", [&](const Doc& d) {
             return d.has(supervision) && d.field("authority_type") == "london_borough";
         }},
        {"supervision not in 2021", [&](const Doc& d) { return d.has(supervision) && d.year() != 2021; }},
        {"supervision excluding Croydon", [&](const Doc& d) {
             return d.has(supervision) && d.field("authority") != "Croydon";
         }},
        {"supervision since March 2020", [&](const Doc& d) { return d.has(supervision) && d.year() >= 2020; }},
    });
}

TEST_CASE("Polarity is a filter and a facet, and a weakness query never ranks praise above criticism",
          "[search][polarity]")
{
    Searcher searcher(reports_index());
    const std::string neglect = stemmed("neglect");
    check_selections(searcher, reports_index(), {
        {"polarity:negative", [](const Doc& d) { return d.field("polarity") == "negative"; }},
        {"polarity:mixed", [](const Doc& d) { return d.field("polarity") == "mixed"; }},
        {"neglect polarity:praise", [&](const Doc& d) { return d.has(neglect) && d.field("polarity") == "positive"; }},
    });
    const auto rank_of = [](const std::string& polarity, bool critical) {
        const char* const order[] = {"negative", "mixed", "positive", "neutral"};
        const char* const praise_order[] = {"positive", "mixed", "negative", "neutral"};
        for (int i = 0; i < 4; ++i) {
            if (polarity == (critical ? order[i] : praise_order[i]))
                return i < 2 ? i : 2;  // the rest share a tier
        }
        return 2;
    };
    for (const auto& [query, critical] : {std::pair<std::string, bool>{"neglect weaknesses", true},
                                          {"assessment concerns since 2015", true},
                                          {"leadership strengths", false},
                                          {"weaknesses", true}}) {
        INFO("query: " << query);
        const SearchResult result = searcher.search(request_for(query, 100));
        REQUIRE(result.hits.size() > 10);
        int tier = 0;
        for (const auto& hit : result.hits) {
            CHECK(rank_of(hit.field("polarity"), critical) >= tier);
            tier = std::max(tier, rank_of(hit.field("polarity"), critical));
        }
        CHECK(rank_of(result.hits.front().field("polarity"), critical) == 0);
        CHECK_THAT(result.interpreted.cues.front().label, Contains(critical ? "negative paragraphs first" : "positive paragraphs first"));
    }
    const SearchResult counted = searcher.search(request_for("neglect"));
    REQUIRE(counted.facets.count("polarity"));
    std::size_t sum = 0;
    for (const auto& value : counted.facets.at("polarity"))
        sum += value.count;
    CHECK(sum == counted.total);
}

TEST_CASE("A wildcard finds every word beginning with it, bounded, and says what it read", "[search][syntax]")
{
    Searcher searcher(reports_index());
    const auto has_stem_beginning = [](const std::string& prefix) {
        return [prefix](const Doc& d) {
            return std::any_of(d.terms.begin(), d.terms.end(), [&](const std::string& term) {
                return term.rfind(prefix, 0) == 0;
            });
        };
    };
    // Every word beginning "supervis" stems to a stem beginning "supervis" (supervision, supervisory, ...).
    const auto supervis = has_stem_beginning("Zsupervis");
    const auto neglect = has_stem_beginning(stemmed("neglect"));
    check_selections(searcher, reports_index(), {
        {"supervis*", supervis},
        {"neglect -supervis*", [&](const Doc& d) { return neglect(d) && !supervis(d); }},
    });
    const SearchResult read = searcher.search(request_for("supervis*"));
    REQUIRE(read.interpreted.notes.size() == 1);
    CHECK_THAT(read.interpreted.notes[0], Contains("supervis* was read as any word beginning") && Contains("supervision"));
    const SearchResult unknown = searcher.search(request_for("zzqq*"));
    CHECK(unknown.total == 0);
    REQUIRE(unknown.interpreted.notes.size() == 1);
    CHECK_THAT(unknown.interpreted.notes[0], Contains("matches no word"));
    const SearchResult short_prefix = searcher.search(request_for("ch*"));
    REQUIRE(short_prefix.interpreted.notes.size() == 1);
    CHECK_THAT(short_prefix.interpreted.notes[0], Contains("at least 3 letters"));
    CHECK(searcher.search(request_for("\"supervis*\"")).interpreted.notes.empty());  // a phrase is words
}

TEST_CASE("A backwards range matches nothing and says so, also next to other words", "[search][robust]")
{
    Searcher searcher(seed_index());
    for (const std::string query : {"year:2011..2009", "supervision year:2011..2009", "Croydon year:2011..2009"}) {
        INFO("query: " << query);
        const SearchResult result = searcher.search(request_for(query));
        CHECK(result.total == 0);
        CHECK(result.hits.empty());
        CHECK(all_matches(searcher, request_for(query)).empty());
        REQUIRE(result.interpreted.notes.size() == 1);
        CHECK_THAT(result.interpreted.notes[0], Contains("nothing can match"));
    }
}

TEST_CASE("A field value that names nothing matches nothing and the notes say what to write", "[search][robust]")
{
    Searcher searcher(seed_index());
    const std::pair<std::string, std::string> rows[] = {  // query, words of the note
        {"supervision type:bogus", "use strength"},
        {"supervision grade:excellent", "use outstanding"},
        {"supervision year:20x", "year:2010"},
        {"supervision authority:Atlantis", "authority:Croydon"},
    };
    for (const auto& [query, advice] : rows) {
        INFO("query: " << query);
        const SearchResult result = searcher.search(request_for(query));
        CHECK(result.total == 0);
        REQUIRE(result.interpreted.notes.size() == 1);
        CHECK_THAT(result.interpreted.notes[0], Contains("matches nothing") && Contains(advice));
    }
    for (const std::string query : {"supervision since 2011 before 2010", "supervision in 2009 since 2010"}) {
        INFO("query: " << query);
        const SearchResult none = searcher.search(request_for(query));
        CHECK(none.total == 0);
        REQUIRE(none.interpreted.notes.size() == 1);
        CHECK_THAT(none.interpreted.notes[0], Contains("leave no year"));
    }
    CHECK(searcher.search(request_for("supervision in 2010 since 2009")).interpreted.notes.empty());
    const SearchResult bare = searcher.search(request_for("supervision type:"));
    REQUIRE(!bare.interpreted.notes.empty());
    CHECK_THAT(bare.interpreted.notes[0], Contains("has no value") && Contains("type:strength"));
    for (const std::string query : {"assessment type:strengths", "supervision grade:adequate", "supervision year:2010",
                                    "supervision authority:\"LB Croydon\""}) {
        INFO("query: " << query);
        const SearchResult result = searcher.search(request_for(query));
        CHECK(result.total > 0);
        CHECK(result.interpreted.notes.empty());
    }
}

TEST_CASE("A query of common words or punctuation alone matches nothing and says so: between cues they are silent",
          "[search][robust]")
{
    Searcher searcher(seed_index());
    const std::pair<std::string, std::string> nothing[] = {
        {"of the", "too common"}, {"the", "too common"}, {"((", "no words"}, {"\xc2\xa3", "nothing to search"}};
    for (const auto& [query, why] : nothing) {
        INFO("query: " << query);
        const SearchResult result = searcher.search(request_for(query));
        CHECK(result.total == 0);
        CHECK(all_matches(searcher, request_for(query)).empty());  // nor does an export
        REQUIRE(result.interpreted.notes.size() == 1);
        CHECK_THAT(result.interpreted.notes[0], Contains(why));
    }
    CHECK(searcher.search(request_for("")).total == Xapian::Database(seed_index()).get_doccount());  // browsing
    const SearchResult croydon = searcher.search(request_for("Croydon and Redbridge", 100));
    CHECK(croydon.total == ids_where(seed_index(), [](const Doc& d) {
                               return d.field("authority") == "Croydon" || d.field("authority") == "Redbridge";
                           }).size());
    CHECK(croydon.interpreted.notes.empty());  // "and" joins the two cues
    CHECK(searcher.search(request_for("supervision")).interpreted.notes.empty());
}

TEST_CASE("A quoted year range is a phrase, not a cue, and does not throw", "[search][robust]")
{
    Searcher searcher(seed_index());
    SearchResult result;
    CHECK_NOTHROW(result = searcher.search(request_for("\"2023-2027\" plans")));
    CHECK(result.interpreted.cues.empty());
    CHECK(result.interpreted.text == "\"2023-2027\" plans");
}

TEST_CASE("An impossible request is refused as a bad request", "[search][robust]")
{
    Searcher searcher(seed_index());
    struct Row {
        std::string name;
        std::function<void(SearchRequest&)> change;
    };
    const Row rows[] = {
        {"page 0", [](SearchRequest& r) { r.page = 0; }},
        {"per_page over the maximum", [](SearchRequest& r) { r.per_page = k_max_per_page + 1; }},
        {"per_page 10000", [](SearchRequest& r) { r.per_page = 10000; }},
        {"unknown finding type", [](SearchRequest& r) { r.filters["finding_type"] = {"brilliance"}; }},
        {"unknown grade", [](SearchRequest& r) { r.filters["grade"] = {"excellent"}; }},
        {"unknown authority", [](SearchRequest& r) { r.filters["authority"] = {"Atlantis"}; }},
        {"a year that is not a year", [](SearchRequest& r) { r.year_from = 9; }},
    };
    for (const auto& row : rows) {
        INFO(row.name);
        SearchRequest request = request_for("supervision");
        row.change(request);
        CHECK(error_of(searcher, request) == "bad_request");
    }
    CHECK(error_of(searcher, request_for("supervision")) == "no error");
    CHECK(error_of(searcher, request_for("supervision", 0)) == "no error");  // the total and facets alone
}

TEST_CASE("Domain synonyms find paragraphs that use another member of the group", "[search][synonyms]")
{
    Searcher searcher(seed_index());
    struct Row {
        std::string query;
        std::string found;   // a paragraph containing this, without the query's own words, matches
        std::string listed;  // interpreted.synonyms names the group
    };
    const Row rows[] = {
        {"CAF", "common assessment framework", "CAF = common assessment framework"},
        {"common assessment framework", "caf", "common assessment framework = CAF"},
        {"EDT", "emergency duty team", "EDT = emergency duty team"},
        {"EDT", "out of hours", "EDT = emergency duty team, out of hours"},
        {"out of hours", "emergency duty team", "out of hours = EDT, emergency duty team"},
        {"emergency duty team", "out of hours", "emergency duty team = EDT"},
        {"caseload", "workloads", "caseload = caseloads, workload, workloads"},
    };
    for (const auto& row : rows) {
        INFO("query: " << row.query);
        const SearchResult result = searcher.search(request_for(row.query));
        REQUIRE(result.interpreted.synonyms.size() == 1);
        CHECK_THAT(result.interpreted.synonyms[0], Contains(row.listed));
        const auto texts = texts_of(all_matches(searcher, request_for(row.query)));
        const bool found = std::any_of(texts.begin(), texts.end(), [&row](std::string text) {
            std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
            std::string query = row.query;
            std::transform(query.begin(), query.end(), query.begin(), [](unsigned char c) { return std::tolower(c); });
            return text.find(row.found) != std::string::npos && text.find(query) == std::string::npos;
        });
        CHECK(found);
    }
}

TEST_CASE("A synonym is found however its words are joined, and in the plural", "[search][synonyms]")
{
    Searcher searcher(seed_index());
    const std::pair<const char*, const char*> rows[] = {
        {"education health and care plans", "education health and care plans = EHCP"},
        {"PEPs", "PEPs = personal education plan"},
        {"CAFs", "CAFs = common assessment framework"},
        {"GPs", "GPs = general practitioner"},
        {"out-of-hours", "out-of-hours = EDT"},
        {"emergency duty team / out of hours", "emergency duty team = EDT"},
    };
    for (const auto& [query, listed] : rows) {
        INFO("query: " << query);
        const auto synonyms = searcher.search(request_for(query)).interpreted.synonyms;
        REQUIRE(synonyms.size() == 1);
        CHECK_THAT(synonyms[0], Contains(listed));
    }
    // Another word that begins like a member is no member.
    for (const char* query : {"cafe", "cafes", "laces", "caffeine", "peptides", "gpsx"})
        CHECK(searcher.search(request_for(query)).interpreted.synonyms.empty());
}

// Returns facet counts as one comparable line: "Croydon=4 Havering=2".
std::string counts_line(std::map<std::string, std::size_t> counts)
{
    std::string line;
    for (const auto& [value, count] : counts)
        line += (line.empty() ? "" : " ") + value + "=" + std::to_string(count);
    return line;
}

// Returns the fields that are facets: every facet must count what the results show.
std::vector<std::string> facet_fields()
{
    std::vector<std::string> facets;
    for (const Field& field : fields()) {
        if (field.facet)
            facets.push_back(field.name);
    }
    return facets;
}

TEST_CASE("Facet counts equal counts over every match, a filtered facet counted without its own filter", "[search][facets]")
{
    struct Row {
        std::string name;
        const std::string& db;
        SearchRequest request;
        std::map<std::string, SearchRequest> widened;  // facet -> the request without that facet's filter
    };
    SearchRequest redbridge = request_for("assessment");
    redbridge.filters["authority"] = {"Redbridge"};
    SearchRequest croydon = request_for("");
    croydon.filters["authority"] = {"Croydon"};
    SearchRequest croydon_neglect = request_for("neglect");
    croydon_neglect.filters["authority"] = {"Croydon"};
    SearchRequest recent = request_for("neglect");
    recent.year_from = 2020;
    SearchRequest recent_without = recent;
    recent_without.year_from = 0;
    const Row rows[] = {
        {"text", seed_index(), request_for("assessment"), {}},
        {"text", seed_index(), request_for("supervision"), {}},
        {"cue-only", seed_index(), request_for("Croydon strengths"),
         {{"authority", request_for("strengths")}, {"finding_type", request_for("Croydon")}}},
        {"text and year cue", seed_index(), request_for("assessment since 2010"), {{"year", request_for("assessment")}}},
        {"authority filter", seed_index(), redbridge, {{"authority", request_for("assessment")}}},
        {"authority filter, no text", seed_index(), croydon, {{"authority", request_for("")}}},
        {"authority filter", reports_index(), croydon_neglect, {{"authority", request_for("neglect")}}},
        {"year filter", reports_index(), recent, {{"year", recent_without}}},
        {"grade cue", reports_index(), request_for("leadership graded inadequate"),
         {{"grade", request_for("leadership")}}},
    };
    for (const auto& row : rows) {
        INFO(row.name << ": " << row.request.query);
        Searcher searcher(row.db);
        const SearchResult result = searcher.search(row.request);
        const std::vector<SearchHit> matches = all_matches(searcher, row.request);
        CHECK(result.total == matches.size());
        for (const std::string& facet : facet_fields()) {
            INFO("facet " << facet);
            const auto widened = row.widened.find(facet);
            const std::vector<SearchHit> counted =
                widened == row.widened.end() ? matches : all_matches(searcher, widened->second);
            std::map<std::string, std::size_t> expected;
            for (const auto& hit : counted)
                ++expected[hit.field(facet)];
            expected.erase("");
            std::map<std::string, std::size_t> actual;
            for (const auto& count : result.facets.at(facet)) {
                if (count.count > 0 || !count.selected)  // a selected value nothing matches is listed at 0
                    actual[count.value] += count.count;
            }
            CHECK(counts_line(actual) == counts_line(expected));
        }
    }
}

TEST_CASE("Facet counts of any set of paragraphs are the counts of their own codes, wherever the set starts and ends",
          "[search][facets]")
{
    // Columns whose runs follow the reports are counted a stretch of documents at a time, or
    // member by member over the stretches: sets that begin or end exactly where reports do, and
    // sparse and dense ones, must count as each document's own code says.
    const Xapian::Database db(reports_index());
    const auto columns = FacetColumns::of(db);
    const Xapian::docid last = db.get_lastdocid();
    std::vector<std::string> facets;
    std::set<Xapian::docid> firsts, lasts;  // of every run of every column
    for (const FacetColumn& column : columns->columns()) {
        facets.push_back(column.facet);
        for (const CodeRun& run : column.runs) {
            firsts.insert(run.first);
            lasts.insert(run.end - 1);
        }
    }
    // All of them, and a few (fewer documents than runs: counted member by member).
    DocSet run_firsts(last), run_lasts(last), some_firsts(last), some_lasts(last);
    DocSet every_seventh(last), all_but_every_fifth(last);
    std::size_t nth = 0;
    for (Xapian::docid id : firsts) {
        run_firsts.insert(id);
        if (nth++ % 4 == 1)
            some_firsts.insert(id);
    }
    nth = 0;
    for (Xapian::docid id : lasts) {
        run_lasts.insert(id);
        if (nth++ % 4 == 2)
            some_lasts.insert(id);
    }
    for (Xapian::docid id = 1; id <= last; ++id) {
        if (id % 7 == 0)
            every_seventh.insert(id);
        if (id % 5 != 0)
            all_but_every_fifth.insert(id);
    }
    const std::pair<const char*, const DocSet*> sets[] = {{"runs' first documents", &run_firsts},
                                                          {"runs' last documents", &run_lasts},
                                                          {"a quarter of the runs' first documents", &some_firsts},
                                                          {"a quarter of the runs' last documents", &some_lasts},
                                                          {"every seventh", &every_seventh},
                                                          {"all but every fifth", &all_but_every_fifth}};
    for (const auto& [name, docs] : sets) {
        INFO(name << ": " << docs->count() << " of " << last << " documents");
        const auto counted = columns->count(*docs, facets);
        for (const FacetColumn& column : columns->columns()) {
            INFO("facet " << column.facet);
            std::map<std::string, std::size_t> expected, actual;
            docs->for_each([&](Xapian::docid id) {
                if (column.codes[id] != 0)
                    ++expected[column.values[column.codes[id]]];
            });
            for (const auto& [value, count] : counted.at(column.facet))
                actual[value] = count;
            CHECK(counts_line(actual) == counts_line(expected));
        }
    }
}

TEST_CASE("Every facet count is the total a click on it gives, however few: a filter never makes a search fall back",
          "[search][facets]")
{
    Searcher searcher(seed_index());
    const SearchRequest base = request_for("assessment planning");  // 18 paragraphs have both words
    const SearchResult result = searcher.search(base);
    REQUIRE_FALSE(result.interpreted.any_words);
    std::size_t few = 0;  // clicks that leave fewer paragraphs than would make the words fall back
    for (const auto& [facet, counts] : result.facets) {
        for (const auto& count : counts) {
            if (facet == "year" || count.selected)
                continue;
            INFO(facet << ": " << count.value);
            SearchRequest clicked = base;
            clicked.filters[facet] = {count.value};
            const SearchResult narrowed = searcher.search(clicked);
            CHECK(narrowed.total == count.count);
            CHECK_FALSE(narrowed.interpreted.any_words);
            few += count.count < 10;
        }
    }
    CHECK(few > 0);
}

TEST_CASE("A filtered authority facet still shows what the other authorities would give", "[search][facets]")
{
    Searcher searcher(seed_index());
    SearchRequest request = request_for("assessment");
    request.filters["authority"] = {"Croydon"};
    const SearchResult result = searcher.search(request);
    std::map<std::string, std::size_t> shown;
    for (const auto& count : result.facets.at("authority"))
        shown[count.value] = count.count;
    CHECK(shown.size() == 4);
    std::size_t croydon = 0;
    for (const auto& hit : all_matches(searcher, request_for("assessment")))
        croydon += hit.field("authority") == "Croydon";
    CHECK(shown["Croydon"] == croydon);
    CHECK(result.total == croydon);
    for (const auto& [facet, counts] : result.facets) {
        INFO("facet " << facet);
        CHECK(std::is_sorted(counts.begin(), counts.end(), [&facet](const FacetCount& a, const FacetCount& b) {
            return facet == "year" ? a.value > b.value : a.count > b.count;
        }));
    }
}

// Returns the values of a facet that the search marks selected.
std::set<std::string> selected_values(const SearchResult& result, const std::string& facet)
{
    std::set<std::string> values;
    for (const auto& count : result.facets.at(facet)) {
        if (count.selected)
            values.insert(count.value);
    }
    return values;
}

TEST_CASE("A filter read from the words is its facet's selected value, and a value ticked beside it widens the search",
          "[search][facets]")
{
    Searcher searcher(seed_index());
    const SearchResult named = searcher.search(request_for("assessment Croydon"));
    CHECK(selected_values(named, "authority") == std::set<std::string>{"Croydon"});
    std::map<std::string, std::size_t> by_authority;
    for (const auto& count : named.facets.at("authority"))
        by_authority[count.value] = count.count;
    REQUIRE(by_authority["Redbridge"] > 0);
    CHECK(named.total == by_authority["Croydon"]);

    // Ticking Redbridge beside the words' Croydon asks for either, as two ticks would: the
    // count the facet showed for Redbridge is what it adds.
    SearchRequest both = request_for("assessment Croydon");
    both.filters["authority"] = {"Redbridge"};
    const SearchResult widened = searcher.search(both);
    CHECK(widened.total == by_authority["Croydon"] + by_authority["Redbridge"]);
    CHECK(selected_values(widened, "authority") == std::set<std::string>{"Croydon", "Redbridge"});
    SearchRequest ticked = request_for("assessment");
    ticked.filters["authority"] = {"Croydon", "Redbridge"};
    CHECK(searcher.search(ticked).total == widened.total);

    // The same for a finding cue that names several types.
    SearchRequest strengths = request_for("assessment");
    strengths.filters["finding_type"] = {"strength"};
    SearchRequest weaknesses_or_strengths = request_for("assessment weaknesses");
    weaknesses_or_strengths.filters["finding_type"] = {"strength"};
    const SearchResult mixed = searcher.search(weaknesses_or_strengths);
    CHECK(mixed.total == searcher.search(request_for("assessment weaknesses")).total + searcher.search(strengths).total);
    CHECK(selected_values(mixed, "finding_type").count("strength") == 1);
    CHECK(selected_values(mixed, "finding_type").count("area_for_development") == 1);

    // Years within a range read from the words are selected, the others not.
    const SearchResult since = searcher.search(request_for("assessment since 2010"));
    CHECK(selected_values(since, "year") == std::set<std::string>{"2010", "2011"});

    // A selected value that nothing matches is still listed, at 0, so that it can be undone.
    const SearchResult none = searcher.search(request_for("fostering Croydon"));
    CHECK(none.total == 0);
    const auto& authorities = none.facets.at("authority");
    const auto croydon = std::find_if(authorities.begin(), authorities.end(),
                                      [](const FacetCount& count) { return count.value == "Croydon"; });
    REQUIRE(croydon != authorities.end());
    CHECK(croydon->count == 0);
    CHECK(croydon->selected);
    CHECK(selected_values(none, "authority") == std::set<std::string>{"Croydon"});
}

TEST_CASE("Field syntax in the words filters as its facet does: selected, and a value ticked beside it is an alternative",
          "[search][facets]")
{
    Searcher searcher(seed_index());
    SearchRequest croydon = request_for("assessment");
    croydon.filters["authority"] = {"Croydon"};
    const SearchResult typed = searcher.search(request_for("assessment authority:Croydon"));
    CHECK(typed.total == searcher.search(croydon).total);
    CHECK(selected_values(typed, "authority") == std::set<std::string>{"Croydon"});
    REQUIRE(typed.interpreted.cues.size() == 1);
    CHECK(typed.interpreted.cues[0].matched == "authority:Croydon");  // what unticking takes out of the words
    CHECK(typed.interpreted.text == "assessment");

    SearchRequest widened = request_for("assessment authority:Croydon");
    widened.filters["authority"] = {"Redbridge"};
    SearchRequest ticked = request_for("assessment");
    ticked.filters["authority"] = {"Croydon", "Redbridge"};
    CHECK(searcher.search(widened).total == searcher.search(ticked).total);
    CHECK(searcher.search(widened).total > typed.total);

    // Quoted values and required ones are filters too; exclusions and queries with operators or
    // brackets are read by the query parser as written.
    CHECK(searcher.search(request_for("assessment +kind:\"unannounced_car\"")).interpreted.cues.size() == 1);
    const SearchResult excluded = searcher.search(request_for("assessment -authority:Croydon"));
    CHECK(excluded.interpreted.cues.empty());
    CHECK(excluded.total == searcher.search(request_for("assessment")).total - typed.total);
    const SearchResult either = searcher.search(request_for("assessment (authority:Croydon OR authority:Redbridge)"));
    CHECK(either.interpreted.cues.empty());
    CHECK(either.total == searcher.search(ticked).total);
    // Labelled once; a value the index lacks is noted as a parameter's is; a phrase is left whole.
    const SearchResult strength = searcher.search(request_for("assessment type:strength"));
    CHECK(std::count(strength.interpreted.filters.begin(), strength.interpreted.filters.end(), "finding: strength") == 1);
    const SearchResult absent = searcher.search(request_for("assessment kind:monitoring_visit"));
    CHECK(absent.total == 0);
    CHECK(absent.interpreted.cues.size() == 1);
    REQUIRE(absent.interpreted.notes.size() == 1);
    CHECK_THAT(absent.interpreted.notes[0], Contains("no paragraph in this index has report kind \"monitoring_visit\""));
    CHECK(searcher.search(request_for("\"assessment type:strength\"")).interpreted.cues.empty());
    // A value that names nothing stays in the words, and the note says what to write.
    const SearchResult unknown = searcher.search(request_for("assessment kind:bogus"));
    CHECK(unknown.interpreted.cues.empty());
    CHECK(unknown.total == 0);
    REQUIRE_FALSE(unknown.interpreted.notes.empty());
    CHECK_THAT(unknown.interpreted.notes[0], Contains("kind:bogus matches nothing"));
}

TEST_CASE("A trend counts each year's matches and paragraphs exactly, by finding type and by a facet", "[search][trends]")
{
    Searcher searcher(reports_index());
    struct Row {
        std::string query;
        std::string filters_only;  // the same filters without words: each year's paragraphs
        std::string split;
    };
    const Row rows[] = {
        {"neglect", "", "region"},
        {"supervision since 2016", "since 2016", "polarity"},
        {"care leavers in London", "in London", "authority_type"},
        {"xyzzyplugh", "", ""},
    };
    for (const auto& row : rows) {
        INFO(row.query);
        const Trend trend = searcher.trend(request_for(row.query), row.split);
        const std::vector<SearchHit> matches = all_matches(searcher, request_for(row.query));
        CHECK(trend.total == matches.size());
        CHECK(trend.total == searcher.search(request_for(row.query)).total);
        std::map<int, std::size_t> by_year, paragraphs;
        std::map<std::pair<int, std::string>, std::size_t> by_type, by_split;
        for (const auto& hit : matches) {
            const int year = std::stoi(hit.field("year"));
            ++by_year[year];
            ++by_type[{year, hit.field("finding_type")}];
            if (!row.split.empty())
                ++by_split[{year, hit.field(row.split)}];
        }
        for (const auto& hit : all_matches(searcher, request_for(row.filters_only.empty() ? "" : row.filters_only)))
            ++paragraphs[std::stoi(hit.field("year"))];
        if (row.filters_only.empty()) {  // no filter: every paragraph of the index
            paragraphs.clear();
            SearchRequest everything = request_for("");
            everything.year_from = 1990;
            for (const auto& hit : all_matches(searcher, everything))
                ++paragraphs[std::stoi(hit.field("year"))];
        }
        REQUIRE_FALSE(trend.years.empty());
        CHECK(trend.years.front().year == paragraphs.begin()->first);
        CHECK(trend.years.back().year == paragraphs.rbegin()->first);
        for (std::size_t i = 0; i < trend.years.size(); ++i) {
            const TrendYear& year = trend.years[i];
            INFO(year.year);
            CHECK(year.year == trend.years.front().year + static_cast<int>(i));  // no year skipped
            CHECK(year.matches == by_year[year.year]);
            CHECK(year.paragraphs == paragraphs[year.year]);
            for (const auto& [type, count] : year.by_type)
                CHECK(count == by_type[{year.year, type}]);
            for (const auto& [value, count] : year.by_split)
                CHECK(count == by_split[{year.year, value}]);
            std::size_t typed = 0;
            for (const auto& entry : year.by_type)
                typed += entry.second;
            CHECK(typed == year.matches);
        }
    }
    CHECK_THROWS_WITH(searcher.trend(request_for("neglect"), "year"), Catch::Matchers::Contains("split must be a facet"));
    CHECK_THROWS_WITH(searcher.trend(request_for("neglect"), "colour"), Catch::Matchers::Contains("region"));
}

TEST_CASE("A result carries the whole paragraph and a snippet with the matched words marked", "[search][results]")
{
    Searcher searcher(seed_index());
    const SearchResult result = searcher.search(request_for("recorded supervision Havering"));
    const std::string paragraph =
        "While supervision takes place on a regular basis, the recording of this is poor and does not evidence "
        "sufficient challenge to the practice of social workers. This was an area for development at the last "
        "inspection.";
    const auto hit = std::find_if(result.hits.begin(), result.hits.end(),
                                  [&](const SearchHit& h) { return h.text.find("While supervision takes place") != std::string::npos; });
    REQUIRE(hit != result.hits.end());
    CHECK(hit->text == paragraph);
    CHECK(hit->field("authority") == "Havering");
    CHECK(hit->field("year") == "2011");
    CHECK(hit->date == "2011-06-30");
    CHECK(hit->field("finding_type") == "area_for_development");
    CHECK(hit->report_id == "havering-2011-06-30-unannounced-inspection");
    CHECK_THAT(hit->snippet, Contains("<mark>supervision</mark>"));
    CHECK_THAT(hit->snippet, Contains("<mark>recording</mark>"));
}

// Indexes into tmp / "index" a seed letter with bullets added to its strengths.
void index_letter_with_strengths(const TempDir& tmp, const std::string& bullets)
{
    const std::string letter = read_file(corpus_path("seed/004_93af4746b97930b5.txt"));
    const std::string anchor = "## **Strengths**\n";
    const std::size_t at = letter.find(anchor);
    REQUIRE(at != std::string::npos);
    fs::create_directories(tmp.path() / "reports");
    write_file(tmp / "reports/croydon-letter.txt",
               letter.substr(0, at + anchor.size()) + bullets + letter.substr(at + anchor.size()));
    run_indexer(tmp / "index", {tmp / "reports"}, {});
}

TEST_CASE("Snippets are HTML-escaped", "[search][results]")
{
    TempDir tmp;
    index_letter_with_strengths(tmp, "\n- Case notes about the zebrafish project held <script>alert(1)</script> here.\n"
                                     "- The koala project scored <5 & was \"rated\" 'low'.\n"
                                     "- The wombat project scored >2.\n");
    Searcher searcher(tmp / "index");
    struct Row {
        std::string query;
        std::vector<std::string> escaped;
    };
    const Row rows[] = {
        {"zebrafish", {"&lt;script&gt;alert(1)&lt;/script&gt;"}},
        {"koala", {"&lt;5", "&amp;"}},
        {"wombat", {"&gt;2"}},
    };
    for (const auto& row : rows) {
        INFO("query: " << row.query);
        const SearchResult result = searcher.search(request_for(row.query));
        REQUIRE(result.hits.size() == 1);
        const std::string& snippet = result.hits[0].snippet;
        CHECK_THAT(snippet, Contains("<mark>" + row.query + "</mark>"));
        CHECK_THAT(snippet, !Contains("<script") && !Contains("</script"));
        for (const auto& entity : row.escaped)
            CHECK_THAT(snippet, Contains(entity));
    }
}

TEST_CASE("Page 2 continues page 1 with the same total", "[search][results]")
{
    Searcher searcher(seed_index());
    SearchRequest request = request_for("assessment", 5);
    const SearchResult first = searcher.search(request);
    request.page = 2;
    const SearchResult second = searcher.search(request);
    const SearchResult both = searcher.search(request_for("assessment", 10));
    REQUIRE(first.hits.size() == 5);
    REQUIRE(second.hits.size() == 5);
    CHECK(first.total == second.total);
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(first.hits[i].rank == i + 1);
        CHECK(second.hits[i].rank == i + 6);
        CHECK(first.hits[i].id == both.hits[i].id);
        CHECK(second.hits[i].id == both.hits[i + 5].id);
    }
}

TEST_CASE("Paragraphs where the query's words stand together rank above those where they are scattered",
          "[search][relevance]")
{
    TempDir tmp;
    // The same words once each, so that they weigh the same; the scattered one comes first in
    // the report, so it would win a tie.
    index_letter_with_strengths(tmp, "\n- Conferences with the family and a core group help relatives plan for the wombat.\n"
                                     "- Family group conferences help relatives plan for the wombat.\n");
    Searcher searcher(tmp / "index");
    for (const char* query : {"family group conferences wombat", "wombat group conferences"}) {
        INFO("query: " << query);
        const SearchResult result = searcher.search(request_for(query));
        REQUIRE(result.hits.size() >= 2);
        CHECK_THAT(result.hits[0].text, Contains("Family group conferences"));
        CHECK_THAT(result.hits[1].text, Contains("Conferences with the family"));
        CHECK(result.hits[0].score > result.hits[1].score);
    }
    // Quoted or joined by operators, the words are what the user said: no proximity is added.
    const SearchResult either = searcher.search(request_for("wombat AND family AND conferences"));
    REQUIRE(either.hits.size() == 2);
    CHECK(either.hits[0].score == Approx(either.hits[1].score));
}

TEST_CASE("A paragraph that opens with the query's words ranks above one that names them in passing",
          "[search][relevance]")
{
    TempDir tmp;
    // "wombat" once in each, so that it weighs the same; the one that names it late comes first
    // in the report, so it would win a tie.
    index_letter_with_strengths(
        tmp,
        "\n- Managers review caseloads weekly, social workers visit families promptly, partners share "
        "information quickly, leaders track performance closely, independent reviewing officers challenge "
        "plans, audits find practice improving steadily across teams, and one team also keeps a wombat.\n"
        "- The wombat service helps children return home safely.\n");
    Searcher searcher(tmp / "index");
    const SearchResult result = searcher.search(request_for("wombat"));
    REQUIRE(result.hits.size() == 2);
    CHECK_THAT(result.hits[0].text, StartsWith("The wombat service"));
    CHECK(result.hits[0].score > result.hits[1].score);

    // A synonym group is named early where one of its members is, every word of it: a paragraph
    // that opens with "child" does not name child and adolescent mental health services.
    TempDir concepts;
    index_letter_with_strengths(
        concepts,
        "\n- Child protection plans are reviewed on time, core groups meet regularly, families take part, "
        "partners attend, independent chairs challenge drift, and some children are referred to child and "
        "adolescent mental health services.\n"
        "- CAMHS workers see children in care within weeks of a referral.\n");
    const SearchResult camhs = Searcher(concepts / "index").search(request_for("CAMHS"));
    REQUIRE(camhs.hits.size() == 2);
    CHECK_THAT(camhs.hits[0].text, StartsWith("CAMHS workers"));
}

TEST_CASE("Pages of any size and the export list the same ranking, in and beyond the proximity window",
          "[search][results]")
{
    Searcher searcher(reports_index());
    const std::string query = "children social care";
    std::vector<std::string> exported;
    for (const auto& hit : all_matches(searcher, request_for(query)))
        exported.push_back(hit.id);
    REQUIRE(exported.size() > 45);
    exported.resize(45);
    for (std::size_t per_page : {3, 7, 10, 20, 45}) {
        INFO("per page: " << per_page);
        std::vector<std::string> paged;
        SearchRequest request = request_for(query, per_page);
        for (request.page = 1; paged.size() < 45; ++request.page) {
            for (const auto& hit : searcher.search(request).hits)
                paged.push_back(hit.id);
        }
        paged.resize(45);
        CHECK(paged == exported);
    }
}

TEST_CASE("An export streams the same paragraphs in the same order as the pages", "[search][results]")
{
    Searcher searcher(seed_index());
    const std::vector<SearchRequest> requests = [] {
        std::vector<SearchRequest> list;
        for (const char* query : {"assessment", "supervision weaknesses", "Croydon strengths", "grade:adequate",
                                  "\"children in care\""})
            list.push_back(request_for(query, 100));
        list.push_back(request_for("assessment", 100));
        list.back().sort = SortOrder::date;
        list.push_back(request_for("supervision weaknesses", 100));
        list.back().collapse_reports = true;
        return list;
    }();
    for (SearchRequest request : requests) {
        INFO(request.query << (request.sort == SortOrder::date ? " by date" : "")
                           << (request.collapse_reports ? " collapsed" : ""));
        std::vector<std::string> paged;
        for (request.page = 1;; ++request.page) {
            const SearchResult result = searcher.search(request);
            for (const auto& hit : result.hits)
                paged.push_back(hit.id);
            if (result.hits.size() < request.per_page)
                break;
        }
        std::vector<std::string> streamed;
        for (const auto& hit : all_matches(searcher, request))
            streamed.push_back(hit.id);
        CHECK(paged.size() > 1);
        CHECK(streamed == paged);
    }
}

TEST_CASE("An export whose reader gives up (a closed pipe, a full disk) stops there and says why", "[search][results]")
{
    Searcher searcher(reports_index());
    const SearchRequest request = request_for("children");
    const std::size_t all = all_matches(searcher, request).size();
    REQUIRE(all > 1200);  // several batches between the reading and the writing thread
    for (const std::size_t given_up_after : {1, 700, 1100}) {
        INFO("gives up after " << given_up_after);
        std::vector<std::size_t> ranks;
        const auto write = [&](const SearchHit& hit) {
            ranks.push_back(hit.rank);
            if (ranks.size() == given_up_after)
                throw std::runtime_error("cannot write: no space left on device");
        };
        CHECK_THROWS_WITH(searcher.for_each_match(request, write), "cannot write: no space left on device");
        REQUIRE(ranks.size() == given_up_after);
        CHECK(ranks.back() == given_up_after);
    }
    CHECK(all_matches(searcher, request).size() == all);  // the searcher is whole after it
}

TEST_CASE("A new revision warmed with the last one's kept sets answers from its own documents", "[search][revisions]")
{
    TempDir tmp;
    const fs::path reports = tmp.path() / "reports";
    copy_seed_reports(reports);
    const std::string db = tmp / "index";
    run_indexer(db, {reports.string()}, {});
    const std::vector<std::string> queries = {"\"social workers\"", "\"children in care\"", "Croydon strengths",
                                              "supervision", "year:2009..2010 assessment"};
    Searcher searcher(db);
    for (const auto& query : queries)
        searcher.search(request_for(query));
    const std::size_t phrase_before = searcher.search(request_for(queries[0])).total;
    const std::vector<std::string> kept = searcher.kept_sets(128);
    CHECK(kept.size() >= 2);  // the phrases' sets at least

    copy_into(corpus_path("reports/croydon-2024-12-03-inspection.txt"), reports);
    REQUIRE(run_indexer(db, {reports.string()}, {}).reports_added == 1);
    REQUIRE(searcher.reopen());
    searcher.warm(kept);
    for (const auto& query : queries) {
        INFO(query);
        const SearchResult result = searcher.search(request_for(query, 100));
        const std::vector<SearchHit> every = all_matches(searcher, request_for(query));
        CHECK(result.total == every.size());
        std::set<std::string> paged, all;
        for (const auto& hit : result.hits)
            paged.insert(hit.id);
        for (const auto& hit : every)
            all.insert(hit.id);
        CHECK(std::includes(all.begin(), all.end(), paged.begin(), paged.end()));
    }
    const SearchResult phrase_after = searcher.search(request_for(queries[0]));
    CHECK(phrase_after.total > phrase_before);  // the added 2024 report uses the phrase
    const auto& years = phrase_after.facets.at("year");
    CHECK(std::any_of(years.begin(), years.end(), [](const FacetCount& year) { return year.value == "2024"; }));
}

TEST_CASE("The documents where a word occurs most often are those reaching the most occurrences enough documents reach",
          "[search][results]")
{
    const Xapian::Database db(reports_index());
    const std::string term = "Zchild";
    std::map<Xapian::termcount, std::set<Xapian::docid>> by_occurrences;
    for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting)
        by_occurrences[posting.get_wdf()].insert(*posting);
    REQUIRE(by_occurrences.size() > 3);
    const auto sets = MatchSets::of(db);
    for (const Xapian::doccount at_least : {1u, 10u, 50u, 200u}) {
        INFO("at least " << at_least);
        // The expected set: documents with the most occurrences, down to the first count that
        // brings them to at_least (never below two occurrences).
        std::set<Xapian::docid> expected;
        for (auto group = by_occurrences.rbegin(); group != by_occurrences.rend() && group->first >= 2; ++group) {
            expected.insert(group->second.begin(), group->second.end());
            if (expected.size() >= at_least)
                break;
        }
        const auto often = sets->often(db, term, at_least);
        if (expected.size() < at_least) {
            CHECK(often == nullptr);
            continue;
        }
        REQUIRE(often != nullptr);
        std::set<Xapian::docid> found;
        often->for_each([&found](Xapian::docid id) { found.insert(id); });
        CHECK(found == expected);
    }
}

TEST_CASE("Common words' pages are those of ranking every match, also where they are ranked among their frequent matches",
          "[search][results]")
{
    // The whole corpus: enough paragraphs for a common word's matches to be ranked among those
    // where it occurs most often (result_page.cpp), which a smaller index never reaches.
    TempDir tmp;
    const std::string path = tmp / "index";
    run_indexer(path, {corpus_path("reports")}, {});
    const Xapian::Database db(path);
    Searcher searcher(path);
    ReportOrder::of(db);  // as searchd has it
    for (const auto& [query, term] : std::vector<std::pair<std::string, std::string>>{
             {"children", "Zchildren"}, {"\"children who are\"", "Zchildren"}, {"Care", "Zcare"}}) {
        REQUIRE(db.get_termfreq(term) >= 10000);
        const auto often = MatchSets::of(db)->often(db, term);
        REQUIRE(often != nullptr);
        // Pages within the frequent matches, the page they end on, and pages past them.
        const std::size_t last_within = often->count() / 10;
        SearchRequest request = request_for(query);
        std::vector<std::string> ranked;  // every match in rank order, as an export ranks them
        searcher.for_each_match(request, [&ranked](const SearchHit& hit) { ranked.push_back(hit.id); }, nullptr,
                                (last_within + 3) * 10);
        REQUIRE(ranked.size() == (last_within + 3) * 10);
        for (const std::size_t page : {std::size_t{1}, std::size_t{2}, last_within, last_within + 1, last_within + 3}) {
            INFO(query << " page " << page << " (" << often->count() << " frequent matches)");
            request.page = page;
            const SearchResult result = searcher.search(request);
            REQUIRE(result.hits.size() == 10);
            for (std::size_t i = 0; i < result.hits.size(); ++i)
                CHECK(result.hits[i].id == ranked[(page - 1) * 10 + i]);
        }
    }
    // Words every match holds: ranked among the matches holding one of them twice.
    for (const std::vector<std::string>& words : {std::vector<std::string>{"children", "care"},
                                                   std::vector<std::string>{"plans", "children"}}) {
        const Analyser analyser;
        const auto sets = MatchSets::of(db);
        std::vector<Xapian::Query> terms;
        DocSet twice(db.get_lastdocid());
        for (const std::string& word : words) {
            terms.emplace_back(analyser.term_of(word));
            twice.unite(*sets->repeated(db, analyser.term_of(word)));
        }
        twice.intersect(*sets->evaluate(db, Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end())));
        const std::string query = words[0] + " " + words[1];
        SearchRequest request = request_for(query);
        REQUIRE(searcher.search(request).total >= 10000);
        const std::size_t last_within = twice.count() / 10;
        REQUIRE(last_within > 40);
        std::vector<std::string> ranked;
        searcher.for_each_match(request, [&ranked](const SearchHit& hit) { ranked.push_back(hit.id); }, nullptr,
                                (last_within + 3) * 10);
        std::vector<std::size_t> pages(40);  // the first forty, where the best matches vary most
        std::iota(pages.begin(), pages.end(), 1);
        pages.insert(pages.end(), {last_within, last_within + 1, last_within + 3});
        for (const std::size_t page : pages) {
            INFO(query << " page " << page << " (" << twice.count() << " matches holding a word twice)");
            request.page = page;
            const SearchResult result = searcher.search(request);
            REQUIRE(result.hits.size() == 10);
            for (std::size_t i = 0; i < result.hits.size(); ++i)
                CHECK(result.hits[i].id == ranked[(page - 1) * 10 + i]);
        }
    }
}

TEST_CASE("The documents holding a word twice are those its postings say, also when a new revision reads them ahead",
          "[search][revisions]")
{
    TempDir tmp;
    const fs::path reports = tmp.path() / "reports";
    copy_seed_reports(reports);
    const std::string path = tmp / "index";
    run_indexer(path, {reports.string()}, {});
    const std::string term = Analyser().term_of("children");
    const auto twice_by_postings = [&term](const Xapian::Database& db) {
        std::set<Xapian::docid> twice;
        for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting) {
            if (posting.get_wdf() >= 2)
                twice.insert(*posting);
        }
        return twice;
    };
    const auto members = [](const DocSet& docs) {
        std::set<Xapian::docid> ids;
        docs.for_each([&ids](Xapian::docid id) { ids.insert(id); });
        return ids;
    };
    const Xapian::Database first(path);
    const auto first_sets = MatchSets::of(first);
    const auto twice = first_sets->repeated(first, term);
    REQUIRE(twice->count() > 10);
    CHECK(members(*twice) == twice_by_postings(first));
    const std::vector<std::string> kept = first_sets->kept_keys(16);
    REQUIRE(!kept.empty());

    copy_into(corpus_path("reports/croydon-2024-12-03-inspection.txt"), reports);
    REQUIRE(run_indexer(path, {reports.string()}, {}).reports_added == 1);
    const Xapian::Database second(path);
    const auto second_sets = MatchSets::of(second);
    second_sets->prefetch(second, kept, std::chrono::milliseconds(5000));
    const std::vector<std::string> read_keys = second_sets->kept_keys(16);  // before a search asks for them
    CHECK(std::set<std::string>(read_keys.begin(), read_keys.end()) == std::set<std::string>(kept.begin(), kept.end()));
    const auto read_ahead = second_sets->repeated(second, term);
    CHECK(members(*read_ahead) == twice_by_postings(second));
    CHECK(read_ahead->count() > twice->count());  // the new report's paragraphs among them
}

TEST_CASE("A phrase every match holds weighs the same as its words, so its positions are not checked again",
          "[search][results]")
{
    const Xapian::Database db(reports_index());
    const Analyser analyser;
    const auto term = [&analyser](const std::string& word) { return Xapian::Query(analyser.term_of(word)); };
    const auto phrase = [&term](const std::string& first, const std::string& second) {
        const Xapian::Query words[] = {term(first), term(second)};
        return Xapian::Query(Xapian::Query::OP_PHRASE, std::begin(words), std::end(words));
    };
    using Q = Xapian::Query;
    const std::vector<Q> queries = {
        phrase("local", "authority"),
        Q(Q::OP_AND, phrase("social", "workers"), term("visits")),
        Q(Q::OP_AND_MAYBE, Q(Q::OP_AND, phrase("care", "leavers"), term("accommodation")), phrase("personal", "advisers")),
        Q(Q::OP_AND_NOT, phrase("social", "workers"), phrase("high", "caseloads")),
    };
    const Xapian::BM25Weight weighting(1, 0, 1, 0, 0.5);  // as searches weigh
    const auto weights_of = [&db, &weighting](const Xapian::Query& query) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(weighting);
        std::map<Xapian::docid, double> weights;
        const Xapian::MSet matches = enquire.get_mset(0, db.get_doccount());
        for (auto match = matches.begin(); match != matches.end(); ++match)
            weights[*match] = match.get_weight();
        return weights;
    };
    for (const Xapian::Query& query : queries) {
        INFO(query.get_description());
        const std::map<Xapian::docid, double> checked = weights_of(query);
        REQUIRE(checked.size() >= 3);
        auto matches = std::make_shared<DocSet>(db.get_lastdocid());
        for (const auto& [id, weight] : checked)
            matches->insert(id);
        const Xapian::Query unchecked = without_phrase_checks(query);
        CHECK(unchecked.get_description() != query.get_description());
        const std::map<Xapian::docid, double> weighed = weights_of(Q(Q::OP_FILTER, unchecked, query_of(matches)));
        REQUIRE(weighed.size() == checked.size());
        for (const auto& [id, weight] : checked)
            CHECK(weighed.at(id) == Approx(weight).epsilon(1e-12));
    }
    // A phrase a match need not hold keeps its positions: either side of an OR, the optional
    // side of AND_MAYBE, the excluded side of AND_NOT.
    const Q optional = phrase("personal", "advisers");
    for (const Q& query : {Q(Q::OP_OR, phrase("care", "leavers"), term("neglect")), Q(Q::OP_AND_MAYBE, term("care"), optional),
                           Q(Q::OP_AND_NOT, term("care"), optional)}) {
        INFO(query.get_description());
        CHECK(without_phrase_checks(query).get_description() == query.get_description());
    }
}

// Returns the path of a new index of four reports of four authorities, in tmp: a revision no
// search has read, so that its whole report order is not loaded.
std::string fresh_index_of_four_reports(const TempDir& tmp)
{
    const std::string path = tmp / "index";
    for (const std::string report : {"croydon-2020-03-16-inspection", "barnet-2017-07-07-inspection",
                                     "kent-2013-08-23-inspection", "surrey-2015-06-03-inspection"})
        copy_into(corpus_path("reports/" + report + ".txt"), tmp.path() / "reports");
    run_indexer(path, {(tmp.path() / "reports").string()}, {});
    return path;
}

TEST_CASE("Relevance pages put equal weights in report order, the same whether the whole order is loaded or not",
          "[search][results]")
{
    TempDir tmp;
    const std::string path = fresh_index_of_four_reports(tmp);
    const Xapian::Database db(path);
    const auto key_of = [&db](const SearchHit& hit) {
        return db.get_document(paragraph_document_id(db, hit.id)).get_value(schema::k_slot_report_order);
    };
    // Pages of words that many paragraphs hold once (equal weights), and of several words.
    const std::vector<std::string> queries = {"children", "assessment", "management oversight", "care leavers"};
    std::vector<std::vector<std::pair<std::string, double>>> pages;
    Searcher searcher(path);
    for (const bool loaded : {false, true}) {
        if (loaded)
            ReportOrder::of(db);
        REQUIRE((ReportOrder::if_loaded(db) != nullptr) == loaded);
        for (const auto& query : queries) {
            for (const std::size_t page : {1, 2, 3}) {
                INFO(query << " page " << page << (loaded ? ", order loaded" : ""));
                SearchRequest request = request_for(query);
                request.page = page;
                const SearchResult result = searcher.search(request);
                REQUIRE(result.hits.size() == 10);
                std::vector<std::pair<std::string, double>> hits;
                for (std::size_t i = 0; i < result.hits.size(); ++i) {
                    hits.emplace_back(result.hits[i].id, result.hits[i].score);
                    if (i > 0 && result.hits[i].score == result.hits[i - 1].score)
                        CHECK(key_of(result.hits[i - 1]) < key_of(result.hits[i]));
                }
                if (!loaded) {
                    pages.push_back(hits);
                    continue;
                }
                const auto& before = pages[static_cast<std::size_t>(&query - queries.data()) * 3 + page - 1];
                for (std::size_t i = 0; i < hits.size(); ++i) {
                    CHECK(hits[i].first == before[i].first);
                    CHECK(hits[i].second == Approx(before[i].second).epsilon(1e-12));
                }
            }
        }
    }
}

TEST_CASE("A document's place in the report order reads the same from the runs of places as from the table",
          "[search][results]")
{
    TempDir tmp;
    const std::string path = fresh_index_of_four_reports(tmp);
    // An update: one report's paragraphs replaced (new ids at the end, a gap where they were).
    const std::string changed = (tmp.path() / "reports" / "barnet-2017-07-07-inspection.txt").string();
    write_file(changed, read_file(changed) + "\nThe local authority reviewed this finding again.\n");
    run_indexer(path, {(tmp.path() / "reports").string()}, {});
    const Xapian::Database db(path);
    const auto order = ReportOrder::of(db);
    REQUIRE(db.get_doccount() < db.get_lastdocid());  // the gap is there
    std::size_t cursor = 0;
    for (Xapian::docid id = 0; id <= db.get_lastdocid() + 3; ++id)  // ascending, as the matcher asks
        CHECK(order->rank_from(id, cursor) == order->rank_of(id));
    std::size_t striding = 0;  // ascending by more than a report at a time
    for (Xapian::docid id = 0; id <= db.get_lastdocid() + 3; id += 97)
        CHECK(order->rank_from(id, striding) == order->rank_of(id));
    std::size_t jumping = 0;  // and any order: a cursor past the id finds its run again
    for (Xapian::docid id = db.get_lastdocid() + 3; id > 0; id -= std::min<Xapian::docid>(id, 7))
        CHECK(order->rank_from(id, jumping) == order->rank_of(id));
    CHECK(order->rank_from(0, jumping) == order->rank_of(0));
}

TEST_CASE("Pages in report order agree whether a few matches are ordered by their keys or by the whole order",
          "[search][results]")
{
    TempDir tmp;
    const std::string path = fresh_index_of_four_reports(tmp);
    const Xapian::Database db(path);
    const auto key_of = [&db](Xapian::docid id) { return db.get_document(id).get_value(schema::k_slot_report_order); };
    const auto report_of = [&key_of](Xapian::docid id) {
        const std::string key = key_of(id);
        return key.substr(0, key.find('\0'));
    };
    DocSet few(db.get_lastdocid()), many(db.get_lastdocid());
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
        many.insert(*id);
        if (*id % 20 == 0)  // a few from every report
            few.insert(*id);
    }
    REQUIRE(few.count() * 16 < db.get_doccount());
    // First the few by their own keys, then the many (which loads the whole order), then the
    // few again, now off the whole order.
    for (const DocSet* docs : {&few, &many, &few}) {
        std::vector<Xapian::docid> expected;
        docs->for_each([&expected](Xapian::docid id) { expected.push_back(id); });
        std::sort(expected.begin(), expected.end(), [&](Xapian::docid a, Xapian::docid b) { return key_of(a) < key_of(b); });
        std::vector<Xapian::docid> first_of_each;
        std::set<std::string> reports;
        for (Xapian::docid id : expected) {
            if (reports.insert(report_of(id)).second)
                first_of_each.push_back(id);
        }
        REQUIRE(reports.size() > 1);
        CHECK(count_reports(*docs, db) == reports.size());
        CHECK(ordered_page({*docs}, db, {0, first_of_each.size(), true}) == first_of_each);
        REQUIRE(expected.size() >= 5);
        CHECK(ordered_page({*docs}, db, {2, 3, false}) == std::vector<Xapian::docid>(expected.begin() + 2, expected.begin() + 5));
        const std::size_t size = std::min<std::size_t>(expected.size(), 300);
        CHECK(ordered_page({*docs}, db, {0, size, false}) == std::vector<Xapian::docid>(expected.begin(), expected.begin() + size));
    }
}

TEST_CASE("Sorting by date lists the newest paragraphs first", "[search][results]")
{
    for (const std::string* db : {&seed_index(), &reports_index()}) {
        Searcher searcher(*db);
        SearchRequest request = request_for("assessment", 100);
        request.sort = SortOrder::date;
        const SearchResult result = searcher.search(request);
        REQUIRE(result.hits.size() > 10);
        CHECK(std::is_sorted(result.hits.begin(), result.hits.end(),
                             [](const SearchHit& a, const SearchHit& b) { return a.date > b.date; }));
    }
}

TEST_CASE("Collapsing gives at most one paragraph per report, with the number of the report's matches",
          "[search][results]")
{
    Searcher searcher(reports_index());
    SearchRequest request = request_for("assessment", 100);
    request.collapse_reports = true;
    const SearchResult result = searcher.search(request);
    std::set<std::string> reports;
    for (const auto& hit : result.hits)
        CHECK(reports.insert(hit.report_id).second);
    std::map<std::string, std::size_t> matches_by_report;
    for (const auto& hit : all_matches(searcher, request_for("assessment")))
        ++matches_by_report[hit.report_id];
    CHECK(reports.size() == matches_by_report.size());
    for (const auto& hit : result.hits)
        CHECK(hit.report_matches == matches_by_report[hit.report_id]);
    CHECK(searcher.search(request_for("assessment")).hits.front().report_matches == 0);  // only when collapsed
}

TEST_CASE("A query of cues alone lists every matching paragraph, listed strengths first, in report order", "[search][results]")
{
    Searcher searcher(seed_index());
    const SearchResult result = searcher.search(request_for("Croydon strengths", 100));
    CHECK(result.interpreted.text.empty());
    std::set<std::string> ids;
    for (const auto& hit : result.hits)
        ids.insert(hit.id);
    CHECK(ids == ids_where(seed_index(), [](const Doc& d) {
              return d.field("authority") == "Croydon" && one_of(d.field("finding_type"), k_positive);
          }));
    const std::map<std::string, int> order = {{"strength", 0}, {"satisfactory", 1}, {"judgement", 2}};
    CHECK(std::is_sorted(result.hits.begin(), result.hits.end(), [&order](const SearchHit& a, const SearchHit& b) {
        const int ta = order.at(a.field("finding_type")), tb = order.at(b.field("finding_type"));
        return ta != tb ? ta < tb : a.position < b.position;
    }));
}

TEST_CASE("Asked for recommendations or areas for development, the items of lists come before the narrative findings "
          "marked (Recommendation)",
          "[search][cues]")
{
    Searcher searcher(reports_index());
    const std::set<std::string> listed =
        ids_where(reports_index(), [](const Doc& d) { return d.has(schema::k_listed); });
    for (const char* query : {"recommendations about assessments", "areas for development in plans"}) {
        INFO("query: " << query);
        const SearchResult result = searcher.search(request_for(query, 100));
        std::vector<bool> is_listed;
        for (const auto& hit : result.hits)
            is_listed.push_back(listed.count(hit.id) > 0);
        CHECK(std::count(is_listed.begin(), is_listed.end(), true) > 0);
        CHECK(std::count(is_listed.begin(), is_listed.end(), false) > 0);  // narrative ones match too
        CHECK(std::is_sorted(is_listed.begin(), is_listed.end(), std::greater<>()));
    }
}

TEST_CASE("An authority type filter keeps its authorities' paragraphs, and its facet counts add up", "[search][facets]")
{
    Searcher searcher(reports_index());
    const auto type_of = [](const Doc& d) {
        const Authority* authority = Gazetteer::instance().resolve(d.field("authority"));
        return authority ? std::string(to_string(authority->type)) : std::string();
    };
    SearchRequest unfiltered = request_for("children");
    const SearchResult all = searcher.search(unfiltered);
    const auto& types = all.facets.at("authority_type");
    REQUIRE(types.size() == 4);
    std::size_t sum = 0;
    for (const auto& type : types) {
        INFO("authority type: " << type.value);
        sum += type.count;
        SearchRequest request = unfiltered;
        request.filters["authority_type"] = {type.value};
        std::set<std::string> ids;
        for (const auto& hit : all_matches(searcher, request))
            ids.insert(hit.id);
        const std::set<std::string> expected = ids_where(reports_index(), [&](const Doc& d) {
            return type_of(d) == type.value && d.has(stemmed("children"));
        });
        CHECK(ids == expected);
        const SearchResult filtered = searcher.search(request);
        CHECK(filtered.total == type.count);
        CHECK(filtered.facets.at("authority_type").size() == 4);  // the other types keep their counts
        CHECK(searcher.search(request_for("children authority_type:" + type.value)).total == type.count);
    }
    CHECK(sum == all.total);
}

TEST_CASE("Year and authority cues select across years of the reports", "[search][cues]")
{
    Searcher searcher(reports_index());
    check_selections(searcher, reports_index(), {
        {"Croydon since 2021", [](const Doc& d) { return d.field("authority") == "Croydon" && d.year() >= 2021; }},
        {"Barnet before 2020", [](const Doc& d) { return d.field("authority") == "Barnet" && d.year() <= 2019; }},
        {"Croydon Barnet in 2024", [](const Doc& d) {
             return one_of(d.field("authority"), {"Croydon", "Barnet"}) && d.year() == 2024;
         }},
        {"2014 and 2016", [](const Doc& d) { return d.year() == 2014 || d.year() == 2016; }},
        {"Croydon in 2019 and 2024", [](const Doc& d) {
             return d.field("authority") == "Croydon" && (d.year() == 2019 || d.year() == 2024);
         }},
        {"Barnet in 2017 or 2019 since 2018", [](const Doc& d) { return d.field("authority") == "Barnet" && d.year() == 2019; }},
        {"rated good between 2015 and 2019", [](const Doc& d) {
             return d.field("grade") == "good" && d.year() >= 2015 && d.year() <= 2019;
         }},
    });
}

TEST_CASE("Two authorities joined by and or or list both authorities' paragraphs", "[search][cues]")
{
    Searcher searcher(seed_index());
    for (const std::string query : {"Croydon and Redbridge", "Croydon or Havering in 2011"}) {
        INFO("query: " << query);
        const Interpretation reading = understand_query(query);
        CHECK(reading.authorities.size() == 2);
        const std::set<std::string> expected = ids_where(seed_index(), [&reading](const Doc& d) {
            return std::count(reading.authorities.begin(), reading.authorities.end(), d.field("authority")) == 1 &&
                   (reading.year_spans.empty() || d.year() == reading.year_spans.front().first);
        });
        CHECK_FALSE(expected.empty());
        CHECK(ids_matching(searcher, request_for(query)) == expected);
    }
}

TEST_CASE("A misspelt word is corrected and searched, and the reading says so", "[search][spelling]")
{
    Searcher searcher(seed_index());
    const SearchResult result = searcher.search(request_for("supervison"));
    REQUIRE(result.interpreted.corrections.size() == 1);
    CHECK(result.interpreted.corrections[0].from == "supervison");
    CHECK(result.interpreted.corrections[0].to == "supervision");
    CHECK(result.interpreted.corrected_query == "supervision");
    CHECK(result.total == searcher.search(request_for("supervision")).total);
    CHECK(result.suggestion.empty());  // searched, not only offered
    CHECK(searcher.search(request_for("supervision")).interpreted.corrections.empty());
}

TEST_CASE("A correction keeps the query's cues and syntax around the corrected word, and can read a cue",
          "[search][spelling]")
{
    Searcher searcher(seed_index());
    const SearchResult result = searcher.search(request_for("Croydon supervison weaknesses since 2009"));
    CHECK(result.interpreted.corrected_query == "Croydon supervision weaknesses since 2009");
    CHECK(result.interpreted.cues.size() == 3);
    CHECK(searcher.search(request_for("supervison -Croydon")).interpreted.corrected_query == "supervision -Croydon");
    CHECK(searcher.search(request_for("Supervison")).interpreted.corrected_query == "Supervision");  // as written
    const SearchResult cue = searcher.search(request_for("supervision strenghts"));  // a misspelt cue is read
    CHECK(cue.interpreted.corrected_query == "supervision strengths");
    CHECK(cue.interpreted.cues.size() == 1);
}

TEST_CASE("With autocorrect off a correction is only offered: literal searches and syntax are never corrected",
          "[search][spelling]")
{
    Searcher searcher(seed_index());
    SearchRequest request = request_for("supervison");
    request.autocorrect = false;
    const SearchResult offered = searcher.search(request);
    CHECK(offered.suggestion == "supervision");
    CHECK(offered.interpreted.corrections.empty());
    CHECK(offered.total == 0);
    request.autocorrect = true;
    request.literal = true;
    CHECK(searcher.search(request).interpreted.corrections.empty());
    for (const std::string query : {"\"supervison\"", "section:supervison", "supervison*", "SUPERVISON"}) {
        INFO("query: " << query);
        CHECK(searcher.search(request_for(query)).interpreted.corrections.empty());
    }
}

TEST_CASE("Words the index holds are never corrected, nor into a word with another first letter",
          "[search][spelling]")
{
    Searcher searcher(seed_index());
    for (const std::string query : {"out of hours", "supervision takes place", "hours", "care", "Croydon", "naïve"}) {
        INFO("query: " << query);
        const SearchResult result = searcher.search(request_for(query));
        CHECK(result.interpreted.corrections.empty());
        CHECK(result.suggestion.empty());
    }
}

TEST_CASE("A word in no paragraph is named in a note", "[search][spelling]")
{
    Searcher searcher(seed_index());
    const SearchResult result = searcher.search(request_for("zzzqqq supervision"));
    CHECK(result.total == searcher.search(request_for("supervision")).total);  // the other words, and says so
    REQUIRE(result.interpreted.notes.size() == 2);
    CHECK_THAT(result.interpreted.notes[0], Contains("\"zzzqqq\" is in no paragraph"));
    CHECK_THAT(result.interpreted.notes[1], Contains("no paragraph has all of"));
}

TEST_CASE("A filter value the field can have but no paragraph of the index has is searched, and a note says so",
          "[search][filters]")
{
    Searcher searcher(seed_index());
    SearchRequest request = request_for("supervision");
    request.filters["kind"] = {"monitoring_visit"};  // a kind of report, none of them among the seed reports
    const SearchResult result = searcher.search(request);
    CHECK(result.total == 0);
    REQUIRE(result.interpreted.notes.size() == 1);
    CHECK(result.interpreted.notes[0] == "no paragraph in this index has report kind \"monitoring_visit\": it matches nothing");

    request.filters["kind"] = {"monitoring_visit", "unannounced_car"};  // the other value matches; the note stays
    CHECK(searcher.search(request).total > 0);
    CHECK(searcher.search(request).interpreted.notes.size() == 1);
}

TEST_CASE("A match has every concept of the query: too few such paragraphs fall back to any, and say so",
          "[search][concepts]")
{
    Searcher searcher(reports_index());
    const std::string supervision = stemmed("supervision");
    const std::string recording = stemmed("recording");
    const std::string caseload = stemmed("caseload");
    check_selections(searcher, reports_index(), {
        {"supervision recording", [&](const Doc& d) { return d.has(supervision) && d.has(recording); }},
        {"supervision OR recording", [&](const Doc& d) { return d.has(supervision) || d.has(recording); }},
    });
    const SearchResult all = searcher.search(request_for("supervision recording"));
    CHECK(all.total >= 10);
    CHECK(all.interpreted.notes.empty());
    CHECK_FALSE(all.interpreted.any_words);
    SearchRequest any = request_for("supervision recording");
    any.match_all = false;
    CHECK(searcher.search(any).total == searcher.search(request_for("supervision OR recording")).total);
    // Paragraphs with both words are fewer than a page: those with either are shown, with a note.
    const auto with_both = ids_where(reports_index(), [&](const Doc& d) { return d.has(supervision) && d.has(caseload); });
    REQUIRE(with_both.size() < 10);
    const SearchResult few = searcher.search(request_for("supervision caseloads"));
    CHECK(few.total == ids_where(reports_index(), [&](const Doc& d) {
                           return d.has(supervision) || d.has(caseload) || d.has(stemmed("workload"));
                       }).size());
    REQUIRE(few.interpreted.notes.size() == 1);
    CHECK_THAT(few.interpreted.notes[0], Contains("paragraph") && Contains("all of \"supervision caseloads\""));
    CHECK(few.interpreted.any_words);  // what a trend or chart of the same search must count too
}

TEST_CASE("A synonym group is one concept: its members are searched as one term, a second member adds nothing",
          "[search][concepts]")
{
    Searcher searcher(seed_index());
    const SearchResult edt = searcher.search(request_for("emergency duty team out of hours"));
    CHECK(edt.interpreted.synonyms.size() == 1);
    CHECK(edt.total == searcher.search(request_for("EDT")).total);
    // The abbreviation and its expansion match the same paragraphs, whichever is written.
    CHECK(searcher.search(request_for("CAF")).total == searcher.search(request_for("common assessment framework")).total);
    // Excluded, quoted or a field's value: no concept.
    CHECK(searcher.search(request_for("assessment -CAF")).interpreted.synonyms.empty());
    CHECK(searcher.search(request_for("\"CAF\"")).interpreted.synonyms.empty());
    CHECK(searcher.search(request_for("kind:safeguarding_lac")).interpreted.synonyms.empty());
}

TEST_CASE("A concept's term finds exactly the paragraphs its members' phrases find", "[search][concepts]")
{
    // Every member, and the plurals and joinings a query may use ("GPs", which the stemmer keeps
    // as gps, is in the seed reports).
    std::vector<std::string> queries = {"GPs", "SGOs", "CPs", "PEPs", "IROs", "LSCBs", "out-of-hours",
                                        "education health and care plans", "education, health and care plan"};
    for (const auto& group : synonym_groups())
        queries.insert(queries.end(), group.begin(), group.end());
    std::size_t found = 0;
    for (const std::string& index : {reports_index(), seed_index()}) {
        // The same index with its concept terms' record removed is searched by the members' phrases.
        TempDir dir;
        const std::string by_phrases = dir / "index";
        fs::copy(index, by_phrases, fs::copy_options::recursive);
        {
            Xapian::WritableDatabase db(by_phrases);
            db.set_metadata(schema::k_meta_concept_terms, "");
            db.commit();
        }
        Searcher terms(index), phrases(by_phrases);
        REQUIRE(ConceptTerms::shipped().searchable_in(terms.database()));
        REQUIRE_FALSE(ConceptTerms::shipped().searchable_in(phrases.database()));
        for (const auto& query : queries) {
            INFO(index << ": " << query);
            const std::set<std::string> ids = ids_matching(terms, request_for(query));
            CHECK(ids == ids_matching(phrases, request_for(query)));
            found += ids.size();
        }
    }
    CHECK(found > 1000);  // the groups are named in these reports
}

TEST_CASE("An export row's columns say what the API's result says", "[search][export]")
{
    Searcher searcher(reports_index());
    const SearchResult result = searcher.search(request_for("care leavers IROs", 20));
    REQUIRE(result.hits.size() == 20);
    const std::string base = "http://127.0.0.1:8080";
    for (const SearchHit& hit : result.hits) {
        const nlohmann::json api = row_json(hit, {}, base);
        const std::vector<std::string> values = row_values(hit, row_columns(), base);
        REQUIRE(values.size() == row_columns().size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            const std::string& column = row_columns()[i];
            INFO(hit.id << ", column " << column);
            REQUIRE(api.contains(column));
            if (column == "section") {  // the headings joined
                std::string joined;
                for (const auto& heading : api[column])
                    joined += (joined.empty() ? "" : " > ") + heading.get<std::string>();
                CHECK(values[i] == joined);
            } else if (column == "score") {  // in full, not as JSON rounds it
                CHECK(std::stod(values[i]) == Approx(api[column].get<double>()));
            } else {
                CHECK(values[i] == (api[column].is_string() ? api[column].get<std::string>() : api[column].dump()));
            }
        }
    }
}

TEST_CASE("Relevance: the paragraph a query describes ranks near the top", "[search][relevance]")
{
    Searcher searcher(seed_index());
    struct Row {
        std::string query;
        std::string paragraph;
    };
    const Row rows[] = {
        {"supervision recording weakness since 2009",
         "While supervision takes place on a regular basis, the recording of this is poor"},
        {"caseload", "Staff have high workloads"},
        {"out of hours service police", "The out of hours service appropriately undertakes joint work"},
    };
    for (const auto& row : rows) {
        INFO("query: " << row.query);
        const auto texts = texts_of(searcher.search(request_for(row.query, 5)).hits);
        CHECK(std::any_of(texts.begin(), texts.end(),
                          [&row](const std::string& text) { return text.find(row.paragraph) != std::string::npos; }));
    }
}

TEST_CASE("A quoted phrase with stop words finds the phrase, its stop words left out", "[search][phrase]")
{
    const Analyser analyser;
    // Stop words are not indexed: a hit has "quality" then "provision" once they are left out.
    const auto has_phrase = [&analyser](const std::string& text) {
        std::vector<std::string> terms;
        for (const auto& word : words_of(text)) {
            if (!analyser.is_stop_word(word))
                terms.push_back(analyser.term_of(word));
        }
        for (std::size_t i = 0; i + 1 < terms.size(); ++i) {
            if (terms[i] == analyser.term_of("quality") && terms[i + 1] == analyser.term_of("provision"))
                return true;
        }
        return false;
    };
    Searcher searcher(seed_index());
    std::set<std::string> found;
    for (const auto& hit : all_matches(searcher, request_for("\"quality of provision\""))) {
        found.insert(hit.id);
        INFO(hit.id << ": " << hit.text);
        CHECK(has_phrase(hit.text));
    }
    const std::set<std::string> literal =
        ids_where(seed_index(), [](const Doc& doc) { return doc.lower_text().find("quality of provision") != std::string::npos; });
    CHECK_FALSE(literal.empty());
    CHECK(std::includes(found.begin(), found.end(), literal.begin(), literal.end()));
    CHECK(searcher.search(request_for("authority:\"Barking and Dagenham\" \"children in need\"")).total > 0);
}

}  // namespace
}  // namespace findings::test
