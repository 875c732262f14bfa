// Concept terms: which paragraphs carry a synonym group's term, how often, and when an index's
// concept terms may be searched.
#include "core/common/analyser.h"
#include "core/common/concept_terms.h"
#include "core/common/index_schema.h"
#include "core/common/synonyms.h"
#include "tests/test_support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <string>

using namespace findings;
using findings::test::TempDir;

namespace {

// Returns the number of the synonym group that has member.
std::size_t group_with(const std::string& member)
{
    const auto& groups = synonym_groups();
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (const auto& name : groups[g]) {
            if (name == member)
                return g;
        }
    }
    FAIL("no synonym group has " << member);
    return 0;
}

// Returns the concept terms a paragraph of text is indexed with: term -> times named.
std::map<std::string, Xapian::termcount> concepts_of(const std::string& text)
{
    const Analyser analyser;
    Xapian::TermGenerator generator;
    analyser.configure(generator);
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(text);
    ConceptTerms::shipped().add_to(document);
    std::map<std::string, Xapian::termcount> concepts;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        if ((*term).rfind(schema::k_concept, 0) == 0)
            concepts[*term] = term.get_wdf();
    }
    return concepts;
}

std::string concept_of(const std::string& member) { return ConceptTerms::term_of(group_with(member)); }

}  // namespace

TEST_CASE("A paragraph carries a group's concept term once for each time it names a member", "[concepts][index]")
{
    CHECK(concepts_of("Looked after children (LAC) do well, and children in care are seen.") ==
          std::map<std::string, Xapian::termcount>{{concept_of("LAC"), 3}});
    // Stop words are not indexed: a hyphenated "looked-after" names the member as well.
    CHECK(concepts_of("Children looked-after by the council") ==
          std::map<std::string, Xapian::termcount>{{concept_of("LAC"), 1}});
    // A member inside a longer member of its group is one naming, not two.
    CHECK(concepts_of("The Local Safeguarding Children Board met.") ==
          std::map<std::string, Xapian::termcount>{{concept_of("LSCB"), 1}});
    // Members of two groups may share a word: each group is named.
    CHECK(concepts_of("Unaccompanied asylum-seeking children need age assessments.") ==
          std::map<std::string, Xapian::termcount>{{concept_of("UASC"), 1}, {concept_of("CIN"), 1}});
}

TEST_CASE("A member's words apart or out of order name no concept", "[concepts][index]")
{
    CHECK(concepts_of("Children placed and looked after well.").empty());
    CHECK(concepts_of("Needs of children in education; care for them.").empty());
    CHECK(concepts_of("").empty());
}

TEST_CASE("An index's concept terms are searched only when they were made with the shipped table", "[concepts][index]")
{
    TempDir dir;
    {
        Xapian::WritableDatabase fresh(dir / "fresh", Xapian::DB_CREATE);
        ConceptTerms::shipped().record_in(fresh);
        fresh.commit();
        CHECK(ConceptTerms::shipped().searchable_in(fresh));
    }
    // An index of documents made with another table keeps no record: its synonyms are searched
    // as phrases until it is rebuilt.
    Xapian::WritableDatabase older(dir / "older", Xapian::DB_CREATE);
    const ConceptTerms other({{"CAF", "common assessment framework"}}, Analyser());
    other.record_in(older);
    older.add_document(Xapian::Document());
    older.commit();
    CHECK(other.searchable_in(older));
    CHECK_FALSE(ConceptTerms::shipped().searchable_in(older));
    ConceptTerms::shipped().record_in(older);
    older.commit();
    CHECK_FALSE(ConceptTerms::shipped().searchable_in(older));
    CHECK(older.get_metadata(schema::k_meta_concept_terms).empty());
}
