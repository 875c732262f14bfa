// A search result as a row of an export, the same whichever program writes it: the command
// line's csv and ndjson and searchd's /api/export. A row can carry two links: url, the
// paragraph on the search page (for citing), and ofsted_url, where Ofsted publishes the
// authority's reports (for following a citation to the original).
#pragma once

#include "core/query/search_model.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace findings {

// Every column a row can have, the default ones first.
const std::vector<std::string>& row_columns();

// The columns of a csv row unless others are chosen: the result's identity, every field of the
// table of fields, then the date, section, title, score, links and text.
const std::vector<std::string>& default_row_columns();

// Reads a comma-separated choice of columns ("id,authority,url"); "" chooses none (the
// default ones). Throws Error(bad_request) naming the columns for one that is none.
std::vector<std::string> row_columns_named(const std::string& list);

// Returns the link to a paragraph on the search page served at page_base
// ("http://127.0.0.1:8080/?report=ID&hit=N").
std::string paragraph_url(const std::string& page_base, const SearchHit& hit);

// Returns a result as an ndjson row: the API's result with its links when columns is empty,
// else the columns chosen, in their order.
nlohmann::json row_json(const SearchHit& hit, const std::vector<std::string>& columns, const std::string& page_base);

// Returns the csv header of the columns (the default ones when columns is empty), CRLF-ended.
std::string row_csv_header(const std::vector<std::string>& columns);

// Returns a result's values of the columns (the default ones when columns is empty) as text:
// the section's headings joined by " > ", numbers as written.
std::vector<std::string> row_values(const SearchHit& hit, const std::vector<std::string>& columns,
                                    const std::string& page_base);

// Returns whether rows of these columns (none: the default ones) show a snippet, which an
// export then has to make for every row.
bool rows_need_snippet(const std::vector<std::string>& columns);

// Returns a result as a csv row of the columns (the default ones when columns is empty):
// the section's headings joined by " > ", numbers as written, CRLF-ended.
std::string row_csv(const SearchHit& hit, const std::vector<std::string>& columns, const std::string& page_base);

}  // namespace findings
