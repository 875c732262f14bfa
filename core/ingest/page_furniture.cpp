// Page furniture: turning normalised report text into the lines of its own content, without
// running headers, page numbers, footnotes, contents pages and back-matter boilerplate.
#include "core/ingest/page_furniture.h"

#include "core/common/fast_regex.h"
#include "core/common/text_normaliser.h"
#include "core/ingest/headings.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace findings {

namespace {

struct SourceLine {
    std::string text;
    int page = 1;
    bool leading_space = false;
    bool tabular = false;
    bool removed = false;
    bool standing_footnote = false;  // removed, but its width still counts (see Line::layout_only)
};

// Lines longer than this are cut, at a space where there is one: no extraction has lines this
// long (the corpus's longest is 1,795 bytes), and the parser's regular expressions recurse once
// per character they match, so unbounded lines could exhaust a thread's stack.
constexpr std::size_t k_max_line_bytes = 4000;

// Returns text in pieces of at most k_max_line_bytes, cut after a space, or else between two
// UTF-8 characters.
std::vector<std::string> bounded_pieces(const std::string& text)
{
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (text.size() - start > k_max_line_bytes) {
        std::size_t cut = text.rfind(' ', start + k_max_line_bytes);
        if (cut == std::string::npos || cut <= start) {
            cut = start + k_max_line_bytes;
            while (cut > start + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
                --cut;
        }
        pieces.push_back(collapse_spaces(std::string_view(text).substr(start, cut - start)));
        start = cut;
    }
    pieces.push_back(collapse_spaces(std::string_view(text).substr(start)));
    return pieces;
}

std::vector<SourceLine> split_lines(const std::string& text)
{
    std::vector<SourceLine> lines;
    int page = 1;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of("\n\f", start);
        if (end == std::string::npos)
            end = text.size();
        const std::string raw = text.substr(start, end - start);
        SourceLine line;
        line.text = collapse_spaces(raw);
        line.page = page;
        line.leading_space = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t') && !line.text.empty();
        const auto first = raw.find_first_not_of(" \t");
        line.tabular = first != std::string::npos && raw.find('\t', first) < raw.find_last_not_of(" \t");
        if (line.text.size() <= k_max_line_bytes) {
            lines.push_back(std::move(line));
        } else {
            for (auto& piece : bounded_pieces(line.text)) {
                lines.push_back(line);
                lines.back().text = std::move(piece);
            }
        }
        if (end < text.size() && text[end] == '\f')
            ++page;
        start = end + 1;
    }
    return lines;
}

bool is_page_number(const std::string& text)
{
    static const Regex pattern(R"((?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?|[ivxlc]{1,6})", Regex::icase);
    return !text.empty() && text.size() <= 14 && std::regex_match(text, pattern);
}

// Returns the key under which a possible running header is counted: lower case, digits as '#'.
std::string furniture_key(const std::string& text)
{
    std::string key = to_lower(text);
    for (char& c : key) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            c = '#';
    }
    return key;
}

// Indexes of the first and last few non-blank, non-removed lines of each page.
std::map<int, std::vector<std::size_t>> page_edge_lines(const std::vector<SourceLine>& lines)
{
    constexpr std::size_t k_edge = 4;
    std::map<int, std::vector<std::size_t>> content_by_page;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].text.empty() && !lines[i].removed)
            content_by_page[lines[i].page].push_back(i);
    }
    std::map<int, std::vector<std::size_t>> edges;
    for (const auto& [page, indexes] : content_by_page) {
        std::set<std::size_t> chosen;
        for (std::size_t k = 0; k < indexes.size() && k < k_edge; ++k) {
            chosen.insert(indexes[k]);
            chosen.insert(indexes[indexes.size() - 1 - k]);
        }
        edges[page].assign(chosen.begin(), chosen.end());
    }
    return edges;
}

