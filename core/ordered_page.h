// A page of matches in report order, without sorting every match: matches are taken tier by
// tier (the finding types a query ranks first, then the rest), each tier read off the
// revision's report order, stopping as soon as the page is full.
#pragma once

#include "core/doc_set.h"
#include "core/report_order.h"

#include <cstddef>
#include <vector>

namespace findings {

struct PageSpan {
    std::size_t offset = 0;
    std::size_t size = 10;
    bool one_per_report = false;  // a report's first paragraph in this order stands for it
};

// Returns the documents of the page: tiers are disjoint sets, listed first to last.
std::vector<Xapian::docid> ordered_page(const std::vector<DocSet>& tiers, const ReportOrder& order, const PageSpan& span);

// Returns how many reports the documents of docs belong to.
std::size_t count_reports(const DocSet& docs, const ReportOrder& order);

}  // namespace findings
