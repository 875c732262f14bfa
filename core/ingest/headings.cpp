// What report headings, grade lines and lead-in sentences mean for the paragraphs under them.
#include "core/ingest/headings.h"

#include "core/common/fast_regex.h"
#include "core/common/text_normaliser.h"

#include <regex>
#include <sstream>
#include <vector>

namespace findings {

namespace {

// The longest text matched against the heading and judgement-sentence patterns. std::regex
// recurses once per character it matches (about 300 bytes of stack each), so a block of prose
// tens of kilobytes long (notes with no blank line) exhausted the parsing thread's stack; no
// heading or sentence comes near this, though glued heading-and-paragraph blocks reach 2 KB.
constexpr std::size_t k_max_heading_bytes = 4000;

struct HeadingRule {
    const char* pattern;  // matched against the lower-case heading without numbering or grade
    HeadingLevel level;
    std::optional<FindingType> role;
    Timescale timescale = Timescale::none;
};

const std::vector<HeadingRule>& heading_rules()
{
    using FT = FindingType;
    using HL = HeadingLevel;
    static const std::vector<HeadingRule> rules = {
        // Parts of a report.
        {"inspection outcomes.*|the inspection outcomes.*", HL::part, FT::judgement},
        {"record of main findings.*", HL::part, FT::judgement},
        {"inspection judgements about the local authority", HL::part, FT::judgement},
        {"local safeguarding children board( \\(lscb\\))?|the local safeguarding children board( \\(lscb\\))?", HL::part, FT::judgement},
        {"inspection findings - .*", HL::section, FT::judgement},
        {"inspection judgements? about .*", HL::section, FT::judgement},
        {"section [0-9]+: .*", HL::part, FT::judgement},
        {"key strengths and weaknesses.*", HL::section, FT::judgement},
        {"review of the effectiveness of the (local safeguarding children board|lscb).*", HL::part, FT::judgement},
        // Sections that set the finding type.
        {"strengths|key strengths|areas of strength|the (local authority|lscb)'s strengths|what is working well", HL::section, FT::strength},
        {"areas? for development|area\\(s\\) for development", HL::section, FT::area_for_development},
        {"areas? for priority action|area\\(s\\) for priority action|priority actions?|priority and immediate actions?", HL::section, FT::priority_action},
        {"areas? for improvement|area\\(s\\) for improvement|recommendations?|what needs to improve.*|what does the .* need to improve.*|what the .* needs? to improve.*|actions? required.*", HL::section, FT::recommendation},
        {"the service meets the requirements of statutory guidance.*|.*met requirements.*|.*delivered satisfactorily.*", HL::section, FT::satisfactory},
        // Judgement headings.
        {"overall effectiveness.*|capacity (for|to) improve.*|leadership(,)? (and )?management.*|quality of (provision|practice).*|the quality of (provision|practice).*|outcomes for .*|the effectiveness of (services|the lscb|the local safeguarding).*|headline findings|main findings|summary of findings|key findings|findings|the experiences and progress of .*|experiences and progress of .*|the impact of leaders.*|children who need help and protection.*|children looked after and achieving permanence.*|adoption performance.*|being healthy|staying safe|enjoying and achieving|making a positive contribution|economic well-being|achieving economic well-being|the local authority|evaluation of progress.*|progress since the last inspection.*|judge?ments? (for|about|on|of) .*|the judge?ments? (for|about|on|of) .*|graded judge?ments? (for|about|on|of) .*|the graded judge?ments? (for|about|on|of) .*", HL::section, FT::judgement},
        // Context sections.
        {"about this inspection|service information|information about this (local authority )?area|the inspection judgements and what they mean|what the inspection judgements mean.*|summary for children and young people|introduction|background|about this (visit|review)|context|the inspection|information about this inspection|the inspection team", HL::section, FT::context},
        // The narrative under a judgement, after its summary or its recommendations.
        {"inspection findings", HL::subsection, FT::judgement},
        // Timescales of recommendations.
        {"immediately", HL::subsection, FT::recommendation, Timescale::immediately},
        {"within (three|3) months", HL::subsection, FT::recommendation, Timescale::within_3_months},
        {"within (six|6) months", HL::subsection, FT::recommendation, Timescale::within_6_months},
    };
    return rules;
}

// One alternative of a rule's pattern, and text that any heading it matches starts with or
// contains: most lines are prose, and a comparison spares running the pattern. (The rules spell
// out an optional first word as alternatives of their own, "strengths|key strengths", so that
// most alternatives start with text.)
struct CompiledAlternative {
    Regex pattern;
    std::string starts_with;
    std::string contains;

