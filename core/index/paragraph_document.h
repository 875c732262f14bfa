// Turning a parsed report into index documents and its metadata record (see index_schema.h).
#pragma once

#include "core/common/report_model.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace findings {

// A report's documents, made ready off the index writer's thread, with the words they hold
// and how often (what TermGenerator's FLAG_SPELLING would feed the spelling dictionary,
// which needs the database and so cannot be fed where documents are built).
struct ReportDocuments {
    std::vector<Xapian::Document> documents;  // one per paragraph, in order
    std::unordered_map<std::string, Xapian::termcount> words;
};

// Returns the documents of every paragraph of report.
ReportDocuments report_documents(const Report& report, Xapian::TermGenerator& generator);

// Returns the report-level record kept in the index's metadata: metadata, every judgement
// with its grade, and the number of paragraphs.
nlohmann::json report_record(const Report& report);

// Returns a paragraph document's own fields as JSON text (paragraph_record reads them). Indexes
// of schema 10 and before hold them as the document's data.
std::string paragraph_data(const Xapian::Document& document);

// Returns a paragraph as results and reports show it: {id, report_id, report_title, date,
// section, position, text} and every field of the table of fields (fields.h),
// from its document's data (the paragraph's own fields, parsed) and its report's record. An
// empty object when either is not one.
// data is taken, so that its text moves into the record rather than being copied.
nlohmann::json paragraph_record(nlohmann::json data, const nlohmann::json& report);

// Returns what paragraph_record reads of a report record (its title, date and report-level
// fields shown): what a reader of many paragraphs keeps of each report.
nlohmann::json report_part_of_paragraphs(const nlohmann::json& report);

}  // namespace findings
