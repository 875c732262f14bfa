// Printing one report for reading: as text, Markdown or the API's JSON (`findings report ID`).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>
#include <string>

namespace findings {

enum class ReportFormat { text, markdown, json };

// Reads "text", "markdown" or "json".
std::optional<ReportFormat> report_format_named(const std::string& name);

// Prints a report as lookup_report returns it: its title, authority, date and kind, its
// judgements with their grades in words, then its paragraphs in order under their headings,
// each numbered as the API numbers it.
void print_report(std::FILE* out, const nlohmann::json& report, ReportFormat format);

}  // namespace findings