    bool matches(const std::string& lower_name) const
    {
        return lower_name.compare(0, starts_with.size(), starts_with) == 0 &&
               lower_name.find(contains) != std::string::npos && std::regex_match(lower_name, pattern);
    }
};

struct CompiledRule {
    std::vector<CompiledAlternative> alternatives;
    const HeadingRule* rule;
};

// Returns a pattern's alternatives: split at each '|' outside brackets.
std::vector<std::string> alternatives_of(std::string_view pattern)
{
    std::vector<std::string> alternatives(1);
    int depth = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            alternatives.back() += pattern.substr(i, 2);
            ++i;
            continue;
        }
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (c == '|' && depth == 0)
            alternatives.emplace_back();
        else
            alternatives.back() += c;
    }
    return alternatives;
}

// Returns the literal text that an alternative's every match starts with: its characters up to
// the first special one, less a character that a quantifier makes optional ("areas? ..." ->
// "area").
std::string literal_start(std::string_view alternative)
{
    const std::size_t special = alternative.find_first_of("\\()[]{}.*+?|^$");
    std::string start(alternative.substr(0, special));
    if (special != std::string_view::npos && std::string_view("*+?{").find(alternative[special]) != std::string_view::npos &&
        !start.empty())
        start.pop_back();
    return start;
}

const std::vector<CompiledRule>& compiled_rules()
{
    static const std::vector<CompiledRule> compiled = [] {
        std::vector<CompiledRule> out;
        for (const auto& rule : heading_rules()) {
            CompiledRule compiled_rule{{}, &rule};
            for (const std::string& alternative : alternatives_of(rule.pattern)) {
                const bool anywhere = alternative.rfind(".*", 0) == 0;  // ".*met requirements.*"
                compiled_rule.alternatives.push_back({Regex(alternative, Regex::optimize),
                                                      anywhere ? "" : literal_start(alternative),
                                                      anywhere ? literal_start(alternative.substr(2)) : ""});
            }
            out.push_back(std::move(compiled_rule));
        }
        return out;
    }();
    return compiled;
}

// Removes a leading paragraph or list number ("2.", "2.1", "a.", "3)") and trailing ':' or '?'.
std::string strip_numbering(std::string_view text)
{
    static const Regex numbering(R"(^(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-h][.)])\s+)");
    const bool may_be_numbered = !text.empty() && ((text[0] >= '0' && text[0] <= '9') ||
                                                   (text[0] >= 'a' && text[0] <= 'h' && text.size() > 1));
    std::string out = may_be_numbered ? std::regex_replace(std::string(text), numbering, "") : std::string(text);
    while (!out.empty() && (out.back() == ':' || out.back() == '?' || out.back() == ' ' || out.back() == '.'))
        out.pop_back();
    return out;
}

const CompiledRule* matching_rule(const std::string& lower_name)
{
    for (const auto& compiled : compiled_rules()) {
        for (const auto& alternative : compiled.alternatives) {
            if (alternative.matches(lower_name))
                return &compiled;
        }
    }
    return nullptr;
}

std::optional<Grade> grade_word(const std::string& lower)
{
    if (lower == "outstanding") return Grade::outstanding;
    if (lower == "good") return Grade::good;
    if (lower == "adequate") return Grade::adequate;
    if (lower == "requires improvement to be good" || lower == "requires improvement" ||
        lower == "require improvement to be good" || lower == "require improvement")
        return Grade::requires_improvement;
    if (lower == "inadequate") return Grade::inadequate;
    if (lower == "not judged") return Grade::not_judged;
    return std::nullopt;
}

// Grade n of the four-point scale; the word in brackets, where given, wins.
std::optional<Grade> numbered_grade(int number)
{
    switch (number) {
    case 1: return Grade::outstanding;
    case 2: return Grade::good;
    case 3: return Grade::adequate;
    case 4: return Grade::inadequate;
    default: return std::nullopt;
    }
}

}  // namespace

std::optional<Grade> parse_grade_line(std::string_view text)
{
    const std::string lower = to_lower(collapse_spaces(text));
    if (auto grade = grade_word(lower))
        return grade;
    if (lower.find("grade") == std::string::npos)
        return std::nullopt;  // what both patterns below need, and most lines lack
    static const Regex graded(R"(grade\s*([1-4])\s*(?:\(([a-z ]+)\))?)");
    static const Regex word_then_number(R"((outstanding|good|adequate|inadequate)\s+grade\s*[1-4])");
    std::smatch match;
    if (std::regex_match(lower, match, word_then_number))
        return grade_word(match[1].str());  // "Inadequate Grade 4"
    if (!std::regex_match(lower, match, graded))
        return std::nullopt;
    if (match[2].matched) {
        if (auto grade = grade_word(match[2].str()))
            return grade;
    }
    return numbered_grade(std::stoi(match[1].str()));
}

