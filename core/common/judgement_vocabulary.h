// The vocabulary of judgements: one stable key for each judgement of every inspection framework
// in the corpus (2009-2012 safeguarding and looked after children, 2013 looked after children,
// SIF 2013-2018 with its LSCB review, ILACS 2018 on), with the wordings reports use for it.
// The parser, the index, the API, the CLI and the page all read keys from this one table;
// docs/PARSING.md documents each key.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace findings {

struct JudgementKey {
    std::string key;        // "help_and_protection"
    std::string label;      // for people: "Children who need help and protection"
    std::string frameworks; // the report kinds that grade it, as prose for help and documents
};

// Returns every key of the vocabulary, in the order a report's judgements are listed.
const std::vector<JudgementKey>& judgement_keys();

// Returns the key with this name, or nullptr.
const JudgementKey* judgement_key_named(std::string_view key);

// Returns a key's place in the vocabulary's order (after every key for one not in it).
std::size_t judgement_key_position(std::string_view key);

// Returns a judgement and its grade as one term: "help_and_protection=inadequate".
std::string judgement_term(const std::string& key, const std::string& grade);

// Returns the key a judgement's name stands for in a report of kind report_kind, or nullopt
// when it names no judgement of the vocabulary. group is the part of the report or the
// judgement table group the name sits in ("Safeguarding services", "Services for looked
// after children"): the 2009-2012 framework grades the same aspects once for each service.
// Sentence forms are read too: "Children's services in Leeds" (with its grade split off),
// "The graded judgement for adoption performance is that it".
std::optional<std::string> judgement_key_for(std::string_view name, std::string_view group,
                                             std::string_view report_kind);

// Returns the key of the report's overall judgement: the one the overall filter reads.
inline const char* overall_judgement_key() { return "overall_effectiveness"; }

// Returns whether a report of this kind, inspected up to inspection_end (YYYYMMDD, "" when
// unknown), has an overall effectiveness judgement: SIF, ILACS and the 2013 looked after
// children inspections do, except ILACS inspections from April 2026, when the overall grade
// was abolished.
bool framework_has_overall(std::string_view report_kind, std::string_view inspection_end);

// Returns a judgement's name as a label: the name itself, or for a sentence that states the
// judgement ("The graded judgement about the experience and progress of care leavers is that
// it") the judgement it names ("Experience and progress of care leavers").
std::string judgement_label(std::string_view name, std::string_view key);

}  // namespace findings
