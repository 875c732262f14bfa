// Similar findings elsewhere: the paragraphs of other authorities' reports that say most
// nearly what one paragraph says, found with Xapian's relevance feedback (the paragraph as the
// relevant set, its expand set of most telling stemmed words as the query). The expand set
// leaves out what tells nothing about a topic: words in a handful of paragraphs (typos, local
// service names, incidental words, which a single relevant paragraph weighs highest) and words
// in a tenth of them or more (inspection wording: however, support, impact); and it weighs
// twice the words of the paragraph's first sentence, where inspectors state the topic, so that
// a long paragraph's side clause does not take it over.
#pragma once

#include "core/common/analyser.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace findings {

// The words of a feedback query: enough to say what a paragraph is about, few enough that its
// incidental words do not take over (tuned by reading the results for 16 paragraphs), and that
// the OR of their postings stays under 50 ms at a million paragraphs (15 words took 52 ms at
// p99; 12 take 35 ms, for 3 grade points fewer of 140 on bench/similar/judged.json).
constexpr Xapian::termcount k_similar_terms = 12;

struct SimilarQuery {
    Xapian::docid source = 0;          // the paragraph's document
    Xapian::Query words;               // its most telling words, OR-ed, each weighed as it tells
    std::vector<std::string> terms;    // those words (stems), most telling first
    std::string authority_term;        // the paragraph's authority: its own reports are left out
};

// Returns the feedback query of the paragraph with id ("croydon-2020-03-16-inspection/10"),
// its words stemmed as analyser does. Throws Error(not_found) for an id that names no paragraph.
SimilarQuery similar_query(const Xapian::Database& db, const Analyser& analyser, const std::string& paragraph_id);

}  // namespace findings