std::optional<Grade> split_trailing_grade(std::string_view text, std::string& name)
{
    const std::string collapsed = collapse_spaces(text);
    const std::string lower = to_lower(collapsed);
    std::size_t grade_start = std::string::npos;
    static const Regex numbered(R"(grade\s*[1-4]\s*(?:\([a-z ]+\))?$)");
    std::smatch match;
    if (lower.find("grade") != std::string::npos && std::regex_search(lower, match, numbered)) {
        grade_start = static_cast<std::size_t>(match.position(0));
    } else {
        for (const char* phrase : {"requires improvement to be good", "require improvement to be good",
                                   "requires improvement", "require improvement", "not judged", "outstanding",
                                   "inadequate", "adequate", "good"}) {
            const std::size_t length = std::char_traits<char>::length(phrase);
            if (lower.size() > length && lower.compare(lower.size() - length, length, phrase) == 0) {
                grade_start = lower.size() - length;
                break;
            }
        }
    }
    if (grade_start == std::string::npos || grade_start == 0)
        return std::nullopt;
    const char separator = lower[grade_start - 1];
    if (separator != ' ' && separator != ':' && separator != '-')
        return std::nullopt;
    static const Regex negated(R"(\b(?:not|never|no longer)\s+$)");
    if (std::regex_search(lower.substr(0, grade_start), negated))
        return std::nullopt;  // "... is not good" states no grade
    std::string head = collapsed.substr(0, grade_start);
    while (!head.empty() && (head.back() == ' ' || head.back() == ':' || head.back() == '-'))
        head.pop_back();
    for (const char* verb : {" is", " are"}) {
        const std::size_t length = std::char_traits<char>::length(verb);
        if (head.size() > length && to_lower(head.substr(head.size() - length)) == verb)
            head.erase(head.size() - length);
    }
    if (head.empty())
        return std::nullopt;
    name = head;
    return parse_grade_line(collapsed.substr(grade_start));
}

HeadingMeaning describe_heading(std::string_view heading)
{
    HeadingMeaning meaning;
    if (heading.size() > k_max_heading_bytes) {  // prose, and too long for the patterns below
        meaning.name = collapse_spaces(heading);
        return meaning;
    }
    std::string name = collapse_spaces(heading);
    std::string without_grade;
    if (auto grade = split_trailing_grade(name, without_grade)) {
        meaning.grade = *grade;
        name = without_grade;
    }
    meaning.name = strip_numbering(name);
    if (meaning.name.empty())
        meaning.name = name;
    const std::string lower = to_lower(meaning.name);
    if (const CompiledRule* compiled = matching_rule(lower)) {
        meaning.known = true;
        meaning.level = compiled->rule->level;
        meaning.role = compiled->rule->role;
        meaning.timescale = compiled->rule->timescale;
        meaning.record_of_findings = starts_with_nocase(lower, "record of main findings");
    } else if (meaning.grade != Grade::ungraded) {
        meaning.level = HeadingLevel::section;  // an unfamiliar judgement heading with its grade
        meaning.role = FindingType::judgement;
    }
    return meaning;
}

bool is_known_heading(std::string_view text)
{
    return describe_heading(text).known;
}

std::optional<Grade> overall_judgement_sentence(std::string_view text, std::string* subject)
{
    static const Regex overall(
        R"(((?:the overall judgement)(?: is that (?:children's services?|the local authority'?s? .*|services for .*))?|children's services in [a-z ,'-]+) (?:is|are|requires?) (outstanding|good|adequate|improvement to be good|improvement|requires improvement to be good|requires improvement|inadequate)\.?\d?)",
        Regex::icase);
    constexpr std::size_t k_longest_sentence = 400;  // a headline, never a paragraph of prose
    if (text.size() > k_longest_sentence)
        return std::nullopt;
    std::smatch match;
    const std::string collapsed = collapse_spaces(text);
    if (!std::regex_match(collapsed, match, overall))
        return std::nullopt;
    if (subject) {
        const std::string said = match[1].str();
        *subject = starts_with_nocase(said, "the overall judgement") ? "The overall judgement" : said;
    }
    const std::string grade = to_lower(match[2].str());
    return grade == "improvement to be good" || grade == "improvement" ? Grade::requires_improvement : grade_word(grade);
}

