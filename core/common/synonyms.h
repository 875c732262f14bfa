// The domain synonyms and abbreviations of stopwords/synonyms.txt, found in query text.
#pragma once

#include <string>
#include <vector>

namespace findings {

// Returns the synonym groups: each a list of members ("EDT", "emergency duty team", ...).
const std::vector<std::vector<std::string>>& synonym_groups();

// One member of a group found in a query, and the other members it stands for.
struct SynonymUse {
    std::size_t offset = 0;  // of matched in the text searched
    std::string matched;
    std::size_t group = 0;  // in synonym_groups()
    std::vector<std::string> alternatives;
};

// Finds synonym members in text (case-insensitive, on word boundaries, with any spaces, commas,
// hyphens or slashes between their words and maybe a plural last word; longest first). A
// second member of a group already found comes with no alternatives: it adds nothing.
std::vector<SynonymUse> find_synonyms(const std::string& text);

}  // namespace findings
