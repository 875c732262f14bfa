// searchd's metrics: requests by endpoint and status, a latency histogram by endpoint, and the index's
// size and revision, as Prometheus text.
#include "searchd/metrics.h"

#include <sstream>

namespace findings {

void Metrics::record(const std::string& endpoint, int status, double milliseconds)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_requests[{endpoint, status}];
    Latency& latency = m_latency[endpoint];
    for (std::size_t i = 0; i < k_buckets_ms.size(); ++i) {
        if (milliseconds <= k_buckets_ms[i])
            ++latency.bucket_counts[i];
    }
    ++latency.count;
    latency.sum_ms += milliseconds;
}

void Metrics::set_index(std::uint64_t documents, std::uint64_t revision)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_documents = documents;
    m_revision = revision;
}

std::string Metrics::prometheus_text() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::ostringstream out;
    out << "# HELP findings_requests_total HTTP requests answered, by endpoint and status.\n"
        << "# TYPE findings_requests_total counter\n";
    for (const auto& [key, count] : m_requests)
        out << "findings_requests_total{endpoint=\"" << key.first << "\",status=\"" << key.second << "\"} " << count << "\n";
    out << "# HELP findings_request_duration_seconds Time to answer a request, by endpoint.\n"
        << "# TYPE findings_request_duration_seconds histogram\n";
    for (const auto& [endpoint, latency] : m_latency) {
        const std::string label = "endpoint=\"" + endpoint + "\"";
        for (std::size_t i = 0; i < k_buckets_ms.size(); ++i)
            out << "findings_request_duration_seconds_bucket{" << label << ",le=\"" << k_buckets_ms[i] / 1000 << "\"} "
                << latency.bucket_counts[i] << "\n";
        out << "findings_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} " << latency.count << "\n"
            << "findings_request_duration_seconds_sum{" << label << "} " << latency.sum_ms / 1000 << "\n"
            << "findings_request_duration_seconds_count{" << label << "} " << latency.count << "\n";
    }
    out << "# HELP findings_index_documents Paragraphs in the index being served.\n"
        << "# TYPE findings_index_documents gauge\n"
        << "findings_index_documents " << m_documents << "\n"
        << "# HELP findings_index_revision Revision of the index being served.\n"
        << "# TYPE findings_index_revision gauge\n"
        << "findings_index_revision " << m_revision << "\n";
    return out.str();
}

}  // namespace findings
