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

// Boolean filter terms: prefix + value. Values are lower-case slugs or enum spellings.
inline const std::string k_paragraph_id = "Q";      // Q<report id>/<position>: one per document
inline const std::string k_report = "XR";           // XR<report id>
inline const std::string k_authority = "XA";        // XAbarking-and-dagenham
inline const std::string k_region = "XE";           // XEeast-of-england
inline const std::string k_authority_type = "XL";   // XLlondon_borough
inline const std::string k_year = "XY";             // XY2009
inline const std::string k_grade = "XG";            // XGrequires_improvement
inline const std::string k_finding_type = "XT";     // XTarea_for_development
inline const std::string k_timescale = "XS";        // XSwithin_3_months
inline const std::string k_kind = "XK";             // XKfocused_visit
// Returns whether a term is one of the boolean filter terms above (words are lower case, or
// prefixed Z when stemmed, S in headings).
inline bool is_filter_term(const std::string& term) { return !term.empty() && (term[0] == 'Q' || term[0] == 'X'); }

// Free-text prefix for the words of the section headings above a paragraph.
inline const std::string k_section_text = "S";

// Value slots, for sorting, ranges, collapsing and facet counts.
// Slots 0 (date), 9 (timescale) and 10 (authority type) are no longer written: nothing read
// them, and every value costs the writer.
enum Slot : Xapian::valueno {
    k_slot_year = 1,            // sortable_serialise(year), for NumberRangeProcessor
    k_slot_authority = 2,       // canonical authority name
    k_slot_grade = 3,           // grade spelling
    k_slot_finding_type = 4,    // finding type spelling
    k_slot_region = 5,          // region name
    k_slot_kind = 6,            // report kind
    k_slot_report = 7,          // report id, for collapsing to one hit per report
    k_slot_position = 8,        // sortable_serialise(position), for a report's paragraphs in order
    k_slot_report_order = 11,   // one sort key for report order: newest report first, then
                                // report id, then position (see report_order_key)
};

// User metadata keys.
inline const std::string k_meta_report = "report:";  // report:<id> -> report JSON
inline const std::string k_meta_source = "source:";  // source:<absolute path> -> JSON {id, hash}
inline const std::string k_meta_schema = "schema_version";
inline const std::string k_schema_version = "5";

}  // namespace findings::schema
