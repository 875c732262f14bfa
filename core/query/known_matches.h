// Ranking documents already known to match a query.
#pragma once

#include <xapian.h>

namespace findings {

// Returns the query with each phrase (and NEAR) that every match must hold made an AND of its
// words. On documents known to match the query, the two weigh the same: Xapian weighs a phrase
// by its words' weights, and its words' positions decide only whether it matches. The ranking
// of a page among the exact match set then skips reading positions, which for a phrase of
// common words ("the local authority": 180,000 matches at a million paragraphs) was most of
// the query's time. A phrase that a match need not hold (one side of an OR, the optional side
// of AND_MAYBE, the excluded side of AND_NOT) is left as it is.
Xapian::Query without_phrase_checks(const Xapian::Query& query);

}  // namespace findings
