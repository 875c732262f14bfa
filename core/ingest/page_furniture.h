// Page furniture: turning normalised report text into the lines of its own content, without
// running headers, page numbers, footnotes, contents pages and back-matter boilerplate.
#pragma once

#include <string>
#include <vector>

namespace findings {

struct Line {
    std::string text;           // trimmed, spaces collapsed
    int page = 1;               // from 1
    bool blank_before = false;  // a blank line, page break or removed furniture precedes it
    bool page_break_before = false;
    bool leading_space = false;  // the source line was indented
    bool tabular = false;        // the source line had a tab between words (a table row)
    // Not content (a standing footnote), kept only because it shows how wide the page's lines
    // run: paragraph breaks are inferred from that width.
    bool layout_only = false;
};

// Splits normalised text (see normalise_text) into content lines and removes the furniture.
std::vector<Line> content_lines(const std::string& normalised_text);

// Removes footnote markers glued to words ("board1" -> "board", "care.2" -> "care.").
std::string strip_footnote_markers(const std::string& text);

}  // namespace findings
