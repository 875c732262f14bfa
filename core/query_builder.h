// Building the Xapian query of a search request: full text through Xapian's QueryParser
// (explicit field syntax, phrases, AND/OR/NOT, ranges, spelling), domain synonyms, and the
// filters of cues and request parameters grouped by facet.
#pragma once

#include "core/analyser.h"
#include "core/search.h"

#include <xapian.h>

#include <map>
#include <string>

namespace findings {

struct BuiltQuery {
    Xapian::Query text;                                 // empty when the query has no words left
    std::map<std::string, Xapian::Query> filter_groups; // facet name -> OR of its selected values
    Xapian::Query boost;                                // ranks the finding type a query named first
    QueryReading reading;
    std::string suggestion;                             // spelling correction, or ""
};

// Builds the query. Throws Error(bad_request) for an unknown filter value in the request.
BuiltQuery build_query(const SearchRequest& request, const Xapian::Database& db, const Analyser& analyser);

// Returns the query to run: text filtered by every group except the one named by without
// (for that facet's own counts), plus the ranking boost.
Xapian::Query combine(const BuiltQuery& built, const std::string& without = "");

}  // namespace findings
