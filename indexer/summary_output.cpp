// Printing an indexing run's summary, for people and as JSON.
#include "indexer/summary_output.h"

#include <string>
#include <vector>

namespace findings {

namespace {

nlohmann::json problems_json(const std::vector<FileProblem>& problems)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& problem : problems)
        list.push_back({{"path", problem.path}, {"reason", problem.reason}});
    return list;
}

void print_list(std::FILE* out, const char* title, const std::vector<std::string>& paths, bool verbose)
{
    std::fprintf(out, "  %-28s %zu\n", title, paths.size());
    if (verbose) {
        for (const auto& path : paths)
            std::fprintf(out, "      %s\n", path.c_str());
    }
}

void print_problems(std::FILE* out, const char* title, const std::vector<FileProblem>& problems, bool verbose)
{
    std::fprintf(out, "  %-28s %zu\n", title, problems.size());
    if (verbose) {
        for (const auto& problem : problems)
            std::fprintf(out, "      %s: %s\n", problem.path.c_str(), problem.reason.c_str());
    }
}

void print_facet(std::FILE* out, const std::string& name, const std::map<std::string, std::size_t>& counts)
{
    std::string line;
    for (const auto& [value, count] : counts)
        line += (line.empty() ? "" : ", ") + value + " " + std::to_string(count);
    std::fprintf(out, "  %-13s %s\n", name.c_str(), line.c_str());
}

}  // namespace

nlohmann::json summary_json(const IndexSummary& summary)
{
    const double rate = summary.seconds > 0 ? summary.paragraphs_added / summary.seconds : 0;
    return {
        {"files", summary.files_seen},
        {"reports", {{"added", summary.reports_added}, {"replaced", summary.reports_replaced},
                     {"unchanged", summary.reports_unchanged}, {"removed", summary.reports_removed},
                     {"skipped", summary.skipped.size()}, {"failed", summary.failed.size()}}},
        {"paragraphs", {{"added", summary.paragraphs_added}, {"removed", summary.paragraphs_removed}}},
        {"skipped", problems_json(summary.skipped)},
        {"own_ids", problems_json(summary.own_ids)},
        {"failed", problems_json(summary.failed)},
        {"without_authority", summary.without_authority},
        {"without_date", summary.without_date},
        {"without_grades", summary.without_grades},
        {"without_overall", summary.without_overall},
        {"grade_disagreements", problems_json(summary.grade_disagreements)},
        {"index", {{"paragraphs", summary.index_paragraphs}, {"reports", summary.index_reports},
                   {"synonyms_searched_as", summary.synonyms_as_phrases ? "phrases" : "terms"}}},
        {"facets", summary.facets},
        {"seconds", summary.seconds},
        {"paragraphs_per_second", rate},
    };
}

void print_summary(std::FILE* out, const IndexSummary& summary, bool verbose)
{
    std::fprintf(out, "Reports: %zu added, %zu replaced, %zu unchanged, %zu removed, %zu skipped, %zu failed\n",
                 summary.reports_added, summary.reports_replaced, summary.reports_unchanged,
                 summary.reports_removed, summary.skipped.size(), summary.failed.size());
    std::fprintf(out, "Paragraphs: %zu added, %zu removed\n", summary.paragraphs_added, summary.paragraphs_removed);
    for (const auto& problem : summary.failed)
        std::fprintf(out, "  failed: %s: %s\n", problem.path.c_str(), problem.reason.c_str());
    for (const auto& own : summary.own_ids)
        std::fprintf(out, "  own id: %s: %s\n", own.path.c_str(), own.reason.c_str());
    if (verbose) {
        for (const auto& problem : summary.skipped)
            std::fprintf(out, "  skipped: %s: %s\n", problem.path.c_str(), problem.reason.c_str());
    }
    std::fprintf(out, "Checks (each should be 0%s):\n", verbose ? "" : "; --verbose lists them");
    print_list(out, "reports without authority", summary.without_authority, verbose);
    print_list(out, "reports without date", summary.without_date, verbose);
    print_list(out, "graded reports without grades", summary.without_grades, verbose);
    print_list(out, "reports without overall grade", summary.without_overall, verbose);
    print_problems(out, "grades that disagree", summary.grade_disagreements, verbose);
    std::fprintf(out, "Index: %zu paragraphs in %zu reports\n", summary.index_paragraphs, summary.index_reports);
    if (summary.synonyms_as_phrases)
        std::fprintf(out, "  note: this index was built before synonym groups became index terms, or with another\n"
                          "  synonym list: searches find their members as phrases, more slowly. Rebuild it to search\n"
                          "  them as terms: indexer --rebuild --db DIR PATH...\n");
    for (const char* facet : {"year", "finding_type", "grade", "kind", "region"}) {
        const auto found = summary.facets.find(facet);
        if (found != summary.facets.end())
            print_facet(out, facet, found->second);
    }
    const auto authorities = summary.facets.find("authority");
    if (authorities != summary.facets.end())
        std::fprintf(out, "  %-13s %zu authorities\n", "authority", authorities->second.size());
    const double rate = summary.seconds > 0 ? summary.paragraphs_added / summary.seconds : 0;
    std::fprintf(out, "Time: %.1f s, %.0f paragraphs/s\n", summary.seconds, rate);
}

}  // namespace findings
