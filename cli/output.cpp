// Printing search results for researchers: a readable table, JSON, NDJSON or CSV.
#include "cli/output.h"

#include "core/common/csv_text.h"
#include "core/common/fields.h"
#include "core/common/json_text.h"
#include "core/query/report_list.h"
#include "core/query/result_rows.h"
#include "core/query/search_json.h"

#include <algorithm>
#include <regex>
#include <set>

namespace findings {

namespace {

std::string unescape_html(std::string text)
{
    static const std::pair<const char*, const char*> k_entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    for (const auto& [entity, plain] : k_entities) {
        for (std::size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1))
            text.replace(at, std::char_traits<char>::length(entity), plain);
    }
    return text;
}

// Turns the snippet's <mark> highlights into terminal colours (or asterisks without colour).
std::string terminal_snippet(const std::string& snippet, bool colour)
{
    std::string text = snippet;
    const std::string open = colour ? "\x1b[1;33m" : "*";
    const std::string close = colour ? "\x1b[0m" : "*";
    for (std::size_t at = text.find("<mark>"); at != std::string::npos; at = text.find("<mark>", at))
        text.replace(at, 6, open);
    for (std::size_t at = text.find("</mark>"); at != std::string::npos; at = text.find("</mark>", at))
        text.replace(at, 7, close);
    return unescape_html(text);
}

// Returns the characters of UTF-8 text (its bytes that start one).
std::size_t characters_of(const std::string& text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Returns text cut to at most width characters, with "…" where it was cut, never inside one.
std::string cut_to(const std::string& text, std::size_t width)
{
    if (characters_of(text) <= width)
        return text;
    std::size_t kept = 0, at = 0;
    for (; at < text.size(); ++at) {
        if ((text[at] & 0xC0) != 0x80 && ++kept == width)  // the character that "…" replaces
            break;
    }
    return text.substr(0, at) + "…";
}

// Prints the chosen columns as an aligned table, a result a line, prose cut (never a link or
// an id, which must stay whole to be used).
void print_column_table(std::FILE* out, const SearchResult& result, const std::vector<std::string>& columns,
                        const std::string& page_base)
{
    constexpr std::size_t k_widest = 60;
    const auto prose = [](const std::string& column) {
        return column == "text" || column == "snippet" || column == "report_title" || column == "section";
    };
    std::vector<std::vector<std::string>> rows = {columns};
    for (const auto& hit : result.hits)
        rows.push_back(row_values(hit, columns, page_base));
    std::vector<std::size_t> widths(columns.size(), 0);
    for (auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (prose(columns[i]))
                row[i] = cut_to(row[i], k_widest);
            widths[i] = std::max(widths[i], characters_of(row[i]));
        }
    }
    std::fprintf(out, "%zu matches (%.0f ms)\n\n", result.total, result.took_ms);
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size())
                line += std::string(widths[i] - characters_of(row[i]) + 2, ' ');
        }
        std::fprintf(out, "%s\n", line.c_str());
    }
}

void print_table(std::FILE* out, const SearchResult& result, const TableStyle& style)
{
    std::fprintf(out, "%zu matches (%.0f ms)\n", result.total, result.took_ms);
    for (const auto& hit : result.hits) {
        std::string type = hit.field("finding_type");
        if (hit.field("grade") != "ungraded" && !hit.field("grade").empty())
            type += ", " + hit.field("grade");
        std::fprintf(out, "\n%3zu. %s %s  [%s]  %s\n", hit.rank, hit.field("authority").c_str(),
                     hit.field("year").c_str(), type.c_str(), hit.id.c_str());
        std::fprintf(out, "     %s\n", terminal_snippet(hit.snippet, style.colour).c_str());
        if (hit.report_matches > 1)
            std::fprintf(out, "     (%zu matching paragraphs in this report: add report:%s to the query to list them)\n",
                         hit.report_matches, hit.report_id.c_str());
    }
    if (result.total == 0 && !result.interpreted.filters.empty()) {
        std::string filters;
        for (const auto& filter : result.interpreted.filters)
            filters += (filters.empty() ? "" : "; ") + filter;
        std::fprintf(out, "No paragraph passes every filter (%s): drop one, or search the words with --literal.\n",
                     filters.c_str());
    }
}

}  // namespace

std::optional<OutputFormat> output_format_named(const std::string& name)
{
    if (name == "table") return OutputFormat::table;
    if (name == "json") return OutputFormat::json;
    if (name == "ndjson") return OutputFormat::ndjson;
    if (name == "csv") return OutputFormat::csv;
    return std::nullopt;
}

void print_csv_header(std::FILE* out, const std::vector<std::string>& columns)
{
    std::fputs(row_csv_header(columns).c_str(), out);
}

