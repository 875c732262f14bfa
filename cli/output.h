// Printing search results for researchers: a readable table, JSON, NDJSON or CSV.
#pragma once

#include "core/query/judgement_table.h"
#include "core/query/authority_timeline.h"
#include "core/query/comparison.h"
#include "core/query/search_model.h"
#include "core/query/trends.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace findings {

enum class OutputFormat { table, json, ndjson, csv };

// Reads "table", "json", "ndjson" or "csv".
std::optional<OutputFormat> output_format_named(const std::string& name);

struct TableStyle {
    bool colour = false;  // highlight matches with terminal colours
    std::size_t width = 100;
};

// Prints a page of results in the given format (for json: the API's whole shape; csv and
// ndjson rows have the columns chosen, or the default ones when columns is empty: see
// result_rows.h; their url links to the page at page_base).
void print_results(std::FILE* out, const SearchResult& result, OutputFormat format, const TableStyle& style,
                   const std::vector<std::string>& columns, const std::string& page_base);

// Prints one match as a row, for streaming exports (ndjson and csv; csv_header before the first).
void print_csv_header(std::FILE* out, const std::vector<std::string>& columns);
void print_streamed_hit(std::FILE* out, const SearchHit& hit, OutputFormat format, const std::vector<std::string>& columns,
                        const std::string& page_base);

// Prints two sides of a comparison: a table of their totals, shares and differences with each
// side's best findings; JSON (the API's shape); CSV (measure, a, b); NDJSON (a side a line).
void print_comparison(std::FILE* out, const Comparison& comparison, OutputFormat format);

// Prints a paragraph and those like it elsewhere: the paragraph, then the results as a search's
// (table, csv and ndjson rows); json: the API's shape.
void print_similar(std::FILE* out, const SimilarResult& similar, OutputFormat format, const TableStyle& style,
                   const std::vector<std::string>& columns, const std::string& page_base);

// Prints an authority's timeline: a line an inspection with its grades and findings by type,
// its best matches beneath it (table); JSON (the API's shape); NDJSON (an inspection a line);
// CSV (id, date, kind, overall, matches and a column per finding type).
void print_timeline(std::FILE* out, const AuthorityTimeline& timeline, OutputFormat format, const TableStyle& style);

// Prints a trend: a table of years with their shares drawn as bars, JSON (the API's shape),
// NDJSON (a year a line) or CSV (trend_csv).
void print_trend(std::FILE* out, const Trend& trend, OutputFormat format);

// Prints the reports list: a table for people, or as the API gives it (JSON: {total, ...,
// reports}; NDJSON: a record a line; CSV: report_list_columns).
void print_report_list(std::FILE* out, const std::vector<nlohmann::json>& reports, OutputFormat format);

// Prints the grade history: a table for people, or the rows as JSON ({total, judgements}),
// NDJSON (a row per line) or CSV (with a header).
void print_judgements(std::FILE* out, const std::vector<JudgementRow>& rows, OutputFormat format);

// Prints how the query was read.
void print_explanation(std::FILE* out, const SearchResult& result);

// Prints what a person should know about a search, one "findings: ..." line each: the
// corrections searched, a correction not searched (suggestion), and the reading's notes.
void print_notes(std::FILE* out, const QueryReading& reading, const std::string& suggestion);

// Prints the facet counts: a list (table), facet,value,count rows (csv), an object per line
// (ndjson); nothing for json, whose results carry them.
void print_facets(std::FILE* out, const SearchResult& result, OutputFormat format);

}  // namespace findings
