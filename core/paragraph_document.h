// Turning a parsed report into index documents and its metadata record (see index_schema.h).
#pragma once

#include "core/report_model.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

namespace findings {

// Returns the id of a paragraph: "<report id>/<position>".
std::string paragraph_id(const Report& report, const Paragraph& paragraph);

// Returns the Xapian document of one paragraph: its text (stemmed, with positions) and section
// words, its boolean facet terms, its value slots and its JSON data. generator must already
// be configured by Analyser::configure.
Xapian::Document paragraph_document(const Report& report, const Paragraph& paragraph,
                                    Xapian::TermGenerator& generator);

// Returns the report-level record kept in the index's metadata: metadata, every judgement
// with its grade, and the number of paragraphs.
nlohmann::json report_record(const Report& report);

}  // namespace findings
