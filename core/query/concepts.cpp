// Synonyms as one concept.
#include "core/query/concepts.h"

#include "core/common/concept_terms.h"
#include "core/query/query_understanding.h"

#include <algorithm>

namespace findings {

const char* const k_concept_prefix = "synonymsof";

std::string with_synonym_concepts(const std::string& text, std::vector<SynonymUse>& uses)
{
    const std::vector<Negation> negations = negations_of(text);
    std::vector<SynonymUse> found = find_synonyms(text);
    std::sort(found.begin(), found.end(), [](const SynonymUse& a, const SynonymUse& b) { return a.offset < b.offset; });
    std::string out;
    std::size_t copied = 0;
    for (SynonymUse& use : found) {
        const std::size_t end = use.offset + use.matched.size();
        const bool excluded = std::any_of(negations.begin(), negations.end(), [&](const Negation& negation) {
            return use.offset < negation.operand + negation.length && negation.operand < end;
        });
        // In a field's value (kind:safeguarding_lac is no "LAC"): a ':' earlier in its token.
        const std::size_t token = text.find_last_of(" (", use.offset);
        const std::size_t colon = text.rfind(':', use.offset);
        const bool field_value = colon != std::string::npos && (token == std::string::npos || colon > token);
        const bool field_name = end < text.size() && text[end] == ':';
        if (excluded || field_value || field_name || inside_quotes(text, use.offset))
            continue;
        out += text.substr(copied, use.offset - copied);
        copied = end;
        if (use.alternatives.empty())  // its group's concept is in the query already
            continue;
        out += k_concept_prefix + std::string(":") + std::to_string(uses.size());
        uses.push_back(std::move(use));
    }
    return out + text.substr(copied);
}

namespace {

// Returns the query of a member's terms: the term, or the phrase of them.
Xapian::Query query_of_terms(const std::vector<std::string>& terms)
{
    if (terms.size() == 1)
        return Xapian::Query(terms[0]);
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end());
}

}  // namespace

Xapian::Query member_query(const std::string& member, const Analyser& analyser)
{
    return query_of_terms(member_terms(member, analyser));
}

Xapian::Query ConceptField::operator()(const std::string& index)
{
    const bool digits = !index.empty() && index.size() < 6 &&
                        std::all_of(index.begin(), index.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::stoul(index) >= m_uses.size())  // typed by hand: a word like any other
        return Xapian::Query(m_analyser.term_of(k_concept_prefix + std::string(":") + index));
    const SynonymUse& use = m_uses[std::stoul(index)];
    const auto& members = ConceptTerms::shipped().members(use.group);
    std::vector<Xapian::Query> queries;
    if (m_concept_terms) {
        queries.emplace_back(ConceptTerms::term_of(use.group));
    } else {
        for (const auto& terms : members)
            queries.push_back(query_of_terms(terms));
    }
    // A plural the stemmer keeps ("GPs" is gps, "SGOs" sgos) is none of the group's members as
    // the index holds them: it is searched beside them, as written.
    const std::vector<std::string> typed = member_terms(use.matched, m_analyser);
    if (!typed.empty() && std::find(members.begin(), members.end(), typed) == members.end())
        queries.push_back(query_of_terms(typed));
    if (queries.size() == 1)
        return queries.front();
    return Xapian::Query(Xapian::Query::OP_SYNONYM, queries.begin(), queries.end());
}

}  // namespace findings
