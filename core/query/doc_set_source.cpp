#include "core/query/doc_set_source.h"

#include "core/query/report_order.h"

namespace findings {

DocSetSource::DocSetSource(std::shared_ptr<const DocSet> docs, double weight, std::shared_ptr<const ReportOrder> order)
    : m_docs(std::move(docs)), m_order(std::move(order)), m_count(m_docs->count()), m_weight(weight)
{
}

namespace {

// The weight an order adds to the document at rank (UINT32_MAX: none).
double weight_of_rank(const ReportOrder& order, std::uint32_t rank)
{
    const double documents = static_cast<double>(order.documents().size());
    const double places_after = rank == UINT32_MAX ? 0 : documents - rank;
    return k_most_order_weight * places_after / (documents + 1);
}

}  // namespace

double DocSetSource::get_weight() const
{
    return m_order ? m_weight + weight_of_rank(*m_order, m_order->rank_from(m_current, m_order_cursor)) : m_weight;
}

double order_weight(const ReportOrder& order, Xapian::docid id) { return weight_of_rank(order, order.rank_of(id)); }

void DocSetSource::init(const Xapian::Database&)
{
    set_maxweight(m_order ? m_weight + k_most_order_weight : m_weight);
    m_current = 0;
    m_started = false;
}

void DocSetSource::next(double)
{
    m_current = m_docs->next(m_current + 1);
    m_started = true;
}

void DocSetSource::skip_to(Xapian::docid did, double)
{
    if (!m_started || did > m_current)
        m_current = m_docs->next(did);
    m_started = true;
}

bool DocSetSource::check(Xapian::docid did, double)
{
    // A bit test is cheaper than finding the next member: report "not here" and let a later
    // next() or skip_to() move on from did.
    m_started = true;
    if (m_docs->contains(did)) {
        m_current = did;
        return true;
    }
    m_current = did;
    return false;
}

DocSetSource* DocSetSource::clone() const { return new DocSetSource(m_docs, m_weight, m_order); }

Xapian::Query query_of(std::shared_ptr<const DocSet> docs, double weight, std::shared_ptr<const ReportOrder> order)
{
    return Xapian::Query((new DocSetSource(std::move(docs), weight, std::move(order)))->release());
}

}  // namespace findings
