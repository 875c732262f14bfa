// CSV as RFC 4180 writes it (see csv_text.h).
#include "core/common/csv_text.h"

#include <stdexcept>
#include <string_view>

namespace findings {

std::string csv_field(const std::string& value)
{
    std::string out = "\"";
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
        out += '\'';
    for (char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_row(const std::vector<std::string>& values)
{
    std::string line;
    for (const auto& value : values)
        line += (line.empty() ? "" : ",") + csv_field(value);
    return line + "\r\n";
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text)
{
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        std::string& field = rows.back().back();
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += text[++i];
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            rows.emplace_back(1);
        } else {
            field += c;
        }
    }
    if (quoted)
        throw std::invalid_argument("a quoted CSV field is never closed");
    if (rows.back() == std::vector<std::string>(1))
        rows.pop_back();
    return rows;
}

}  // namespace findings
