// searchd's metrics: requests by endpoint and status, a latency histogram by endpoint, and the index's
// size and revision, as Prometheus text.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace findings {

class Metrics {
public:
    // Records one finished request.
    void record(const std::string& endpoint, int status, double milliseconds);

    // Notes the index's current size and revision.
    void set_index(std::uint64_t documents, std::uint64_t revision);

    // Returns everything in the Prometheus text exposition format.
    std::string prometheus_text() const;

private:
    static constexpr std::array<double, 10> k_buckets_ms = {1, 2, 5, 10, 25, 50, 100, 250, 1000, 5000};
    mutable std::mutex m_mutex;
    struct Latency {
        std::array<std::uint64_t, k_buckets_ms.size()> bucket_counts{};
        std::uint64_t count = 0;
        double sum_ms = 0;
    };
    std::map<std::pair<std::string, int>, std::uint64_t> m_requests;
    std::map<std::string, Latency> m_latency;  // by endpoint
    std::uint64_t m_documents = 0;
    std::uint64_t m_revision = 0;
};

}  // namespace findings
