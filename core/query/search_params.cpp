// A search request as HTTP query parameters, both ways: searchd reads them, and
// `findings --server` writes them.
#include "core/query/search_params.h"

#include "core/common/error.h"
#include "core/common/fields.h"
#include "core/common/text_normaliser.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace findings {

namespace {

constexpr std::size_t k_max_values_per_parameter = 50;

std::vector<std::string> values_of(const QueryParams& params, const std::string& name)
{
    std::vector<std::string> values;
    const auto range = params.equal_range(name);
    for (auto it = range.first; it != range.second; ++it) {
        if (!it->second.empty())
            values.push_back(it->second);
    }
    if (values.size() > k_max_values_per_parameter)
        throw Error(ErrorCode::bad_request, "too many values for " + name + " (at most " +
                                                std::to_string(k_max_values_per_parameter) + ")");
    return values;
}

std::string single_value(const QueryParams& params, const std::string& name)
{
    const std::vector<std::string> values = values_of(params, name);
    if (values.size() > 1)
        throw Error(ErrorCode::bad_request, name + " may be given only once");
    return values.empty() ? std::string() : values.front();
}

bool flag_value(const QueryParams& params, const std::string& name, const std::set<std::string>& truthy)
{
    const std::string text = single_value(params, name);
    if (text.empty() || text == "0" || text == "false")
        return false;
    if (truthy.count(text))
        return true;
    std::string allowed = "0, false";
    for (const auto& value : truthy)
        allowed += ", " + value;
    throw Error(ErrorCode::bad_request, name + " must be one of " + allowed);
}

}  // namespace

long number_value(const QueryParams& params, const std::string& name, long fallback, long low, long high)
{
    const std::string text = single_value(params, name);
    if (text.empty())
        return fallback;
    const bool digits = text.size() <= 9 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    const long value = digits ? std::stol(text) : -1;
    if (!digits || value < low || value > high)
        throw Error(ErrorCode::bad_request, name + " must be a whole number from " + std::to_string(low) + " to " +
                                                std::to_string(high) + ", not \"" + text + "\"");
    return value;
}

namespace {

std::string percent_decoded(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
        if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) && hex(text[i + 2])) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i] == '+' ? ' ' : text[i];
        }
    }
    return out;
}

}  // namespace

std::string percent_encoded(const std::string& text)
{
    static const char* const k_hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        }
    }
    return out;
}

QueryParams params_from_text(const std::string& text)
{
    QueryParams params;
    for (const auto& pair : split_on(text, '&')) {
        if (pair.empty())
            continue;
        const std::size_t equals = pair.find('=');
        params.emplace(percent_decoded(pair.substr(0, equals)),
                       equals == std::string::npos ? "" : percent_decoded(pair.substr(equals + 1)));
    }
    return params;
}

std::string search_link_query(const SearchRequest& request)
{
    std::string query = request.query.empty() ? "" : "q=" + percent_encoded(request.query);
    for (const auto& [name, value] : filters_to_params(request))
        query += (query.empty() ? "" : "&") + percent_encoded(name) + "=" + percent_encoded(value);
    return query;
}

std::string take_param(QueryParams& params, const std::string& name)
{
    const std::string value = single_value(params, name);
    params.erase(name);
    return value;
}

std::string take_format(QueryParams& params, const std::vector<std::string>& formats)
{
    const std::string format = take_param(params, "format");
    if (format.empty())
        return formats.front();
    if (std::find(formats.begin(), formats.end(), format) != formats.end())
        return format;
    std::string names;
    for (std::size_t i = 0; i < formats.size(); ++i)
        names += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + formats[i];
    throw Error(ErrorCode::bad_request, "format must be " + names + ", not \"" + format + "\"");
}

std::vector<std::string> search_parameter_names()
{
    std::vector<std::string> names = {"q"};
    for (const Field& field : fields()) {
        if (field.filter == FieldFilter::values) {
            names.push_back(field.parameter);
        } else {
            names.push_back(field.parameter + "_from");
            names.push_back(field.parameter + "_to");
        }
    }
    names.insert(names.end(), {"report", "page", "per_page", "sort", "collapse", "literal", "autocorrect", "match", "facets"});
    return names;
}

void read_facets(const std::string& value, SearchRequest& request)
{
    request.facets = value != "0" && value != "false";
    if (value.empty() || value == "1" || value == "true" || !request.facets)
        return;
    std::string known;
    for (const Field& field : fields()) {
        if (field.facet)
            known += (known.empty() ? "" : ",") + field.name;
    }
    for (const auto& name : split_on(value, ',')) {
        const Field* field = field_named(name);
        if (!field || !field->facet)
            throw Error(ErrorCode::bad_request,
                        "\"" + name + "\" is no facet to count: the facets are " + known + " (facets=0: none)");
        if (std::find(request.facet_names.begin(), request.facet_names.end(), name) == request.facet_names.end())
            request.facet_names.push_back(name);
    }
}

