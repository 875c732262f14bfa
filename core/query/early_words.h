// Early words: inspectors open a paragraph with what it is about ("Short breaks for disabled
// children are ..."), so a paragraph that names the query's concepts among its first words is
// about them, and one that names them further on mostly mentions them in passing. The best
// matches are reordered by it, with proximity (result_page.h).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <vector>

namespace findings {

// One concept of a query, as the terms that show it: its stem, or its synonyms' members, each as
// its stems (a concept term has no positions of its own), each stem as the hash under which a
// paragraph keeps its early terms (early_terms.h). It is named early where every stem of one
// member is.
using EarlyConcept = std::vector<std::vector<std::uint32_t>>;

// Returns the concepts of a query's words (text terms and concept terms; not filters).
std::vector<EarlyConcept> early_concepts(const Xapian::Query& text);

// Returns the weights the paragraphs gain for naming the concepts among their first words: each a
// share of k_early_weight, the share of the concepts it names there. Reads the paragraphs' early
// terms from the index (nothing when there are no concepts), in the order of their ids, which
// spares Xapian some block reads.
std::vector<double> early_weights(const Xapian::Database& db, const std::vector<Xapian::docid>& paragraphs,
                                  const std::vector<EarlyConcept>& concepts);

}  // namespace findings
