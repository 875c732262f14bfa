#include "core/query/doc_set_source.h"

namespace findings {

DocSetSource::DocSetSource(std::shared_ptr<const DocSet> docs, double weight)
    : m_docs(std::move(docs)), m_count(m_docs->count()), m_weight(weight)
{
}

void DocSetSource::init(const Xapian::Database&)
{
    set_maxweight(m_weight);
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

DocSetSource* DocSetSource::clone() const { return new DocSetSource(m_docs, m_weight); }

Xapian::Query query_of(std::shared_ptr<const DocSet> docs, double weight)
{
    return Xapian::Query((new DocSetSource(std::move(docs), weight))->release());
}

}  // namespace findings