void check_year_range(const SearchRequest& request)
{
    if (request.year_from && request.year_to && request.year_from > request.year_to)
        throw Error(ErrorCode::bad_request, "the years run backwards (from " + std::to_string(request.year_from) +
                                                " to " + std::to_string(request.year_to) + "): give the earlier year first");
}

SearchRequest request_from_params(const QueryParams& params)
{
    static const std::vector<std::string> known = search_parameter_names();
    for (const auto& [name, value] : params) {
        if (std::find(known.begin(), known.end(), name) == known.end())
            throw Error(ErrorCode::bad_request, "unknown parameter \"" + name +
                                                    "\": see /openapi.json for the parameters of /api/search");
    }
    SearchRequest request;
    request.query = single_value(params, "q");
    for (const Field& field : fields()) {
        if (field.filter != FieldFilter::values)
            continue;
        std::vector<std::string> values = values_of(params, field.parameter);
        if (!values.empty())
            request.filters[field.name] = std::move(values);
    }
    request.year_from = static_cast<int>(number_value(params, "year_from", 0, 1990, 2100));
    request.year_to = static_cast<int>(number_value(params, "year_to", 0, 1990, 2100));
    check_year_range(request);
    request.page = static_cast<std::size_t>(number_value(params, "page", 1, 1, k_max_page));
    request.per_page = static_cast<std::size_t>(number_value(params, "per_page", 10, 0, k_max_per_page));
    const std::string sort = single_value(params, "sort");
    if (!sort.empty() && sort != "relevance" && sort != "date")
        throw Error(ErrorCode::bad_request, "sort must be relevance or date");
    request.sort = sort == "date" ? SortOrder::date : SortOrder::relevance;
    request.collapse_reports = flag_value(params, "collapse", {"1", "true", "report"});
    request.report = single_value(params, "report");
    request.literal = flag_value(params, "literal", {"1", "true"});
    request.autocorrect = single_value(params, "autocorrect").empty() || flag_value(params, "autocorrect", {"1", "true"});
    const std::string match = single_value(params, "match");
    if (!match.empty() && match != "all" && match != "any" && match != "strict")
        throw Error(ErrorCode::bad_request,
                    "match must be all (every word, the default: any word when fewer than 10 paragraphs have them "
                    "all), strict (every word, always) or any");
    request.match_all = match != "any";
    request.fall_back = match != "strict";
    read_facets(single_value(params, "facets"), request);
    return request;
}

SearchRequest filters_from_params(const QueryParams& params, const std::vector<std::string>& also_allowed)
{
    QueryParams filters;
    for (const auto& [name, value] : params) {
        if (std::find(also_allowed.begin(), also_allowed.end(), name) != also_allowed.end())
            continue;
        const Field* field = field_with_parameter(name);
        if (field && field->filter == FieldFilter::year_range)
            throw Error(ErrorCode::bad_request, name + " takes a range: write " + name + "_from and " + name + "_to");
        const bool range_bound = name == "year_from" || name == "year_to";
        if (!field && !range_bound)
            throw Error(ErrorCode::bad_request, "unknown parameter \"" + name + "\": this endpoint takes filters only");
        filters.emplace(name, value);
    }
    return request_from_params(filters);
}

std::vector<std::pair<std::string, std::string>> request_to_params(const SearchRequest& request)
{
    std::vector<std::pair<std::string, std::string>> params = {{"q", request.query}};
    const auto filters = filters_to_params(request);
    params.insert(params.end(), filters.begin(), filters.end());
    if (!request.report.empty())
        params.emplace_back("report", request.report);
    params.emplace_back("page", std::to_string(request.page));
    params.emplace_back("per_page", std::to_string(request.per_page));
    params.emplace_back("sort", request.sort == SortOrder::date ? "date" : "relevance");
    if (request.collapse_reports)
        params.emplace_back("collapse", "report");
    if (request.literal)
        params.emplace_back("literal", "1");
    if (!request.autocorrect)
        params.emplace_back("autocorrect", "0");
    if (!request.match_all)
        params.emplace_back("match", "any");
    else if (!request.fall_back)
        params.emplace_back("match", "strict");
    if (!request.facets)
        params.emplace_back("facets", "0");
    else if (!request.facet_names.empty()) {
        std::string names;
        for (const auto& name : request.facet_names)
            names += (names.empty() ? "" : ",") + name;
        params.emplace_back("facets", names);
    }
    return params;
}

std::vector<std::pair<std::string, std::string>> filters_to_params(const SearchRequest& request)
{
    std::vector<std::pair<std::string, std::string>> params;
    for (const auto& [name, values] : request.filters) {
        const Field* field = field_named(name);
        for (const auto& value : values)  // a name that is no field is sent as it is, for searchd to refuse
            params.emplace_back(field ? field->parameter : name, value);
    }
    if (request.year_from)
        params.emplace_back("year_from", std::to_string(request.year_from));
    if (request.year_to)
        params.emplace_back("year_to", std::to_string(request.year_to));
    return params;
}

}  // namespace findings
