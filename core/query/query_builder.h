// Building the Xapian query of a search request: full text through Xapian's QueryParser
// (explicit field syntax, phrases, AND/OR/NOT, ranges, spelling), domain synonyms, and the
// filters of cues and request parameters grouped by facet.
#pragma once

#include "core/common/analyser.h"
#include "core/query/search_model.h"

#include <xapian.h>

#include <map>
#include <string>

namespace findings {

struct BuiltQuery {
    Xapian::Query text;                                 // empty when the query has no words left
    Xapian::Query any_text;                             // the words OR-ed, where text AND-s them:
                                                        // the fallback when no paragraph has all
    Xapian::Query proximity;                            // weighs the query's adjacent words found
                                                        // side by side (proximity.h), or empty
    bool matches_nothing = false;                       // the words can match no paragraph:
                                                        // a range written backwards
    std::map<std::string, Xapian::Query> filter_groups; // facet name -> OR of its selected values
    std::map<std::string, double> ranked_terms;         // filter term -> weight: the finding types,
                                                        // polarities and listed findings a query's
                                                        // cues rank first, in weight order
    QueryReading reading;
    std::string suggestion;                             // spelling correction, or ""
};

// Builds the query. Throws Error(bad_request) for an unknown filter value in the request.
BuiltQuery build_query(const SearchRequest& request, const Xapian::Database& db, const Analyser& analyser);

// Returns whether query weighs documents by their words: false for one of boolean filters and
// ranges only (field syntax such as grade:inadequate), whose matches are listed in report order.
bool has_weighted_terms(const Xapian::Query& query);

}  // namespace findings
