// CSV as RFC 4180 writes it, for the command line's exports and searchd's tables.
#pragma once

#include <string>
#include <vector>

namespace findings {

// Quotes a CSV field: in double quotes, with inner quotes doubled.
std::string csv_field(const std::string& value);

// Returns a row of quoted fields separated by commas, ending in CRLF.
std::string csv_row(const std::vector<std::string>& values);

}  // namespace findings
