// The JSON shape of search results (PRODUCT.md's API), shared by the command line and searchd.
#include "core/search_json.h"

namespace findings {

nlohmann::json hit_json(const SearchHit& hit)
{
    return {
        {"id", hit.id},
        {"report_id", hit.report_id},
        {"rank", hit.rank},
        {"score", hit.score},
        {"authority", hit.authority},
        {"region", hit.region},
        {"year", hit.year},
        {"date", hit.date},
        {"grade", hit.grade},
        {"finding_type", hit.finding_type},
        {"timescale", hit.timescale},
        {"section", hit.section},
        {"position", hit.position},
        {"report_title", hit.report_title},
        {"kind", hit.kind},
        {"snippet", hit.snippet},
        {"text", hit.text},
    };
}

nlohmann::json result_json(const SearchResult& result)
{
    nlohmann::json cues = nlohmann::json::array();
    for (const auto& cue : result.interpreted.cues)
        cues.push_back({{"field", cue.field}, {"label", cue.label}, {"matched", cue.matched}});
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : result.hits)
        hits.push_back(hit_json(hit));
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& [facet, counts] : result.facets) {
        nlohmann::json values = nlohmann::json::array();
        for (const auto& count : counts)
            values.push_back({{"value", count.value}, {"count", count.count}});
        facets[facet] = values;
    }
    return {
        {"query", result.query},
        {"interpreted",
         {{"text", result.interpreted.text},
          {"cues", cues},
          {"filters", result.interpreted.filters},
          {"synonyms", result.interpreted.synonyms},
          {"fallback", result.interpreted.fallback},
          {"notes", result.interpreted.notes}}},
        {"total", result.total},
        {"took_ms", result.took_ms},
        {"results", hits},
        {"facets", facets},
        {"suggestion", result.suggestion},
    };
}

}  // namespace findings
