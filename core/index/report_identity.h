// Which id a parsed report is indexed under. A report's own id is its authority, date and kind
// ("croydon-2019-03-04-inspection"), and two sources can give the same one:
// - the same report twice (a text and its PDF, a copy under another name): most of their
//   paragraphs are the same. One source holds the report: the one preferred_source prefers,
//   whichever was indexed first;
// - two different reports: the one indexed later gets the next free "<id>-2", "<id>-3", ...
// So two reports never share an id, and a source keeps the id it was given while it is
// indexed, so that links to its paragraphs stay valid.
#pragma once

#include "core/common/report_model.h"

#include <xapian.h>

#include <string>

namespace findings {

struct ReportIdentity {
    std::string base;          // the id the report's own authority, date and kind give
    std::string id;            // the id to write it under; "" for a duplicate
    std::string duplicate_of;  // for a duplicate: the source that holds the report
    std::string displaces;     // the source of the same report that this one is preferred to
};

// Of two sources of the same report, returns whether a is kept rather than b: a text file over
// a PDF (a text beside its PDF is taken as its corrected extraction), then the path that sorts
// first.
bool preferred_source(const std::string& a, const std::string& b);

// Decides where report (its id still its own) goes in db. A source holds a report while its
// file exists and db has its source record.
ReportIdentity decide_identity(const Xapian::Database& db, const Report& report);

}  // namespace findings
