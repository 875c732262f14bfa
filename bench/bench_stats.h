// What the benchmarks share: percentiles of latencies, and the query set's file.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace findings::bench {

inline double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t index = std::min(values.size() - 1, static_cast<std::size_t>(fraction * values.size()));
    return values[index];
}

// Returns {p50, p95, p99, max, mean} of latencies in milliseconds.
inline nlohmann::json summary(const std::vector<double>& values)
{
    double sum = 0;
    for (double value : values)
        sum += value;
    return {{"p50", percentile(values, 0.50)}, {"p95", percentile(values, 0.95)}, {"p99", percentile(values, 0.99)},
            {"max", percentile(values, 1.0)}, {"mean", values.empty() ? 0 : sum / values.size()}};
}

// Reads a query set: a query a line, after its class and a tab.
inline std::vector<std::pair<std::string, std::string>> read_queries(const std::string& path)
{
    std::ifstream in(path);
    std::vector<std::pair<std::string, std::string>> queries;
    std::string line;
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos)
            queries.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    return queries;
}

}  // namespace findings::bench
