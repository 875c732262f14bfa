// A search result as an export row, with its links (see result_rows.h).
#include "core/query/result_rows.h"

#include "core/common/csv_text.h"
#include "core/common/error.h"
#include "core/common/fields.h"
#include "core/common/ofsted_links.h"
#include "core/common/text_normaliser.h"
#include "core/query/search_json.h"

#include <algorithm>

namespace findings {

namespace {

std::vector<std::string> make_default_columns()
{
    std::vector<std::string> columns = {"rank", "id", "report_id"};
    for (const Field& field : fields()) {
        if (field.shown)
            columns.push_back(field.name);
    }
    columns.insert(columns.end(), {"date", "section", "report_title", "score", "url", "ofsted_url", "text"});
    return columns;
}

const std::vector<std::string>& columns_or_default(const std::vector<std::string>& columns)
{
    return columns.empty() ? default_row_columns() : columns;
}

// The API's result with its two links.
nlohmann::json linked_hit(const SearchHit& hit, const std::string& page_base)
{
    nlohmann::json all = hit_json(hit);
    all["url"] = paragraph_url(page_base, hit);
    all["ofsted_url"] = ofsted_provider_url(hit.field("authority"));
    return all;
}

std::string joined_section(const std::vector<std::string>& section)
{
    std::string out;
    for (const auto& heading : section)
        out += (out.empty() ? "" : " > ") + heading;
    return out;
}

// Returns the text of one column of a row: what linked_hit holds under its name (numbers as
// written), the section's headings joined, the score in full. Read straight from the hit, as an
// export writes hundreds of thousands of rows.
std::string column_text(const SearchHit& hit, const std::string& column, const std::string& page_base)
{
    if (column == "id")
        return hit.id;
    if (column == "report_id")
        return hit.report_id;
    if (column == "rank")
        return std::to_string(hit.rank);
    if (column == "score")
        return std::to_string(hit.score);
    if (column == "date")
        return hit.date;
    if (column == "section")
        return joined_section(hit.section);
    if (column == "position")
        return std::to_string(hit.position);
    if (column == "report_title")
        return hit.report_title;
    if (column == "snippet")
        return hit.snippet;
    if (column == "text")
        return hit.text;
    if (column == "url")
        return paragraph_url(page_base, hit);
    if (column == "ofsted_url")
        return ofsted_provider_url(hit.field("authority"));
    const Field* field = field_named(column);  // columns are checked (row_columns_named): one always is
    if (!field)
        return {};
    const nlohmann::json value = field_json(*field, hit.field(column));
    return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace

const std::vector<std::string>& default_row_columns()
{
    static const std::vector<std::string> columns = make_default_columns();
    return columns;
}

const std::vector<std::string>& row_columns()
{
    static const std::vector<std::string> columns = [] {
        std::vector<std::string> all = make_default_columns();
        all.insert(all.end(), {"position", "snippet"});
        return all;
    }();
    return columns;
}

std::vector<std::string> row_columns_named(const std::string& list)
{
    const std::vector<std::string> columns = split_on(list, ',');
    for (const auto& column : columns) {
        if (std::find(row_columns().begin(), row_columns().end(), column) == row_columns().end()) {
            std::string names;
            for (const auto& name : row_columns())
                names += (names.empty() ? "" : ",") + name;
            throw Error(ErrorCode::bad_request, "no column \"" + column + "\"; the columns are " + names);
        }
    }
    return columns;
}

std::string paragraph_url(const std::string& page_base, const SearchHit& hit)
{
    // Report ids are lower-case letters, digits and hyphens: nothing in them needs escaping.
    return page_base + "/?report=" + hit.report_id + "&hit=" + std::to_string(hit.position);
}

nlohmann::json row_json(const SearchHit& hit, const std::vector<std::string>& columns, const std::string& page_base)
{
    nlohmann::json all = linked_hit(hit, page_base);
    if (columns.empty())
        return all;
    nlohmann::json row = nlohmann::json::object();
    for (const auto& column : columns)
        row[column] = all.at(column);
    return row;
}

std::string row_csv_header(const std::vector<std::string>& columns)
{
    std::string line;
    for (const auto& column : columns_or_default(columns))
        line += (line.empty() ? "" : ",") + column;
    return line + "\r\n";
}

std::vector<std::string> row_values(const SearchHit& hit, const std::vector<std::string>& columns,
                                    const std::string& page_base)
{
    std::vector<std::string> values;
    for (const auto& column : columns_or_default(columns))
        values.push_back(column_text(hit, column, page_base));
    return values;
}

bool rows_need_snippet(const std::vector<std::string>& columns)
{
    const auto& shown = columns_or_default(columns);
    return std::find(shown.begin(), shown.end(), "snippet") != shown.end();
}

std::string row_csv(const SearchHit& hit, const std::vector<std::string>& columns, const std::string& page_base)
{
    return csv_row(row_values(hit, columns, page_base));
}

}  // namespace findings
