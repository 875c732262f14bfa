// query_bench: latency of full searches (top 10, snippets, exact total and facets) over a
// fixed query set, overall, by query class and by component, printed as JSON.
#include "bench/bench_stats.h"
#include "core/query/search.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

using findings::bench::read_queries;
using findings::bench::summary;

namespace {

struct Sample {
    std::string query_class;
    std::string query;
    double total_ms = 0;
    findings::SearchTimings timings;
    std::size_t matches = 0;
};

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "Usage: query_bench INDEX QUERIES.tsv [ROUNDS]\n"
                             "Runs every query ROUNDS times (default 3) after one warm-up round, which is\n"
                             "reported apart (first_pass_ms); prints JSON.\n");
        return 2;
    }
    const auto queries = read_queries(argv[2]);
    const int rounds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
    findings::Searcher searcher(argv[1]);
    std::vector<Sample> samples;
    // The warm-up round is reported too: its first query loads the revision's columns and
    // order, and every query meets its terms for the first time (nothing kept yet).
    std::vector<double> first_pass;
    for (int round = -1; round < rounds; ++round) {
        for (const auto& [query_class, query] : queries) {
            findings::SearchRequest request;
            request.query = query;
            const auto started = std::chrono::steady_clock::now();
            const findings::SearchResult result = searcher.search(request);
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            if (round >= 0)
                samples.push_back({query_class, query, ms, result.timings, result.total});
            else
                first_pass.push_back(ms);
        }
    }
    std::map<std::string, std::vector<double>> by_class;
    std::vector<double> totals, parse, match, facets, snippets;
    for (const auto& sample : samples) {
        totals.push_back(sample.total_ms);
        by_class[sample.query_class].push_back(sample.total_ms);
        parse.push_back(sample.timings.parse_ms);
        match.push_back(sample.timings.match_ms);
        facets.push_back(sample.timings.facets_ms);
        snippets.push_back(sample.timings.snippets_ms);
    }
    nlohmann::json classes;
    for (const auto& [name, values] : by_class)
        classes[name] = summary(values);
    std::vector<Sample> slowest = samples;
    std::sort(slowest.begin(), slowest.end(), [](const Sample& a, const Sample& b) { return a.total_ms > b.total_ms; });
    nlohmann::json worst = nlohmann::json::array();
    for (std::size_t i = 0; i < std::min<std::size_t>(5, slowest.size()); ++i)
        worst.push_back({{"query", slowest[i].query}, {"ms", slowest[i].total_ms}, {"matches", slowest[i].matches}});
    const nlohmann::json report = {
        {"queries", queries.size()},
        {"rounds", rounds},
        {"documents", searcher.database().get_doccount()},
        {"total_ms", summary(totals)},
        {"first_query_ms", first_pass.front()},
        {"first_pass_ms", summary({first_pass.begin() + 1, first_pass.end()})},
        {"components_ms", {{"parse", summary(parse)}, {"match", summary(match)}, {"facets", summary(facets)}, {"snippets", summary(snippets)}}},
        {"by_class_ms", classes},
        {"slowest", worst},
    };
    std::printf("%s\n", report.dump(2).c_str());
    return 0;
}
