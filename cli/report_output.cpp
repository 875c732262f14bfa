// Printing one report for reading: text, Markdown or the API's JSON.
#include "cli/report_output.h"

#include "core/common/fields.h"
#include "core/common/json_text.h"

#include <vector>

namespace findings {

namespace {

std::string text_of(const nlohmann::json& value)
{
    return value.is_string() ? value.get<std::string>() : std::string();
}

std::string label_of(const char* field_name, const std::string& value)
{
    const Field* field = field_named(field_name);
    return field ? field->label_of(value) : value;
}

// The report's heading lines: title, then "Authority, date, kind", then inspection dates and
// where Ofsted publishes the authority's reports.
void print_heading(std::FILE* out, const nlohmann::json& report, bool markdown)
{
    std::fprintf(out, "%s%s\n\n", markdown ? "# " : "", text_of(report["title"]).c_str());
    std::fprintf(out, "%s, %s, %s (%s)\n", text_of(report["authority"]).c_str(), text_of(report["date"]).c_str(),
                 label_of("kind", text_of(report["kind"])).c_str(), text_of(report["id"]).c_str());
    if (!text_of(report["inspection_dates"]).empty())
        std::fprintf(out, "Inspection dates: %s\n", text_of(report["inspection_dates"]).c_str());
    const std::string published = report.value("ofsted_url", "");
    if (!published.empty())
        std::fprintf(out, "Published by Ofsted: %s\n", published.c_str());
    const nlohmann::json& judgements = report["judgements"];
    if (judgements.is_array() && !judgements.empty()) {
        std::fprintf(out, "\n%s\n", markdown ? "| Judgement | Grade |\n|---|---|" : "Judgements:");
        for (const auto& judgement : judgements) {
            const std::string label = text_of(judgement["label"]);
            const std::string grade = label_of("grade", text_of(judgement["grade"]));
            if (markdown)
                std::fprintf(out, "| %s | %s |\n", label.c_str(), grade.c_str());
            else
                std::fprintf(out, "  %-70s %s\n", label.c_str(), grade.c_str());
        }
    }
}

}  // namespace

std::optional<ReportFormat> report_format_named(const std::string& name)
{
    if (name == "text" || name == "table") return ReportFormat::text;
    if (name == "markdown") return ReportFormat::markdown;
    if (name == "json") return ReportFormat::json;
    return std::nullopt;
}

void print_report(std::FILE* out, const nlohmann::json& report, ReportFormat format)
{
    if (format == ReportFormat::json) {
        std::fprintf(out, "%s\n", json_text(report, 2).c_str());
        return;
    }
    const bool markdown = format == ReportFormat::markdown;
    print_heading(out, report["report"], markdown);
    std::vector<std::string> section;
    for (const auto& paragraph : report["paragraphs"]) {
        const std::vector<std::string> now = paragraph.value("section", std::vector<std::string>{});
        if (now != section && !now.empty()) {  // a heading where the path changes: its innermost part
            std::fprintf(out, "\n%s%s\n", markdown ? "## " : "", now.back().c_str());
            if (!markdown)
                std::fprintf(out, "%s\n", std::string(now.back().size(), '-').c_str());
        }
        section = now;
        std::fprintf(out, "\n%d. %s\n", paragraph.value("position", 0),
                     text_of(paragraph["text"]).c_str());
    }
}

}  // namespace findings
