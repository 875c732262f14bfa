// The exact document sets of a built query, evaluated as bitmaps (match_sets): its text, each
// facet's filter and all of them together; and the facet counts over them.
#pragma once

#include "core/query/doc_set.h"
#include "core/query/facet_columns.h"
#include "core/query/query_builder.h"
#include "core/query/search_model.h"

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace findings {

struct QuerySets {
    std::shared_ptr<const DocSet> text;                           // every document when no words
    std::map<std::string, std::shared_ptr<const DocSet>> groups;  // facet -> its filter
    std::shared_ptr<const DocSet> matched;                        // the exact matches

    // Returns the matches ignoring one facet's filter (all filters when facet is "").
    std::shared_ptr<const DocSet> without(const std::string& facet) const;
};

QuerySets evaluate_sets(const BuiltQuery& built, Xapian::Database& db);

// Returns the match sets of built: the paragraphs with every concept of the query. When they
// are too few, those with any of them (most ranking first): built's text becomes the words
// OR-ed, and its reading says so.
QuerySets sets_with_fallback(BuiltQuery& built, Xapian::Database& db);

// Counts the facets named (every facet when names is empty) over the matches; a facet the
// request filters on is counted without its own filter, so that its other values show what
// widening would give.
std::map<std::string, std::vector<FacetCount>> count_facets(const QuerySets& sets, const FacetColumns& columns,
                                                            const std::vector<std::string>& names = {});

}  // namespace findings
