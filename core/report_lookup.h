// Reading one report back from the index: its record and all its paragraphs in order.
#pragma once

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <string>

namespace findings {

// Returns {report: {id, title, authority, date, kind, judgements, ...}, paragraphs: [...]} with
// the paragraphs in report order. Throws Error(not_found) for an unknown id.
nlohmann::json lookup_report(const Xapian::Database& db, const std::string& report_id);

// Returns the number of reports in the index.
std::size_t count_reports(const Xapian::Database& db);

}  // namespace findings
