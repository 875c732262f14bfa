// Checking an index: Xapian's check of every table's structure, then what Findings requires of
// its documents and records. Glass tables carry no checksums, so damage in a block that no query
// reads goes unnoticed until this check reads every block.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace findings {

struct IndexCheck {
    std::vector<std::string> problems;  // empty when the index is whole
    Xapian::doccount paragraphs = 0;
    std::size_t reports = 0;
    Xapian::rev revision = 0;
};

// Checks the index at path. Throws Error(index_missing) when there is none.
IndexCheck check_index(const std::string& path);

// Returns what is inconsistent in an index's documents and records (at most 10 lines; empty
// when whole): every document must have exactly one Q term, one XR term and JSON data naming
// the same paragraph and report; every report record must have as many documents as its
// "paragraphs", numbered <id>/1..n; every report with documents must have a record.
std::vector<std::string> index_problems(const Xapian::Database& db);

}  // namespace findings
