// CSV as RFC 4180 writes it (see csv_text.h).
#include "core/common/csv_text.h"

namespace findings {

std::string csv_field(const std::string& value)
{
    std::string out = "\"";
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

}  // namespace findings
