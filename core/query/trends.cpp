// A query over time, counted over the match sets and facet columns (see trends.h).
#include "core/query/trends.h"

#include "core/common/csv_text.h"
#include "core/common/error.h"
#include "core/common/fields.h"
#include "core/query/facet_columns.h"
#include "core/query/match_sets.h"
#include "core/query/query_builder.h"
#include "core/query/query_sets.h"
#include "core/query/search_json.h"

#include <cstdio>
#include <set>

namespace findings {

namespace {

void check_split(const std::string& split)
{
    if (split.empty())
        return;
    const Field* field = field_named(split);
    if (!field || !field->facet || split == "year" || split == "finding_type") {
        std::string facets;
        for (const Field& candidate : fields()) {
            if (candidate.facet && candidate.name != "year" && candidate.name != "finding_type")
                facets += (facets.empty() ? "" : ", ") + candidate.name;
        }
        throw Error(ErrorCode::bad_request, "split must be a facet to split the years by: " + facets);
    }
}

// The paragraphs that pass every filter of the query, whatever their words.
DocSet filtered(const QuerySets& sets, Xapian::Database& db)
{
    DocSet docs = *MatchSets::of(db)->all(db);
    for (const auto& [facet, group] : sets.groups)
        docs.intersect(*group);
    return docs;
}

}  // namespace

Trend query_trend(Xapian::Database& db, const Analyser& analyser, const SearchRequest& request,
                  const std::string& split)
{
    check_split(split);
    BuiltQuery built = build_query(request, db, analyser);
    const QuerySets sets = sets_with_fallback(built, db);
    const auto columns = FacetColumns::of(db);
    Trend trend;
    trend.query = request.query;
    trend.reading = built.reading;
    trend.split = split;
    trend.total = sets.matched->count();
    std::map<int, TrendYear> years;
    const auto paragraphs = columns->count(filtered(sets, db), {"year"});
    for (const auto& [year, count] : paragraphs.at("year"))
        years[std::stoi(year)].paragraphs = count;
    const auto matches = columns->count(*sets.matched, {"year"});
    for (const auto& [year, count] : matches.at("year"))
        years[std::stoi(year)].matches = count;
    for (const auto& [year, types] : columns->cross_count(*sets.matched, "year", "finding_type"))
        years[std::stoi(year)].by_type = types;
    if (!split.empty()) {
        for (const auto& [year, values] : columns->cross_count(*sets.matched, "year", split))
            years[std::stoi(year)].by_split = values;
    }
    if (years.empty())
        return trend;
    // Every year from the first to the last, those without paragraphs too: a true time axis.
    for (int year = years.begin()->first; year <= years.rbegin()->first; ++year) {
        TrendYear entry = years[year];
        entry.year = year;
        trend.years.push_back(std::move(entry));
    }
    return trend;
}

nlohmann::json trend_json(const Trend& trend)
{
    nlohmann::json years = nlohmann::json::array();
    for (const auto& year : trend.years) {
        nlohmann::json entry = {{"year", year.year},
                                {"matches", year.matches},
                                {"paragraphs", year.paragraphs},
                                {"share", year.paragraphs ? nlohmann::json(static_cast<double>(year.matches) / year.paragraphs)
                                                          : nlohmann::json(nullptr)},
                                {"finding_type", year.by_type}};
        if (!trend.split.empty())
            entry[trend.split] = year.by_split;
        years.push_back(std::move(entry));
    }
    return {{"query", trend.query},
            {"interpreted", reading_json(trend.reading)},
            {"total", trend.total},
            {"split", trend.split},
            {"years", years}};
}

Trend trend_from_json(const nlohmann::json& json)
{
    Trend trend;
    trend.query = json.at("query").get<std::string>();
    trend.reading = reading_from_json(json.at("interpreted"));
    trend.total = json.at("total").get<std::size_t>();
    trend.split = json.at("split").get<std::string>();
    for (const auto& item : json.at("years")) {
        TrendYear year;
        year.year = item.at("year").get<int>();
        year.matches = item.at("matches").get<std::size_t>();
        year.paragraphs = item.at("paragraphs").get<std::size_t>();
        year.by_type = item.at("finding_type").get<std::map<std::string, std::size_t>>();
        if (!trend.split.empty())
            year.by_split = item.at(trend.split).get<std::map<std::string, std::size_t>>();
        trend.years.push_back(std::move(year));
    }
    return trend;
}

std::string trend_csv(const Trend& trend)
{
    std::set<std::string> types, values;
    for (const auto& year : trend.years) {
        for (const auto& [type, count] : year.by_type)
            types.insert(type);
        for (const auto& [value, count] : year.by_split)
            values.insert(value);
    }
    std::vector<std::string> header = {"year", "matches", "paragraphs", "share"};
    header.insert(header.end(), types.begin(), types.end());
    for (const auto& value : values)
        header.push_back(trend.split + ": " + value);
    std::string csv = csv_row(header);
    for (const auto& year : trend.years) {
        char share[32] = "";
        if (year.paragraphs)
            std::snprintf(share, sizeof share, "%.4f", static_cast<double>(year.matches) / year.paragraphs);
        std::vector<std::string> row = {std::to_string(year.year), std::to_string(year.matches),
                                        std::to_string(year.paragraphs), share};
        const auto count_of = [](const std::map<std::string, std::size_t>& counts, const std::string& key) {
            const auto found = counts.find(key);
            return std::to_string(found == counts.end() ? 0 : found->second);
        };
        for (const auto& type : types)
            row.push_back(count_of(year.by_type, type));
        for (const auto& value : values)
            row.push_back(count_of(year.by_split, value));
        csv += csv_row(row);
    }
    return csv;
}

}  // namespace findings
