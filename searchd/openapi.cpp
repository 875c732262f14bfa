// The OpenAPI document searchd serves: openapi.json and the table of fields.
#include "searchd/openapi.h"

#include "core/common/fields.h"
#include "core/query/report_filter.h"

#include <map>
#include <set>
#include <string>

namespace findings {

// Defined in the source file CMake generates from searchd/openapi.json.
extern const char* const k_openapi_json;

namespace {

using nlohmann::json;

// Returns the schema of one value of field, as results and reports show it.
json value_schema(const Field& field)
{
    if (field.numeric)
        return {{"type", "integer"}, {"description", field.label + "; 0 when unknown"}};
    json schema = {{"type", "string"}, {"description", field.label}};
    if (!field.values.empty()) {
        json values = json::array();
        for (const auto& value : field.values)
            values.push_back(value.value);
        if (field.level == FieldLevel::report) {
            values.push_back("");  // a report whose authority the gazetteer does not know
            schema["description"] = field.label + "; \"\" when unknown";
        }
        schema["enum"] = values;
    }
    return schema;
}

// Returns the /api/search parameters of field.
json parameters_of(const Field& field)
{
    if (field.filter == FieldFilter::year_range) {
        const json year = {{"type", "integer"}, {"minimum", 1990}, {"maximum", 2100}};
        return json::array({
            {{"name", field.parameter + "_from"}, {"in", "query"}, {"required", false},
             {"description", "first " + field.name + " (" + field.description + ")"}, {"schema", year}},
            {{"name", field.parameter + "_to"}, {"in", "query"}, {"required", false},
             {"description", "last " + field.name + " (" + field.description + ")"}, {"schema", year}},
        });
    }
    json item = {{"type", "string"}};
    if (!field.values.empty()) {
        json values = json::array();
        for (const auto& value : field.values)
            values.push_back(value.value);
        item["enum"] = values;
    }
    const std::string description = field.description + "; repeat for several (OR-ed); in a query: " +
                                    field.query_prefix + ":" + field.example;
    return json::array({{{"name", field.parameter}, {"in", "query"}, {"required", false},
                         {"description", description}, {"schema", {{"type", "array"}, {"items", item}}},
                         {"style", "form"}, {"explode", true}}});
}

// Adds field to an object schema's properties and required list.
void add_property(json& object, const Field& field)
{
    object["properties"][field.name] = value_schema(field);
    object["required"].push_back(field.name);
}

}  // namespace

json openapi_document()
{
    json doc = json::parse(k_openapi_json);
    json& search_parameters = doc["paths"]["/api/search"]["get"]["parameters"];
    json& hit = doc["components"]["schemas"]["Hit"];
    json& facets = doc["components"]["schemas"]["Facets"];
    json& report = doc["components"]["schemas"]["Report"];
    json& paragraph = doc["paths"]["/api/reports/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
                         ["schema"]["properties"]["paragraphs"]["items"];
    json parameters = json::array({search_parameters.at(0)});  // q first, then the filters
    for (const Field& field : fields()) {
        for (auto& parameter : parameters_of(field))
            parameters.push_back(parameter);
        if (field.shown) {
            add_property(hit, field);
            add_property(paragraph, field);
            if (field.level == FieldLevel::report)
                add_property(report, field);
        }
        if (field.facet)
            facets["properties"][field.name] = facets["additionalProperties"];
    }
    for (std::size_t i = 1; i < search_parameters.size(); ++i)
        parameters.push_back(search_parameters[i]);
    search_parameters = parameters;
    // An export takes the search's parameters but those of pages and facets; a trend, those of
    // order and collapse too.
    const std::map<std::string, std::set<std::string>> left_out = {
        {"/api/export", {"page", "per_page", "facets"}},
        {"/api/trends", {"page", "per_page", "facets", "sort", "collapse"}},
        {"/api/compare", {"page", "per_page", "facets", "sort", "collapse"}},
        {"/api/authorities/{name}", {"page", "per_page", "facets", "sort", "collapse", "authority"}},
        {"/api/paragraphs/{id}/similar", {"q", "report", "page", "facets", "sort", "collapse", "literal", "autocorrect", "match"}},
    };
    for (const auto& [path, names] : left_out) {
        json& parameters_of_path = doc["paths"][path]["get"]["parameters"];
        for (const auto& parameter : search_parameters) {
            if (parameter.value("in", "") == "query" && !names.count(parameter.value("name", "")))
                parameters_of_path.push_back(parameter);
        }
    }
    // The listings take the filters that apply to a report as a whole.
    for (const char* listing : {"/api/judgements", "/api/reports", "/api/authorities"}) {
        json& table_parameters = doc["paths"][listing]["get"]["parameters"];
        for (const Field& field : fields()) {
            if (ReportFilter::field_names().count(field.name)) {
                for (auto& parameter : parameters_of(field))
                    table_parameters.push_back(parameter);
            }
        }
    }
    return doc;
}

}  // namespace findings
