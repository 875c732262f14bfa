// Filters on reports as a whole, for the listings that are not searches (the judgements table,
// the reports list): authority, region, authority_type, kind, overall, the report's year range,
// and judgement (KEY or KEY=GRADE) and grade, which apply to a report's judgements.
#pragma once

#include "core/query/search_model.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>

namespace findings {

class ReportFilter {
public:
    // Reads the request's filters; listing names the listing in messages ("the reports list").
    // Throws Error(bad_request) for a query, a filter that is not a report's (finding type,
    // timescale) or a value that names nothing.
    ReportFilter(const SearchRequest& request, const std::string& listing);

    // The names of the fields (fields.h) whose filters apply.
    static const std::set<std::string>& field_names();

    // Returns whether a report record passes the filters on the report itself.
    bool admits_report(const nlohmann::json& record) const;

    // Returns whether a judgement of a report passes the judgement and grade filters.
    bool admits_judgement(const std::string& key, const std::string& grade) const;

    // Returns whether any filter is on judgements.
    bool filters_judgements() const { return m_wanted.count("judgement") || m_wanted.count("grade"); }

private:
    // Returns whether value, read as the field reads values, is among the wanted ones (or the
    // field is not filtered).
    bool passes(const std::string& field, const std::string& value) const;

    // The term suffixes that each filter's values name, by field.
    std::map<std::string, std::set<std::string>> m_wanted;
    int m_year_from = 0;
    int m_year_to = 0;
};

}  // namespace findings
