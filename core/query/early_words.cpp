// Early words: the concepts a paragraph names among its first words.
#include "core/query/early_words.h"

#include "core/common/concept_terms.h"
#include "core/common/early_terms.h"
#include "core/common/index_schema.h"

#include <algorithm>
#include <numeric>
#include <string>

namespace findings {

namespace {

// The weight of a paragraph that names every concept early: about one common word's BM25 weight.
// Chosen with k_early_positions (early_terms.h) on bench/relevance/queries.json: nDCG@10 0.848
// without; 0.859/0.857/0.859 with 12 words and weights 1/2/3, 0.864/0.873/0.872 with 24,
// 0.859/0.863/0.863 with 36, 0.874 as kept (the held-out set, never used to choose: 0.816
// without, 0.845 with 24 and 2; bench/changes.md).
constexpr double k_early_weight = 2.0;

std::vector<std::uint32_t> hashes_of(const std::vector<std::string>& terms)
{
    std::vector<std::uint32_t> hashes;
    for (const std::string& term : terms)
        hashes.push_back(early_term_hash(term));
    return hashes;
}

}  // namespace

std::vector<EarlyConcept> early_concepts(const Xapian::Query& text)
{
    std::vector<EarlyConcept> concepts;
    for (auto term = text.get_unique_terms_begin(); term != text.get_unique_terms_end(); ++term) {
        if (schema::is_text_term(*term)) {
            concepts.push_back({{early_term_hash(*term)}});
        } else if (const auto* members = ConceptTerms::shipped().members_of_term(*term)) {
            EarlyConcept concept;
            for (const auto& member : *members)
                concept.push_back(hashes_of(member));
            concepts.push_back(std::move(concept));
        }
    }
    return concepts;
}

std::vector<double> early_weights(const Xapian::Database& db, const std::vector<Xapian::docid>& paragraphs,
                                  const std::vector<EarlyConcept>& concepts)
{
    std::vector<double> weights(paragraphs.size(), 0.0);
    if (concepts.empty())
        return weights;
    std::vector<std::size_t> in_id_order(paragraphs.size());
    std::iota(in_id_order.begin(), in_id_order.end(), 0);
    std::sort(in_id_order.begin(), in_id_order.end(),
              [&paragraphs](std::size_t a, std::size_t b) { return paragraphs[a] < paragraphs[b]; });
    for (std::size_t i : in_id_order) {
        // Matched paragraphs exist: checking each again would read its length from the index.
        const std::string early_terms =
            db.get_document(paragraphs[i], Xapian::DOC_ASSUME_VALID).get_value(schema::k_slot_early_terms);
        const auto early = [&early_terms](std::uint32_t hash) { return holds_early_term(early_terms, hash); };
        const auto named_early = std::count_if(concepts.begin(), concepts.end(), [&](const EarlyConcept& concept) {
            return std::any_of(concept.begin(), concept.end(), [&](const std::vector<std::uint32_t>& member) {
                return !member.empty() && std::all_of(member.begin(), member.end(), early);
            });
        });
        weights[i] = k_early_weight * static_cast<double>(named_early) / static_cast<double>(concepts.size());
    }
    return weights;
}

}  // namespace findings
