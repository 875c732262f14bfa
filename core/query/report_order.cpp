#include "core/query/report_order.h"

#include "core/common/index_schema.h"
#include "core/query/revision_cache.h"

#include <algorithm>
#include <string>

namespace findings {

namespace {

// A report's paragraphs in a row of document ids (indexing adds a report's paragraphs together).
struct Run {
    std::string report;  // the report part of the order key: what runs are sorted by
    std::vector<std::pair<std::string, Xapian::docid>> paragraphs;  // position part, document
};

// Sorting a million keys would take a third of a second; sorting the reports' runs and the
// paragraphs within each (already in order, as a rule) takes a tenth of that.
std::vector<Run> runs_in_report_order(const Xapian::Database& db)
{
    std::vector<Run> runs;
    const auto slot = schema::k_slot_report_order;
    for (auto value = db.valuestream_begin(slot); value != db.valuestream_end(slot); ++value) {
        const std::string key = *value;
        const std::size_t end = std::min(key.find('\0'), key.size());
        if (runs.empty() || key.compare(0, end, runs.back().report) != 0)
            runs.push_back({key.substr(0, end), {}});
        runs.back().paragraphs.emplace_back(key.substr(end), value.get_docid());
    }
    std::stable_sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.report < b.report; });
    return runs;
}

}  // namespace

ReportOrder::ReportOrder(const Xapian::Database& db)
    : m_rank(db.get_lastdocid() + 1, UINT32_MAX), m_report(db.get_lastdocid() + 1, 0)
{
    std::vector<Run> runs = runs_in_report_order(db);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        // A report whose paragraphs were split into several runs is merged back into one.
        if (i == 0 || runs[i].report != runs[i - 1].report)
            ++m_report_count;
        auto& paragraphs = runs[i].paragraphs;
        while (i + 1 < runs.size() && runs[i + 1].report == runs[i].report) {
            ++i;
            paragraphs.insert(paragraphs.end(), runs[i].paragraphs.begin(), runs[i].paragraphs.end());
        }
        if (!std::is_sorted(paragraphs.begin(), paragraphs.end()))
            std::sort(paragraphs.begin(), paragraphs.end());
        for (const auto& [position, id] : paragraphs) {
            m_rank[id] = static_cast<std::uint32_t>(m_documents.size());
            m_report[id] = m_report_count;
            m_documents.push_back(id);
        }
    }
    find_rank_runs();
}

void ReportOrder::find_rank_runs()
{
    for (std::size_t id = 0; id < m_rank.size(); ++id) {
        const bool follows = !m_rank_runs.empty() &&
                             (m_rank_runs.back().rank == UINT32_MAX
                                  ? m_rank[id] == UINT32_MAX
                                  : m_rank[id] == m_rank_runs.back().rank + (id - m_rank_runs.back().first));
        if (!follows)
            m_rank_runs.push_back({static_cast<Xapian::docid>(id), m_rank[id]});
    }
    m_rank_runs.push_back({static_cast<Xapian::docid>(m_rank.size()), UINT32_MAX});  // ids past the last
}

std::size_t ReportOrder::run_of(Xapian::docid id) const
{
    const auto after = std::upper_bound(m_rank_runs.begin(), m_rank_runs.end(), id,
                                        [](Xapian::docid wanted, const RankRun& run) { return wanted < run.first; });
    return static_cast<std::size_t>(after - m_rank_runs.begin()) - 1;
}

std::shared_ptr<const ReportOrder> ReportOrder::of(const Xapian::Database& db)
{
    return RevisionCache<const ReportOrder>::get(
        db, [](const Xapian::Database& revision) { return std::shared_ptr<const ReportOrder>(new ReportOrder(revision)); });
}

std::shared_ptr<const ReportOrder> ReportOrder::if_loaded(const Xapian::Database& db)
{
    return RevisionCache<const ReportOrder>::find(db);
}

}  // namespace findings
