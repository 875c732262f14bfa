// The index schema, in one place: term prefixes, value slots, document data and metadata keys.
// Indexing and searching both read it, so they cannot disagree.
//
// One Xapian document per paragraph. Its data is a JSON object of the paragraph's own fields
// (see paragraph_document.cpp); report-level records live in user metadata, and
// paragraph_record joins the two into what a result shows.
#pragma once

#include <xapian.h>

#include <string>

namespace findings::schema {

// Boolean terms. The fields' own filter terms (XA authority, XT finding type, ...) and the
// value slots their facets are counted from are defined in the table of fields (fields.cpp);
// these are the terms every document has whatever the fields.
inline const std::string k_report = "XR";           // XR<report id>: also report:ID in queries
inline const std::string k_listed = "XI";           // an item of a list of findings (Paragraph::listed)
// Returns whether a term is a boolean term (these, and every field's, begin X; Q held paragraph
// ids in indexes of schema 9 and before) (words are lower case, or prefixed Z when stemmed, S in
// headings; concepts K).
inline bool is_filter_term(const std::string& term) { return !term.empty() && (term[0] == 'Q' || term[0] == 'X'); }

// Returns whether a term is one a word of a paragraph's text is indexed under: "Z" and a
// lower-case stem (field terms carry an upper-case prefix after the Z, filters no Z).
inline bool is_text_term(const std::string& term)
{
    return term.size() > 1 && term[0] == 'Z' && !(term[1] >= 'A' && term[1] <= 'Z');
}

// Free-text prefix for the words of the section headings above a paragraph.
inline const std::string k_section_text = "S";

// Weighted, with no positions: K<group> where the paragraph names a synonym group's concept,
// its wdf the times it does (concept_terms.h).
inline const std::string k_concept = "K";

// Value slots for sorting and collapsing. The fields' slots (1 year, 2 authority, 3 grade,
// 4 finding type, 5 region, 6 kind, 12 overall grade, 13 polarity) are in the table of fields;
// a test checks that no two slots collide. Slots 0, 9 and 10 were once written and are no longer: nothing read them.
enum Slot : Xapian::valueno {
    k_slot_report = 7,          // report id, for collapsing to one hit per report
    k_slot_position = 8,        // sortable_serialise(position), for a report's paragraphs in order
    k_slot_report_order = 11,   // one sort key for report order: newest report first, then
                                // report id, then position (see report_order_key)
    k_slot_paragraph = 20,      // the paragraph's own fields as JSON (paragraph_data): a value,
                                // which Xapian stores as it is, where document data is compressed
                                // with zlib, whose set-up per document was a fifth of indexing
    k_slot_early_terms = 21,    // the paragraph's first words, for ranking (early_terms.h)
};

// User metadata keys.
inline const std::string k_meta_report = "report:";  // report:<id> -> report JSON
inline const std::string k_meta_source = "source:";  // source:<absolute path> -> JSON {id, hash}
inline const std::string k_meta_schema = "schema_version";
inline const std::string k_meta_facet_columns = "facet_columns";  // FacetColumns::stored (facet_columns.h)
inline const std::string k_meta_concept_terms = "concept_terms";  // ConceptTerms::fingerprint of the K terms
inline const std::string k_schema_version = "11";

}  // namespace findings::schema
