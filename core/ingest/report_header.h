// A report's header: title, authority, addressee, dates and kind, read from its first blocks.
#pragma once

#include "core/common/report_model.h"
#include "core/ingest/block_builder.h"

#include <cstddef>
#include <string>
#include <vector>

namespace findings {

struct ReportHeader {
    bool letter = false;           // a letter ("Dear ..."), not a full report
    std::string title;
    std::string addressee;
    std::string inspection_dates;
    std::string kind;              // see report_kind() in report_header.cpp
    std::string authority;         // canonical gazetteer name, "" when not found
    std::string authority_slug;
    Date date;
    std::size_t body_start = 0;    // the first block after the header
};

// Reads the header from the first blocks; authority falls back to the body and the file name.
ReportHeader read_header(const std::vector<Block>& blocks, const std::string& source_path);

// Returns the report id: "<authority>-<YYYY-MM-DD>-<inspection|focused-visit|unannounced-inspection>",
// or the file name's stem as a slug when authority or date is unknown.
std::string make_report_id(const ReportHeader& header, const std::string& source_path);

}  // namespace findings
