// Dates as reports write them ("30 June 2011", "1st July 2013") and as file names carry them.
#pragma once

#include "core/common/report_model.h"

#include <optional>
#include <string_view>

namespace findings {

// Returns the first full date written in text ("30 June 2011", "5th March 2010", "4 Jan 2010").
std::optional<Date> find_date(std::string_view text);

// Returns the last full date written in text (the end of "18 - 29 January 2010" gives 29 January).
std::optional<Date> find_last_date(std::string_view text);

// Returns whether the whole of line is one date ("4 January 2010", "Date: 4 January 2010").
bool is_date_line(std::string_view line);

// Returns the YYYY-MM-DD date in a file name ("barnet-2024-07-23-inspection.txt").
std::optional<Date> date_in_file_name(std::string_view path);

}  // namespace findings
