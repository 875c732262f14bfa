// Proximity: among the paragraphs that match a query, those where its words stand together
// ("family group conferences") rank above those where they are scattered through the text
// (a family, a core group, a child protection conference).
#pragma once

#include "core/common/analyser.h"

#include <xapian.h>

#include <string>

namespace findings {

// Returns the query that weighs the pairs of the text's adjacent words found side by side
// (OP_PHRASE, stop words left out as the index leaves them out), for OP_AND_MAYBE; empty when
// the text is syntax (quotes, fields, operators: the user has said what goes together) or has
// fewer than two words.
Xapian::Query adjacent_pairs(const std::string& text, const Analyser& analyser);

}  // namespace findings
