// Unit tests of text handling: encoding, normalisation, dates, headings, page furniture, blocks, slugs, analyser.

#include <catch2/catch.hpp>

#include "core/common/analyser.h"
#include "core/common/csv_text.h"
#include "core/common/fast_regex.h"
#include "core/common/text_encoding.h"
#include "core/common/text_normaliser.h"
#include "core/ingest/block_builder.h"
#include "core/ingest/dates.h"
#include "core/ingest/headings.h"
#include "core/ingest/page_furniture.h"
#include "core/ingest/report_header.h"

#include <algorithm>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace findings::test {
namespace {

// Returns a grade's index spelling, or "none".
std::string name_of(const std::optional<Grade>& grade)
{
    return grade ? to_string(*grade) : "none";
}

// Returns a finding type's index spelling, or "none".
std::string name_of(const std::optional<FindingType>& type)
{
    return type ? to_string(*type) : "none";
}

// Returns a date as YYYY-MM-DD, or "none".
std::string name_of(const std::optional<Date>& date)
{
    return date ? date->iso() : "none";
}

// Returns the lines of normalised text with spaces collapsed, as content_lines reads them.
std::vector<std::string> normalised_lines(const std::string& text)
{
    std::vector<std::string> lines;
    const std::string normalised = normalise_text(text);
    std::size_t start = 0;
    while (start <= normalised.size()) {
        const std::size_t end = std::min(normalised.find('\n', start), normalised.size());
        lines.push_back(collapse_spaces(normalised.substr(start, end - start)));
        start = end + 1;
    }
    return lines;
}

// Returns the texts of the content lines of raw report text.
std::vector<std::string> content_texts(const std::string& raw)
{
    std::vector<std::string> texts;
    for (const auto& line : content_lines(normalise_text(raw))) {
        if (!line.layout_only)
            texts.push_back(line.text);
    }
    return texts;
}

// Returns the blocks of raw report text.
std::vector<Block> blocks_of(const std::string& raw)
{
    return build_blocks(content_lines(normalise_text(raw)));
}

const char* kind_name(BlockKind kind)
{
    switch (kind) {
    case BlockKind::prose: return "prose";
    case BlockKind::numbered: return "numbered";
    case BlockKind::bullet: return "bullet";
    case BlockKind::grade: return "grade";
    case BlockKind::row: return "row";
    }
    return "?";
}

// One expected block: its kind and text.
struct ExpectedBlock {
    std::string kind;
    std::string text;
    bool operator==(const ExpectedBlock& other) const { return kind == other.kind && text == other.text; }
};

std::vector<ExpectedBlock> kinds_and_texts(const std::vector<Block>& blocks)
{
    std::vector<ExpectedBlock> out;
    for (const auto& block : blocks)
        out.push_back({kind_name(block.kind), block.text});
    return out;
}

}  // namespace
}  // namespace findings::test

namespace Catch {
template <>
struct StringMaker<findings::test::ExpectedBlock> {
    static std::string convert(const findings::test::ExpectedBlock& block)
    {
        return block.kind + ": \"" + block.text + "\"";
    }
};
}  // namespace Catch

