// Choosing a search's page of results once its exact matches are known: ranked by relevance
// with Xapian's matcher, or read off the report order (queries of filters alone, and any
// query sorted by date), the finding types a cue named first.
#pragma once

#include "core/query/query_builder.h"
#include "core/query/query_sets.h"
#include "core/query/search_model.h"

#include <xapian.h>

#include <cstddef>
#include <vector>

namespace findings {

// A page: its documents and their weights.
struct RankedPage {
    std::vector<Xapian::docid> documents;
    std::vector<double> weights;
    std::size_t offset = 0;
};

// Returns whether the query has words to weigh and highlight (not only filters in field syntax).
bool ranks_by_words(const BuiltQuery& built);

// Sets the weighting, the sort order and the collapsing a request asks for.
void configure_order(Xapian::Enquire& enquire, const SearchRequest& request);

// Returns the whole query in Xapian's terms, for streaming every match (matched, the exact
// set) through its matcher (exports): the text weighed on the matches, or filtered by every
// group when it has no words, plus the ranked finding types' weights, so that it lists the
// matches in the pages' order.
Xapian::Query streaming_query(const BuiltQuery& built, std::shared_ptr<const DocSet> matched, Xapian::Database& db);

// Reorders the first matches of a relevance ranking (ranked.documents from the first, best
// first) by the proximity of the query's words and by whether they open the paragraph
// (early_words.h), adding those weights to theirs: every page, of any size, and every export
// read the ranking so. Leaves other orders as they are.
void rescore_top(RankedPage& ranked, const SearchRequest& request, const BuiltQuery& built, Xapian::Database& db);

// Returns the request's page of the matches in sets.
RankedPage rank_page(const SearchRequest& request, const BuiltQuery& built, const QuerySets& sets, Xapian::Database& db);

}  // namespace findings