void print_streamed_hit(std::FILE* out, const SearchHit& hit, OutputFormat format, const std::vector<std::string>& columns,
                        const std::string& page_base)
{
    if (format == OutputFormat::ndjson)
        std::fprintf(out, "%s\n", json_text(row_json(hit, columns, page_base)).c_str());
    else
        std::fputs(row_csv(hit, columns, page_base).c_str(), out);
}

void print_comparison(std::FILE* out, const Comparison& comparison, OutputFormat format)
{
    const nlohmann::json json = comparison_json(comparison);
    const auto share = [](const ComparisonSide& side) {
        char text[32] = "-";
        if (side.paragraphs)
            std::snprintf(text, sizeof text, "%.2f%%", 100.0 * side.total / side.paragraphs);
        return std::string(text);
    };
    const auto percent = [](double fraction) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f%%", 100 * fraction);
        return std::string(text);
    };
    switch (format) {
    case OutputFormat::json:
        std::fprintf(out, "%s\n", json_text(json, 2).c_str());
        return;
    case OutputFormat::ndjson:
        std::fprintf(out, "%s\n%s\n", json_text(json["a"]).c_str(), json_text(json["b"]).c_str());
        return;
    case OutputFormat::csv: {
        std::string csv = csv_row({"measure", comparison.a.filters, comparison.b.filters});
        csv += csv_row({"matches", std::to_string(comparison.a.total), std::to_string(comparison.b.total)});
        csv += csv_row({"paragraphs", std::to_string(comparison.a.paragraphs), std::to_string(comparison.b.paragraphs)});
        csv += csv_row({"share", share(comparison.a), share(comparison.b)});
        for (const auto& difference : comparison.differences)
            csv += csv_row({difference.facet + ": " + difference.value, percent(difference.a_share), percent(difference.b_share)});
        std::fputs(csv.c_str(), out);
        return;
    }
    case OutputFormat::table:
        break;
    }
    const auto row = [out](const std::string& label, const std::string& a, const std::string& b) {
        std::fprintf(out, "%-34s %-24s %s\n", label.c_str(), a.c_str(), b.c_str());
    };
    if (!comparison.query.empty())
        std::fprintf(out, "%s\n\n", comparison.query.c_str());
    row("", comparison.a.filters, comparison.b.filters);
    row("matching paragraphs", std::to_string(comparison.a.total), std::to_string(comparison.b.total));
    row("paragraphs that pass the filters", std::to_string(comparison.a.paragraphs), std::to_string(comparison.b.paragraphs));
    row("share", share(comparison.a), share(comparison.b));
    if (!comparison.differences.empty())
        std::fprintf(out, "\nStands out (share of each side's matches):\n");
    for (const auto& difference : comparison.differences)
        row("  " + difference.facet + ": " + difference.value, percent(difference.a_share), percent(difference.b_share));
    for (const ComparisonSide* side : {&comparison.a, &comparison.b}) {
        std::fprintf(out, "\nBest findings, %s:\n", side->filters.c_str());
        for (const auto& hit : side->top)
            std::fprintf(out, "  %s %s  %s\n     %s\n", hit.field("authority").c_str(), hit.field("year").c_str(), hit.id.c_str(),
                         terminal_snippet(hit.snippet, false).c_str());
    }
}

void print_similar(std::FILE* out, const SimilarResult& similar, OutputFormat format, const TableStyle& style,
                   const std::vector<std::string>& columns, const std::string& page_base)
{
    if (format == OutputFormat::json) {
        std::fprintf(out, "%s\n", json_text(similar_json(similar), 2).c_str());
        return;
    }
    SearchResult result;
    result.total = similar.hits.size();
    result.hits = similar.hits;
    if (format == OutputFormat::table) {
        const SearchHit& source = similar.paragraph;
        std::fprintf(out, "Like %s (%s %s):\n     %s\n\n", source.id.c_str(), source.field("authority").c_str(),
                     source.field("year").c_str(), source.text.c_str());
    }
    print_results(out, result, format, style, columns, page_base);
}

