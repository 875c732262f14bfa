// The JSON shape of search results (PRODUCT.md's API), shared by the command line and searchd.
#pragma once

#include "core/query/search_model.h"

#include <nlohmann/json.hpp>

namespace findings {

// Returns one result as JSON: {id, report_id, rank, score, authority, year, ...}.
nlohmann::json hit_json(const SearchHit& hit);

// Returns a whole search result: {query, interpreted, total, took_ms, results, facets, suggestion}.
nlohmann::json result_json(const SearchResult& result);

// Reads result_json's shape back (for `findings --server`); throws nlohmann::json::exception
// when the JSON does not have that shape.
SearchResult result_from_json(const nlohmann::json& json);

}  // namespace findings
