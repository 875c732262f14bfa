// The reports list (see report_list.h).
#include "core/query/report_list.h"

#include "core/common/csv_text.h"
#include "core/index/report_lookup.h"
#include "core/query/report_filter.h"

#include <algorithm>
#include <tuple>

namespace findings {

std::vector<nlohmann::json> list_reports(const Xapian::Database& db, const SearchRequest& request)
{
    const ReportFilter filter(request, "the reports list");
    std::vector<nlohmann::json> reports;
    for (auto& record : report_records(db)) {
        if (!filter.admits_report(record))
            continue;
        if (filter.filters_judgements()) {
            const auto judgements = record.value("judgements", nlohmann::json::array());
            if (std::none_of(judgements.begin(), judgements.end(), [&filter](const nlohmann::json& judgement) {
                    return filter.admits_judgement(judgement.value("key", ""), judgement.value("grade", ""));
                }))
                continue;
        }
        record.erase("source");  // a path on the indexing machine: not for clients
        add_ofsted_url(record);
        reports.push_back(std::move(record));
    }
    std::sort(reports.begin(), reports.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
        const auto key = [](const nlohmann::json& r) {
            return std::make_tuple(r.value("date", ""), r.value("authority", ""), r.value("id", ""));
        };
        const auto ka = key(a), kb = key(b);
        if (std::get<0>(ka) != std::get<0>(kb))
            return std::get<0>(ka) > std::get<0>(kb);  // newest first
        return std::tie(std::get<1>(ka), std::get<2>(ka)) < std::tie(std::get<1>(kb), std::get<2>(kb));
    });
    return reports;
}

const std::vector<std::string>& report_list_columns()
{
    static const std::vector<std::string> columns = {"id",   "date",    "authority", "region",     "authority_type",
                                                     "kind", "overall", "title",     "paragraphs", "ofsted_url"};
    return columns;
}

std::vector<std::string> report_list_row(const nlohmann::json& report)
{
    std::vector<std::string> values;
    for (const auto& column : report_list_columns()) {
        const auto found = report.find(column);
        if (found == report.end() || found->is_null())
            values.emplace_back();
        else
            values.push_back(found->is_string() ? found->get<std::string>() : found->dump());
    }
    return values;
}

nlohmann::json report_list_json(const std::vector<nlohmann::json>& reports, int page, int per_page)
{
    const std::size_t first = std::min(reports.size(), static_cast<std::size_t>(page - 1) * per_page);
    const std::size_t last = std::min(reports.size(), first + per_page);
    const std::size_t pages = per_page > 0 ? (reports.size() + per_page - 1) / per_page : 0;
    return {{"total", reports.size()},
            {"page", page},
            {"per_page", per_page},
            {"pages", pages},
            {"reports", nlohmann::json(std::vector<nlohmann::json>(reports.begin() + first, reports.begin() + last))}};
}

std::string report_list_csv(const std::vector<nlohmann::json>& reports)
{
    std::string csv = csv_row(report_list_columns());
    for (const auto& report : reports)
        csv += csv_row(report_list_row(report));
    return csv;
}

}  // namespace findings
