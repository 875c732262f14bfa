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

    // A number for the document's report, the same for all its paragraphs (0 for none).
    std::uint32_t report_of(Xapian::docid id) const { return id < m_report.size() ? m_report[id] : 0; }

    std::uint32_t report_count() const { return m_report_count; }

private:
    explicit ReportOrder(const Xapian::Database& db);

    std::vector<Xapian::docid> m_documents;
    std::vector<std::uint32_t> m_rank;    // by document id
    std::vector<std::uint32_t> m_report;  // by document id
    std::uint32_t m_report_count = 0;
};

}  // namespace findings
