// GET /api/export's files (see export.h).
#include "searchd/export.h"

#include "core/common/error.h"
#include "core/common/json_text.h"
#include "core/query/result_rows.h"

namespace findings {

const char* extension_of(ExportFormat format)
{
    return format == ExportFormat::csv ? "csv" : format == ExportFormat::ndjson ? "ndjson" : "json";
}

const char* content_type_of(ExportFormat format)
{
    return format == ExportFormat::csv      ? "text/csv; charset=utf-8"
           : format == ExportFormat::ndjson ? "application/x-ndjson"
                                            : "application/json";
}

ExportRequest export_request_from_params(QueryParams params)
{
    ExportRequest request;
    const std::string format = take_format(params, {"csv", "ndjson", "json"});
    request.format = format == "ndjson" ? ExportFormat::ndjson : format == "json" ? ExportFormat::json : ExportFormat::csv;
    try {
        request.columns = row_columns_named(take_param(params, "fields"));
    } catch (const Error& error) {
        throw Error(ErrorCode::bad_request, std::string("fields: ") + error.what());
    }
    for (const char* paging : {"page", "per_page", "facets"}) {
        if (params.count(paging))
            throw Error(ErrorCode::bad_request, std::string("an export holds every match (the first ") +
                                                    std::to_string(k_max_export_rows) + "): leave out " + paging);
    }
    request.search = request_from_params(params);
    request.search.per_page = 0;  // the total alone, for the count
    request.search.facets = false;
    return request;
}

ExportFile write_export(Searcher& searcher, const ExportRequest& request, const std::string& page_base)
{
    ExportFile file;
    file.total = searcher.search(request.search).total;
    if (request.format == ExportFormat::csv)
        file.body = row_csv_header(request.columns);
    else if (request.format == ExportFormat::json)
        file.body = "[";
    SearchRequest rows = request.search;
    rows.snippets = rows_need_snippet(request.columns);
    file.rows = searcher.for_each_match(
        rows,
        [&](const SearchHit& hit) {
            if (request.format == ExportFormat::csv)
                file.body += row_csv(hit, request.columns, page_base);
            else if (request.format == ExportFormat::ndjson)
                file.body += json_text(row_json(hit, request.columns, page_base)) + "\n";
            else
                file.body += (file.body.size() > 1 ? ",\n" : "\n") + json_text(row_json(hit, request.columns, page_base));
        },
        nullptr, k_max_export_rows);
    if (request.format == ExportFormat::json)
        file.body += "\n]\n";
    return file;
}

}  // namespace findings
