// Character-level clean-up of extracted report text, before any structure is read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace findings {

// The one bullet character left after normalisation; every bullet starts a line with it.
constexpr std::string_view k_bullet = "\u2022";

// Normalises extracted text so that ASCII queries match it and the parser sees one
// spelling of each thing: typographic quotes and apostrophes become ' and ", dashes and
// minus signs become '-', unusual spaces become ' ', ligatures are expanded, soft hyphens,
// zero-width and control characters (other than tab, newline and form feed) are removed;
// HTML remnants (<ul>, <li>, <p>, <br>) become line breaks, formatting tags (<b>, <span>)
// are dropped, and anything else that looks like a tag is kept as the report's text;
// every bullet character (•, ▪, ◼, ●, ◦, ■, ➢, private-use glyphs) becomes k_bullet at the
// start of its own line, so several bullets on one line become several lines.
std::string normalise_text(std::string_view utf8);

// Collapses runs of spaces and tabs to one space and trims both ends.
std::string collapse_spaces(std::string_view text);

// Returns text in ASCII lower case (non-ASCII bytes unchanged).
std::string to_lower(std::string_view text);

// Returns an ASCII letter in lower case, any other byte as it is (to_lower's rule for one byte).
char lower_ascii(char c);

// Returns text as a slug: lower case ASCII letters and digits, other runs become '-'.
std::string slugify(const std::string& text);

// Returns whether text starts with prefix, ignoring ASCII case.
bool starts_with_nocase(std::string_view text, std::string_view prefix);

// Returns whether text contains needle, ignoring ASCII case.
bool contains_nocase(std::string_view text, std::string_view needle);

// Returns the parts of text between separators ("a,b," gives "a", "b", ""); none for "".
std::vector<std::string> split_on(std::string_view text, char separator);

}  // namespace findings
