// What report headings, grade lines and lead-in sentences mean for the paragraphs under them.
#pragma once

#include "core/common/report_model.h"

#include <optional>
#include <string>
#include <string_view>

namespace findings {

// How a heading nests: a part of the report ("The inspection outcomes: safeguarding
// services"), a section with a role or a judgement, or a sub-heading inside a section.
enum class HeadingLevel { part, section, subsection };

struct HeadingMeaning {
    std::string name;                      // the heading without its grade ("Overall effectiveness")
    HeadingLevel level = HeadingLevel::subsection;
    std::optional<FindingType> role;       // the finding type of paragraphs under it, if it sets one
    Timescale timescale = Timescale::none;
    Grade grade = Grade::ungraded;         // a grade written in the heading ("...: good")
    bool known = false;                    // a heading of the Ofsted formats, not a guess
    bool record_of_findings = false;       // "Record of main findings": a table of grades follows
    std::string judgement_key;             // the judgement it heads (judgement_vocabulary.h), or ""
};

// Reads a heading's meaning from its text.
HeadingMeaning describe_heading(std::string_view heading);

// Returns whether text is a heading of the known Ofsted formats.
bool is_known_heading(std::string_view text);

// Returns the grade when the whole text is a grade: "Good", "Requires improvement to be
// good", "Grade 3 (adequate)", "Grade 4", "Not judged".
std::optional<Grade> parse_grade_line(std::string_view text);

// Splits a trailing grade off a table row or heading ("Overall effectiveness Adequate",
// "Leadership and management Grade 3 (adequate)", "...children in care: good").
std::optional<Grade> split_trailing_grade(std::string_view text, std::string& name);

// Returns the grade of an overall judgement sentence ("The overall judgement is that children's
// services are good"), if text is one; subject, when given, gets what the sentence calls the
// judgement ("The overall judgement", "Children's services in Leeds").
std::optional<Grade> overall_judgement_sentence(std::string_view text, std::string* subject = nullptr);

// Returns the grade of a heading whose grade the extraction wove into its words, column by
// column ("The experiences and progress of Requires children who need help and protection
// improvement"), and sets name to the heading without it; nullopt unless what is left is a
// known heading.
std::optional<Grade> interleaved_grade(std::string_view text, std::string& name);

// Returns the grade of a short sentence that states a judgement's grade, as reports put between
// their headings ("The Local Safeguarding Children Board is good.", "The graded judgement for
// adoption performance is that it is good."), and sets name to what it judges.
std::optional<Grade> judgement_statement(std::string_view text, std::string& name);

// Returns the finding type a lead-in sentence sets for the list after it (satisfactory for
// "...delivered satisfactorily ..., in particular:"), or nullopt.
std::optional<FindingType> lead_in_role(std::string_view text);

// Returns whether text announces a list ("...the following areas for priority action:").
bool is_lead_in(std::string_view text);

// Returns whether text is a letter's closing formula ("Any areas for development identified
// above will be specifically considered in any future inspection...").
bool is_closing_sentence(std::string_view text);

// Returns whether a paragraph states that the inspection found nothing for priority action: it
// stands under the priority action heading but is no finding.
bool states_no_priority_action(std::string_view text);

// Returns whether a paragraph is Ofsted boilerplate rather than the report's own findings
// (copyright, licence, grade-scale explanations, logo text).
bool is_boilerplate(std::string_view text);

}  // namespace findings