namespace findings::test {
namespace {

// ---------------------------------------------------------------------------------------
// Encoding

TEST_CASE("valid UTF-8 passes through decoding unchanged", "[text][encoding]")
{
    for (const std::string text : {"", "plain ASCII", "children\u2019s \u00a3100 \u20ac5", "\U0001F600 emoji",
                                   "a literal replacement character \uFFFD stays"}) {
        CAPTURE(text);
        CHECK(is_valid_utf8(text));
        CHECK(decode_to_utf8(text) == text);
    }
}

TEST_CASE("a byte order mark is dropped from the start of the text", "[text][encoding]")
{
    CHECK(decode_to_utf8("\xEF\xBB\xBFSafeguarding") == "Safeguarding");
    CHECK(decode_to_utf8("\xEF\xBB\xBF") == "");
}

TEST_CASE("text with a UTF-16 byte order mark is read as UTF-16, in either byte order", "[text][encoding]")
{
    using namespace std::string_literals;
    // "Care £5 😀": U+00A3 is one unit, U+1F600 a surrogate pair.
    CHECK(decode_to_utf8("\xFF\xFE" "C\0a\0r\0e\0 \0\xA3\0" "5\0 \0=\xD8\0\xDE"s) == "Care \u00a35 \U0001F600");
    CHECK(decode_to_utf8("\xFE\xFF" "\0C\0a\0r\0e\0 \0\xA3\0" "5\0 \xD8=\xDE\0"s) == "Care \u00a35 \U0001F600");
    // An unpaired surrogate and an odd last byte become U+FFFD; nothing is dropped silently.
    CHECK(decode_to_utf8("\xFF\xFE" "A\0\x00\xD8" "B\0" "C"s) == "A\uFFFDB\uFFFD");
    CHECK(decode_to_utf8("\xFF\xFE"s).empty());
}

TEST_CASE("text that is not valid UTF-8 is read as Windows-1252", "[text][encoding]")
{
    struct Row {
        std::string bytes;
        std::string expected;
    };
    const Row rows[] = {
        {"children\x92s", "children\u2019s"},
        {"\x80" "5 and \xA3" "100", "\u20ac5 and \u00a3100"},
        {"\x93quoted\x94 \x96 dash", "\u201cquoted\u201d \u2013 dash"},
        {"caf\xE9", "caf\u00e9"},                       // a three-byte lead with nothing after it
        {"ab\xE2\x80", "ab\u00e2\u20ac"},              // truncated three-byte sequence at the end
        {"\xC0\xAF", "\u00c0\u00af"},                  // overlong '/'
        {"\xE0\x80\xAF", "\u00e0\u20ac\u00af"},        // overlong three-byte '/'
        {"\xED\xA0\x80", "\u00ed\u00a0\u20ac"},        // UTF-16 surrogate D800
        {"\x81\x8D\x8F\x90\x9D", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},  // the five unassigned bytes
    };
    for (const auto& row : rows) {
        CAPTURE(row.bytes);
        CHECK_FALSE(is_valid_utf8(row.bytes));
        CHECK(decode_to_utf8(row.bytes) == row.expected);
    }
}

TEST_CASE("is_valid_utf8 accepts well-formed edge cases and rejects malformed ones", "[text][encoding]")
{
    struct Row {
        std::string bytes;
        bool valid;
    };
    const Row rows[] = {
        {"\xC2\x80", true},               // U+0080, smallest two-byte
        {"\xDF\xBF", true},               // U+07FF
        {"\xE0\xA0\x80", true},           // U+0800, smallest three-byte
        {"\xED\x9F\xBF", true},           // U+D7FF, just below the surrogates
        {"\xEE\x80\x80", true},           // U+E000, just above them
        {"\xEF\xBF\xBF", true},           // U+FFFF
        {"\xF0\x90\x80\x80", true},       // U+10000, smallest four-byte
        {"\xF4\x8F\xBF\xBF", true},       // U+10FFFF, the largest
        {"\xC1\xBF", false},              // overlong two-byte
        {"\xE0\x9F\xBF", false},          // overlong three-byte
        {"\xF0\x8F\xBF\xBF", false},      // overlong four-byte
        {"\xED\xBF\xBF", false},          // surrogate DFFF
        {"\xF4\x90\x80\x80", false},      // past U+10FFFF
        {"\xF5\x80\x80\x80", false},      // lead byte never used
        {"\xFF", false},
        {"\x80", false},                  // continuation byte without a lead
        {"\xE2\x82", false},              // truncated
        {"\xE2\x41\x41", false},          // lead byte followed by ASCII
        {"\xEF\xBF\xBE", true},           // U+FFFE is a noncharacter but well-formed
    };
    for (const auto& row : rows) {
        CAPTURE(row.bytes);
        CHECK(is_valid_utf8(row.bytes) == row.valid);
    }
}

TEST_CASE("next_code_point decodes code points and steps one byte past a bad byte", "[text][encoding]")
{
    struct Row {
        std::string bytes;
        std::vector<char32_t> code_points;
    };
    const Row rows[] = {
        {"a\u00e9\u20ac\U0001F600", {U'a', 0xE9, 0x20AC, 0x1F600}},
        {"\x92s", {0xFFFD, U's'}},
        {"\xE2\x80", {0xFFFD, 0xFFFD}},
        {"\xC0\xAF", {0xFFFD, 0xFFFD}},
        {"\xED\xA0\x80", {0xFFFD, 0xFFFD, 0xFFFD}},
        {"\xE2\x41", {0xFFFD, U'A'}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.bytes);
        std::vector<char32_t> decoded;
        std::size_t i = 0;
        while (i < row.bytes.size()) {
            const std::size_t before = i;
            decoded.push_back(next_code_point(row.bytes, i));
            REQUIRE(i > before);
        }
        CHECK(i == row.bytes.size());
        CHECK(decoded == row.code_points);
    }
}

// ---------------------------------------------------------------------------------------
// Normalisation

TEST_CASE("typographic punctuation, spaces and ligatures become plain ASCII", "[text][normalise]")
{
    struct Row {
        std::string input;
        std::string expected;
    };
    const Row rows[] = {
        {"children\u2019s", "children's"},
        {"\u2018single\u2019", "'single'"},
        {"\u201cx\u201d", "\"x\""},
        {"2010\u20132011", "2010-2011"},
        {"services \u2014 all of them", "services - all of them"},
        {"\u22125", "-5"},
        {"no\u00a0break", "no break"},
        {"co\u00adordinated", "coordinated"},
        {"zero\u200bwidth\u200c\u200d\u2060\uFEFF", "zerowidth"},
        {"\uFB01nancial e\uFB00ective \uFB02ow", "financial effective flow"},
        {"and so on\u2026", "and so on..."},
        {"bell\x07 and\x01 delete\x7F", "bell and delete"},
        {"tab\tnewline\nform feed\f", "tab\tnewline\nform feed\f"},
        {"one\r\ntwo\rthree", "one\ntwo\nthree"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.input);
        CHECK(normalise_text(row.input) == row.expected);
    }
}

TEST_CASE("a bullet character starts a line of its own with the one bullet mark, also after <ul>",
          "[text][normalise]")
{
    struct Row {
        std::string input;
        std::vector<std::string> lines;
    };
    const Row rows[] = {
        {"\u2022 First", {"\u2022 First"}},
        {"\u25aa Square", {"\u2022 Square"}},
        {"\u25fc Black square", {"\u2022 Black square"}},
        {"\uF0B7 Symbol font", {"\u2022 Symbol font"}},
        {"\uF06E Wingdings", {"\u2022 Wingdings"}},
        {"\uF0A7 Wingdings square", {"\u2022 Wingdings square"}},
        {"Strengths: \u2022 one \u2022 two \u25aa three", {"Strengths:", "\u2022 one", "\u2022 two", "\u2022 three"}},
        {"Intro\n\u2022 first\n\u2022 second", {"Intro", "\u2022 first", "\u2022 second"}},
        {"Areas:<ul style=\"margin-left: 2em\">\u2022 Supervision", {"Areas:", "\u2022 Supervision"}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.input);
        CHECK(normalised_lines(row.input) == row.lines);
    }
}

TEST_CASE("HTML list, paragraph and line-break tags become line breaks", "[text][normalise]")
{
    struct Row {
        std::string input;
        std::string expected;
    };
    const Row rows[] = {
        {"Areas:<ul style=\"margin-left: 2em\">", "Areas:\n"},
        {"Before<li>Item</li>After", "Before\nItem\nAfter"},
        {"<p>First</p><p>Second</p>", "\nFirst\n\nSecond\n"},
        {"line one<br/>line two<br>line three<BR />four", "line one\nline two\nline three\nfour"},
        {"Intro   <ul><li>One", "Intro\n\nOne"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.input);
        CHECK(normalise_text(row.input) == row.expected);
    }
}

TEST_CASE("formatting tags are dropped but other tags and angle brackets are kept as text", "[text][normalise]")
{
    struct Row {
        std::string input;
        std::string expected;
    };
    const Row rows[] = {
        {"<b>bold</b> and <span class=\"x\">span</span>", "bold and span"},
        {"held <script>alert(1)</script> here", "held <script>alert(1)</script> here"},
        {"a < b", "a < b"},
        {"x <3", "x <3"},
        {"score <5 and >2", "score <5 and >2"},
        {"a <b\nc> d", "a <b\nc> d"},  // a tag does not span lines
        {"ends with <", "ends with <"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.input);
        CHECK(normalise_text(row.input) == row.expected);
    }
}

TEST_CASE("collapse_spaces joins words with single spaces and trims both ends", "[text][normalise]")
{
    struct Row {
        std::string input;
        std::string expected;
    };
    const Row rows[] = {
        {"", ""},
        {" \t\n\f ", ""},
        {"word", "word"},
        {"  Inspection\t\tdates:\n 12 May  ", "Inspection dates: 12 May"},
        {"caf\xc3\xa9  \xe2\x80\xa2 x", "caf\xc3\xa9 \xe2\x80\xa2 x"},  // UTF-8 bytes are never split
        {"a\r\nb", "a\r b"},  // a carriage return is not one of the spaces it joins
    };
    for (const auto& row : rows) {
        CAPTURE(row.input);
        CHECK(collapse_spaces(row.input) == row.expected);
    }
}

// ---------------------------------------------------------------------------------------
// Dates

TEST_CASE("patterns match the same spans with the tabled regex traits as with the standard ones", "[text][regex]")
{
    // Word boundaries, word classes and case-blind letters are what the tables answer.
    const std::vector<std::pair<std::string, std::regex::flag_type>> patterns = {
        {R"(\bcare\b)", std::regex::ECMAScript},
        {R"(\Bare\w*)", std::regex::ECMAScript},
        {R"(\b(?:since|from) ((?:19|20)\d\d)\b)", std::regex::ECMAScript},
        {R"(\W+)", std::regex::ECMAScript},
        {R"([\w-]+_[\w]+)", std::regex::ECMAScript},
        {R"(\bNorth[ -]?West\b)", std::regex::icase},
        {R"(^(?:in|at) (?:the )?[[:upper:]][[:alpha:]]+)", std::regex::icase},
    };
    const std::vector<std::string> texts = {
        "care leavers' care_plans and scare, aftercare; CARE",
        "since 2019, from 20201 and since 1999",
        "in the NORTH-WEST and north west, Northwestern; at The Wirral",
        "caf\xc3\xa9 na\xc3\xafve \xe2\x80\x94 caf_\xc3\xa9 x_y semi-care_worker",
        "",
    };
    for (const auto& [pattern, flags] : patterns) {
        const std::regex standard(pattern, flags);
        const Regex tabled(pattern, flags);
        for (const std::string& text : texts) {
            std::vector<std::string> expected, found;
            for (std::sregex_iterator it(text.begin(), text.end(), standard), end; it != end; ++it)
                expected.push_back(std::to_string(it->position(0)) + ":" + it->str());
            for (RegexIterator it(text.begin(), text.end(), tabled), end; it != end; ++it)
                found.push_back(std::to_string(it->position(0)) + ":" + it->str());
            INFO(pattern << " in \"" << text << "\"");
            CHECK(found == expected);
        }
    }
    const Regex year(R"(\b((?:19|20)\d\d)\b)");
    std::smatch match;
    const std::string text = "the 2019a report of 2019";
    REQUIRE(std::regex_search(text, match, year));
    CHECK(match.position(0) == 20);  // not inside "2019a": a letter is a word character
}

TEST_CASE("find_date finds the first full date written in text", "[text][dates]")
{
    struct Row {
        std::string text;
        std::string expected;
    };
    const Row rows[] = {
        {"30 June 2011", "2011-06-30"},
        {"5th March 2010", "2010-03-05"},
        {"1st July 2013", "2013-07-01"},
        {"4 Jan 2010", "2010-01-04"},
        {"the visit on 1 September 2022, and", "2022-09-01"},
        {"12 Sept 2019", "2019-09-12"},
        {"3 dec. 2015", "2015-12-03"},
        {"Inspection dates: 18 - 29 January 2010", "2010-01-29"},
        {"from 2 May 2010 to 9 May 2010", "2010-05-02"},
        {"31 February 2011 and then 1 March 2011", "2011-03-01"},
        {"31 February 2011", "none"},
        {"99 May 2010", "none"},
        {"0 May 2010", "none"},
        {"4 January 1890", "none"},
        {"January 2010", "none"},
        {"4 Janu 2010", "none"},
        {"", "none"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(name_of(find_date(row.text)) == row.expected);
    }
}

TEST_CASE("find_date rejects the 29th of February outside leap years", "[text][dates]")
{
    CHECK(name_of(find_date("29 February 2012")) == "2012-02-29");
    CHECK(name_of(find_date("29 February 2011")) == "none");
}

TEST_CASE("find_last_date finds the last full date written in text", "[text][dates]")
{
    struct Row {
        std::string text;
        std::string expected;
    };
    const Row rows[] = {
        {"18 - 29 January 2010", "2010-01-29"},
        {"30 June 2011", "2011-06-30"},
        {"from 2 May 2010 to 9 June 2010", "2010-06-09"},
        {"9 June 2010 and 31 June 2010", "2010-06-09"},
        {"no date here", "none"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(name_of(find_last_date(row.text)) == row.expected);
    }
}

TEST_CASE("is_date_line is true only when the whole line is one date", "[text][dates]")
{
    struct Row {
        std::string line;
        bool expected;
    };
    const Row rows[] = {
        {"4 January 2010", true},
        {"  4th January 2010  ", true},
        {"Date: 4 January 2010", true},
        {"Date 4 Jan. 2010", true},
        {"conducted on 4 January 2010 by", false},
        {"4 January 2010 to 8 January 2010", false},
        {"31 February 2011", false},
        {"4 Foo 2010", false},
        {"", false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.line);
        CHECK(is_date_line(row.line) == row.expected);
    }
}

TEST_CASE("date_in_file_name reads a YYYY-MM-DD date from the file name only", "[text][dates]")
{
    struct Row {
        std::string path;
        std::string expected;
    };
    const Row rows[] = {
        {"barnet-2024-07-23-inspection.txt", "2024-07-23"},
        {"corpus/reports/barnet-2024-07-23-inspection.txt", "2024-07-23"},
        {"/data/2019-01-01-reports/hackney_2023-11-02.txt", "2023-11-02"},
        {"2015-03-21.txt", "2015-03-21"},
        {"/data/2019-01-01-reports/hackney.txt", "none"},
        {"000_521a8994d7693d54.txt", "none"},
        {"barnet-2024-13-45-inspection.txt", "none"},
        {"barnet-20240723.txt", "none"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.path);
        CHECK(name_of(date_in_file_name(row.path)) == row.expected);
    }
}

// ---------------------------------------------------------------------------------------
// Headings, grades and sentences

TEST_CASE("parse_grade_line reads a line that is only a grade", "[text][headings]")
{
    struct Row {
        std::string text;
        std::string expected;
    };
    const Row rows[] = {
        {"Good", "good"},
        {" good ", "good"},
        {"OUTSTANDING", "outstanding"},
        {"Adequate", "adequate"},
        {"Inadequate", "inadequate"},
        {"Requires improvement to be good", "requires_improvement"},
        {"Requires improvement", "requires_improvement"},
        {"Grade 3 (adequate)", "adequate"},
        {"Grade 2", "good"},
        {"Grade 4", "inadequate"},
        {"Grade 1 (outstanding)", "outstanding"},
        {"Not judged", "not_judged"},
        {"goodness", "none"},
        {"Good progress", "none"},
        {"Grade 5", "none"},
        {"", "none"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(name_of(parse_grade_line(row.text)) == row.expected);
    }
}

TEST_CASE("parse_grade_line does not read a grade word ending a sentence as a grade line", "[text][headings]")
{
    CHECK(name_of(parse_grade_line("good.")) == "none");
}

TEST_CASE("split_trailing_grade splits a trailing grade off a heading or table row", "[text][headings]")
{
    struct Row {
        std::string text;
        std::string grade;
        std::string name;
    };
    const Row rows[] = {
        {"Overall effectiveness Adequate", "adequate", "Overall effectiveness"},
        {"Leadership and management Grade 3 (adequate)", "adequate", "Leadership and management"},
        {"Capacity for improvement Grade 2", "good", "Capacity for improvement"},
        {"The experiences and progress of children in care: requires improvement to be good",
         "requires_improvement", "The experiences and progress of children in care"},
        {"The Local Safeguarding Children Board is good", "good", "The Local Safeguarding Children Board"},
        {"Services for care leavers are inadequate", "inadequate", "Services for care leavers"},
        {"Adoption performance - Outstanding", "outstanding", "Adoption performance"},
        {"Being healthy Not judged", "not_judged", "Being healthy"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        std::string name;
        CHECK(name_of(split_trailing_grade(row.text, name)) == row.grade);
        CHECK(name == row.name);
    }
}

TEST_CASE("split_trailing_grade finds no grade in a bare grade or a word ending like one", "[text][headings]")
{
    for (const std::string text : {"inadequate", "Good", "Overall effectiveness", "Safeguarding is goodish",
                                   "Standards are inadequate.", ""}) {
        CAPTURE(text);
        std::string name = "unchanged";
        CHECK(name_of(split_trailing_grade(text, name)) == "none");
        CHECK(name == "unchanged");
    }
}

TEST_CASE("split_trailing_grade does not read a negated grade as the grade", "[text][headings]")
{
    std::string name;
    CHECK(name_of(split_trailing_grade("The quality of practice is not good", name)) == "none");
}

TEST_CASE("describe_heading gives a heading's role, timescale, grade and level", "[text][headings]")
{
    struct Row {
        std::string heading;
        std::string name;
        std::string role;
        Timescale timescale;
        std::string grade;
        HeadingLevel level;
    };
    const Row rows[] = {
        {"Strengths", "Strengths", "strength", Timescale::none, "ungraded", HeadingLevel::section},
        {"Areas for development", "Areas for development", "area_for_development", Timescale::none, "ungraded",
         HeadingLevel::section},
        {"Area(s) for priority action", "Area(s) for priority action", "priority_action", Timescale::none,
         "ungraded", HeadingLevel::section},
        {"What needs to improve?", "What needs to improve", "recommendation", Timescale::none, "ungraded",
         HeadingLevel::section},
        {"Immediately:", "Immediately", "recommendation", Timescale::immediately, "ungraded",
         HeadingLevel::subsection},
        {"Within three months:", "Within three months", "recommendation", Timescale::within_3_months, "ungraded",
         HeadingLevel::subsection},
        {"Within six months:", "Within six months", "recommendation", Timescale::within_6_months, "ungraded",
         HeadingLevel::subsection},
        {"About this inspection", "About this inspection", "context", Timescale::none, "ungraded",
         HeadingLevel::section},
        {"Overall effectiveness", "Overall effectiveness", "judgement", Timescale::none, "ungraded",
         HeadingLevel::section},
        {"The experiences and progress of care leavers: good", "The experiences and progress of care leavers",
         "judgement", Timescale::none, "good", HeadingLevel::section},
        {"2. Overall effectiveness Grade 3 (adequate)", "Overall effectiveness", "judgement", Timescale::none,
         "adequate", HeadingLevel::section},
        {"The inspection outcomes: safeguarding services", "The inspection outcomes: safeguarding services",
         "judgement", Timescale::none, "ungraded", HeadingLevel::part},
        // Each way a rule's pattern may begin: an optional first word, a letter a quantifier
        // makes optional, words anywhere in the heading.
        {"Inspection outcomes", "Inspection outcomes", "judgement", Timescale::none, "ungraded", HeadingLevel::part},
        {"Key strengths", "Key strengths", "strength", Timescale::none, "ungraded", HeadingLevel::section},
        {"Area for development", "Area for development", "area_for_development", Timescale::none, "ungraded",
         HeadingLevel::section},
        {"Recommendation", "Recommendation", "recommendation", Timescale::none, "ungraded", HeadingLevel::section},
        {"The Local Safeguarding Children Board (LSCB)", "The Local Safeguarding Children Board (LSCB)", "judgement",
         Timescale::none, "ungraded", HeadingLevel::part},
        {"Summary of findings", "Summary of findings", "judgement", Timescale::none, "ungraded",
         HeadingLevel::section},
        {"Achieving economic well-being: good", "Achieving economic well-being", "judgement", Timescale::none, "good",
         HeadingLevel::section},
        {"The graded judgments about the local authority", "The graded judgments about the local authority",
         "judgement", Timescale::none, "ungraded", HeadingLevel::section},
        {"Areas where the service met requirements", "Areas where the service met requirements", "satisfactory",
         Timescale::none, "ungraded", HeadingLevel::section},
        {"Services that are delivered satisfactorily", "Services that are delivered satisfactorily", "satisfactory",
         Timescale::none, "ungraded", HeadingLevel::section},
    };
    for (const auto& row : rows) {
        CAPTURE(row.heading);
        const HeadingMeaning meaning = describe_heading(row.heading);
        CHECK(meaning.known);
        CHECK(is_known_heading(row.heading));
        CHECK(meaning.name == row.name);
        CHECK(name_of(meaning.role) == row.role);
        CHECK(to_string(meaning.timescale) == std::string(to_string(row.timescale)));
        CHECK(to_string(meaning.grade) == row.grade);
        CHECK(static_cast<int>(meaning.level) == static_cast<int>(row.level));
    }
}

TEST_CASE("describe_heading sets no role for an unknown heading without a grade", "[text][headings]")
{
    const HeadingMeaning meaning = describe_heading("Partnership working with schools");
    CHECK_FALSE(meaning.known);
    CHECK(name_of(meaning.role) == "none");
    CHECK(meaning.level == HeadingLevel::subsection);

    const HeadingMeaning graded = describe_heading("Partnership working with schools: good");
    CHECK_FALSE(graded.known);
    CHECK(name_of(graded.role) == "judgement");
    CHECK(to_string(graded.grade) == std::string("good"));
}

TEST_CASE("lead_in_role reads the role a lead-in sentence sets for the list after it", "[text][headings]")
{
    struct Row {
        std::string text;
        std::string expected;
    };
    const Row rows[] = {
        {"From the evidence gathered, the following services were delivered satisfactorily in accordance "
         "with national guidance, in particular:",
         "satisfactory"},
        {"The service meets the requirements of statutory guidance in the following areas:", "satisfactory"},
        {"Inspectors looked at the following:", "context"},
        {"Inspectors spoke to children, in particular those in care", "none"},  // prose, not a lead-in
        {"Social workers know their children well.", "none"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(name_of(lead_in_role(row.text)) == row.expected);
    }
}

TEST_CASE("is_closing_sentence recognises a letter's closing formula only", "[text][headings]")
{
    struct Row {
        std::string text;
        bool expected;
    };
    const Row rows[] = {
        {"Any areas for development identified above will be specifically considered in any future "
         "inspection of services for looked after children.",
         true},
        {"I am copying this letter to the Department for Education.", true},
        {"Ofsted will take the findings from this visit into account when planning the next inspection.", true},
        {"Areas for development are considered in supervision.", false},
        {"The local authority has improved planning for children in care.", false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(is_closing_sentence(row.text) == row.expected);
    }
}

TEST_CASE("is_boilerplate recognises Ofsted boilerplate but not the report's own prose", "[text][headings]")
{
    struct Row {
        std::string text;
        bool expected;
    };
    const Row rows[] = {
        {"\u00a9 Crown copyright 2010", true},
        {"(c) Crown copyright 2010", true},
        {"If you would like a copy of this document in a different format, such as large print or Braille, "
         "please telephone 0300 123 1231",
         true},
        {"You may reuse this information (not including logos) free of charge", true},
        {"Good (Grade 2) A service that exceeds minimum requirements", true},
        {"The local authority's services for care leavers are good.", false},
        {"Copyright of case records is not an issue for social workers.", false},
        {"Children who need help and protection are seen quickly.", false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(is_boilerplate(row.text) == row.expected);
    }
}

TEST_CASE("overall_judgement_sentence reads the overall judgement and nothing else", "[text][headings]")
{
    struct Row {
        std::string text;
        std::string expected;
    };
    const Row rows[] = {
        {"The overall judgement is that children's services are good", "good"},
        {"The overall judgement is that children's services are inadequate.", "inadequate"},
        {"Children's services in Durham require improvement to be good", "requires_improvement"},
        {"Children's services in Barking and Dagenham are outstanding.", "outstanding"},
        {"The overall judgement is requires improvement.", "requires_improvement"},
        {"The overall judgement is good", "good"},
        {"The local authority's services for care leavers are good.", "none"},
        {"Children's services are good at listening to children.", "none"},
        {"The overall judgement is that services need to improve.", "none"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(name_of(overall_judgement_sentence(row.text)) == row.expected);
    }
}

// ---------------------------------------------------------------------------------------
// Page furniture

TEST_CASE("Ofsted's standing footnote is removed, and the sentence it interrupted reads on whole", "[text][furniture]")
{
    const std::string prose = "Practitioners know the children they work with well and visit them often, and";
    const std::string raw =
        "Main findings\n"
        "Children are seen promptly by social workers who know them and their families well.\n" + prose + "\n"
        "\n"
        "The areas for improvement have been cross-referenced with the outcomes, enablers or principles in\n"
        "the Children's Social Care: National Framework. This statutory guidance sets out the purpose,\n"
        "principles for practice and expected outcomes of children's social care.\n"
        "1\n"
        "\f"
        "children say that they trust them.\n"
        "Leaders know their services well.\n";
    const std::vector<Block> blocks = blocks_of(raw);
    std::vector<std::string> texts;
    for (const auto& block : blocks) {
        texts.push_back(block.text);
        CHECK(block.text.find("cross-referenced") == std::string::npos);
    }
    CHECK(std::find(texts.begin(), texts.end(), prose + " children say that they trust them.") != texts.end());
    for (const auto& text : content_texts(raw))
        CHECK(text.find("National Framework") == std::string::npos);

    // Without its closing words nearby it is not that footnote: no line is dropped.
    const std::string unlike = "The areas for improvement have been cross-referenced with the outcomes of the plan.\n"
                               "Leaders review them every month.\n";
    CHECK(content_texts(unlike).size() == 2);
}

TEST_CASE("a running header repeated at the top of pages is removed except as the title", "[text][furniture]")
{
    const std::string raw =
        "Inspection of Barnet children's services\n"
        "Inspection dates: 1 to 12 July 2024\n"
        "\n"
        "Children in Barnet receive good help.\n"
        "1\n"
        "\f"
        "Inspection of Barnet children's services\n"
        "Social workers visit children regularly.\n"
        "2\n"
        "\f"
        "Inspection of Barnet children's services\n"
        "Leaders know their services well.\n"
        "Page 3 of 4\n"
        "\f"
        "Inspection of Barnet children's services\n"
        "Care leavers are supported into work.\n"
        "4\n";
    const std::vector<std::string> expected = {
        "Inspection of Barnet children's services",
        "Inspection dates: 1 to 12 July 2024",
        "Children in Barnet receive good help.",
        "Social workers visit children regularly.",
        "Leaders know their services well.",
        "Care leavers are supported into work.",
    };
    CHECK(content_texts(raw) == expected);
}

TEST_CASE("content lines record their page, gaps, indentation and table rows", "[text][furniture]")
{
    const auto lines = content_lines(normalise_text("First line\n  indented\n\nafter a gap\fnext\tpage\tcell"));
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].page == 1);
    CHECK_FALSE(lines[0].blank_before);
    CHECK(lines[1].text == "indented");
    CHECK(lines[1].leading_space);
    CHECK_FALSE(lines[1].blank_before);
    CHECK(lines[2].blank_before);
    CHECK_FALSE(lines[2].page_break_before);
    CHECK(lines[3].text == "next page cell");
    CHECK(lines[3].page == 2);
    CHECK(lines[3].page_break_before);
    CHECK(lines[3].blank_before);
    CHECK(lines[3].tabular);
}

TEST_CASE("a contents page is removed while the headings it lists remain in the body", "[text][furniture]")
{
    const std::string raw =
        "Inspection of Barnet children's services\n"
        "\n"
        "Contents\n"
        "About this inspection\n"
        "2\n"
        "Overall effectiveness\n"
        "3\n"
        "Recommendations 4\n"
        "\f"
        "About this inspection\n"
        "This inspection was carried out under section 20 of the Children Act 2004.\n"
        "\f"
        "Overall effectiveness\n"
        "The overall effectiveness of services is good.\n"
        "\f"
        "Recommendations\n"
        "The local authority should improve supervision.\n";
    const std::vector<std::string> expected = {
        "Inspection of Barnet children's services",
        "About this inspection",
        "This inspection was carried out under section 20 of the Children Act 2004.",
        "Overall effectiveness",
        "The overall effectiveness of services is good.",
        "Recommendations",
        "The local authority should improve supervision.",
    };
    CHECK(content_texts(raw) == expected);
}

TEST_CASE("a contents page does not take the first body heading when a body line ends in a number",
          "[text][furniture]")
{
    const std::string raw =
        "Inspection of Barnet children's services\n"
        "\n"
        "Contents\n"
        "About this inspection\n"
        "2\n"
        "\f"
        "About this inspection\n"
        "The inspection looked at the support for pupils in Year 11\n"
        "and found that most of them are well supported.\n";
    const std::vector<std::string> expected = {
        "Inspection of Barnet children's services",
        "About this inspection",
        "The inspection looked at the support for pupils in Year 11",
        "and found that most of them are well supported.",
    };
    CHECK(content_texts(raw) == expected);
}

TEST_CASE("the back matter from Ofsted's description of itself to the end is removed", "[text][furniture]")
{
    const std::string body =
        "Inspection of Barnet children's services\n"
        "Leaders have a clear plan for improvement.\n"
        "\f";
    const std::string back_matter_rest =
        "achieve excellence in the care of children and young people, and in education and skills.\n"
        "\u00a9 Crown copyright 2024\n";
    const std::vector<std::string> expected = {
        "Inspection of Barnet children's services",
        "Leaders have a clear plan for improvement.",
    };
    CHECK(content_texts(body +
                        "The Office for Standards in Education, Children\u2019s Services and Skills (Ofsted) "
                        "regulates and inspects to\n" +
                        back_matter_rest) == expected);
    CHECK(content_texts(body +
                        "The Office for Standards in Education, Children's Services and Skills (Ofsted) is "
                        "the regulator\n" +
                        back_matter_rest) == expected);
    CHECK(content_texts(body +
                               "The Office for Standards in Education, Children\u2019s Services and Skills (Ofsted)\n"
                               "regulates and inspects to\n" +
                               back_matter_rest) == expected);
}

TEST_CASE("a footnote at the bottom of a page is removed when its marker is glued to a word", "[text][furniture]")
{
    const std::string raw =
        "Inspection of Barnet children's services\n"
        "The local safeguarding children board2 meets every month.\n"
        "2 A full description of the board's duties is available on its website.\n"
        "\f"
        "Children are safe.\n"
        "3 Children were seen in their homes.\n";
    const std::vector<std::string> expected = {
        "Inspection of Barnet children's services",
        "The local safeguarding children board2 meets every month.",
        "Children are safe.",
        "3 Children were seen in their homes.",
    };
    CHECK(content_texts(raw) == expected);
}

TEST_CASE("a numbered line at a page bottom is kept when no word carries its marker", "[text][furniture]")
{
    const std::string raw =
        "The local safeguarding children board meets every month.\n"
        "2 A full description of the board's duties is available on its website.\n";
    CHECK(content_texts(raw).size() == 2);
}

TEST_CASE("strip_footnote_markers removes markers glued to words and keeps other numbers", "[text][furniture]")
{
    struct Row {
        std::string text;
        std::string expected;
    };
    const Row rows[] = {
        {"the board1 met", "the board met"},
        {"care.2 The", "care. The"},
        {"the partnership12", "the partnership"},
        {"in care,3 and", "in care, and"},
        {"Year 11 pupils", "Year 11 pupils"},
        {"2.1 Adoption", "2.1 Adoption"},
        {"section 17 of the Act", "section 17 of the Act"},
        {"A1 road and COVID19", "A1 road and COVID19"},
        {"no numbers at all", "no numbers at all"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(strip_footnote_markers(row.text) == row.expected);
    }
}

// ---------------------------------------------------------------------------------------
// Blocks

TEST_CASE("build_blocks joins wrapped lines and keeps paragraphs, numbers, bullets and grades apart",
          "[text][blocks]")
{
    struct Row {
        const char* what;
        std::string raw;
        std::vector<ExpectedBlock> expected;
    };
    const Row rows[] = {
        {"hard-wrapped prose lines join into one block with spaces",
         "Social workers know their children well and\nvisit them regularly, and\nplans are reviewed.",
         {{"prose", "Social workers know their children well and visit them regularly, and plans are reviewed."}}},
        {"a blank line ends a paragraph",
         "The first paragraph ends here.\n\nThe second paragraph starts here.",
         {{"prose", "The first paragraph ends here."}, {"prose", "The second paragraph starts here."}}},
        {"a word split at a line end joins without a space",
         "Work is well co-ordinated through multi-\nagency meetings.",
         {{"prose", "Work is well co-ordinated through multi-agency meetings."}}},
        {"a paragraph continues across a page break when the sentence is unfinished",
         "Leaders have improved the quality of\f\nsupervision for all staff.",
         {{"prose", "Leaders have improved the quality of supervision for all staff."}}},
        {"a finished sentence before a page break ends the paragraph",
         "Leaders have improved supervision.\fCare leavers are well supported.",
         {{"prose", "Leaders have improved supervision."}, {"prose", "Care leavers are well supported."}}},
        {"a number wrapped onto the next line continues the unfinished sentence, even where it would have fitted",
         "Strategy meetings are timely and attended by all the relevant agencies, and they result in\n"
         "clear risk assessments. Where the threshold is met for a section\n"
         "47 inquiry, the majority are thorough.",
         {{"prose", "Strategy meetings are timely and attended by all the relevant agencies, and they result in clear "
                    "risk assessments. Where the threshold is met for a section 47 inquiry, the majority are thorough."}}},
        {"a year wrapped onto a line of its own continues the sentence",
         "Leaders are encouraging growth in college-based classes for all of the care leavers, and\n"
         "new courses are planned for January\n2026.",
         {{"prose", "Leaders are encouraging growth in college-based classes for all of the care leavers, and new "
                    "courses are planned for January 2026."}}},
        {"a line opening with a number after a colon or semicolon is a list item of its own",
         "Of this number:\n26 live in children's homes;\n17 live with parents.",
         {{"prose", "Of this number:"}, {"prose", "26 live in children's homes;"}, {"prose", "17 live with parents."}}},
        {"a numbered paragraph is numbered and loses its number",
         "12. Text of the paragraph.\n13. Another paragraph.",
         {{"numbered", "Text of the paragraph."}, {"numbered", "Another paragraph."}}},
        {"a bullet alone on a line is followed by its text",
         "\u2022\nThe council has improved supervision.",
         {{"bullet", "The council has improved supervision."}}},
        {"a bullet after <ul> becomes its own line",
         "Areas for development:<ul><li>\u2022 Supervision is not regular.</li><li>\u2022 Plans are weak.</li></ul>",
         {{"prose", "Areas for development:"},
          {"bullet", "Supervision is not regular."},
          {"bullet", "Plans are weak."}}},
        {"a line with a bare leading space after a blank line is a bullet",
         "The strengths are:\n\n supervision is regular\n\n plans are reviewed",
         {{"prose", "The strengths are:"}, {"bullet", "supervision is regular"}, {"bullet", "plans are reviewed"}}},
        {"a grade alone on a line is a grade block",
         "Overall effectiveness\nGrade 3 (adequate)",
         {{"prose", "Overall effectiveness"}, {"grade", "Grade 3 (adequate)"}}},
        {"a grade word ending a wrapped sentence is not a grade block",
         "Overall, the local authority's services are\ngood.",
         {{"prose", "Overall, the local authority's services are good."}}},
        {"a header field starts its own block",
         "Inspection of Barnet\nInspection dates: 1 to 12 July 2024",
         {{"prose", "Inspection of Barnet"}, {"prose", "Inspection dates: 1 to 12 July 2024"}}},
        {"a tab-separated table row is a row block",
         "Overall effectiveness\tGood\nLeadership\tGood",
         {{"row", "Overall effectiveness Good"}, {"row", "Leadership Good"}}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.what, row.raw);
        CHECK(kinds_and_texts(blocks_of(row.raw)) == row.expected);
    }
}

TEST_CASE("markdown heading marks make marked heading blocks", "[text][blocks]")
{
    struct Row {
        std::string raw;
        std::string text;
    };
    const Row rows[] = {
        {"## Heading", "Heading"},
        {"**Strengths**", "Strengths"},
        {"# Overall effectiveness", "Overall effectiveness"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.raw);
        const auto blocks = blocks_of(row.raw + "\nThe text under it.");
        REQUIRE(blocks.size() == 2);
        CHECK(blocks[0].text == row.text);
        CHECK(blocks[0].marked_heading);
        CHECK(blocks[0].heading_like());
        CHECK_FALSE(blocks[1].marked_heading);
    }
}

TEST_CASE("heading_like holds for short unpunctuated blocks and not for sentences", "[text][blocks]")
{
    struct Row {
        std::string raw;
        bool expected;
    };
    const Row rows[] = {
        {"Areas for development", true},
        {"Leadership and management Grade 3 (adequate)", true},
        {"Help and protection for children in need", true},
        {"Social workers know their children well.", false},
        {"Inspectors spoke to children, carers and staff about the following:", false},
        {"\u2022 Supervision", false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.raw);
        const auto blocks = blocks_of(row.raw);
        REQUIRE(blocks.size() == 1);
        CHECK(blocks[0].heading_like() == row.expected);
    }
}

TEST_CASE("a salutation is a block of its own", "[text][blocks]")
{
    CHECK(is_salutation("Dear Ms Jenkins,"));
    CHECK_FALSE(is_salutation("Dearne Valley services are good."));
    const auto blocks = blocks_of("Dear Ms Jenkins\nAnnual performance assessment of services");
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].text == "Dear Ms Jenkins");
}

// ---------------------------------------------------------------------------------------
// Slugs and analysis

TEST_CASE("slugify gives lower case ASCII letters and digits with single dashes", "[text][slug]")
{
    struct Row {
        std::string text;
        std::string expected;
    };
    const Row rows[] = {
        {"Barking & Dagenham", "barking-dagenham"},
        {"Southend-on-Sea", "southend-on-sea"},
        {"Bristol, City of", "bristol-city-of"},
        {"  St. Helens  ", "st-helens"},
        {"--Kingston upon Hull--", "kingston-upon-hull"},
        {"Children\u2019s services 2024", "children-s-services-2024"},
        {"", ""},
        {"&&&", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        const std::string slug = slugify(row.text);
        CHECK(slug == row.expected);
        CHECK(std::all_of(slug.begin(), slug.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        }));
        CHECK(slug.find("--") == std::string::npos);
        CHECK((slug.empty() || (slug.front() != '-' && slug.back() != '-')));
    }
}

TEST_CASE("the stop words include common function words but not negation", "[text][analyser]")
{
    const auto& words = stop_words();
    const auto has = [&words](const std::string& word) {
        return std::find(words.begin(), words.end(), word) != words.end();
    };
    CHECK(has("the"));
    CHECK(has("and"));
    CHECK_FALSE(has("not"));
    CHECK_FALSE(has("good"));
    CHECK_FALSE(has("inadequate"));
}

TEST_CASE("a query's phrases lose their stop words, which are not indexed: filter values keep them", "[text][analyser]")
{
    const Analyser analyser;
    const std::set<std::string> filters = {"authority"};
    struct Row {
        std::string query;
        std::string expected;
    };
    const Row rows[] = {
        {"\"children in need\" plans", "\"children need\" plans"},
        {"the \"voice of the child\"", "the \"voice child\""},
        {"out-of-hours service", "hours service"},
        {"section:\"help and protection\"", "section:\"help protection\""},
        {"authority:\"Barking and Dagenham\"", "authority:\"Barking and Dagenham\""},
        {"authority:barking-and-dagenham", "authority:barking-and-dagenham"},
        {"\"to be\" or not", "\"to be\" or not"},
        {"children in need", "children in need"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.query);
        CHECK(analyser.without_phrase_stop_words(row.query, filters) == row.expected);
    }
}

TEST_CASE("the analyser's stemmer gives singular and plural forms the same stem", "[text][analyser]")
{
    const Analyser analyser;
    struct Row {
        std::string a;
        std::string b;
    };
    const Row rows[] = {
        {"weaknesses", "weakness"},
        {"strengths", "strength"},
        {"inspections", "inspection"},
        {"improving", "improvement"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.a, row.b);
        CHECK(analyser.stemmer()(row.a) == analyser.stemmer()(row.b));
    }
    CHECK(analyser.is_stop_word("the"));
    CHECK_FALSE(analyser.is_stop_word("weakness"));
}

TEST_CASE("CSV fields are quoted, and one that begins like a formula is shown as text", "[text][csv]")
{
    CHECK(csv_row({"plain", "say \"no\"", "a,b"}) == "\"plain\",\"say \"\"no\"\"\",\"a,b\"\r\n");
    for (const std::string formula : {"=HYPERLINK(A1)", "+1", "-2+3", "@SUM(A1)", "\tx"})
        CHECK(csv_field(formula) == "\"'" + formula + "\"");
    CHECK(csv_field("1-2") == "\"1-2\"");  // only the first character counts
    CHECK(csv_rows(csv_row({"=1+1", "x"})) == std::vector<std::vector<std::string>>{{"'=1+1", "x"}});
}

}  // namespace
}  // namespace findings::test
