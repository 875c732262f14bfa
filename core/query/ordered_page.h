// A page of matches in report order, without sorting every match: matches are taken tier by
// tier (the finding types a query ranks first, then the rest), in report order, stopping as
// soon as the page is full. Matches are read off the revision's whole report order when it is
// loaded (searchd loads it for every revision) or when there are many; a few matches are
// otherwise ordered by their own sort keys, read from the index, so that a one-off search of
// a few matches (the command line's) does not pay for loading the whole order.
#pragma once

#include "core/query/doc_set.h"

#include <xapian.h>

#include <cstddef>
#include <vector>

namespace findings {

struct PageSpan {
    std::size_t offset = 0;
    std::size_t size = 10;
    bool one_per_report = false;  // a report's first paragraph in this order stands for it
};

// Returns the documents of the page: tiers are disjoint sets, listed first to last.
std::vector<Xapian::docid> ordered_page(const std::vector<DocSet>& tiers, const Xapian::Database& db,
                                        const PageSpan& span);

// Returns how many reports the documents of docs belong to.
std::size_t count_reports(const DocSet& docs, const Xapian::Database& db);

// Returns, for each document of page, how many documents of docs belong to its report.
std::vector<std::size_t> matches_in_reports(const DocSet& docs, const std::vector<Xapian::docid>& page,
                                            const Xapian::Database& db);

}  // namespace findings
