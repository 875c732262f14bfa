// An authority over time, and the authorities of the index (see authority_timeline.h).
#include "core/query/authority_timeline.h"

namespace findings {

nlohmann::json timeline_json(const AuthorityTimeline& timeline)
{
    nlohmann::json inspections = nlohmann::json::array();
    for (const auto& inspection : timeline.inspections) {
        nlohmann::json entry = inspection.report;
        entry["matches"] = inspection.matches;
        entry["findings"] = inspection.findings;
        entry["top"] = hits_json(inspection.top);
        inspections.push_back(std::move(entry));
    }
    return {{"authority", timeline.authority},   {"region", timeline.region},
            {"authority_type", timeline.authority_type}, {"ofsted_url", timeline.ofsted_url},
            {"query", timeline.query},           {"inspections", inspections}};
}

nlohmann::json authorities_json(const std::vector<nlohmann::json>& reports)
{
    std::map<std::string, nlohmann::json> by_name;
    for (const auto& report : reports) {  // newest first: an authority's first report is its latest
        const std::string name = report.value("authority", "");
        if (name.empty())
            continue;
        auto [entry, added] = by_name.emplace(name, nlohmann::json::object());
        nlohmann::json& authority = entry->second;
        if (added) {
            authority = {{"authority", name},
                         {"region", report.value("region", "")},
                         {"authority_type", report.value("authority_type", "")},
                         {"reports", 0},
                         {"latest", {{"id", report.value("id", "")}, {"date", report.value("date", "")},
                                     {"kind", report.value("kind", "")}, {"overall", report.value("overall", "")}}},
                         {"latest_overall", nullptr}};
        }
        authority["reports"] = authority["reports"].get<int>() + 1;
        if (authority["latest_overall"].is_null() && !report.value("overall", "").empty())
            authority["latest_overall"] = {{"id", report.value("id", "")}, {"date", report.value("date", "")},
                                           {"grade", report.value("overall", "")}};
    }
    nlohmann::json list = nlohmann::json::array();
    for (auto& [name, authority] : by_name)
        list.push_back(std::move(authority));
    return {{"total", list.size()}, {"authorities", list}};
}

}  // namespace findings