std::optional<Grade> interleaved_grade(std::string_view text, std::string& name)
{
    constexpr std::size_t k_longest_heading = 200;
    std::string trailing;
    if (text.size() > k_longest_heading || split_trailing_grade(text, trailing))
        return std::nullopt;  // too long, or the grade is where it belongs: not woven in
    std::vector<std::string> words;
    std::istringstream split{std::string(text)};
    for (std::string word; split >> word;)
        words.push_back(word);
    for (const char* phrase : {"requires improvement to be good", "require improvement to be good",
                               "requires improvement", "outstanding", "good", "inadequate", "adequate"}) {
        std::istringstream phrase_words{std::string(phrase)};
        std::vector<std::string> wanted;
        for (std::string word; phrase_words >> word;)
            wanted.push_back(word);
        // The grade's words in order, the first after the heading's first word.
        std::vector<bool> taken(words.size(), false);
        std::size_t next = 0;
        for (std::size_t i = 1; i < words.size() && next < wanted.size(); ++i) {
            if (to_lower(words[i]) == wanted[next]) {
                taken[i] = true;
                ++next;
            }
        }
        if (next < wanted.size())
            continue;
        std::string rest;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (!taken[i])
                rest += (rest.empty() ? "" : " ") + words[i];
        }
        if (!rest.empty() && rest.back() != '.' && is_known_heading(rest) && describe_heading(rest).role == FindingType::judgement) {
            name = rest;
            return grade_word(phrase);
        }
    }
    return std::nullopt;
}

std::optional<Grade> judgement_statement(std::string_view text, std::string& name)
{
    constexpr std::size_t k_longest_statement = 200;
    if (text.size() > k_longest_statement || text.empty() || text.back() != '.')
        return std::nullopt;
    std::string stated;
    const auto grade = split_trailing_grade(text.substr(0, text.size() - 1), stated);
    if (!grade || !is_known_heading(stated))
        return std::nullopt;
    name = stated;
    return grade;
}

bool is_lead_in(std::string_view text)
{
    const std::string lower = to_lower(collapse_spaces(text));
    if (lower.empty())
        return false;
    // A sentence that ends by announcing a list; "the following" or "in particular" inside
    // ordinary prose is not one.
    if (lower.back() == ':')
        return true;
    constexpr std::size_t k_longest_lead_in = 160;
    return lower.size() < k_longest_lead_in && lower.find("the following") != std::string::npos;
}

std::optional<FindingType> lead_in_role(std::string_view text)
{
    if (!is_lead_in(text))
        return std::nullopt;
    const std::string lower = to_lower(text);
    for (const char* cue : {"satisfactor", "meets the requirements", "meet the requirements",
                            "met requirements", "meeting requirements"}) {
        if (lower.find(cue) != std::string::npos)
            return FindingType::satisfactory;
    }
    return FindingType::context;
}

bool is_closing_sentence(std::string_view text)
{
    const std::string lower = to_lower(text);
    for (const char* cue : {"will be specifically considered in any future inspection",
                            "will take the findings from this", "into account when planning the next",
                            "i am copying this letter", "will be considered at the next"}) {
        if (lower.find(cue) != std::string::npos)
            return true;
    }
    return false;
}

bool states_no_priority_action(std::string_view text)
{
    // "The inspection did not find any areas for priority and immediate action." (SIF 2014-15)
    static const Regex none_found(
        "(the inspection did not (find|identify) any|there (are|were) no) areas? (for|of) priority( and immediate)? actions?\\.?",
        Regex::icase | Regex::optimize);
    constexpr std::size_t k_longest = 120;  // bounds the regex's backtracking
    return text.size() < k_longest && std::regex_match(text.begin(), text.end(), none_found);
}

bool is_boilerplate(std::string_view text)
{
    static const char* const k_starts[] = {
        "(c) crown copyright", "\xc2\xa9 crown copyright", "crown copyright", "website: www.ofsted",
        "this document may be reproduced", "that the information quoted is reproduced",
        "further copies of this report", "ofsted produces this report under its power",
        "a full description of what the inspection judgements mean", "if you would like a copy of this document",
        "you may reuse this information", "this report is available at", "interested in our work?",
        "investor in people", "investors in people", "age group:",
        "reference no", "ofsted piccadilly gate", "-----"};
    const std::string lower = to_lower(collapse_spaces(text));
    for (const char* start : k_starts) {
        if (lower.rfind(start, 0) == 0)
            return true;
    }
    if (lower.find(" (grade ") == std::string::npos && lower.rfind("a service that", 0) != 0)
        return false;  // what the patterns below need, and most lines lack
    static const Regex grade_scale(
        R"((outstanding|good|adequate|inadequate|requires improvement) \(grade [1-4]\).*|a service that (significantly exceeds|exceeds|only meets|does not meet) minimum requirements\.?)");
    return std::regex_match(lower, grade_scale);
}

}  // namespace findings