void remove_page_numbers(std::vector<SourceLine>& lines)
{
    for (auto& line : lines) {
        if (is_page_number(line.text))
            line.removed = true;
    }
}

// Removes lines repeated at the top or bottom of several pages (running headers, footers).
void remove_running_headers(std::vector<SourceLine>& lines)
{
    const auto edges = page_edge_lines(lines);
    if (edges.size() < 3)
        return;
    std::map<std::string, std::set<int>> pages_by_key;
    for (const auto& [page, indexes] : edges) {
        for (std::size_t i : indexes)
            pages_by_key[furniture_key(lines[i].text)].insert(page);
    }
    const std::size_t needed = std::max<std::size_t>(3, edges.size() / 4);
    for (const auto& [page, indexes] : edges) {
        for (std::size_t i : indexes) {
            if (page == 1 && i < 5)
                continue;  // the title, which the running header repeats
            const std::string key = furniture_key(lines[i].text);
            if (pages_by_key[key].size() >= needed && key.size() >= 4 && !parse_grade_line(lines[i].text))
                lines[i].removed = true;  // a grade ("Good") ends many pages' tables: it is no header
        }
    }
}

bool ends_with_number(const std::string& text)
{
    static const Regex pattern(R"(.*\D\s\d{1,3})");
    return std::regex_match(text, pattern);
}

// Returns whether the line at i is a contents entry: a title followed within two lines by
// its page number.
bool is_contents_entry(const std::vector<SourceLine>& lines, std::size_t i)
{
    if (ends_with_number(lines[i].text))
        return true;
    std::size_t seen = 0;
    for (std::size_t j = i + 1; j < lines.size() && seen < 3; ++j) {
        if (lines[j].text.empty())
            continue;
        if (is_page_number(lines[j].text) || ends_with_number(lines[j].text))
            return true;
        const char last = lines[j].text.back();
        if (last == '.' || lines[j].text.size() > 90)
            return false;
        ++seen;
    }
    return false;
}

// Returns the text of the next non-blank line after i, or "".
std::string next_content_line(const std::vector<SourceLine>& lines, std::size_t i)
{
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
        if (!lines[j].text.empty() && !lines[j].removed)
            return lines[j].text;
    }
    return {};
}

// Returns a contents entry without its page number ("About this inspection 2").
std::string without_page_number(const std::string& entry)
{
    static const Regex page(R"(\s+\d{1,3}$)");
    return std::regex_replace(entry, page, "");
}

// Removes a contents page: the "Contents" line and the title / page-number entries after it.
void remove_contents(std::vector<SourceLine>& lines)
{
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string lower = to_lower(lines[i].text);
        if (lower != "contents" && lower != "table of contents")
            continue;
        lines[i].removed = true;
        std::string first_entry;
        for (std::size_t j = i + 1; j < lines.size(); ++j) {
            if (lines[j].text.empty() || lines[j].removed)
                continue;
            if (!first_entry.empty() && lines[j].text == first_entry)
                break;  // the first entry again: the body's first heading
            if (!is_page_number(lines[j].text) && !is_contents_entry(lines, j) &&
                !(next_content_line(lines, j) == first_entry && !first_entry.empty()))
                break;  // the body starts, or the last entry (no page number) is followed by it
            if (first_entry.empty() && !is_page_number(lines[j].text))
                first_entry = without_page_number(lines[j].text);
            lines[j].removed = true;
        }
        return;
    }
}

constexpr std::string_view k_back_matter_opening = "The Office for Standards in Education, Children's Services and Skills (Ofsted) ";

// Returns whether the text starts Ofsted's back matter, a page that ends with its copyright line.
bool starts_back_matter(const std::string& text)
{
    const std::string opening(k_back_matter_opening);
    return starts_with_nocase(text, opening + "regulates") || starts_with_nocase(text, opening + "is");
}

