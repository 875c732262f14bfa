// The fields a paragraph is filtered and counted by, in one table: their names in JSON, the
// API, query syntax and the command line, their index terms and value slots, their values and
// how a value is read. The indexer, the query parser, request validation, facet counting, the
// JSON shape, the CLI's options and help, the OpenAPI document and the page all read it here.
#pragma once

#include "core/common/gazetteer.h"
#include "core/common/report_model.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace findings {

// Whether a field belongs to the whole report (every paragraph has the report's value) or to
// each paragraph.
enum class FieldLevel { report, paragraph };

// How a request outside the query selects values of a field.
enum class FieldFilter {
    values,      // any of the values given: authority=Croydon&authority=Barnet, --authority X
    year_range,  // from and to: year_from=2009&year_to=2011, --year 2009..2011
};

// One value a field takes, as the index and the API spell it and as people read it.
struct FieldValue {
    std::string value;  // "requires_improvement"
    std::string label;  // "requires improvement"
};

// What a paragraph's field values are read from when it is indexed.
struct FieldSource {
    const Report& report;
    const Authority* authority;  // the report's authority in the gazetteer, or nullptr
    const Paragraph& paragraph;
};

constexpr Xapian::valueno k_no_slot = Xapian::BAD_VALUENO;

struct Field {
    std::string name;          // in results, facets and SearchRequest::filters: "finding_type"
    std::string label;         // for people: "Finding"
    std::string parameter;     // the /api/search parameter ("type"); a year_range's "year"
                               // gives year_from and year_to
    std::string query_prefix;  // in query syntax: "type" (type:strength)
    std::string cli_option;    // "--type"
    std::string term_prefix;   // the Xapian boolean term prefix: "XT"
    Xapian::valueno slot;      // the value slot facets are counted from; k_no_slot: none
    std::string derived_from;  // a facet with no slot, counted by mapping this field's counts
    bool facet;                // counted as a facet of every search
    bool numeric;              // shown as a number in JSON; its slot holds sortable_serialise
    FieldLevel level;
    FieldFilter filter;
    std::string example;       // a value for help and notes: "strength"
    std::string description;   // one line for --help and the OpenAPI document
    std::vector<FieldValue> values;  // every value, in order; empty: an open set (names, years)
    std::string advice;        // what to write instead of a value that names nothing

    // Returns the term suffixes (after term_prefix) that a value as people write it names,
    // several for a group ("weaknesses"); empty when it names nothing.
    std::vector<std::string> (*resolve)(const std::string& written);
    // Returns a paragraph's value as results show it ("" when it has none).
    std::string (*value_of)(const FieldSource& source);
    // Returns the suffix of the paragraph's term ("" when it has none).
    std::string (*term_of)(const FieldSource& source);
    // For a facet derived_from another field: returns its value for that field's value.
    std::string (*derive)(const std::string& from_value);
    // Whether results show the field (a filter over several values of a report, such as its
    // judgements' grades, has no one value to show).
    bool shown = true;
    // Returns every term suffix of a paragraph, for a field that has several; nullptr: term_of's one.
    std::vector<std::string> (*terms_of)(const FieldSource& source) = nullptr;

    // Returns the label of a value, or the value itself when the field has no list.
    std::string label_of(const std::string& value) const;
    // Returns the term suffixes of a paragraph (from terms_of, else term_of's one, if any).
    std::vector<std::string> terms(const FieldSource& source) const;
};

// Returns every field, in the order people see them.
const std::vector<Field>& fields();

// Returns the field with this name, or nullptr.
const Field* field_named(std::string_view name);

// Returns the field whose query syntax prefix is prefix, or nullptr.
const Field* field_with_prefix(std::string_view prefix);

// Returns the field whose request parameter is parameter, or nullptr.
const Field* field_with_parameter(std::string_view parameter);

}  // namespace findings
