// Synonym groups as index terms.
#include "core/common/concept_terms.h"
#include "core/common/fnv_hash.h"

#include "core/common/index_schema.h"
#include "core/common/synonyms.h"

#include <algorithm>
#include <map>

namespace findings {

std::vector<std::string> member_terms(const std::string& member, const Analyser& analyser)
{
    std::vector<std::string> terms;
    for (const auto& word : words_of(member)) {
        if (!analyser.is_stop_word(word))  // not indexed (see Analyser)
            terms.push_back(analyser.term_of(word));
    }
    return terms;
}

const ConceptTerms& ConceptTerms::shipped()
{
    static const ConceptTerms table(synonym_groups(), Analyser());
    return table;
}

ConceptTerms::ConceptTerms(const std::vector<std::vector<std::string>>& groups, const Analyser& analyser)
{
    Fnv1a64 hash;  // over every member's terms
    const auto mix = [&hash](const std::string& text) { hash.add(text).add_byte(0xff); };
    for (std::size_t group = 0; group < groups.size(); ++group) {
        std::vector<std::vector<std::string>> members;
        for (const auto& member : groups[group]) {
            std::vector<std::string> terms = member_terms(member, analyser);
            if (!terms.empty() && std::find(members.begin(), members.end(), terms) == members.end())
                members.push_back(std::move(terms));
        }
        mix("group");
        for (const auto& terms : members) {
            Member indexed{group, {}};
            for (const auto& term : terms) {
                mix(term);
                indexed.terms.push_back(m_term_ids.emplace(term, static_cast<int>(m_term_ids.size())).first->second);
            }
            mix("");
            m_by_first_term[indexed.terms.front()].push_back(std::move(indexed));
        }
        m_members.push_back(std::move(members));
    }
    for (auto& [first, candidates] : m_by_first_term)  // "local safeguarding children board" before "local ..."
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Member& a, const Member& b) { return a.terms.size() > b.terms.size(); });
    m_fingerprint = hash.hex();
}

std::string ConceptTerms::term_of(std::size_t group) { return schema::k_concept + std::to_string(group); }

const std::vector<std::vector<std::string>>* ConceptTerms::members_of_term(const std::string& term) const
{
    if (term.size() <= schema::k_concept.size() || term.compare(0, schema::k_concept.size(), schema::k_concept) != 0)
        return nullptr;
    const std::string number = term.substr(schema::k_concept.size());
    if (number.size() > 6 || !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return nullptr;
    const std::size_t group = std::stoul(number);
    return group < m_members.size() ? &m_members[group] : nullptr;
}

bool ConceptTerms::searchable_in(const Xapian::Database& db) const
{
    return db.get_metadata(schema::k_meta_concept_terms) == m_fingerprint;
}

void ConceptTerms::record_in(Xapian::WritableDatabase& db) const
{
    const bool new_index = db.get_doccount() == 0;
    if (new_index || searchable_in(db))
        db.set_metadata(schema::k_meta_concept_terms, m_fingerprint);
    else
        db.set_metadata(schema::k_meta_concept_terms, "");  // removes it
}

void ConceptTerms::add_to(Xapian::Document& document) const
{
    std::map<Xapian::termpos, int> at;  // the member terms of the text, by position
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        const auto id = m_term_ids.find(*term);
        if (id == m_term_ids.end())
            continue;
        for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position)
            at.emplace(*position, id->second);
    }
    struct Namings {
        Xapian::termcount count = 0;
        Xapian::termpos covered_to = 0;  // a naming overlapping one counted for the group is no other
    };
    std::map<std::size_t, Namings> namings;  // by group
    for (auto word = at.begin(); word != at.end(); ++word) {
        const auto candidates = m_by_first_term.find(word->second);
        if (candidates == m_by_first_term.end())
            continue;
        for (const Member& member : candidates->second) {  // longest first
            Namings& group = namings[member.group];
            if (word->first <= group.covered_to)
                continue;
            bool in_a_row = true;
            auto next = word;
            for (std::size_t k = 1; k < member.terms.size() && in_a_row; ++k) {
                ++next;
                in_a_row = next != at.end() && next->first == word->first + k && next->second == member.terms[k];
            }
            if (in_a_row) {
                ++group.count;
                group.covered_to = word->first + static_cast<Xapian::termpos>(member.terms.size()) - 1;
            }
        }
    }
    for (const auto& [group, named] : namings) {
        if (named.count > 0)
            document.add_term(term_of(group), named.count);
    }
}

}  // namespace findings
