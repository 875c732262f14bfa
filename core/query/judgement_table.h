// The grade history: one row per report and judgement (authority, report, kind, dates, key,
// label, grade), the table researchers otherwise build by hand, filtered as searches are.
#pragma once

#include "core/query/search_model.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <string>
#include <vector>

namespace findings {

struct JudgementRow {
    std::string authority;
    std::string region;
    std::string authority_type;
    std::string report_id;
    std::string kind;
    std::string inspection_dates;
    std::string date;  // publication or letter date, YYYY-MM-DD
    std::string key;   // judgement_vocabulary.h
    std::string label;
    std::string grade;
};

// Returns the rows of every report in the index that passes the request's filters, by
// authority, then date, then the vocabulary's order. The filters that apply: authority,
// region, authority_type, kind and the year range (of the report), overall (the report's
// overall grade), judgement (KEY or KEY=GRADE: that judgement's rows) and grade (the row's
// grade). Throws Error(bad_request) for a query, a filter that does not apply to judgements
// (finding type, timescale) or a value that names nothing.
std::vector<JudgementRow> judgement_table(const Xapian::Database& db, const SearchRequest& request);

// The column names of the table, in order (the CSV header and the JSON objects' keys).
const std::vector<std::string>& judgement_columns();

// Returns {"total": N, "judgements": [{authority, ..., grade}, ...]}.
nlohmann::json judgement_table_json(const std::vector<JudgementRow>& rows);

// Reads one row of judgement_table_json back; throws nlohmann::json::exception when a column is
// missing or not a string.
JudgementRow judgement_row_from_json(const nlohmann::json& row);

// Returns the table as CSV with a header row (RFC 4180, CRLF).
std::string judgement_table_csv(const std::vector<JudgementRow>& rows);

}  // namespace findings
