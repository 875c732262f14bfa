// A search request as HTTP query parameters, both ways: searchd reads them, and
// `findings --server` writes them.
#pragma once

#include "core/query/search_model.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace findings {

using QueryParams = std::multimap<std::string, std::string>;

// Returns the name of every /api/search parameter: q, each field's (fields.h; a year range
// as year_from and year_to), page, per_page, sort, collapse, literal, facets.
std::vector<std::string> search_parameter_names();

// Reads a facets= value into request: "1", "true" or nothing counts every facet, "0" or
// "false" none, and a list of facet names ("authority,year") those. Throws Error(bad_request)
// naming the facets for a name that is none.
void read_facets(const std::string& value, SearchRequest& request);

// Returns text with every byte but letters, digits and -._~ percent-encoded, for a URL's query.
std::string percent_encoded(const std::string& text);

// Reads parameters written as a URL's query ("authority=Croydon&year_from=2015"), their names
// and values percent-decoded ('+' is a space).
QueryParams params_from_text(const std::string& text);

// Returns the parameters as a URL's query, percent-encoded: q and the filters of request, for
// a link to the same search (its page, order and the rest left at their defaults).
std::string search_link_query(const SearchRequest& request);

// Removes the parameter name, given at most once, from params and returns its value ("" when
// absent): for the parameters an endpoint reads besides a search's. Throws Error(bad_request)
// when it is given twice.
std::string take_param(QueryParams& params, const std::string& name);

// Removes the format parameter from params and returns it: formats[0] when absent. Throws
// Error(bad_request) naming the formats for another or for one given twice.
std::string take_format(QueryParams& params, const std::vector<std::string>& formats);

// Reads the whole number parameter name, fallback when absent. Throws Error(bad_request) for
// one given twice, not a number or outside low..high, saying the range.
long number_value(const QueryParams& params, const std::string& name, long fallback, long low, long high);

// Reads a request from /api/search parameters (search_parameter_names). Repeated parameters select
// several values. Throws Error(bad_request) naming the parameter that is wrong.
SearchRequest request_from_params(const QueryParams& params);

// Returns the parameters that request_from_params reads back into the same request.
std::vector<std::pair<std::string, std::string>> request_to_params(const SearchRequest& request);

// Throws Error(bad_request) when the request's years run backwards (year_from after year_to).
void check_year_range(const SearchRequest& request);

// Returns the parameters of the request's filters and year range alone (for /api/judgements).
std::vector<std::pair<std::string, std::string>> filters_to_params(const SearchRequest& request);

// Reads the filters and year range of a request from parameters that may hold nothing else
// (/api/judgements), but for those named in also_allowed. Throws Error(bad_request).
SearchRequest filters_from_params(const QueryParams& params, const std::vector<std::string>& also_allowed);

}  // namespace findings
