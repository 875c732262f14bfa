// Query understanding: plain-language cues in a query ("since 2009", "Croydon", "weaknesses",
// "within six months", "graded inadequate") read as filters, the rest left as full text.
#pragma once

#include "core/common/gazetteer.h"
#include "core/common/report_model.h"

#include <optional>
#include <string>
#include <vector>

namespace findings {

// One cue that was read as a filter, so that a person can see it and undo it.
struct Cue {
    std::string field;    // "year", "authority", "region", "authority_type", "finding_type",
                          // "timescale", "grade", "overall"
    std::string label;    // how it reads: "year >= 2009", "authority: Croydon", "finding: weaknesses"
    std::string matched;  // the words of the query it came from: "since 2009"
};

// The years from first to last, both included.
struct YearSpan {
    int first = 0;
    int last = 0;
};

struct Interpretation {
    std::string text;  // what is left for full-text search (explicit field syntax kept)
    std::vector<std::string> authorities;  // canonical names
    std::vector<std::string> regions;      // canonical names: "North West"
    std::vector<AuthorityType> authority_types;
    // Bounds from "since", "after", "before", "until" (0: open): every bound applies.
    int year_from = 0;
    int year_to = 0;
    // Years and ranges named ("in 2010", "2010 and 2011", "2009-2011"): a paragraph of any one
    // of them matches.
    std::vector<YearSpan> year_spans;
    std::vector<FindingType> finding_types;  // allowed types (OR)
    // Types a polarity cue names, with how far to rank them above the others it allows
    // ("strengths": strength most, then satisfactory, then narrative judgements).
    std::vector<std::pair<FindingType, double>> ranked_types;
    // Polarities a polarity cue ranks first, far above the types and the words: a weakness query
    // lists negative paragraphs, then mixed ones, before any other.
    std::vector<std::pair<Polarity, double>> ranked_polarities;
    // How far a type cue ranks listed findings above narrative ones of the types it allows
    // ("recommendations": the recommendations listed before the narrative findings that led
    // to them); 0 for not at all.
    double listed_weight = 0;
    std::vector<Timescale> timescales;
    std::vector<Grade> grades;
    // The report's overall grade, from "inadequate overall", "authorities judged inadequate".
    std::vector<Grade> overall_grades;
    std::vector<Cue> cues;
    std::vector<std::string> notes;  // hints, e.g. how to filter by a grade named as a word
};

// A negation in a query: "-word", "NOT word", "-\"a phrase\"", "-field:value", "NOT (a group)".
struct Negation {
    std::size_t start = 0;    // of the "-" or "NOT"
    std::size_t operand = 0;  // where what it negates starts
    std::size_t length = 0;   // of what it negates, as one token (a negated cue may run on)
};

// Returns the negations of text, outside quoted phrases and not the dash of a year range
// written with spaces ("2009 -2011").
std::vector<Negation> negations_of(const std::string& text);

// Returns text without its negations (operators and what they negate).
std::string without_negations(const std::string& text);

// Returns whether the byte at is inside a quoted phrase (an odd number of quotes before it).
bool inside_quotes(const std::string& text, std::size_t at);

// Reads the cues of a query. Quoted phrases and field:value syntax are never read as cues.
Interpretation understand_query(const std::string& query);

}  // namespace findings
