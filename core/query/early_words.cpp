// Early words: the concepts a paragraph names among its first words.
#include "core/query/early_words.h"

#include "core/common/concept_terms.h"
#include "core/common/index_schema.h"

#include <algorithm>

namespace findings {

namespace {

// A paragraph's first this many words, stop words left out as the index leaves them out: about
// its first sentence or two. Chosen with k_early_weight on bench/relevance/queries.json: nDCG@10
// 0.848 without; 0.859/0.857/0.859 with 12 words and weights 1/2/3, 0.864/0.873/0.872 with 24,
// 0.859/0.863/0.863 with 36, 0.874 as kept (the held-out set, never used to choose: 0.816
// without, 0.845 with 24 and 2; bench/changes.md).
constexpr Xapian::termpos k_early_positions = 24;

// The weight of a paragraph that names every concept early: about one common word's BM25 weight.
constexpr double k_early_weight = 2.0;

// Returns whether the term occurs in the paragraph among its first words.
bool occurs_early(const Xapian::Database& db, Xapian::docid paragraph, const std::string& term)
{
    Xapian::PositionIterator position = db.positionlist_begin(paragraph, term);
    return position != db.positionlist_end(paragraph, term) && *position <= k_early_positions;
}

}  // namespace

std::vector<EarlyConcept> early_concepts(const Xapian::Query& text)
{
    std::vector<EarlyConcept> concepts;
    for (auto term = text.get_unique_terms_begin(); term != text.get_unique_terms_end(); ++term) {
        if (schema::is_text_term(*term))
            concepts.push_back({{*term}});
        else if (const auto* members = ConceptTerms::shipped().members_of_term(*term))
            concepts.push_back(*members);
    }
    return concepts;
}

double early_weight(const Xapian::Database& db, Xapian::docid paragraph, const std::vector<EarlyConcept>& concepts)
{
    if (concepts.empty())
        return 0;
    const auto occurs = [&](const std::string& term) { return occurs_early(db, paragraph, term); };
    const auto named_early = std::count_if(concepts.begin(), concepts.end(), [&](const EarlyConcept& concept) {
        return std::any_of(concept.begin(), concept.end(), [&](const std::vector<std::string>& member) {
            return !member.empty() && std::all_of(member.begin(), member.end(), occurs);
        });
    });
    return k_early_weight * static_cast<double>(named_early) / static_cast<double>(concepts.size());
}

}  // namespace findings
