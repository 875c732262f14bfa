// CSV as RFC 4180 writes it (see csv_text.h).
#include "core/common/csv_text.h"

#include <stdexcept>
#include <string_view>

namespace findings {

namespace {

// Appends value to out as one quoted field.
void append_csv_field(std::string& out, const std::string& value)
{
    out += '"';
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
        out += '\'';
    std::size_t from = 0;
    for (std::size_t quote = value.find('"'); quote != std::string::npos; quote = value.find('"', quote + 1)) {
        out.append(value, from, quote + 1 - from);
        out += '"';  // doubled
        from = quote + 1;
    }
    out.append(value, from, std::string::npos);
    out += '"';
}

}  // namespace

std::string csv_field(const std::string& value)
{
    std::string out;
    append_csv_field(out, value);
    return out;
}

std::string csv_row(const std::vector<std::string>& values)
{
    std::size_t size = 2;
    for (const auto& value : values)
        size += value.size() + 4;
    std::string line;
    line.reserve(size);
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            line += ',';
        append_csv_field(line, values[i]);
    }
    line += "\r\n";
    return line;
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
