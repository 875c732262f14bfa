#include "core/ordered_page.h"

#include <algorithm>

namespace findings {

namespace {

// Calls take(id) for the members of docs in report order until it returns false. A small set
// is sorted by rank; a large one is found by walking the whole order, which stops early.
template <typename Take>
bool walk_in_order(const DocSet& docs, const ReportOrder& order, Take&& take)
{
    const std::size_t members = docs.count();
    if (members * 16 < order.documents().size()) {
        std::vector<Xapian::docid> sorted;
        sorted.reserve(members);
        docs.for_each([&sorted](Xapian::docid id) { sorted.push_back(id); });
        std::sort(sorted.begin(), sorted.end(),
                  [&order](Xapian::docid a, Xapian::docid b) { return order.rank_of(a) < order.rank_of(b); });
        return std::all_of(sorted.begin(), sorted.end(), take);
    }
    for (Xapian::docid id : order.documents()) {
        if (docs.contains(id) && !take(id))
            return false;
    }
    return true;
}

}  // namespace

std::vector<Xapian::docid> ordered_page(const std::vector<DocSet>& tiers, const ReportOrder& order, const PageSpan& span)
{
    const std::size_t wanted = span.offset + span.size;
    std::vector<Xapian::docid> taken;
    std::vector<bool> report_taken(span.one_per_report ? order.report_count() + 1 : 0, false);
    const auto take = [&](Xapian::docid id) {
        if (span.one_per_report) {
            const auto report = order.report_of(id);
            if (report_taken[report])
                return true;
            report_taken[report] = true;
        }
        taken.push_back(id);
        return taken.size() < wanted;
    };
    for (const DocSet& tier : tiers) {
        if (!walk_in_order(tier, order, take))
            break;
    }
    if (taken.size() <= span.offset)
        return {};
    return {taken.begin() + static_cast<std::ptrdiff_t>(span.offset), taken.end()};
}

std::size_t count_reports(const DocSet& docs, const ReportOrder& order)
{
    std::vector<bool> seen(order.report_count() + 1, false);
    std::size_t reports = 0;
    docs.for_each([&](Xapian::docid id) {
        const auto report = order.report_of(id);
        if (report != 0 && !seen[report]) {
            seen[report] = true;
            ++reports;
        }
    });
    return reports;
}

}  // namespace findings
