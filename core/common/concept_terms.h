// Synonym groups as index terms. Every paragraph that names a member of a group (its stem, or
// its words' stems in a row, as the member's phrase query matches them) carries the group's
// concept term, once for each naming. A query that names the concept then reads one posting
// list, instead of checking the positions of each member's phrase in every candidate
// (concepts.h), and ranks by the concept's own frequency.
#pragma once

#include "core/common/analyser.h"

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace findings {

// Returns the terms a member is searched and indexed under: its words' stems, stop words left
// out (as the index holds them). Empty for a member of stop words alone.
std::vector<std::string> member_terms(const std::string& member, const Analyser& analyser);

class ConceptTerms {
public:
    // The groups of stopwords/synonyms.txt, read as the Analyser reads words.
    static const ConceptTerms& shipped();

    ConceptTerms(const std::vector<std::vector<std::string>>& groups, const Analyser& analyser);

    // The index term of a group: "K" and the group's number.
    static std::string term_of(std::size_t group);

    // Returns the distinct term sequences of a group's members, as member_terms gives them.
    const std::vector<std::vector<std::string>>& members(std::size_t group) const { return m_members.at(group); }

    // Returns the members of the group whose concept term this is, or nullptr for another term.
    const std::vector<std::vector<std::string>>* members_of_term(const std::string& term) const;

    // Returns whether the concept terms of db were made with this table, as recorded by
    // record_in (a fingerprint of every member's terms): only then are they searched.
    bool searchable_in(const Xapian::Database& db) const;

    // Records in db that its concept terms are this table's: on a new index, which every
    // document will get them from; on one whose documents have another table's (or none),
    // the record is removed instead, and synonyms are searched as phrases until a rebuild.
    void record_in(Xapian::WritableDatabase& db) const;

    // Adds to a document the concept terms of the text terms it holds with positions.
    void add_to(Xapian::Document& document) const;

private:
    struct Member {
        std::size_t group;
        std::vector<int> terms;  // by m_term_ids
    };

    std::vector<std::vector<std::vector<std::string>>> m_members;  // by group
    std::unordered_map<std::string, int> m_term_ids;              // every member term
    std::unordered_map<int, std::vector<Member>> m_by_first_term;  // longest first
    std::string m_fingerprint;
};

}  // namespace findings
