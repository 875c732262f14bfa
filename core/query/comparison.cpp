// One query over two sets of filters (see comparison.h).
#include "core/query/comparison.h"

#include "core/common/error.h"
#include "core/query/search_json.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace findings {

namespace {

// A value must be seen this often on the side where it is commoner to stand out.
constexpr std::size_t k_fewest_to_stand_out = 5;
// And be at least this many times as common there, as a share of the side's matches.
constexpr double k_standing_out = 2.0;
// The facets whose differences a comparison looks for.
const char* const k_compared_facets[] = {"finding_type", "polarity", "grade"};

std::map<std::string, std::size_t> counts_of(const ComparisonSide& side, const std::string& facet)
{
    const auto found = side.facets.find(facet);
    return found == side.facets.end() ? std::map<std::string, std::size_t>{} : counts_among_matches(found->second);
}

nlohmann::json side_json(const ComparisonSide& side)
{
    const std::string link = search_link_query(side.request);
    return {{"filters", side.filters},
            {"total", side.total},
            {"paragraphs", side.paragraphs},
            {"share", side.paragraphs ? nlohmann::json(static_cast<double>(side.total) / side.paragraphs) : nlohmann::json(nullptr)},
            {"facets", facets_json(side.facets)},
            {"top", hits_json(side.top)},
            {"links", {{"page", "/?" + link}, {"api", "/api/search?" + link}}}};
}

}  // namespace

SearchRequest side_request(const SearchRequest& base, const std::string& filters)
{
    const SearchRequest side = filters_from_params(params_from_text(filters), {});
    SearchRequest request = base;
    for (const auto& [name, values] : side.filters)
        request.filters[name] = values;
    if (side.year_from || side.year_to) {
        request.year_from = side.year_from;
        request.year_to = side.year_to;
    }
    return request;
}

std::vector<Difference> differences_between(const ComparisonSide& a, const ComparisonSide& b)
{
    std::vector<Difference> differences;
    if (a.total == 0 || b.total == 0)
        return differences;
    for (const char* facet : k_compared_facets) {
        const auto in_a = counts_of(a, facet), in_b = counts_of(b, facet);
        std::map<std::string, std::pair<std::size_t, std::size_t>> both;
        for (const auto& [value, count] : in_a)
            both[value].first = count;
        for (const auto& [value, count] : in_b)
            both[value].second = count;
        for (const auto& [value, counts] : both) {
            const double a_share = static_cast<double>(counts.first) / a.total;
            const double b_share = static_cast<double>(counts.second) / b.total;
            const bool a_more = a_share >= k_standing_out * b_share && counts.first >= k_fewest_to_stand_out;
            const bool b_more = b_share >= k_standing_out * a_share && counts.second >= k_fewest_to_stand_out;
            if (a_more || b_more)
                differences.push_back({facet, value, counts.first, counts.second, a_share, b_share});
        }
    }
    std::sort(differences.begin(), differences.end(), [](const Difference& x, const Difference& y) {
        return std::abs(x.a_share - x.b_share) > std::abs(y.a_share - y.b_share);
    });
    return differences;
}

nlohmann::json comparison_json(const Comparison& comparison)
{
    nlohmann::json differences = nlohmann::json::array();
    for (const auto& difference : comparison.differences)
        differences.push_back({{"facet", difference.facet}, {"value", difference.value}, {"a", difference.a},
                               {"b", difference.b}, {"a_share", difference.a_share}, {"b_share", difference.b_share}});
    return {{"query", comparison.query},
            {"a", side_json(comparison.a)},
            {"b", side_json(comparison.b)},
            {"differences", differences}};
}

}  // namespace findings
