// Query understanding: plain-language cues in a query ("since 2009", "Croydon", "weaknesses",
// "within six months", "graded inadequate") read as filters, the rest left as full text.
#pragma once

#include "core/report_model.h"

#include <optional>
#include <string>
#include <vector>

namespace findings {

// One cue that was read as a filter, so that a person can see it and undo it.
struct Cue {
    std::string field;    // "year", "authority", "finding_type", "timescale", "grade"
    std::string label;    // how it reads: "year >= 2009", "authority: Croydon", "finding: weaknesses"
    std::string matched;  // the words of the query it came from: "since 2009"
};

struct Interpretation {
    std::string text;  // what is left for full-text search (explicit field syntax kept)
    std::vector<std::string> authorities;  // canonical names
    int year_from = 0;                     // 0: open
    int year_to = 0;
    std::vector<int> years;                // specific years ("2010 and 2011")
    std::vector<FindingType> finding_types;  // allowed types (OR)
    // Types a polarity cue names, with how far to rank them above the others it allows
    // ("strengths": strength most, then satisfactory, then narrative judgements).
    std::vector<std::pair<FindingType, double>> ranked_types;
    std::vector<Timescale> timescales;
    std::vector<Grade> grades;
    std::vector<Cue> cues;
    std::vector<std::string> notes;  // hints, e.g. how to filter by a grade named as a word
};

// Reads the cues of a query. Quoted phrases and field:value syntax are never read as cues.
Interpretation understand_query(const std::string& query);

}  // namespace findings
