// The report model: what the parser extracts from one inspection report.
#pragma once

#include "core/common/polarity.h"

#include <optional>
#include <string>
#include <vector>

namespace findings {

// A calendar date; year 0 means "unknown".
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    bool known() const { return year != 0; }
    // Formats as YYYY-MM-DD, or "" when unknown.
    std::string iso() const;
    // Formats as YYYYMMDD (the form Xapian's DateRangeProcessor compares), or "".
    std::string compact() const;
    friend bool operator==(const Date& a, const Date& b)
    {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
};

enum class Grade { ungraded, outstanding, good, adequate, requires_improvement, inadequate, not_judged };

enum class FindingType {
    context,
    judgement,
    strength,
    satisfactory,
    area_for_development,
    priority_action,
    recommendation,
};

enum class Timescale { none, immediately, within_3_months, within_6_months };

// Returns the spelling used in the index, the API and the tests ("requires_improvement").
const char* to_string(Grade grade);
const char* to_string(FindingType type);
const char* to_string(Timescale timescale);

// Reads those spellings back; nullopt for anything else.
std::optional<Grade> grade_from_string(const std::string& text);
std::optional<FindingType> finding_type_from_string(const std::string& text);
std::optional<Timescale> timescale_from_string(const std::string& text);

// One judgement of a report: its key in the vocabulary (judgement_vocabulary.h), its name as
// the report writes it, and its grade ("help_and_protection", "Children who need help and
// protection", requires_improvement).
struct Judgement {
    std::string key;
    std::string label;
    Grade grade = Grade::ungraded;
};

// One paragraph (a bullet is a paragraph): the unit that search returns.
struct Paragraph {
    std::string text;
    FindingType finding_type = FindingType::context;
    Grade grade = Grade::ungraded;
    Timescale timescale = Timescale::none;
    // Heading path, outermost first.
    std::vector<std::string> section;
    // Position in the report, from 1.
    int position = 0;
    // The key of the judgement whose section the paragraph sits in, "" for none.
    std::string judgement;
    // Whether the inspectors criticise or praise what it describes (polarity.h).
    Polarity polarity = Polarity::neutral;
    // Whether it is an item of a list of findings (strengths, areas for development, priority
    // actions, recommendations, what needs to improve), rather than narrative: a SIF narrative
    // finding marked "(Recommendation)" is a recommendation, and not listed.
    bool listed = false;

    // Returns the heading path joined with " > ".
    std::string section_path() const;
};

// Everything known about one report.
struct Report {
    std::string id;              // stable: authority, date and kind ("havering-2011-06-30-unannounced")
    std::string title;           // "Annual unannounced inspection of contact, referral and assessment ..."
    std::string authority;       // canonical gazetteer name, "" when not recognised
    std::string kind;            // report kind slug, see report_kind.h
    std::string addressee;       // letters: the person the letter is addressed to
    Date date;                   // letter date or publication date
    std::string inspection_dates;  // as written ("1 and 2 June 2011")
    std::vector<Judgement> judgements;  // one per key, in the vocabulary's order
    std::vector<Paragraph> paragraphs;
    // What the parser doubted, for the indexer's checks: judgements that two places in the
    // report grade differently ("grades disagree for ..."), and an overall judgement that the
    // report's framework has and the report seems to lack.
    std::vector<std::string> grade_disagreements;
    bool lacks_overall = false;
    std::string source_path;
};

}  // namespace findings
