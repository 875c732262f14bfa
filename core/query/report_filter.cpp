// Filters on reports as a whole, for the listings (see report_filter.h).
#include "core/query/report_filter.h"

#include "core/common/error.h"
#include "core/common/fields.h"
#include "core/common/judgement_vocabulary.h"
#include "core/common/text_normaliser.h"

#include <algorithm>

namespace findings {

ReportFilter::ReportFilter(const SearchRequest& request, const std::string& listing)
    : m_year_from(request.year_from), m_year_to(request.year_to)
{
    if (!request.query.empty())
        throw Error(ErrorCode::bad_request, listing + " takes filters, not a query: leave out q");
    for (const auto& [name, values] : request.filters) {
        const Field* field = field_named(name);
        if (!field || !field_names().count(name)) {
            std::string usable;
            for (const auto& filter : field_names())  // the year is a range, never a list of values
                usable += (usable.empty() ? "" : ", ") + (filter == "year" ? std::string("a year range") : filter);
            throw Error(ErrorCode::bad_request,
                        listing + " cannot be filtered by " + (field ? to_lower(field->label) : name) + ": use " + usable);
        }
        for (const auto& value : values) {
            const std::vector<std::string> named = field->resolve(value);
            if (named.empty())
                throw Error(ErrorCode::bad_request, "unknown " + to_lower(field->label) + " \"" + value + "\": " + field->advice);
            m_wanted[name].insert(named.begin(), named.end());
        }
    }
}

const std::set<std::string>& ReportFilter::field_names()
{
    static const std::set<std::string> names = {"authority", "region", "authority_type", "year",
                                                "kind", "overall", "judgement", "grade"};
    return names;
}

bool ReportFilter::passes(const std::string& field, const std::string& value) const
{
    const auto found = m_wanted.find(field);
    if (found == m_wanted.end())
        return true;
    if (value.empty())
        return false;
    const auto suffixes = field_named(field)->resolve(value);
    return std::any_of(suffixes.begin(), suffixes.end(), [&](const std::string& suffix) { return found->second.count(suffix) > 0; });
}

bool ReportFilter::admits_report(const nlohmann::json& record) const
{
    const int year = record.value("year", 0);
    if ((m_year_from && year < m_year_from) || (m_year_to && year > m_year_to))
        return false;
    return passes("authority", record.value("authority", "")) && passes("region", record.value("region", "")) &&
           passes("authority_type", record.value("authority_type", "")) && passes("kind", record.value("kind", "")) &&
           passes("overall", record.value("overall", ""));
}

bool ReportFilter::admits_judgement(const std::string& key, const std::string& grade) const
{
    return passes("judgement", judgement_term(key, grade)) && passes("grade", grade);
}

}  // namespace findings
