// CSV as RFC 4180 writes it, for the command line's exports and searchd's tables, and read
// back for the data compiled in.
#pragma once

#include <string>
#include <vector>

namespace findings {

// Quotes a CSV field: in double quotes, with inner quotes doubled. A value that begins like a
// spreadsheet formula (= + - @, a tab or a carriage return) gets a leading apostrophe, so that
// a spreadsheet shows it as text instead of running it (OWASP's advice on CSV injection).
std::string csv_field(const std::string& value);

// Returns a row of quoted fields separated by commas, ending in CRLF.
std::string csv_row(const std::vector<std::string>& values);

// Reads CSV: fields separated by commas, records by CRLF or LF; a quoted field may hold
// commas, line breaks and doubled quotes. Throws std::invalid_argument for a quote left open.
std::vector<std::vector<std::string>> csv_rows(const std::string& text);

}  // namespace findings
