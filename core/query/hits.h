// Results read from the index: a page's few one after another, an export's many on two threads.
#pragma once

#include "core/index/report_lookup.h"
#include "core/query/result_page.h"
#include "core/query/search_model.h"
#include "core/query/snippet.h"

#include <xapian.h>

#include <functional>
#include <memory>
#include <vector>

namespace findings {

// Returns the report parts kept for db's revision (ReportParts), shared by its searches.
std::shared_ptr<ReportParts> kept_report_parts(const Xapian::Database& db);

// Returns the results of a page of the ranking, in its order. highlighter, when the query has
// words, marks them in the snippets.
std::vector<SearchHit> read_hits(const RankedPage& page, const Xapian::Database& db, const Highlighter* highlighter);

// Returns the result of one document (without rank and score).
SearchHit read_hit(const Xapian::Document& document, ReportRecords& reports, const Highlighter* highlighter);

// Calls visit with the result of every document of ranked, in its order (snippets only when
// asked for). This thread reads the index while a second turns what it read into results and
// calls visit, so visit runs on that thread, one result at a time; an exception from visit stops
// the reading and is thrown here. highlighter is used on the second thread only.
void stream_hits(const RankedPage& ranked, const Xapian::Database& db, const Highlighter* highlighter, bool snippets,
                 const std::function<void(const SearchHit&)>& visit);

}  // namespace findings
