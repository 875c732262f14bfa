// Character-level clean-up of extracted report text, before any structure is read.
#include "core/common/text_normaliser.h"

#include "core/common/text_encoding.h"

#include <algorithm>
#include <cctype>

namespace findings {

namespace {

bool is_bullet(char32_t cp)
{
    switch (cp) {
    case 0x2022: case 0x25AA: case 0x25FC: case 0x25CF: case 0x25E6: case 0x25A0:
    case 0x27A2: case 0x2023: case 0x2043: case 0x25B8: case 0x25BA: case 0x2219:
        return true;
    default:
        return cp >= 0xE000 && cp <= 0xF8FF;  // symbol-font bullets (U+F06E, U+F0A7, ...)
    }
}

// Returns the ASCII replacement for typographic punctuation and spaces, or 0.
char ascii_replacement(char32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return '-';
    case 0x00A0: case 0x2002: case 0x2003: case 0x2007: case 0x2009: case 0x200A: case 0x202F:
        return ' ';
    default:
        return 0;
    }
}

bool is_removed(char32_t cp)
{
    if (cp == '\t' || cp == '\n' || cp == '\f')
        return false;
    return cp < 0x20 || cp == 0x7F || cp == 0x00AD || cp == 0x200B || cp == 0x200C ||
           cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || (cp >= 0x80 && cp < 0xA0);
}

const char* ligature(char32_t cp)
{
    switch (cp) {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0x2026: return "...";
    default: return nullptr;
    }
}

// Returns the length of an HTML tag starting at text[i] ('<'), or 0 if it is not one.
std::size_t html_tag_length(std::string_view text, std::size_t i)
{
    if (i + 2 >= text.size())
        return 0;
    const char next = text[i + 1];
    if (!(std::isalpha(static_cast<unsigned char>(next)) || next == '/'))
        return 0;
    const auto close = text.find('>', i);
    if (close == std::string_view::npos || close - i > 200)
        return 0;
    const auto newline = text.find('\n', i);
    if (newline < close)
        return 0;
    return close - i + 1;
}

// Returns the tag's name in lower case ("<ul style=...>" and "</ul>" give "ul").
std::string tag_name(std::string_view tag)
{
    std::size_t i = tag[1] == '/' ? 2 : 1;
    std::string name;
    while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i])))
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i++])));
    return name;
}

bool is_line_breaking_tag(const std::string& name)
{
    for (const char* known : {"ul", "ol", "li", "p", "br", "div", "table", "tr", "td", "th", "h1", "h2", "h3", "h4"}) {
        if (name == known)
            return true;
    }
    return false;
}

// Formatting remnants of the converter, dropped; any other "tag" is the report's own text.
bool is_inline_tag(const std::string& name)
{
    for (const char* known : {"b", "i", "u", "em", "strong", "span", "font", "a", "sup", "sub", "small"}) {
        if (name == known)
            return true;
    }
    return false;
}

// Removes trailing spaces and tabs from out.
void trim_trailing_blanks(std::string& out)
{
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t'))
        out.pop_back();
}

bool at_line_start(const std::string& out)
{
    for (auto it = out.rbegin(); it != out.rend(); ++it) {
        if (*it == '\n' || *it == '\f')
            return true;
        if (*it != ' ' && *it != '\t')
            return false;
    }
    return true;
}

}  // namespace

std::string normalise_text(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '<') {
            if (const std::size_t length = html_tag_length(text, i)) {
                const std::string name = tag_name(text.substr(i, length));
                if (is_line_breaking_tag(name)) {
                    trim_trailing_blanks(out);
                    out += '\n';
                    i += length;
                    continue;
                }
                if (is_inline_tag(name)) {
                    i += length;
                    continue;
                }
            }
        }
        if (text[i] == '\r') {  // CR LF or a lone CR ends a line
            ++i;
            if (i >= text.size() || text[i] != '\n')
                out += '\n';
            continue;
        }
        const char32_t cp = next_code_point(text, i);
        if (is_bullet(cp)) {
            if (!at_line_start(out)) {
                trim_trailing_blanks(out);
                out += '\n';
            }
            out += k_bullet;
            out += ' ';
        } else if (const char ascii = ascii_replacement(cp)) {
            out += ascii;
        } else if (const char* expanded = ligature(cp)) {
            out += expanded;
        } else if (!is_removed(cp)) {
            append_utf8(out, cp);
        }
    }
    return out;
}

std::string collapse_spaces(std::string_view text)
{
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f'; };
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {  // appends each run of non-space characters whole
        while (at < text.size() && is_space(text[at]))
            ++at;
        const std::size_t word_start = at;
        while (at < text.size() && !is_space(text[at]))
            ++at;
        if (at == word_start)
            break;
        if (!out.empty())
            out += ' ';
        out.append(text, word_start, at - word_start);
    }
    return out;
}

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

namespace {

bool equal_nocase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower_ascii(x) == lower_ascii(y); });
}

}  // namespace

std::string to_lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), lower_ascii);
    return out;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && equal_nocase(text.substr(0, prefix.size()), prefix);
}

bool contains_nocase(std::string_view text, std::string_view needle)
{
    const auto found = std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                                   [](char x, char y) { return lower_ascii(x) == lower_ascii(y); });
    return needle.empty() || found != text.end();
}

std::string slugify(const std::string& text)
{
    std::string slug;
    for (char c : to_lower(text)) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            slug += c;
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug;
}

std::vector<std::string> split_on(std::string_view text, char separator)
{
    std::vector<std::string> parts;
    for (std::size_t from = 0; !text.empty() && from <= text.size();) {
        const std::size_t at = std::min(text.find(separator, from), text.size());
        parts.emplace_back(text.substr(from, at - from));
        from = at + 1;
    }
    return parts;
}

}  // namespace findings