void print_timeline(std::FILE* out, const AuthorityTimeline& timeline, OutputFormat format, const TableStyle& style)
{
    const nlohmann::json json = timeline_json(timeline);
    std::set<std::string> types;
    for (const auto& inspection : timeline.inspections) {
        for (const auto& [type, count] : inspection.findings)
            types.insert(type);
    }
    switch (format) {
    case OutputFormat::json:
        std::fprintf(out, "%s\n", json_text(json, 2).c_str());
        return;
    case OutputFormat::ndjson:
        for (const auto& inspection : json["inspections"])
            std::fprintf(out, "%s\n", json_text(inspection).c_str());
        return;
    case OutputFormat::csv: {
        std::vector<std::string> header = {"id", "date", "kind", "overall", "matches"};
        header.insert(header.end(), types.begin(), types.end());
        std::string csv = csv_row(header);
        for (const auto& inspection : timeline.inspections) {
            std::vector<std::string> row = {inspection.report.value("id", ""), inspection.report.value("date", ""),
                                            inspection.report.value("kind", ""), inspection.report.value("overall", ""),
                                            std::to_string(inspection.matches)};
            for (const auto& type : types) {
                const auto found = inspection.findings.find(type);
                row.push_back(std::to_string(found == inspection.findings.end() ? 0 : found->second));
            }
            csv += csv_row(row);
        }
        std::fputs(csv.c_str(), out);
        return;
    }
    case OutputFormat::table:
        break;
    }
    std::fprintf(out, "%s (%s, %s): %zu inspection%s%s%s\n", timeline.authority.c_str(), timeline.region.c_str(),
                 timeline.authority_type.c_str(), timeline.inspections.size(), timeline.inspections.size() == 1 ? "" : "s",
                 timeline.query.empty() ? "" : ", paragraphs matching ", timeline.query.c_str());
    if (!timeline.ofsted_url.empty())
        std::fprintf(out, "Published by Ofsted: %s\n", timeline.ofsted_url.c_str());
    for (const auto& inspection : timeline.inspections) {
        const std::string overall = inspection.report.value("overall", "");
        std::string findings;
        for (const auto& [type, count] : inspection.findings)
            findings += (findings.empty() ? "" : ", ") + std::to_string(count) + " " + type;
        std::fprintf(out, "\n%s  %-15s  overall: %-20s  %s\n", inspection.report.value("date", "").c_str(),
                     inspection.report.value("kind", "").c_str(), overall.empty() ? "-" : overall.c_str(),
                     inspection.report.value("id", "").c_str());
        std::fprintf(out, "    %zu paragraph%s%s%s%s\n", inspection.matches, inspection.matches == 1 ? "" : "s",
                     findings.empty() ? "" : " (", findings.c_str(), findings.empty() ? "" : ")");
        for (const auto& hit : inspection.top)
            std::fprintf(out, "    - %s\n", terminal_snippet(hit.snippet, style.colour).c_str());
    }
}

void print_trend(std::FILE* out, const Trend& trend, OutputFormat format)
{
    const nlohmann::json json = trend_json(trend);
    switch (format) {
    case OutputFormat::json:
        std::fprintf(out, "%s\n", json_text(json, 2).c_str());
        return;
    case OutputFormat::ndjson:
        for (const auto& year : json["years"])
            std::fprintf(out, "%s\n", json_text(year).c_str());
        return;
    case OutputFormat::csv:
        std::fputs(trend_csv(trend).c_str(), out);
        return;
    case OutputFormat::table:
        break;
    }
    double widest = 0;
    for (const auto& year : trend.years) {
        if (year.paragraphs)
            widest = std::max(widest, static_cast<double>(year.matches) / year.paragraphs);
    }
    std::fprintf(out, "%zu matching paragraph%s\n\n", trend.total, trend.total == 1 ? "" : "s");
    std::fprintf(out, "year  %9s  %10s  %7s\n", "matches", "paragraphs", "share");
    for (const auto& year : trend.years) {
        if (!year.paragraphs) {
            std::fprintf(out, "%d  %9s  %10s  %7s\n", year.year, "-", "0", "-");
            continue;
        }
        const double share = static_cast<double>(year.matches) / year.paragraphs;
        const std::size_t bar = widest > 0 ? static_cast<std::size_t>(share / widest * 40 + 0.5) : 0;
        std::string drawn;
        for (std::size_t i = 0; i < bar; ++i)
            drawn += "\u2588";
        std::fprintf(out, "%d  %9zu  %10zu  %6.2f%%  %s\n", year.year, year.matches, year.paragraphs, share * 100, drawn.c_str());
    }
}

void print_report_list(std::FILE* out, const std::vector<nlohmann::json>& reports, OutputFormat format)
{
    switch (format) {
    case OutputFormat::json:
        std::fprintf(out, "%s\n", json_text(report_list_json(reports, 1, std::max<int>(1, reports.size())), 2).c_str());
        return;
    case OutputFormat::ndjson:
        for (const auto& report : reports)
            std::fprintf(out, "%s\n", json_text(report).c_str());
        return;
    case OutputFormat::csv:
        std::fputs(report_list_csv(reports).c_str(), out);
        return;
    case OutputFormat::table:
        std::fprintf(out, "%zu report%s\n\n", reports.size(), reports.size() == 1 ? "" : "s");
        std::fprintf(out, "%-10s %-26s %-15s %-21s %s\n", "date", "authority", "kind", "overall", "id");
        for (const auto& report : reports) {
            const auto text = [&report](const char* name) { return report.value(name, ""); };
            std::fprintf(out, "%-10s %-26s %-15s %-21s %s\n", text("date").c_str(), text("authority").c_str(),
                         text("kind").c_str(), text("overall").c_str(), text("id").c_str());
        }
        return;
    }
}

