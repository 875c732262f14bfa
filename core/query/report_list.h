// The reports list: every report in the index that passes report filters (report_filter.h),
// newest first, as records with where Ofsted publishes them; for browsing what the index
// holds and for scripts that fetch reports one by one.
#pragma once

#include "core/query/search_model.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <string>
#include <vector>

namespace findings {

// Returns the records of the reports that pass the request's filters (a report passes the
// judgement and grade filters when one of its judgements does), newest first, then by
// authority and id. Throws Error(bad_request) as ReportFilter does.
std::vector<nlohmann::json> list_reports(const Xapian::Database& db, const SearchRequest& request);

// The most reports a page of the list holds.
constexpr int k_max_reports_per_page = 1000;

// The columns of the list as CSV, in order.
const std::vector<std::string>& report_list_columns();

// Returns {"total", "page", "per_page", "pages", "reports": [the page's records]}.
nlohmann::json report_list_json(const std::vector<nlohmann::json>& reports, int page, int per_page);

// Returns the list as CSV with a header row (RFC 4180, CRLF), one row a report.
std::string report_list_csv(const std::vector<nlohmann::json>& reports);

// Returns one report's values of report_list_columns(), as text.
std::vector<std::string> report_list_row(const nlohmann::json& report);

}  // namespace findings
