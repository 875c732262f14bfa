// GET /api/export: a search's matches as a file to download, CSV, NDJSON or a JSON array, with
// the same columns as `findings --format csv|ndjson` (result_rows.h), links included.
#pragma once

#include "core/query/search.h"
#include "core/query/search_params.h"

#include <string>
#include <vector>

namespace findings {

// The most matches one export holds: a spreadsheet's worth, built in memory; the command line
// exports every match (findings --all).
constexpr std::size_t k_max_export_rows = 10000;

enum class ExportFormat { csv, ndjson, json };

struct ExportRequest {
    SearchRequest search;
    ExportFormat format = ExportFormat::csv;
    std::vector<std::string> columns;  // empty: the default ones
};

// The file name extension and the content type of a format.
const char* extension_of(ExportFormat format);
const char* content_type_of(ExportFormat format);

// Reads an export from the search's parameters plus format (csv, the default, ndjson or json) and
// fields (a comma-separated choice of columns). Throws Error(bad_request) for page, per_page or
// facets (an export has every match), a format or column that does not exist.
ExportRequest export_request_from_params(QueryParams params);

struct ExportFile {
    std::string body;
    std::size_t rows = 0;
    std::size_t total = 0;  // the search's matches; more than rows when the export was cut
};

// Writes the first k_max_export_rows matches; their url column links to the page at page_base.
ExportFile write_export(Searcher& searcher, const ExportRequest& request, const std::string& page_base);

}  // namespace findings
