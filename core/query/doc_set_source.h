// A DocSet as a Xapian posting source, so that the matcher can rank only the documents an
// already-evaluated filter lets through (a bitmap lookup per candidate instead of a filter
// sub-tree of posting lists).
#pragma once

#include "core/query/doc_set.h"

#include <xapian.h>

#include <memory>

namespace findings {

class DocSetSource : public Xapian::PostingSource {
public:
    // Every member weighs weight (0: the source only filters).
    explicit DocSetSource(std::shared_ptr<const DocSet> docs, double weight = 0);

    Xapian::doccount get_termfreq_min() const override { return m_count; }
    Xapian::doccount get_termfreq_est() const override { return m_count; }
    Xapian::doccount get_termfreq_max() const override { return m_count; }
    Xapian::docid get_docid() const override { return m_current; }
    double get_weight() const override { return m_weight; }
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool check(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return m_started && m_current == 0; }
    DocSetSource* clone() const override;
    void init(const Xapian::Database& db) override;

private:
    std::shared_ptr<const DocSet> m_docs;
    Xapian::doccount m_count = 0;
    double m_weight = 0;
    Xapian::docid m_current = 0;
    bool m_started = false;
};

// Returns a query that matches exactly the documents of docs, each weighing weight.
Xapian::Query query_of(std::shared_ptr<const DocSet> docs, double weight = 0);

}  // namespace findings
