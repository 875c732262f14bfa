// The grade history: one row per report and judgement (see judgement_table.h).
#include "core/query/judgement_table.h"

#include "core/common/csv_text.h"
#include "core/common/judgement_vocabulary.h"
#include "core/index/report_lookup.h"
#include "core/query/report_filter.h"

#include <algorithm>

namespace findings {

const std::vector<std::string>& judgement_columns()
{
    static const std::vector<std::string> columns = {"authority", "region", "authority_type", "report_id",
                                                     "kind", "inspection_dates", "date", "key", "label", "grade"};
    return columns;
}

std::vector<JudgementRow> judgement_table(const Xapian::Database& db, const SearchRequest& request)
{
    const ReportFilter filter(request, "the judgements table");
    std::vector<JudgementRow> rows;
    for (const auto& record : report_records(db)) {
        if (!filter.admits_report(record))
            continue;
        for (const auto& judgement : record.value("judgements", nlohmann::json::array())) {
            JudgementRow row{record.value("authority", ""),
                             record.value("region", ""),
                             record.value("authority_type", ""),
                             record.value("id", ""),
                             record.value("kind", ""),
                             record.value("inspection_dates", ""),
                             record.value("date", ""),
                             judgement.value("key", ""),
                             judgement.value("label", ""),
                             judgement.value("grade", "")};
            if (filter.admits_judgement(row.key, row.grade))
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
