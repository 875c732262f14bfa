// Golden tables read by people from the reports (tests/data/golden/): every judgement of 54
// reports across the frameworks, and paragraphs whose type, grade and heading were once read
// wrongly. The parser must agree with them.
#include <catch2/catch.hpp>

#include "core/common/judgement_vocabulary.h"
#include "core/common/report_model.h"
#include "core/common/text_normaliser.h"
#include "core/ingest/dates.h"
#include "tests/test_support.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace findings;
using findings::test::golden_judgements;
using findings::test::parse_corpus_report;
using findings::test::read_tsv;
using findings::test::TsvTable;

namespace {

// Text compared as people read it: case and spacing aside.
std::string comparable(const std::string& text) { return to_lower(collapse_spaces(text)); }

// A judgement's label compared as people read it: also without a leading "the" or a bracketed
// abbreviation, which reports write in one place and not in the next ("The Local Safeguarding
// Children Board (LSCB)", "Local Safeguarding Children Board").
std::string comparable_label(const std::string& label)
{
    std::string text = comparable(label);
    if (text.rfind("the ", 0) == 0)
        text.erase(0, 4);
    if (const auto bracket = text.find(" ("); bracket != std::string::npos && text.back() == ')')
        text.erase(bracket);
    return text;
}

// Whether a label read is the one people read: also when it keeps the table group a 2009-2012
// row sits under ("Services for looked after children: Overall effectiveness").
bool same_label(const std::string& read, const std::string& wanted)
{
    const std::string ours = comparable_label(read);
    const std::string theirs = comparable_label(wanted);
    const std::string grouped = ": " + theirs;
    return ours == theirs ||
           (ours.size() > grouped.size() && ours.compare(ours.size() - grouped.size(), grouped.size(), grouped) == 0);
}

}  // namespace

TEST_CASE("every judgement of the hand-read reports is read with its key, grade and label", "[parser][golden][judgements]")
{
    const auto golden = golden_judgements();
    CHECK(golden.size() >= 50);
    for (const auto& [file, expected] : golden) {
        CAPTURE(file);
        const Report report = parse_corpus_report(file);
        std::map<std::string, std::string> read;
        for (const auto& judgement : report.judgements) {
            CAPTURE(judgement.key, judgement.label);
            CHECK(read.emplace(judgement.key, to_string(judgement.grade)).second);  // one per key
            const auto wanted = expected.find(judgement.key);
            if (wanted != expected.end())
                CHECK(same_label(judgement.label, wanted->second.label));
        }
        std::map<std::string, std::string> wanted_grades;
        for (const auto& [key, judgement] : expected)
            wanted_grades[key] = judgement.grade;
        CHECK(read == wanted_grades);
    }
}

TEST_CASE("paragraphs once typed, graded or headed wrongly are read as the reports mean them", "[parser][golden][judgements]")
{
    const TsvTable table = read_tsv("golden/paragraphs_issue13.tsv");
    std::map<std::string, Report> reports;
    const auto report_named = [&reports](const std::string& id) -> const Report& {
        auto found = reports.find(id);
        if (found == reports.end())
            found = reports.emplace(id, parse_corpus_report("reports/" + id + ".txt")).first;
        return found->second;
    };
    for (const auto& row : table.rows) {
        REQUIRE(row.size() == 6);
        const auto& [id, needle, type, grade, key, heading] = std::tie(row[0], row[1], row[2], row[3], row[4], row[5]);
        CAPTURE(id, needle);
        const Report& report = report_named(id);
        if (type == "NONE") {  // not a paragraph of its own: a heading, a table cell, a footnote
            for (const auto& paragraph : report.paragraphs)
                CHECK(comparable(paragraph.text) != comparable(needle));
            continue;
        }
        const Paragraph& paragraph = findings::test::paragraph_containing(report, needle);
        CAPTURE(paragraph.text, paragraph.section_path());
        CHECK(to_string(paragraph.finding_type) == type);
        CHECK(to_string(paragraph.grade) == grade);
        CHECK(paragraph.judgement == (key == "-" ? "" : key));
        if (heading != "-") {
            REQUIRE_FALSE(paragraph.section.empty());
            CHECK_THAT(to_lower(paragraph.section.back()), Catch::Matchers::Contains(to_lower(heading)));
        }
    }
    // "# same paragraph: A | B" above a row of the report: the two halves of a sentence split by
    // the layout are one paragraph.
    for (const auto& [comment, next_row] : table.comments) {
        const std::string prefix = "same paragraph: ";
        if (comment.rfind(prefix, 0) != 0)
            continue;
        REQUIRE(next_row < table.rows.size());
        const auto bar = comment.find(" | ");
        REQUIRE(bar != std::string::npos);
        const std::string first = comment.substr(prefix.size(), bar - prefix.size());
        const std::string second = comment.substr(bar + 3);
        CAPTURE(table.rows[next_row][0], first, second);
        const Report& report = report_named(table.rows[next_row][0]);
        CHECK(&findings::test::paragraph_containing(report, first) == &findings::test::paragraph_containing(report, second));
    }
}

