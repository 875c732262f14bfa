// Synonyms as one concept: where a query names a member of a synonym group ("CAMHS"), the
// group is searched as one term (its concept term, concept_terms.h, or Xapian's OP_SYNONYM over
// the members, multi-word members as phrases), so that a paragraph has the concept or not, and
// ranks by it once.
#pragma once

#include "core/common/analyser.h"
#include "core/common/synonyms.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace findings {

// The query syntax a synonym use is rewritten to, for the parser's field processor.
extern const char* const k_concept_prefix;

// Returns text with each synonym member it names (outside quotes, field values and what a
// negation excludes) written as k_concept_prefix:N, N indexing uses, which receives them.
std::string with_synonym_concepts(const std::string& text, std::vector<SynonymUse>& uses);

// Returns the query of one member: its stem, or the phrase of its words' stems.
Xapian::Query member_query(const std::string& member, const Analyser& analyser);

// Turns k_concept_prefix:N back into use N's group: its concept term where the index has them
// (concept_terms.h), else the OP_SYNONYM of its members, the same paragraphs found slower.
class ConceptField : public Xapian::FieldProcessor {
public:
    ConceptField(const std::vector<SynonymUse>& uses, const Analyser& analyser, bool concept_terms)
        : m_uses(uses), m_analyser(analyser), m_concept_terms(concept_terms)
    {
    }

    Xapian::Query operator()(const std::string& index) override;

private:
    const std::vector<SynonymUse>& m_uses;
    const Analyser& m_analyser;
    const bool m_concept_terms;
};

}  // namespace findings