void print_judgements(std::FILE* out, const std::vector<JudgementRow>& rows, OutputFormat format)
{
    const nlohmann::json json = judgement_table_json(rows);
    switch (format) {
    case OutputFormat::json:
        std::fprintf(out, "%s\n", json_text(json, 2).c_str());
        return;
    case OutputFormat::ndjson:
        for (const auto& row : json["judgements"])
            std::fprintf(out, "%s\n", json_text(row).c_str());
        return;
    case OutputFormat::csv:
        std::fputs(judgement_table_csv(rows).c_str(), out);
        return;
    case OutputFormat::table:
        std::fprintf(out, "%zu judgements\n\n", rows.size());
        std::fprintf(out, "%-26s %-10s %-15s %-34s %s\n", "authority", "date", "kind", "judgement", "grade");
        for (const auto& row : rows) {
            std::fprintf(out, "%-26s %-10s %-15s %-34s %s\n", row.authority.c_str(), row.date.c_str(), row.kind.c_str(),
                         row.key.c_str(), row.grade.c_str());
        }
        return;
    }
}

void print_results(std::FILE* out, const SearchResult& result, OutputFormat format, const TableStyle& style,
                   const std::vector<std::string>& columns, const std::string& page_base)
{
    switch (format) {
    case OutputFormat::json:
        std::fprintf(out, "%s\n", json_text(result_json(result), 2).c_str());
        return;
    case OutputFormat::table:
        if (columns.empty())
            print_table(out, result, style);
        else
            print_column_table(out, result, columns, page_base);
        return;
    case OutputFormat::csv:
        print_csv_header(out, columns);
        [[fallthrough]];
    case OutputFormat::ndjson:
        for (const auto& hit : result.hits)
            print_streamed_hit(out, hit, format, columns, page_base);
        return;
    }
}

void print_explanation(std::FILE* out, const SearchResult& result)
{
    const auto& reading = result.interpreted;
    std::fprintf(out, "Query: %s\n", result.query.c_str());
    std::fprintf(out, "  text:     %s\n", reading.text.empty() ? "(none: every matching paragraph)" : reading.text.c_str());
    for (const auto& cue : reading.cues)
        std::fprintf(out, "  cue:      \"%s\" -> %s\n", cue.matched.c_str(), cue.label.c_str());
    for (const auto& filter : reading.filters)
        std::fprintf(out, "  filter:   %s\n", filter.c_str());
    for (const auto& synonym : reading.synonyms)
        std::fprintf(out, "  synonyms: %s\n", synonym.c_str());
    if (!reading.corrected_query.empty())
        std::fprintf(out, "  searched: %s (corrected)\n", reading.corrected_query.c_str());
    for (const auto& note : reading.notes)
        std::fprintf(out, "  note:     %s\n", note.c_str());
    if (!reading.cues.empty())
        std::fprintf(out, "  (--literal searches the words as written, without reading cues)\n");
}

void print_notes(std::FILE* out, const QueryReading& reading, const std::string& suggestion)
{
    if (!reading.corrected_query.empty())
        std::fprintf(out, "findings: showing results for \"%s\" (--no-autocorrect searches the words as typed)\n",
                     reading.corrected_query.c_str());
    if (!suggestion.empty())
        std::fprintf(out, "findings: did you mean \"%s\"?\n", suggestion.c_str());
    for (const auto& note : reading.notes)
        std::fprintf(out, "findings: note: %s\n", note.c_str());
}

void print_facets(std::FILE* out, const SearchResult& result, OutputFormat format)
{
    if (format == OutputFormat::csv)
        std::fprintf(out, "facet,value,count,selected\r\n");
    for (const auto& [facet, counts] : result.facets) {
        if (format == OutputFormat::table)
            std::fprintf(out, "%s:\n", facet.c_str());
        for (const auto& count : counts) {
            switch (format) {
            case OutputFormat::table:
                std::fprintf(out, "%s %-40s %zu\n", count.selected ? "*" : " ", count.value.c_str(), count.count);
                break;
            case OutputFormat::csv:
                std::fprintf(out, "%s,%s,%zu,%s\r\n", csv_field(facet).c_str(), csv_field(count.value).c_str(), count.count,
                             count.selected ? "true" : "false");
                break;
            case OutputFormat::ndjson: {
                const nlohmann::json line = {
                    {"facet", facet}, {"value", count.value}, {"count", count.count}, {"selected", count.selected}};
                std::fprintf(out, "%s\n", json_text(line).c_str());
                break;
            }
            case OutputFormat::json:  // the API's shape carries its facets
                return;
            }
        }
    }
}

}  // namespace findings
