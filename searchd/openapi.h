// The OpenAPI document searchd serves: openapi.json, with what the table of fields knows
// (the filter parameters of /api/search, the fields of results and reports, the facets)
// written in from core/common/fields.h, so the document cannot miss a field.
#pragma once

#include <nlohmann/json.hpp>

namespace findings {

// Returns the whole document.
nlohmann::json openapi_document();

}  // namespace findings