// Returns whether line could be where the back matter's opening sentence starts (the
// sentence may go on in the next line).
bool may_start_back_matter(const std::string& line)
{
    return !line.empty() &&
           starts_with_nocase(line, k_back_matter_opening.substr(0, std::min(line.size(), k_back_matter_opening.size())));
}

// Returns whether line is the copyright line that ends the back matter ("© Crown copyright 2015").
bool ends_back_matter(const std::string& line)
{
    return line.size() < 40 && contains_nocase(line, "crown copyright");
}

// Removes each back matter page: from its opening sentence through its copyright line, or to
// the end. Most reports end with it; a report with the LSCB's review bound in after it goes on.
void remove_back_matter(std::vector<SourceLine>& lines)
{
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // The opening sentence may wrap: read the line with the next one.
        if (!may_start_back_matter(lines[i].text) || !starts_back_matter(lines[i].text + " " + next_content_line(lines, i)))
            continue;
        for (; i < lines.size(); ++i) {
            lines[i].removed = true;
            if (ends_back_matter(lines[i].text))
                break;
        }
    }
}

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Calls visit(offset, length) for each footnote marker glued to a word: one or two digits right
// after a lower-case letter, or after a letter and one of . , ; : ? ), and before a space or the
// end ("board1 ", "families.2"). Three digits or more are a number, not a marker.
template <typename Visit>
void for_each_glued_marker(const std::string& text, Visit visit)
{
    for (std::size_t i = 0; i < text.size();) {
        if (!is_digit(text[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < text.size() && is_digit(text[i]))
            ++i;
        const bool short_run = i - start <= 2;
        const bool ends_word = i == text.size() || std::isspace(static_cast<unsigned char>(text[i]));
        const bool after_letter = start >= 1 && is_lower_ascii(text[start - 1]);
        const bool after_punctuation = start >= 2 && std::string_view(".,;:?)").find(text[start - 1]) != std::string_view::npos &&
                                       is_lower_ascii(text[start - 2]);
        if (short_run && ends_word && (after_letter || after_punctuation))
            visit(start, i - start);
    }
}

// Glued footnote markers present in the text ("board1" gives 1).
std::set<int> glued_footnote_numbers(const std::vector<SourceLine>& lines)
{
    std::set<int> numbers;
    for (const auto& line : lines) {
        for_each_glued_marker(line.text, [&](std::size_t offset, std::size_t length) {
            numbers.insert(std::stoi(line.text.substr(offset, length)));
        });
    }
    return numbers;
}

// Returns whether the next non-blank line before end is a line of prose (a footnote's text).
bool next_line_is_prose(const std::vector<SourceLine>& lines, std::size_t i, std::size_t end)
{
    for (std::size_t j = i + 1; j < end; ++j) {
        if (!lines[j].text.empty())
            return lines[j].text.size() > 40 && std::isupper(static_cast<unsigned char>(lines[j].text[0]));
    }
    return false;
}

// Returns whether a line is the rule that separates a page's footnotes from its text ("_____").
bool is_footnote_rule(const std::string& text)
{
    constexpr std::size_t k_shortest_rule = 10;
    return text.size() >= k_shortest_rule && text.find_first_not_of('_') == std::string::npos;
}

// Removes footnotes: a footnote rule ("_____") with the bracketed notes under it, and the text
// at the bottom of a page from a line "N Text..." (or "N" then text) whose number N is glued to
// a word somewhere in the report, to the end of the page.
void remove_footnotes(std::vector<SourceLine>& lines)
{
    // A rule with numbered notes under it, wherever the extraction put it: "(1) ONS 2015 ...".
    static const Regex note(R"(^\(\d{1,2}\)\s)");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!is_footnote_rule(lines[i].text))
            continue;
        lines[i].removed = true;
        for (std::size_t j = i + 1; j < lines.size() && std::regex_search(lines[j].text, note); ++j)
            lines[j].removed = true;
    }
    const std::set<int> markers = glued_footnote_numbers(lines);
    if (markers.empty())
        return;
    static const Regex footnote_with_text(R"((\d{1,2})\s+[A-Z(].*)");
    static const Regex bare_number(R"((\d{1,2}))");
    std::size_t i = 0;
    while (i < lines.size()) {
        const int page = lines[i].page;
        std::size_t end = i;
        while (end < lines.size() && lines[end].page == page)
            ++end;
        // Footnotes sit in the last lines of the page: look at most eight content lines up.
        std::size_t content_seen = 0;
        std::size_t first_footnote = end;
        for (std::size_t j = end; j-- > i && content_seen < 8;) {
            if (lines[j].text.empty())
                continue;
            ++content_seen;
            std::smatch match;
            const bool with_text = std::regex_match(lines[j].text, match, footnote_with_text);
            if (!with_text && !(std::regex_match(lines[j].text, match, bare_number) &&
                                next_line_is_prose(lines, j, end)))
                continue;
            if (markers.count(std::stoi(match[1].str())))
                first_footnote = j;
        }
        for (std::size_t j = first_footnote; j < end; ++j)
            lines[j].removed = true;
        i = end;
    }
}

