// A DocSet as a Xapian posting source, so that the matcher can rank only the documents an
// already-evaluated filter lets through (a bitmap lookup per candidate instead of a filter
// sub-tree of posting lists).
#pragma once

#include "core/query/doc_set.h"

#include <xapian.h>

#include <memory>

namespace findings {

class ReportOrder;

class DocSetSource : public Xapian::PostingSource {
public:
    // Every member weighs weight (0: the source only filters), plus, with an order, a weight
    // below k_most_order_weight that falls along the order: added to the words' weights, it puts
    // equally weighted matches in report order without the matcher reading each one's sort value.
    explicit DocSetSource(std::shared_ptr<const DocSet> docs, double weight = 0,
                          std::shared_ptr<const ReportOrder> order = nullptr);

    Xapian::doccount get_termfreq_min() const override { return m_count; }
    Xapian::doccount get_termfreq_est() const override { return m_count; }
    Xapian::doccount get_termfreq_max() const override { return m_count; }
    Xapian::docid get_docid() const override { return m_current; }
    double get_weight() const override;
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool check(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return m_started && m_current == 0; }
    DocSetSource* clone() const override;
    void init(const Xapian::Database& db) override;

private:
    std::shared_ptr<const DocSet> m_docs;
    std::shared_ptr<const ReportOrder> m_order;
    Xapian::doccount m_count = 0;
    double m_weight = 0;
    Xapian::docid m_current = 0;
    bool m_started = false;
    mutable std::size_t m_order_cursor = 0;  // where the order's runs were last read (ReportOrder::rank_from)
};

// The most weight a report order adds: far below any difference between the words' weights of
// two matches that are not equal.
constexpr double k_most_order_weight = 1e-6;

// Returns the weight a report order adds to a document: more for earlier documents.
double order_weight(const ReportOrder& order, Xapian::docid id);

// Returns a query that matches exactly the documents of docs, each weighing weight (and with an
// order, the order's weight: see DocSetSource).
Xapian::Query query_of(std::shared_ptr<const DocSet> docs, double weight = 0,
                       std::shared_ptr<const ReportOrder> order = nullptr);

}  // namespace findings
