// Spelling correction of a query's words against the index: a word the index does not hold
// (or holds far more rarely than a close, common word) is corrected before the query is read,
// so that a misspelt cue ("weaknessess") is read as well as a misspelt topic.
#pragma once

#include "core/common/analyser.h"
#include "core/query/search_model.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace findings {

// Returns the corrections of query's misspelt words. Never corrected: a word whose stem the
// index holds more than rarely, an authority's name, a quoted word, a field name or value,
// a wildcard, a word in capitals (an acronym), a word with digits, a stop word.
std::vector<Correction> spelling_corrections(const std::string& query, const Xapian::Database& db,
                                             const Analyser& analyser);

// Returns the words of query (as spelling_corrections chooses them) that no paragraph has.
std::vector<std::string> words_in_no_paragraph(const std::string& query, const Xapian::Database& db,
                                               const Analyser& analyser);

// Returns query with the corrections made to its words (a capital first letter kept).
std::string with_corrections(const std::string& query, const std::vector<Correction>& corrections);

}  // namespace findings
