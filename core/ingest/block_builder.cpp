// Blocks: the report's content lines joined into paragraphs, bullets, headings and grade
// lines, undoing hard line wraps and page breaks.
#include "core/ingest/block_builder.h"

#include "core/common/fast_regex.h"
#include "core/common/text_normaliser.h"
#include "core/ingest/headings.h"

#include <algorithm>
#include <map>
#include <cctype>
#include <regex>
#include <set>

namespace findings {

namespace {

std::size_t utf8_length(std::string_view text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Estimates the width of each page's text lines, in characters: the longest line on the
// page (a wrapped line is filled close to it), or the report's typical long line on pages
// with few lines. A line followed by a word that would have fitted on it ended on purpose.
std::map<int, std::size_t> page_widths(const std::vector<Line>& lines)
{
    std::vector<std::size_t> lengths;
    std::map<int, std::vector<std::size_t>> by_page;
    for (const auto& line : lines) {
        const std::size_t length = utf8_length(line.text);
        if (length >= 30) {
            lengths.push_back(length);
            by_page[line.page].push_back(length);
        }
    }
    std::sort(lengths.begin(), lengths.end());
    const std::size_t typical = lengths.empty() ? 1000 : lengths[lengths.size() * 9 / 10];
    std::map<int, std::size_t> widths;
    for (auto& [page, lengths_on_page] : by_page) {
        // The longest line, less any far longer than most: pdftotext runs a line together with
        // the next where a hyphenated word crosses the wrap, and such a line would make every
        // other line of the page look short.
        std::sort(lengths_on_page.begin(), lengths_on_page.end());
        const std::size_t most = lengths_on_page[lengths_on_page.size() * 9 / 10];
        const auto longest = std::upper_bound(lengths_on_page.begin(), lengths_on_page.end(), most * 115 / 100);
        widths[page] = lengths_on_page.size() >= 8 ? *(longest - 1) : typical;
    }
    for (const auto& line : lines)
        widths.emplace(line.page, typical);  // pages of short lines only
    return widths;
}

bool is_function_word(const std::string& word)
{
    static const std::set<std::string> words = {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from",
        "as", "that", "which", "who", "whose", "their", "its", "is", "are", "be", "been", "has",
        "have", "not", "but", "this", "these", "than", "into", "about", "between", "within", "across"};
    return words.count(to_lower(word)) > 0;
}

std::string last_word(const std::string& text)
{
    const auto space = text.find_last_of(' ');
    return space == std::string::npos ? text : text.substr(space + 1);
}

std::string first_word(const std::string& text)
{
    const auto space = text.find(' ');
    return space == std::string::npos ? text : text.substr(0, space);
}

bool ends_sentence(const std::string& text)
{
    static const std::string recommendation_marker = "(Recommendation)";  // closes a SIF finding
    if (text.size() >= recommendation_marker.size() &&
        text.compare(text.size() - recommendation_marker.size(), recommendation_marker.size(), recommendation_marker) == 0)
        return true;
    std::size_t end = text.size();
    while (end > 0 && (text[end - 1] == '"' || text[end - 1] == '\'' || text[end - 1] == ')'))
        --end;
    if (end == 0)
        return false;
    const char last = text[end - 1];
    return last == '.' || last == '!' || last == '?' || last == ':' || last == ';';
}

bool starts_lowercase(const std::string& text)
{
    std::size_t i = 0;
    while (i < text.size() && (text[i] == '"' || text[i] == '\'' || text[i] == '('))
        ++i;
    return i < text.size() && std::islower(static_cast<unsigned char>(text[i]));
}

bool is_conjunction(const std::string& word)
{
    return word == "and" || word == "or" || word == "to" || word == "nor";
}

bool ends_with_split_word(const std::string& text)
{
    return text.size() >= 2 && text.back() == '-' && std::isalpha(static_cast<unsigned char>(text[text.size() - 2]));
}

// Returns whether text states a grade: a heading with its grade, a headline ("Children's
// services in Leeds are good").
bool states_grade(const std::string& text)
{
    std::string name;
    return split_trailing_grade(text, name) || overall_judgement_sentence(text);
}

// Returns whether line ends the heading begun on the line before with the heading's grade.
bool ends_heading_with_grade(const std::string& previous, const std::string& line)
{
    const std::string statement = !line.empty() && line.back() == '.' ? line.substr(0, line.size() - 1) : line;
    std::string name;
    if (ends_sentence(previous))
        return false;
    const std::string joined = previous + ' ' + statement;
    return (split_trailing_grade(statement, name) && is_known_heading(joined)) || overall_judgement_sentence(joined);
}

// Returns whether text is the start of a wrapped grade ("Requires", "Requires improvement to be").
bool is_grade_start(const std::string& text)
{
    const std::string lower = to_lower(collapse_spaces(text));
    for (const std::string_view grade : {"requires improvement to be good", "require improvement to be good"}) {
        if (lower.size() < grade.size() && grade.compare(0, lower.size(), lower) == 0 && grade[lower.size()] == ' ')
            return true;
    }
    return false;
}

// Lines that always start a block of their own: header fields ("Inspection dates: ...")
// and the rows of the grade scale ("Good (Grade 2) A service that ...").
bool starts_own_block(const std::string& text)
{
    // Capitalised, as fields are: "published" opening a wrapped line is prose.
    static const Regex field(
        R"(Dear .{1,60}|(Inspection [Dd]ates?|Lead [Ii]nspector|Reporting [Ii]nspector|Report [Pp]ublished|Published|Age [Gg]roup|Date of ([Vv]isit|[Ii]nspection)|Inspection [Nn]umber)\b.*|(Outstanding|Good|Adequate|Inadequate) \([Gg]rade [1-4]\).*)");
    // Every alternative starts with one of these capitals: most lines never reach the regex.
    return !text.empty() && std::string_view("DILRPAOG").find(text.front()) != std::string_view::npos &&
           std::regex_match(text, field);
}

struct Marker {
    BlockKind kind = BlockKind::prose;
    std::string rest;  // the line after its bullet or number
};

// Recognises a bullet ("• text", "- text") or a paragraph number ("12. text", "12.").
Marker read_marker(const Line& line)
{
    const std::string& text = line.text;
    static const Regex numbered(R"((\d{1,3})\.(?:\s+(.*))?)");
    std::smatch match;
    const bool bullet_mark = text.rfind(k_bullet, 0) == 0;
    if (bullet_mark || text == "-" || text.rfind("- ", 0) == 0) {
        std::string rest = collapse_spaces(text.substr(bullet_mark ? k_bullet.size() : 1));
        if (std::regex_match(rest, match, numbered))
            return {BlockKind::numbered, match[2].str()};  // a numbered paragraph marked as a bullet
        return {BlockKind::bullet, rest};
    }
    const bool starts_with_digit = !text.empty() && std::isdigit(static_cast<unsigned char>(text.front()));
    if (starts_with_digit && std::regex_match(text, match, numbered) && std::stoi(match[1].str()) > 0)
        return {BlockKind::numbered, match[2].str()};
    return {BlockKind::prose, text};
}

// Removes markdown heading marks ("## ", "**...**"); returns whether there were any.
bool strip_markdown(std::string& text)
{
    bool marked = false;
    if (text.rfind('#', 0) == 0) {
        const auto start = text.find_first_not_of('#');
        text = collapse_spaces(start == std::string::npos ? "" : text.substr(start));
        marked = true;
    }
    if (text.size() > 4 && text.rfind("**", 0) == 0) {
        text.erase(0, 2);
        const auto close = text.rfind("**");
        if (close != std::string::npos)
            text.erase(close, 2);
        text = collapse_spaces(text);
        marked = true;
    }
    return marked;
}

class BlockBuilder {
public:
    explicit BlockBuilder(std::map<int, std::size_t> widths) : m_widths(std::move(widths)) {}

    void add(const Line& source)
    {
        if (source.layout_only)
            return;
        Line line = source;
        const bool marked = strip_markdown(line.text);
        if (line.text.empty())
            return;
        if (marked) {
            start(BlockKind::prose, line, line.text);
            m_current.marked_heading = true;
            flush();
            return;
        }
        if (line.tabular) {
            start(BlockKind::row, line, line.text);
            flush();
            return;
        }
        if (completes_grade(line)) {
            append(line);  // "Requires improvement" wrapped before "to be good"
            m_current.kind = parse_grade_line(m_current.text) ? BlockKind::grade : BlockKind::prose;
            return;
        }
        if (is_grade_line(line)) {
            start(BlockKind::grade, line, line.text);  // left open: its wrapped tail may follow
            return;
        }
        const Marker marker = read_marker(line);
        if (is_dash_continuation(line, marker)) {
            append(line);  // "... services\n- including ..." is a wrapped dash, not a bullet
            return;
        }
        if (marker.kind != BlockKind::prose) {
            start(marker.kind, line, marker.rest);
            return;
        }
        if (line.leading_space && line.blank_before && !m_current.text.empty()) {
            start(BlockKind::bullet, line, line.text);  // a bare leading space marks a bullet
            return;
        }
        if (starts_own_block(line.text) || !continues_current(line)) {
            start(BlockKind::prose, line, line.text);
            return;
        }
        append(line);
    }

    // A grade alone on a line, not the last word of a wrapped sentence ("... are\ngood.").
    bool is_grade_line(const Line& line) const
    {
        if (line.text.back() == '.' || !parse_grade_line(line.text))
            return false;
        if (starts_lowercase(line.text) && m_current.kind == BlockKind::prose && m_current.lines > 0 &&
            !ends_sentence(m_last_line))
            return false;  // "Children's services in Leeds" / "require improvement to be good"
        return line.blank_before || m_current.lines == 0 || m_current.kind == BlockKind::grade ||
               m_current.heading_like() || ends_sentence(m_last_line);
    }

    // Returns whether a line continues the grade before it, or the start of one ("Requires",
    // "Requires improvement to be"), towards a longer grade.
    bool completes_grade(const Line& line) const
    {
        const bool grade_so_far = m_current.kind == BlockKind::grade ||
                                  (m_current.kind == BlockKind::prose && m_current.lines <= 2 && is_grade_start(m_current.text));
        if (!grade_so_far || line.blank_before)
            return false;
        const std::string joined = m_current.text + ' ' + line.text;
        return parse_grade_line(joined) || is_grade_start(joined);
    }

    // Returns whether a line opening with a dash continues an unfinished sentence.
    bool is_dash_continuation(const Line& line, const Marker& marker) const
    {
        return marker.kind == BlockKind::bullet && line.text.rfind("- ", 0) == 0 && !line.blank_before &&
               starts_lowercase(marker.rest) && m_current.kind == BlockKind::prose && m_current.lines > 0 &&
               !m_current.text.empty() && !ends_sentence(m_last_line) && !m_current.heading_like();
    }

    std::vector<Block> finish()
    {
        flush();
        return std::move(m_blocks);
    }

private:
    bool continues_current(const Line& line) const
    {
        if (m_current.lines == 0 || m_current.kind == BlockKind::grade || m_current.kind == BlockKind::row)
            return false;
        if (m_current.text.empty())
            return true;  // a bullet or number alone on its line: its text follows
        const std::string& previous = m_last_line;
        if (is_salutation(m_current.text))
            return false;
        // A letter's subject line ends at "services", though the first paragraph follows
        // without a blank line.
        if (!m_blocks.empty() && is_salutation(m_blocks.back().text) && is_letter_subject(m_current.text) &&
            (to_lower(last_word(m_current.text)) == "services" || to_lower(last_word(m_current.text)) == "services."))
            return false;
        if (ends_with_split_word(previous))
            return true;
        if (starts_lowercase(line.text) || (line.text[0] == '(' && !line.blank_before))
            return true;  // a wrapped sentence, or its bracketed tail ("(National Framework, Outcome 1)")
        if (std::isdigit(static_cast<unsigned char>(line.text[0])) && !line.blank_before && !ends_sentence(previous) &&
            previous.back() != ':' && previous.back() != ';' && !m_current.heading_like())
            return true;  // a number wrapped onto the next line ("a section\n47 inquiry", "January\n2026.")
        if (is_function_word(last_word(previous)) || previous.back() == ',')
            return true;
        if (!line.blank_before && !ends_sentence(previous) && m_current.kind == BlockKind::prose &&
            m_current.text.find(". ") != std::string::npos && !is_known_heading(line.text))
            return true;  // prose stops at a sentence's end, not in mid-sentence ("... were Louise" / "Hollick")
        const bool in_list_item = m_current.kind == BlockKind::bullet || m_current.kind == BlockKind::numbered;
        if (line.blank_before) {
            // A page break continues a paragraph in mid-sentence, and a numbered paragraph
            // whose next page opens with a full line of prose; a blank line does not.
            if (!line.page_break_before || is_known_heading(line.text))
                return false;
            if (m_current.kind == BlockKind::numbered && utf8_length(line.text) * 10 > width(line.page) * 6)
                return true;
            return !ends_sentence(previous) && !m_current.heading_like();
        }
        if (ends_sentence(previous) && is_known_heading(line.text))
            return false;
        if (m_current.lines == 1 && ends_heading_with_grade(m_current.text, line.text))
            return true;  // "The judgement for the ... Children" / "Board (LSCB) is good"
        if (in_list_item && !ends_sentence(previous))
            return !is_known_heading(line.text);  // a list item wraps until its sentence ends
        if (m_current.kind == BlockKind::numbered && !is_known_heading(line.text) &&
            utf8_length(line.text) * 10 > width(line.page) * 6)
            return true;  // a numbered paragraph's next sentence, on a full line of its own
        if (line.leading_space && m_current.kind == BlockKind::bullet)
            return true;
        if (m_current.lines == 1 && m_current.kind == BlockKind::prose && is_known_heading(m_current.text))
            return false;
        if (m_current.lines == 1 && m_current.kind == BlockKind::prose && !m_current.blank_before &&
            !ends_sentence(previous) && utf8_length(previous) * 100 >= width(m_last_page) * 75 &&
            !states_grade(previous))
            return true;  // a full line that opened a paragraph mid-page wraps on, whatever it looks like
        // The line break was a wrap if the next word would not have fitted on this line.
        const std::size_t needed = utf8_length(previous) + 1 + utf8_length(first_word(line.text));
        return needed > width(m_last_page);
    }

    void start(BlockKind kind, const Line& line, const std::string& text)
    {
        flush();
        m_current.kind = kind;
        m_current.page = line.page;
        m_current.blank_before = line.blank_before;
        m_current.lines = 1;
        m_current.text = text;
        m_last_line = line.text;
        m_last_page = line.page;
    }

    void append(const Line& line)
    {
        const std::string& text = line.text;
        m_last_page = line.page;
        if (!m_current.text.empty() && !(ends_with_split_word(m_current.text) && !is_conjunction(first_word(text))))
            m_current.text += ' ';  // "multi-" + "agency" joins; "pre-" + "and post-" keeps its space
        m_current.text += text;
        ++m_current.lines;
        m_last_line = text;
    }

    void flush()
    {
        if (m_current.lines > 0)
            m_blocks.push_back(std::move(m_current));
        m_current = Block{};
        m_last_line.clear();
    }

    std::size_t width(int page) const
    {
        const auto found = m_widths.find(page);
        return found == m_widths.end() ? 1000 : found->second;
    }

    std::map<int, std::size_t> m_widths;
    int m_last_page = 1;
    Block m_current;
    std::string m_last_line;
    std::vector<Block> m_blocks;
};

}  // namespace

bool is_salutation(const std::string& text)
{
    return text.size() <= 80 && text.rfind("Dear ", 0) == 0;
}

bool is_letter_subject(const std::string& text)
{
    if (utf8_length(text) > 250)
        return false;
    for (const char* opening : {"focused visit", "monitoring visit", "inspection of", "unannounced inspection",
                                "joint targeted area inspection"}) {
        if (starts_with_nocase(text, opening))
            return true;
    }
    return false;
}

bool Block::heading_like() const
{
    if (marked_heading)
        return true;
    if (kind != BlockKind::prose || lines > 3 || text.empty() || utf8_length(text) > 200)
        return false;
    std::string name;
    if (lines <= 2 && text.back() != '.' && split_trailing_grade(text, name))
        return true;  // "Leadership and management Grade 3 (adequate)"
    if (lines > 2 || utf8_length(text) > 130)
        return false;
    const char last = text.back();
    if (last == '.' || last == ',' || last == ';')
        return false;
    if ((ends_sentence(text) && last != ':' && last != '?') || text.find(". ") != std::string::npos)
        return false;  // "... cancelled.'", "... is effective. (Recommendation)": sentences
    if (is_known_heading(text))
        return true;
    const auto words = std::count(text.begin(), text.end(), ' ') + 1;
    if (last == ':' && words > 4)
        return false;  // a lead-in sentence announcing a list
    std::string last_one = last_word(text);
    if (last_one.back() == ':')
        last_one.pop_back();  // "Good leadership means that:" announces a list
    return words <= 16 && !std::islower(static_cast<unsigned char>(text[0])) && !is_function_word(last_one);
}

std::vector<Block> build_blocks(const std::vector<Line>& lines)
{
    BlockBuilder builder(page_widths(lines));
    for (const auto& line : lines)
        builder.add(line);
    return builder.finish();
}

}  // namespace findings
