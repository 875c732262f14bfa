// The JSON shape of search results (PRODUCT.md's API), shared by the command line and searchd.
#include "core/query/search_json.h"

#include "core/common/fields.h"

#include <algorithm>

namespace findings {

void read_fields(const nlohmann::json& object, SearchHit& hit)
{
    for (const Field& field : fields()) {
        const auto value = object.find(field.name);
        if (value == object.end())
            continue;
        if (value->is_string())
            hit.fields[field.name] = value->get<std::string>();
        else if (value->is_number_integer() && value->get<int>() != 0)
            hit.fields[field.name] = std::to_string(value->get<int>());
    }
}

nlohmann::json field_json(const Field& field, const std::string& value)
{
    return field.numeric ? nlohmann::json(value.empty() ? 0 : std::stoi(value)) : nlohmann::json(value);
}

nlohmann::json hit_json(const SearchHit& hit)
{
    nlohmann::json json = nlohmann::json::object();
    json["id"] = hit.id;
    json["report_id"] = hit.report_id;
    json["rank"] = hit.rank;
    json["score"] = hit.score;
    json["date"] = hit.date;
    json["section"] = hit.section;
    json["position"] = hit.position;
    json["report_title"] = hit.report_title;
    json["snippet"] = hit.snippet;
    json["text"] = hit.text;
    for (const Field& field : fields()) {
        if (field.shown)
            json[field.name] = field_json(field, hit.field(field.name));
    }
    if (hit.report_matches)
        json["report_matches"] = hit.report_matches;
    return json;
}

std::size_t page_count(const SearchResult& result)
{
    if (result.per_page == 0)
        return 0;
    return std::min((result.total + result.per_page - 1) / result.per_page, k_max_page);
}

nlohmann::json reading_json(const QueryReading& reading)
{
    nlohmann::json cues = nlohmann::json::array();
    for (const auto& cue : reading.cues)
        cues.push_back({{"field", cue.field}, {"label", cue.label}, {"matched", cue.matched}});
    nlohmann::json corrections = nlohmann::json::array();
    for (const auto& correction : reading.corrections)
        corrections.push_back({{"from", correction.from}, {"to", correction.to}});
    return {{"text", reading.text},
            {"cues", cues},
            {"filters", reading.filters},
            {"synonyms", reading.synonyms},
            {"fallback", reading.fallback},
            {"any_words", reading.any_words},
            {"corrections", corrections},
            {"corrected_query", reading.corrected_query},
            {"notes", reading.notes}};
}

nlohmann::json hits_json(const std::vector<SearchHit>& hits)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& hit : hits)
        list.push_back(hit_json(hit));
    return list;
}

nlohmann::json facets_json(const std::map<std::string, std::vector<FacetCount>>& facets)
{
    nlohmann::json json = nlohmann::json::object();
    for (const auto& [facet, counts] : facets) {
        nlohmann::json values = nlohmann::json::array();
        for (const auto& count : counts) {
            nlohmann::json& value = values.emplace_back(nlohmann::json::object());
            value["value"] = count.value;
            value["count"] = count.count;
            if (count.selected)
                value["selected"] = true;
        }
        json[facet] = std::move(values);
    }
    return json;
}

nlohmann::json result_json(const SearchResult& result)
{
    // Assigned one by one: an initializer list would copy the results and facets once more.
    nlohmann::json json = nlohmann::json::object();
    json["query"] = result.query;
    json["interpreted"] = reading_json(result.interpreted);
    json["total"] = result.total;
    json["page"] = result.page;
    json["per_page"] = result.per_page;
    json["pages"] = page_count(result);
    json["took_ms"] = result.took_ms;
    json["results"] = hits_json(result.hits);
    json["facets"] = facets_json(result.facets);
    json["suggestion"] = result.suggestion;
    return json;
}

nlohmann::json fields_json()
{
    nlohmann::json list = nlohmann::json::array();
    for (const Field& field : fields()) {
        nlohmann::json values = nlohmann::json::array();
        for (const auto& value : field.values)
            values.push_back({{"value", value.value}, {"label", value.label}});
        list.push_back({{"name", field.name},
                        {"label", field.label},
                        {"parameter", field.parameter},
                        {"query_prefix", field.query_prefix},
                        {"filter", field.filter == FieldFilter::values ? "values" : "range"},
                        {"facet", field.facet},
                        {"level", field.level == FieldLevel::report ? "report" : "paragraph"},
                        {"values", values}});
    }
    return {{"fields", list}};
}

QueryReading reading_from_json(const nlohmann::json& json)
{
    QueryReading reading;
    reading.text = json.at("text").get<std::string>();
    for (const auto& cue : json.at("cues"))
        reading.cues.push_back({cue.at("field"), cue.at("label"), cue.at("matched")});
    reading.filters = json.at("filters").get<std::vector<std::string>>();
    reading.synonyms = json.at("synonyms").get<std::vector<std::string>>();
    reading.fallback = json.at("fallback").get<bool>();
    reading.any_words = json.value("any_words", false);  // a searchd from before it said so
    for (const auto& correction : json.at("corrections"))
        reading.corrections.push_back({correction.at("from"), correction.at("to")});
    reading.corrected_query = json.at("corrected_query").get<std::string>();
    reading.notes = json.at("notes").get<std::vector<std::string>>();
    return reading;
}

nlohmann::json similar_json(const SimilarResult& similar)
{
    nlohmann::json paragraph = hit_json(similar.paragraph);
    paragraph.erase("rank");  // the paragraph asked about, not a result
    paragraph.erase("score");
    return {{"paragraph", paragraph}, {"terms", similar.terms}, {"results", hits_json(similar.hits)}};
}

SearchHit hit_from_json(const nlohmann::json& item)
{
    SearchHit hit;
    hit.id = item.at("id");
    hit.report_id = item.at("report_id");
    hit.rank = item.value("rank", std::size_t{0});  // not in similar_json's paragraph
    hit.score = item.value("score", 0.0);
    hit.date = item.at("date");
    hit.section = item.at("section").get<std::vector<std::string>>();
    hit.position = item.value("position", 0);
    hit.report_title = item.at("report_title");
    read_fields(item, hit);
    hit.snippet = item.at("snippet");
    hit.text = item.at("text");
    hit.report_matches = item.value("report_matches", std::size_t{0});
    return hit;
}

SimilarResult similar_from_json(const nlohmann::json& json)
{
    SimilarResult similar;
    similar.paragraph = hit_from_json(json.at("paragraph"));
    similar.terms = json.at("terms").get<std::vector<std::string>>();
    for (const auto& item : json.at("results"))
        similar.hits.push_back(hit_from_json(item));
    return similar;
}

SearchResult result_from_json(const nlohmann::json& json)
{
    SearchResult result;
    result.query = json.at("query").get<std::string>();
    result.interpreted = reading_from_json(json.at("interpreted"));
    result.total = json.at("total").get<std::size_t>();
    result.page = json.value("page", std::size_t{1});
    result.per_page = json.value("per_page", std::size_t{10});
    result.took_ms = json.at("took_ms").get<double>();
    for (const auto& item : json.at("results"))
        result.hits.push_back(hit_from_json(item));
    for (const auto& [facet, values] : json.at("facets").items()) {
        auto& counts = result.facets[facet];  // a facet with no values stays, empty, as it came
        for (const auto& value : values)
            counts.push_back({value.at("value"), value.at("count"), value.value("selected", false)});
    }
    result.suggestion = json.at("suggestion").get<std::string>();
    return result;
}

}  // namespace findings
