#include "core/query/ordered_page.h"

#include "core/common/index_schema.h"
#include "core/query/report_order.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <utility>

namespace findings {

namespace {

// A document with a number for its report: equal numbers, same report (within one listing).
struct Listed {
    Xapian::docid id;
    std::uint32_t report;
};

// Below this share of the index, matches are ordered by their own keys: reading a key costs a
// skip through one value stream, loading the whole order reading every key.
bool is_few(Xapian::doccount members, const Xapian::Database& db) { return members * 16 < db.get_doccount(); }

// Returns docs in report order, read from their sort keys.
std::vector<Listed> by_own_keys(const DocSet& docs, const Xapian::Database& db)
{
    std::vector<std::pair<std::string, Xapian::docid>> keyed;
    auto key = db.valuestream_begin(schema::k_slot_report_order);
    const auto end = db.valuestream_end(schema::k_slot_report_order);
    docs.for_each([&](Xapian::docid id) {
        if (key == end)
            return;
        key.skip_to(id);
        if (key != end && key.get_docid() == id)
            keyed.emplace_back(*key, id);
    });
    std::sort(keyed.begin(), keyed.end());
    std::vector<Listed> listed;
    std::string report;
    std::uint32_t reports = 0;
    for (const auto& [sort_key, id] : keyed) {
        std::string this_report = sort_key.substr(0, sort_key.find('\0'));  // the key's report part
        if (listed.empty() || this_report != report) {
            ++reports;
            report = std::move(this_report);
        }
        listed.push_back({id, reports});
    }
    return listed;
}

// Calls take(id, report) for the members of docs in report order until it returns false.
template <typename Take>
bool walk_whole_order(const DocSet& docs, const ReportOrder& order, Take&& take)
{
    for (Xapian::docid id : order.documents()) {
        if (docs.contains(id) && !take(id, order.report_of(id)))
            return false;
    }
    return true;
}

// The same for a few members: sorted by their places in the order rather than walking it all.
template <typename Take>
bool walk_by_rank(const DocSet& docs, const ReportOrder& order, Take&& take)
{
    std::vector<Xapian::docid> sorted;
    docs.for_each([&sorted](Xapian::docid id) { sorted.push_back(id); });
    std::sort(sorted.begin(), sorted.end(),
              [&order](Xapian::docid a, Xapian::docid b) { return order.rank_of(a) < order.rank_of(b); });
    return std::all_of(sorted.begin(), sorted.end(), [&](Xapian::docid id) { return take(id, order.report_of(id)); });
}

// Collects a page: take(id, report) answers whether the page wants more.
class PageCollector {
public:
    PageCollector(const PageSpan& span, std::uint32_t reports) : m_span(span), m_report_taken(reports + 1, false) {}

    bool take(Xapian::docid id, std::uint32_t report)
    {
        if (m_span.one_per_report) {
            if (m_report_taken[report])
                return true;
            m_report_taken[report] = true;
        }
        m_taken.push_back(id);
        return m_taken.size() < m_span.offset + m_span.size;
    }

    std::vector<Xapian::docid> page() const
    {
        if (m_taken.size() <= m_span.offset)
            return {};
        return {m_taken.begin() + static_cast<std::ptrdiff_t>(m_span.offset), m_taken.end()};
    }

private:
    const PageSpan& m_span;
    std::vector<bool> m_report_taken;  // by report number
    std::vector<Xapian::docid> m_taken;
};

}  // namespace

std::vector<Xapian::docid> ordered_page(const std::vector<DocSet>& tiers, const Xapian::Database& db,
                                        const PageSpan& span)
{
    const Xapian::doccount members = std::accumulate(
        tiers.begin(), tiers.end(), Xapian::doccount{0}, [](Xapian::doccount sum, const DocSet& tier) { return sum + tier.count(); });
    std::shared_ptr<const ReportOrder> order = ReportOrder::if_loaded(db);
    if (!order && is_few(members, db)) {
        // One listing of every tier's members, so that report numbers agree across tiers.
        DocSet all = tiers.empty() ? DocSet(db.get_lastdocid()) : tiers.front();
        for (const DocSet& tier : tiers)
            all.unite(tier);
        const std::vector<Listed> listed = by_own_keys(all, db);
        PageCollector page(span, static_cast<std::uint32_t>(listed.size()));
        for (const DocSet& tier : tiers) {
            for (const Listed& doc : listed) {
                if (tier.contains(doc.id) && !page.take(doc.id, doc.report))
                    return page.page();
            }
        }
        return page.page();
    }
    if (!order)
        order = ReportOrder::of(db);
    PageCollector page(span, order->report_count());
    const auto take = [&page](Xapian::docid id, std::uint32_t report) { return page.take(id, report); };
    for (const DocSet& tier : tiers) {
        if (!(is_few(tier.count(), db) ? walk_by_rank(tier, *order, take) : walk_whole_order(tier, *order, take)))
            break;
    }
    return page.page();
}

std::size_t count_reports(const DocSet& docs, const Xapian::Database& db)
{
    std::shared_ptr<const ReportOrder> order = ReportOrder::if_loaded(db);
    if (!order && is_few(docs.count(), db)) {
        const std::vector<Listed> listed = by_own_keys(docs, db);
        return listed.empty() ? 0 : listed.back().report;
    }
    if (!order)
        order = ReportOrder::of(db);
    std::vector<bool> seen(order->report_count() + 1, false);
    std::size_t reports = 0;
    docs.for_each([&](Xapian::docid id) {
        const auto report = order->report_of(id);
        if (report != 0 && !seen[report]) {
            seen[report] = true;
            ++reports;
        }
    });
    return reports;
}

std::vector<std::size_t> matches_in_reports(const DocSet& docs, const std::vector<Xapian::docid>& page,
                                            const Xapian::Database& db)
{
    const auto order = ReportOrder::of(db);
    std::vector<std::size_t> matches(order->report_count() + 1, 0);  // by report number
    docs.for_each([&](Xapian::docid id) { ++matches[order->report_of(id)]; });
    std::vector<std::size_t> counts;
    for (const Xapian::docid id : page)
        counts.push_back(matches[order->report_of(id)]);
    return counts;
}

}  // namespace findings
