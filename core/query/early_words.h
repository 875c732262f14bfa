// Early words: inspectors open a paragraph with what it is about ("Short breaks for disabled
// children are ..."), so a paragraph that names the query's concepts among its first words is
// about them, and one that names them further on mostly mentions them in passing. The best
// matches are reordered by it, with proximity (result_page.h).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace findings {

// One concept of a query, as the terms that show it: its stem, or its synonyms' members, each as
// its stems (a concept term has no positions of its own). It is named early where every stem of
// one member is.
using EarlyConcept = std::vector<std::vector<std::string>>;

// Returns the concepts of a query's words (text terms and concept terms; not filters).
std::vector<EarlyConcept> early_concepts(const Xapian::Query& text);

// Returns the weight a paragraph gains for naming the concepts among its first words: a share
// of k_early_weight, the share of the concepts it names there.
double early_weight(const Xapian::Database& db, Xapian::docid paragraph, const std::vector<EarlyConcept>& concepts);

}  // namespace findings
