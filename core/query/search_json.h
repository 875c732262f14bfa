// The JSON shape of search results (PRODUCT.md's API), shared by the command line and searchd.
#pragma once

#include "core/common/fields.h"
#include "core/query/search_model.h"

#include <nlohmann/json.hpp>

namespace findings {

// Reads the fields of the table of fields (fields.h) from a JSON object, a paragraph record
// or a result as hit_json writes it, into hit.fields.
void read_fields(const nlohmann::json& object, SearchHit& hit);

// Returns one result as JSON: {id, report_id, rank, score, date, section, position,
// report_title, snippet, text} and every field of the table of fields.
nlohmann::json hit_json(const SearchHit& hit);

// Returns a shown field's value as hit_json writes it: a number for a numeric field (0 for none).
nlohmann::json field_json(const Field& field, const std::string& value);

// Returns the number of pages of a result (at most k_max_page; 0 when per_page is 0).
std::size_t page_count(const SearchResult& result);

// Returns results as an array of hit_json.
nlohmann::json hits_json(const std::vector<SearchHit>& hits);

// Returns facet counts: {facet: [{value, count, selected (when true)}]}.
nlohmann::json facets_json(const std::map<std::string, std::vector<FacetCount>>& facets);

// Returns how a query was read: {text, cues, filters, synonyms, fallback, corrections,
// corrected_query, notes}.
nlohmann::json reading_json(const QueryReading& reading);

// Reads reading_json's shape back; throws nlohmann::json::exception when it is not that.
QueryReading reading_from_json(const nlohmann::json& json);

// Returns a whole search result: {query, interpreted, total, page, per_page, pages, took_ms,
// results, facets, suggestion}.
nlohmann::json result_json(const SearchResult& result);

// Returns the table of fields as clients need it (GET /api/schema): {fields: [{name, label,
// parameter, query_prefix, filter, facet, level, values: [{value, label}]}]}.
nlohmann::json fields_json();

// Returns a paragraph and those like it: {paragraph, terms, results}.
nlohmann::json similar_json(const SimilarResult& similar);

// Reads hit_json's and similar_json's shapes back (for `findings --server`); throw
// nlohmann::json::exception when the JSON does not have that shape.
SearchHit hit_from_json(const nlohmann::json& item);
SimilarResult similar_from_json(const nlohmann::json& json);

// Reads result_json's shape back (for `findings --server`); throws nlohmann::json::exception
// when the JSON does not have that shape.
SearchResult result_from_json(const nlohmann::json& json);

}  // namespace findings
