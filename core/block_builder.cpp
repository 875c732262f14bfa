// Blocks: the report's content lines joined into paragraphs, bullets, headings and grade
// lines, undoing hard line wraps and page breaks.
#include "core/block_builder.h"

#include "core/headings.h"
#include "core/text_normaliser.h"

#include <algorithm>
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

// Estimates the line width of the report's body text, in characters: wrapped prose fills
// lines to about this length, so a shorter line that is followed by a word that would have
// fitted ended on purpose.
std::size_t body_width(const std::vector<Line>& lines)
{
    std::vector<std::size_t> lengths;
    for (const auto& line : lines) {
        const std::size_t length = utf8_length(line.text);
        if (length >= 30)
            lengths.push_back(length);
    }
    if (lengths.empty())
        return 1000;
    std::sort(lengths.begin(), lengths.end());
    return lengths[lengths.size() * 9 / 10];
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

bool ends_with_split_word(const std::string& text)
{
    return text.size() >= 2 && text.back() == '-' && std::isalpha(static_cast<unsigned char>(text[text.size() - 2]));
}

// Header fields that always start a line of their own ("Inspection dates: ...").
bool is_field_line(const std::string& text)
{
    static const std::regex field(
        R"((inspection dates?|lead inspector|reporting inspector|report published|published|age group|date of (visit|inspection)|inspection number)\b.*)",
        std::regex::icase);
    return std::regex_match(text, field);
}

struct Marker {
    BlockKind kind = BlockKind::prose;
    std::string rest;  // the line after its bullet or number
};

// Recognises a bullet ("• text", "- text") or a paragraph number ("12. text", "12.").
Marker read_marker(const Line& line)
{
    const std::string& text = line.text;
    static const std::regex numbered(R"((\d{1,3})\.(?:\s+(.*))?)");
    std::smatch match;
    const bool bullet_mark = text.rfind(k_bullet, 0) == 0;
    if (bullet_mark || text == "-" || text.rfind("- ", 0) == 0) {
        std::string rest = collapse_spaces(text.substr(bullet_mark ? k_bullet.size() : 1));
        if (std::regex_match(rest, match, numbered))
            return {BlockKind::numbered, match[2].str()};  // a numbered paragraph marked as a bullet
        return {BlockKind::bullet, rest};
    }
    if (std::regex_match(text, match, numbered) && std::stoi(match[1].str()) > 0)
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
    explicit BlockBuilder(std::size_t width) : m_width(width) {}

    void add(const Line& source)
    {
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
        if (parse_grade_line(line.text)) {
            start(BlockKind::grade, line, line.text);
            flush();
            return;
        }
        const Marker marker = read_marker(line);
        if (marker.kind != BlockKind::prose) {
            start(marker.kind, line, marker.rest);
            return;
        }
        if (line.leading_space && line.blank_before && !m_current.text.empty()) {
            start(BlockKind::bullet, line, line.text);  // a bare leading space marks a bullet
            return;
        }
        if (is_field_line(line.text) || !continues_current(line)) {
            start(BlockKind::prose, line, line.text);
            return;
        }
        append(line.text);
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
        if (ends_with_split_word(previous))
            return true;
        if (starts_lowercase(line.text))
            return true;
        if (is_function_word(last_word(previous)) || previous.back() == ',')
            return true;
        if (line.blank_before) {
            // A page break in mid-sentence continues the paragraph; a blank line does not.
            return line.page_break_before && !ends_sentence(previous) && !m_current.heading_like() &&
                   !is_known_heading(line.text);
        }
        if (line.leading_space && m_current.kind == BlockKind::bullet)
            return true;
        if (m_current.lines == 1 && m_current.kind == BlockKind::prose && is_known_heading(m_current.text))
            return false;
        // The line break was a wrap if the next word would not have fitted on this line.
        const std::size_t needed = utf8_length(previous) + 1 + utf8_length(first_word(line.text));
        return needed + 2 > m_width;
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
    }

    void append(const std::string& text)
    {
        if (!m_current.text.empty() && !ends_with_split_word(m_current.text))
            m_current.text += ' ';
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

    std::size_t m_width;
    Block m_current;
    std::string m_last_line;
    std::vector<Block> m_blocks;
};

}  // namespace

bool Block::heading_like() const
{
    if (marked_heading)
        return true;
    if (kind != BlockKind::prose || lines > 3 || text.empty() || utf8_length(text) > 200)
        return false;
    std::string name;
    if (split_trailing_grade(text, name))
        return true;  // "Leadership and management Grade 3 (adequate)"
    if (lines > 2 || utf8_length(text) > 130)
        return false;
    const char last = text.back();
    if (last == '.' || last == ',' || last == ';')
        return false;
    if (is_known_heading(text))
        return true;
    const auto words = std::count(text.begin(), text.end(), ' ') + 1;
    if (last == ':' && words > 4)
        return false;  // a lead-in sentence announcing a list
    return words <= 16 && !std::islower(static_cast<unsigned char>(text[0])) &&
           !is_function_word(last_word(text));
}

std::vector<Block> build_blocks(const std::vector<Line>& lines)
{
    BlockBuilder builder(body_width(lines));
    for (const auto& line : lines)
        builder.add(line);
    return builder.finish();
}

}  // namespace findings
