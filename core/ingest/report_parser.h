// The report parser: cleaned-up report text in, structured Report out.
#pragma once

#include "core/common/report_model.h"

#include <string>

namespace findings {

// Parses one report's text (UTF-8, as read_report_file gives it: pages separated by form
// feeds). source_path is kept in the report and its file name may supply the date
// ("barnet-2024-07-23-inspection.txt"). Never throws on odd text: structure it cannot
// recognise becomes judgement or context paragraphs.
Report parse_report(const std::string& text, const std::string& source_path);

}  // namespace findings
