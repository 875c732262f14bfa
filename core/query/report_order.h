// Every document of a revision in report order (newest report first, then report, then
// position) and the report each belongs to, held in memory: pages of filter-only queries and
// of date-sorted searches are read off this order instead of sorting their matches.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace findings {

class ReportOrder {
public:
    // Returns the order of db's current revision, loaded once per revision and shared.
    static std::shared_ptr<const ReportOrder> of(const Xapian::Database& db);

    // Returns the order of db's current revision if it is loaded already, or null.
    static std::shared_ptr<const ReportOrder> if_loaded(const Xapian::Database& db);

    // The documents, first in report order first.
    const std::vector<Xapian::docid>& documents() const { return m_documents; }

    // A document's place in documents() (ids that are not documents sort last).
    std::uint32_t rank_of(Xapian::docid id) const { return id < m_rank.size() ? m_rank[id] : UINT32_MAX; }

    // Returns rank_of(id), read from the runs of ids whose places follow one another (a report's
    // paragraphs), starting at run cursor and leaving it at id's run. Asked for ids in ascending
    // order, as the matcher visits matches, it steps to the next runs of a table of a few hundred
    // kilobytes, searching it only for an id far ahead or behind: rank_of reads a table of four
    // bytes a document, and for a sparse set of matches waited for memory at almost every one.
    std::uint32_t rank_from(Xapian::docid id, std::size_t& cursor) const
    {
        if (cursor >= m_rank_runs.size() || m_rank_runs[cursor].first > id)
            cursor = run_of(id);
        for (int step = 0; cursor + 1 < m_rank_runs.size() && m_rank_runs[cursor + 1].first <= id; ++step) {
            if (step == k_runs_stepped) {  // far ahead: search
                cursor = run_of(id);
                break;
            }
            ++cursor;
        }
        const RankRun& run = m_rank_runs[cursor];
        return run.rank == UINT32_MAX ? UINT32_MAX : run.rank + (id - run.first);
    }

    // A number for the document's report, the same for all its paragraphs (0 for none).
    std::uint32_t report_of(Xapian::docid id) const { return id < m_report.size() ? m_report[id] : 0; }

    std::uint32_t report_count() const { return m_report_count; }

private:
    explicit ReportOrder(const Xapian::Database& db);

    // How many runs rank_from steps over before it searches for the id's run instead.
    static constexpr int k_runs_stepped = 8;

    // Ids from first up to the next run's first, whose places are rank, rank + 1, ... (UINT32_MAX:
    // ids that are not documents). The first run starts at 0 and the last covers every id after.
    struct RankRun {
        Xapian::docid first = 0;
        std::uint32_t rank = UINT32_MAX;
    };
    void find_rank_runs();
    std::size_t run_of(Xapian::docid id) const;
    std::vector<RankRun> m_rank_runs;

    std::vector<Xapian::docid> m_documents;
    std::vector<std::uint32_t> m_rank;    // by document id
    std::vector<std::uint32_t> m_report;  // by document id
    std::uint32_t m_report_count = 0;
};

}  // namespace findings
