// insight_bench: latency of the capabilities across reports over a query set, each beside the
// search it builds on: a trend, a comparison of two periods, and, for each query's best match,
// similar findings and its authority's timeline for the query. Printed as JSON.
#include "bench/bench_stats.h"
#include "core/query/authority_timeline.h"
#include "core/query/comparison.h"
#include "core/query/search.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

using findings::bench::read_queries;
using findings::bench::summary;

namespace {

// Returns the milliseconds run takes.
template <typename Run>
double timed(Run&& run)
{
    const auto started = std::chrono::steady_clock::now();
    run();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "Usage: insight_bench INDEX QUERIES.tsv [ROUNDS]\n"
                             "Times, for every query, ROUNDS times (default 3) after one warm-up round: the\n"
                             "search, its trend, a comparison of two periods, and similar findings and\n"
                             "its authority's timeline for its best match; prints JSON.\n");
        return 2;
    }
    const auto queries = read_queries(argv[2]);
    const int rounds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
    findings::Searcher searcher(argv[1]);
    std::map<std::string, std::vector<double>> ms;
    for (int round = -1; round < rounds; ++round) {
        for (const auto& [query_class, query] : queries) {
            findings::SearchRequest request;
            request.query = query;
            findings::SearchResult result;
            const double search = timed([&] { result = searcher.search(request); });
            const double trend = timed([&] { searcher.trend(request); });
            const double compare = timed([&] { findings::compare(searcher, request, "year_to=2017", "year_from=2021"); });
            if (round < 0)
                continue;  // the warm-up: each query meets its terms for the first time
            ms["search"].push_back(search);
            ms["trend"].push_back(trend);
            ms["compare"].push_back(compare);
            if (!result.hits.empty()) {
                findings::SearchRequest filters;
                ms["similar"].push_back(timed([&] { searcher.similar(result.hits.front().id, filters); }));
                const std::string authority = result.hits.front().field("authority");
                ms["timeline"].push_back(timed([&] { findings::authority_timeline(searcher, authority, request); }));
            }
        }
    }
    nlohmann::json report = {{"queries", queries.size()}, {"rounds", rounds}, {"documents", searcher.database().get_doccount()}};
    for (const auto& [name, values] : ms)
        report[name + "_ms"] = summary(values);
    std::printf("%s\n", report.dump(2).c_str());
    return 0;
}
