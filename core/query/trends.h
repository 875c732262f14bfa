// A query over time: for each year, the paragraphs that match and the paragraphs there were
// (that pass the same filters, whatever their words), so that shares compare years of many
// reports with years of few; split by finding type and, on request, by another facet. Counted
// over the match sets and facet columns that search keeps: no document is read.
#pragma once

#include "core/common/analyser.h"
#include "core/query/search_model.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace findings {

struct TrendYear {
    int year = 0;
    std::size_t matches = 0;                      // paragraphs of the year that match
    std::size_t paragraphs = 0;                   // paragraphs of the year that pass the filters
    std::map<std::string, std::size_t> by_type;   // matches by finding type
    std::map<std::string, std::size_t> by_split;  // matches by the split facet's values
};

struct Trend {
    std::string query;
    QueryReading reading;
    std::size_t total = 0;    // matching paragraphs, every year
    std::string split;        // the facet matches are also split by, or ""
    std::vector<TrendYear> years;  // every year from the first to the last with paragraphs
};

// Returns the trend of the request's matches (its paging, order and collapse do not apply).
// split names a facet other than year and finding_type, or is "". Throws Error(bad_request)
// for a split that is no such facet, as search does for a bad request.
Trend query_trend(Xapian::Database& db, const Analyser& analyser, const SearchRequest& request,
                  const std::string& split);

// Returns {query, interpreted, total, split, years: [{year, matches, paragraphs, share,
// finding_type: {...}, <split>: {...}}]}; share is null for a year without paragraphs.
nlohmann::json trend_json(const Trend& trend);

// Reads trend_json's shape back (for `findings --server`); throws nlohmann::json::exception
// when the JSON does not have that shape.
Trend trend_from_json(const nlohmann::json& json);

// Returns year,matches,paragraphs,share, then a column per finding type and per split value
// (RFC 4180, CRLF), share as a fraction with 4 decimals.
std::string trend_csv(const Trend& trend);

}  // namespace findings
