// Side by side: one query over two sets of filters (two authorities, two periods, two regions,
// two authority types), each side's total, the paragraphs there were, the share, facet counts
// and best findings, and the differences that stand out: a finding type, polarity or grade
// much more common among one side's matches. Built from searches with any searcher.
#pragma once

#include "core/query/search_model.h"
#include "core/query/search_params.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace findings {

// How many of each side's best findings a comparison shows.
constexpr std::size_t k_comparison_top = 5;

struct ComparisonSide {
    std::string filters;        // as written: "authority=Croydon&year_from=2015"
    SearchRequest request;      // the query with these filters
    std::size_t total = 0;      // matching paragraphs
    std::size_t paragraphs = 0; // paragraphs that pass the filters, whatever their words
    std::map<std::string, std::vector<FacetCount>> facets;
    std::vector<SearchHit> top;
};

struct Difference {
    std::string facet;
    std::string value;
    std::size_t a = 0, b = 0;  // matches with the value on each side
    double a_share = 0, b_share = 0;  // of each side's matches
};

struct Comparison {
    std::string query;
    ComparisonSide a, b;
    std::vector<Difference> differences;  // the largest first
};

// Returns the request with one side's filters (filters_from_params' parameters, written as a
// URL's query) in place of its own for the same fields. Throws Error(bad_request).
SearchRequest side_request(const SearchRequest& base, const std::string& filters);

// Returns the differences between two sides' matches by finding type, polarity and grade that
// stand out: a value at least twice as common (as a share of the matches) on one side, seen in
// at least 5 matches there.
std::vector<Difference> differences_between(const ComparisonSide& a, const ComparisonSide& b);

// Returns one side: its search's total, facets and best findings, and the paragraphs that pass
// its filters, from its trend.
template <typename Searcher>
ComparisonSide compare_side(Searcher& searcher, const SearchRequest& base, const std::string& filters)
{
    ComparisonSide side;
    side.filters = filters;
    side.request = side_request(base, filters);
    side.request.fall_back = false;  // both sides count paragraphs with every word: comparable
    side.request.per_page = k_comparison_top;
    side.request.page = 1;
    side.request.facets = true;
    side.request.facet_names.clear();
    const SearchResult found = searcher.search(side.request);
    side.total = found.total;
    side.facets = found.facets;
    side.top = found.hits;
    // The paragraphs that pass every filter, those the words name ("in London") included.
    for (const auto& year : searcher.trend(side.request, "").years)
        side.paragraphs += year.paragraphs;
    return side;
}

// Compares the request's matches under filters a and under filters b.
template <typename Searcher>
Comparison compare(Searcher& searcher, const SearchRequest& base, const std::string& a, const std::string& b)
{
    Comparison comparison;
    comparison.query = base.query;
    comparison.a = compare_side(searcher, base, a);
    comparison.b = compare_side(searcher, base, b);
    comparison.differences = differences_between(comparison.a, comparison.b);
    return comparison;
}

// Returns {query, a: {filters, total, paragraphs, share, facets, top, links: {page, api}}, b: ...,
// differences: [{facet, value, a, b, a_share, b_share}]}.
nlohmann::json comparison_json(const Comparison& comparison);

}  // namespace findings
