// Blocks: the report's content lines joined into paragraphs, bullets, headings and grade
// lines, undoing hard line wraps and page breaks.
#pragma once

#include "core/ingest/page_furniture.h"

#include <string>
#include <vector>

namespace findings {

enum class BlockKind {
    prose,     // an unnumbered paragraph (or a heading: see Block::heading_like)
    numbered,  // a numbered paragraph ("12. ..."), its number removed
    bullet,    // one bullet, its marker removed
    grade,     // a line that is only a grade ("Grade 3 (adequate)", "Good")
    row,       // a tabular line (a row of a judgement table)
};

struct Block {
    BlockKind kind = BlockKind::prose;
    std::string text;
    int page = 1;
    int lines = 0;
    bool marked_heading = false;  // "## ..." or "**...**" in the source
    bool blank_before = false;

    // Returns whether the block reads as a heading: marked, or short, on one or two lines,
    // without sentence punctuation.
    bool heading_like() const;
};

// Returns whether text is a letter's salutation ("Dear Ms Jenkins,"), a block of its own.
bool is_salutation(const std::string& text);

// Returns whether text opens like a letter's subject line ("Focused visit to Dudley Metropolitan
// Borough Council children's services"), which follows the salutation.
bool is_letter_subject(const std::string& text);

// Joins content lines into blocks.
std::vector<Block> build_blocks(const std::vector<Line>& lines);

}  // namespace findings
