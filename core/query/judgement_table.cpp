// The grade history: one row per report and judgement (see judgement_table.h).
#include "core/query/judgement_table.h"

#include "core/common/csv_text.h"
#include "core/common/error.h"
#include "core/common/fields.h"
#include "core/common/index_schema.h"
#include "core/common/judgement_vocabulary.h"
#include "core/common/text_normaliser.h"

#include <algorithm>
#include <map>
#include <set>

namespace findings {

namespace {

// The term suffixes that each filter's values name, by field: a row passes a filter when one
// of its own suffixes for that field is among them.
using Wanted = std::map<std::string, std::set<std::string>>;

Wanted wanted_terms(const SearchRequest& request)
{
    if (!request.query.empty())
        throw Error(ErrorCode::bad_request, "the judgements table takes filters, not a query: leave out q");
    Wanted wanted;
    for (const auto& [name, values] : request.filters) {
        const Field* field = field_named(name);
        if (!field || !judgement_table_filters().count(name)) {
            std::string usable;
            for (const auto& filter : judgement_table_filters())
                usable += (usable.empty() ? "" : ", ") + filter;
            throw Error(ErrorCode::bad_request, "the judgements table cannot be filtered by " +
                                                    (field ? to_lower(field->label) : name) + ": use " + usable);
        }
        for (const auto& value : values) {
            const std::vector<std::string> named = field->resolve(value);
            if (named.empty())
                throw Error(ErrorCode::bad_request, "unknown " + to_lower(field->label) + " \"" + value + "\": " + field->advice);
            wanted[name].insert(named.begin(), named.end());
        }
    }
    return wanted;
}

// Returns whether a record's value of a field, read as the field reads values, is among the
// wanted ones (or the field is not filtered).
bool passes(const Wanted& wanted, const std::string& field, const std::string& value)
{
    const auto found = wanted.find(field);
    if (found == wanted.end())
        return true;
    if (value.empty())
        return false;
    const auto suffixes = field_named(field)->resolve(value);
    return std::any_of(suffixes.begin(), suffixes.end(), [&](const std::string& suffix) { return found->second.count(suffix) > 0; });
}

}  // namespace

const std::set<std::string>& judgement_table_filters()
{
    static const std::set<std::string> names = {"authority", "region", "authority_type", "year",
                                                "kind", "overall", "judgement", "grade"};
    return names;
}

const std::vector<std::string>& judgement_columns()
{
    static const std::vector<std::string> columns = {"authority", "region", "authority_type", "report_id",
                                                     "kind", "inspection_dates", "date", "key", "label", "grade"};
    return columns;
}

std::vector<JudgementRow> judgement_table(const Xapian::Database& db, const SearchRequest& request)
{
    const Wanted wanted = wanted_terms(request);
    std::vector<JudgementRow> rows;
    const auto end = db.metadata_keys_end(schema::k_meta_report);
    for (auto key = db.metadata_keys_begin(schema::k_meta_report); key != end; ++key) {
        const nlohmann::json record = nlohmann::json::parse(db.get_metadata(*key), nullptr, false);
        if (!record.is_object())
            continue;
        const int year = record.value("year", 0);
        if ((request.year_from && year < request.year_from) || (request.year_to && year > request.year_to))
            continue;
        const std::string authority = record.value("authority", "");
        if (!passes(wanted, "authority", authority) || !passes(wanted, "region", record.value("region", "")) ||
            !passes(wanted, "authority_type", record.value("authority_type", "")) ||
            !passes(wanted, "kind", record.value("kind", "")) || !passes(wanted, "overall", record.value("overall", "")) ||
            !passes(wanted, "year", year ? std::to_string(year) : ""))
            continue;
        for (const auto& judgement : record.value("judgements", nlohmann::json::array())) {
            JudgementRow row{authority,
                             record.value("region", ""),
                             record.value("authority_type", ""),
                             record.value("id", ""),
                             record.value("kind", ""),
                             record.value("inspection_dates", ""),
                             record.value("date", ""),
                             judgement.value("key", ""),
                             judgement.value("label", ""),
                             judgement.value("grade", "")};
            if (passes(wanted, "judgement", judgement_term(row.key, row.grade)) && passes(wanted, "grade", row.grade))
                rows.push_back(std::move(row));
        }
    }
    std::sort(rows.begin(), rows.end(), [](const JudgementRow& a, const JudgementRow& b) {
        if (a.authority != b.authority)
            return a.authority < b.authority;
        if (a.date != b.date)
            return a.date < b.date;
        if (a.report_id != b.report_id)
            return a.report_id < b.report_id;
        return judgement_key_position(a.key) < judgement_key_position(b.key);
    });
    return rows;
}

namespace {

std::vector<std::string> values_of(const JudgementRow& row)
{
    return {row.authority, row.region, row.authority_type, row.report_id, row.kind,
            row.inspection_dates, row.date, row.key, row.label, row.grade};
}

}  // namespace

JudgementRow judgement_row_from_json(const nlohmann::json& row)
{
    std::vector<std::string> values;
    for (const auto& column : judgement_columns())
        values.push_back(row.at(column).get<std::string>());
    return {values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9]};
}

nlohmann::json judgement_table_json(const std::vector<JudgementRow>& rows)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& row : rows) {
        nlohmann::json object = nlohmann::json::object();
        const auto values = values_of(row);
        for (std::size_t i = 0; i < values.size(); ++i)
            object[judgement_columns()[i]] = values[i];
        list.push_back(std::move(object));
    }
    return {{"total", rows.size()}, {"judgements", list}};
}

std::string judgement_table_csv(const std::vector<JudgementRow>& rows)
{
    std::string csv = csv_row(judgement_columns());
    for (const auto& row : rows)
        csv += csv_row(values_of(row));
    return csv;
}

}  // namespace findings