namespace {

// Returns whether a judgement's label or a heading ends where a sentence was cut ("The graded
// judgement for adoption performance is that it", "Children's services in Brent require
// improvement to be", "... is:").
bool ends_in_cut_sentence(const std::string& text)
{
    static const std::regex cut(R"((\b(that it|to be|is|are|requires?|that)|[:,])$)", std::regex::icase);
    return std::regex_search(text, cut);
}

}  // namespace

TEST_CASE("every corpus report's judgements are whole: one per key of the vocabulary, an overall one where its framework has it, grades its paragraphs inherit",
          "[parser][corpus][judgements]")
{
    std::size_t reports = 0;
    std::set<std::string> keys_seen;
    for (const std::string folder : {"seed", "reports"}) {
        for (const auto& entry : std::filesystem::directory_iterator(findings::test::corpus_path(folder))) {
            if (entry.path().extension() != ".txt")
                continue;
            const Report report = parse_corpus_report(folder + "/" + entry.path().filename().string());
            ++reports;
            CAPTURE(report.id, report.kind);
            std::map<std::string, const Judgement*> by_key;
            for (const auto& judgement : report.judgements) {
                CAPTURE(judgement.key, judgement.label);
                CHECK(judgement_key_named(judgement.key) != nullptr);
                CHECK(by_key.emplace(judgement.key, &judgement).second);
                CHECK(judgement.grade != Grade::ungraded);
                CHECK_FALSE(ends_in_cut_sentence(judgement.label));
                keys_seen.insert(judgement.key);
            }
            const auto inspection_end = find_last_date(report.inspection_dates);
            const bool overall_expected = framework_has_overall(report.kind, inspection_end ? inspection_end->compact() : "");
            CHECK(by_key.count(overall_judgement_key()) == (overall_expected ? 1u : 0u));
            CHECK_FALSE(report.lacks_overall);
            CHECK(report.grade_disagreements.empty());
            for (const auto& paragraph : report.paragraphs) {
                CAPTURE(paragraph.position, paragraph.section_path(), paragraph.text.substr(0, 80));
                for (const auto& heading : paragraph.section)
                    CHECK_FALSE(ends_in_cut_sentence(heading));
                if (paragraph.judgement.empty()) {
                    CHECK(paragraph.grade == Grade::ungraded);
                    continue;
                }
                const auto judgement = by_key.find(paragraph.judgement);
                const Grade inherited = judgement == by_key.end() ? Grade::ungraded : judgement->second->grade;
                CHECK(paragraph.grade == inherited);
            }
        }
    }
    CHECK(reports >= 833);
    // The corpus grades every framework-wide judgement somewhere.
    for (const char* key : {"overall_effectiveness", "help_and_protection", "children_in_care", "adoption", "care_leavers",
                            "children_in_care_and_care_leavers", "leadership", "lscb"})
        CHECK(keys_seen.count(key));
}