// Removes the footnotes Ofsted prints in the same words in many reports, wherever the text
// extraction put them: often in the middle of a sentence that runs on over the page break,
// which then reads on whole. A footnote is removed only when its first and last words are
// both found, a few lines apart, so that no line of the report's own is lost.
void remove_standing_footnotes(std::vector<SourceLine>& lines)
{
    struct Footnote {
        const char* first_line_start;
        const char* last_line_end;
    };
    static const Footnote k_footnotes[] = {
        {"the areas for improvement have been cross-referenced with the outcomes", "social care."},
    };
    constexpr std::size_t k_most_lines = 5;
    const auto ends_with_nocase = [](const std::string& text, const std::string& end) {
        return text.size() >= end.size() && starts_with_nocase(std::string_view(text).substr(text.size() - end.size()), end);
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (const Footnote& footnote : k_footnotes) {
            if (!starts_with_nocase(lines[i].text, footnote.first_line_start))
                continue;
            for (std::size_t j = i; j < lines.size() && j < i + k_most_lines; ++j) {
                if (!ends_with_nocase(lines[j].text, footnote.last_line_end))
                    continue;
                for (std::size_t k = i; k <= j; ++k)
                    lines[k].standing_footnote = true;
                break;
            }
        }
    }
}

}  // namespace

std::string strip_footnote_markers(const std::string& text)
{
    std::string out;
    std::size_t copied = 0;
    for_each_glued_marker(text, [&](std::size_t offset, std::size_t length) {
        out.append(text, copied, offset - copied);
        copied = offset + length;
    });
    if (copied == 0)
        return text;
    out.append(text, copied, std::string::npos);
    return out;
}

std::vector<Line> content_lines(const std::string& normalised_text)
{
    std::vector<SourceLine> lines = split_lines(normalised_text);
    remove_back_matter(lines);
    remove_footnotes(lines);
    remove_standing_footnotes(lines);
    remove_running_headers(lines);
    remove_page_numbers(lines);
    remove_contents(lines);

    std::vector<Line> content;
    bool gap = false;
    int last_page = 1;
    for (const auto& source : lines) {
        if (source.standing_footnote && !source.removed) {
            Line layout;
            layout.text = source.text;
            layout.page = source.page;
            layout.layout_only = true;
            content.push_back(std::move(layout));
        }
        if (source.text.empty() || source.removed || source.standing_footnote) {
            gap = true;
            continue;
        }
        Line line;
        line.text = source.text;
        line.page = source.page;
        line.page_break_before = source.page != last_page;
        line.blank_before = gap || line.page_break_before;
        line.leading_space = source.leading_space;
        line.tabular = source.tabular;
        content.push_back(std::move(line));
        gap = false;
        last_page = source.page;
    }
    return content;
}

}  // namespace findings

