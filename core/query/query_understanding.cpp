// Query understanding: plain-language cues in a query ("since 2009", "Croydon", "weaknesses",
// "within six months", "graded inadequate") read as filters, the rest left as full text.
#include "core/query/query_understanding.h"

#include "core/common/gazetteer.h"
#include "core/common/text_normaliser.h"

#include <algorithm>
#include <regex>

namespace findings {

namespace {

constexpr int k_first_year = 2000;
constexpr int k_last_year = 2039;

}  // namespace

bool inside_quotes(const std::string& text, std::size_t at)
{
    return std::count(text.begin(), text.begin() + static_cast<long>(at), '"') % 2 == 1;
}

std::vector<Negation> negations_of(const std::string& text)
{
    static const std::regex negation(R"((?:^|\s)(-|NOT\s+)((?:[a-z_]+:)?(?:"[^"]*"?|\([^)]*\)?|[^\s"()]+)))");
    static const std::regex year_before(R"((?:19|20)\d\d\s*$)");
    std::vector<Negation> found;
    for (std::sregex_iterator it(text.begin(), text.end(), negation), end; it != end; ++it) {
        const auto start = static_cast<std::size_t>(it->position(1));
        if (inside_quotes(text, start))
            continue;  // words of a phrase, not syntax
        if ((*it)[1].str() == "-" && std::regex_search(text.substr(0, start), year_before))
            continue;
        found.push_back({start, static_cast<std::size_t>(it->position(2)), static_cast<std::size_t>(it->length(2))});
    }
    return found;
}

std::string without_negations(const std::string& text)
{
    std::string out;
    std::size_t copied = 0;
    for (const Negation& negation : negations_of(text)) {
        out += text.substr(copied, negation.start - copied) + " ";
        copied = negation.operand + negation.length;
    }
    return collapse_spaces(out + text.substr(copied));
}

namespace {

// The query with the spans that cues have consumed (or that are protected) masked out.
class MaskedQuery {
public:
    explicit MaskedQuery(const std::string& query) : m_text(query), m_lower(to_lower(query)), m_used(query.size(), false)
    {
        static const std::regex protected_spans(R"("[^"]*"?|\b([a-z_]+):(?:"[^"]*"?|\S+))");
        for (std::sregex_iterator it(m_lower.begin(), m_lower.end(), protected_spans), end; it != end; ++it) {
            mark(it->position(0), it->length(0), false);
            // "-authority:Croydon" excludes: it leaves authority cues free to apply
            if ((*it)[1].matched && !negated_at(static_cast<std::size_t>(it->position(0))))
                m_explicit_fields.push_back((*it)[1].str());
        }
        // What a negation excludes is never read as a cue (negated cues were made fields first).
        for (const Negation& negation : negations_of(m_text))
            mark(negation.operand, negation.length, false);
    }

    // Returns whether the query names field explicitly ("year:2009"): then no cue may set it.
    bool names_field(const std::string& field) const
    {
        return std::find(m_explicit_fields.begin(), m_explicit_fields.end(), field) != m_explicit_fields.end();
    }

    const std::string& lower() const { return m_lower; }
    const std::string& text() const { return m_text; }

    bool free(std::size_t begin, std::size_t length) const
    {
        return std::none_of(m_used.begin() + begin, m_used.begin() + begin + length, [](bool used) { return used; }) &&
               std::none_of(m_protected.begin(), m_protected.end(), [&](const auto& span) {
                   return begin < span.second && span.first < begin + length;
               });
    }

    void consume(std::size_t begin, std::size_t length) { mark(begin, length, true); }

    // Returns the words no cue consumed, spaces collapsed.
    std::string remainder() const
    {
        std::string out;
        for (std::size_t i = 0; i < m_text.size(); ++i)
            out += m_used[i] ? ' ' : m_text[i];
        return collapse_spaces(out);
    }

private:
    bool negated_at(std::size_t at) const
    {
        return (at >= 1 && m_text[at - 1] == '-') || (at >= 4 && m_text.compare(at - 4, 4, "NOT ") == 0);
    }

    void mark(std::size_t begin, std::size_t length, bool consumed)
    {
        if (consumed)
            std::fill(m_used.begin() + begin, m_used.begin() + begin + length, true);
        else
            m_protected.emplace_back(begin, begin + length);
    }

    std::string m_text;
    std::string m_lower;
    std::vector<bool> m_used;
    std::vector<std::pair<std::size_t, std::size_t>> m_protected;
    std::vector<std::string> m_explicit_fields;
};

// Calls on_match for every free match of pattern, consuming the matched span when it accepts.
template <typename OnMatch>
void read_cues(MaskedQuery& query, const std::regex& pattern, OnMatch on_match)
{
    const std::string& lower = query.lower();
    for (std::sregex_iterator it(lower.begin(), lower.end(), pattern), end; it != end; ++it) {
        const auto& match = *it;
        const std::size_t begin = match.position(0);
        const std::size_t length = match.length(0);
        if (query.free(begin, length) && on_match(match))
            query.consume(begin, length);
    }
}

bool plausible_year(int year) { return year >= k_first_year && year <= k_last_year; }

const char* const k_year = R"(((?:19|20)\d\d))";

void read_years(MaskedQuery& query, Interpretation& result)
{
    const std::string y = k_year;
    struct Pattern {
        std::regex regex;
        int kind;  // 0 range, 1 from, 2 after, 3 before, 4 until, 5 in, 6 pair, 7 bare
    };
    static const std::vector<Pattern> patterns = {
        {std::regex(R"(\bbetween )" + y + R"( and )" + y + R"(\b)"), 0},
        {std::regex(R"(\b)" + y + R"(\s*(?:-|\.\.|to)\s*)" + y + R"(\b)"), 0},
        {std::regex(R"(\b(?:since|from) )" + y + R"(\b)"), 1},
        {std::regex(R"(\bafter )" + y + R"(\b)"), 2},
        {std::regex(R"(\bbefore )" + y + R"(\b)"), 3},
        {std::regex(R"(\b(?:until|till|up to) )" + y + R"(\b)"), 4},
        {std::regex(R"(\b(?:in )?)" + y + R"( (?:and|or) )" + y + R"(\b)"), 6},
        {std::regex(R"(\bin )" + y + R"(\b)"), 5},
        {std::regex(R"(\b)" + y + R"(\b)"), 7},
    };
    for (const auto& pattern : patterns) {
        read_cues(query, pattern.regex, [&](const std::smatch& match) {
            const int first = std::stoi(match[1].str());
            const int second = match.size() > 2 && match[2].matched ? std::stoi(match[2].str()) : first;
            if (!plausible_year(first) || !plausible_year(second))
                return false;
            // Each updates the reading and returns how the cue reads.
            const auto at_least = [&result](int year) {
                result.year_from = std::max(result.year_from, year);
                return "year >= " + std::to_string(year);
            };
            const auto at_most = [&result](int year) {
                result.year_to = result.year_to ? std::min(result.year_to, year) : year;
                return "year <= " + std::to_string(year);
            };
            const auto span = [&result](int from, int to) {
                result.year_spans.push_back({from, to});
                return from == to ? std::to_string(from) : std::to_string(from) + "-" + std::to_string(to);
            };
            std::string label;
            switch (pattern.kind) {
            case 0: label = "year " + span(std::min(first, second), std::max(first, second)); break;
            case 1: label = at_least(first); break;
            case 2: label = at_least(first + 1); break;
            case 3: label = at_most(first - 1); break;
            case 4: label = at_most(first); break;
            case 6:
                label = "year " + span(first, first);
                label += " or " + span(second, second);
                break;
            default: label = "year " + span(first, first); break;
            }
            result.cues.push_back({"year", label, match.str()});
            return true;
        });
    }
}

struct TypeCue {
    const char* pattern;
    std::vector<FindingType> types;                     // allowed
    std::vector<std::pair<FindingType, double>> ranked; // ranked first, by weight
    const char* label;
};

void add_types(std::vector<FindingType>& list, const std::vector<FindingType>& types)
{
    for (FindingType type : types) {
        if (std::find(list.begin(), list.end(), type) == list.end())
            list.push_back(type);
    }
}

void read_timescales(MaskedQuery& query, Interpretation& result)
{
    static const std::regex pattern(R"(\b(?:within (three|3|six|6) months?|(immediately|immediate action))\b)");
    read_cues(query, pattern, [&](const std::smatch& match) {
        const std::string what = match[1].matched ? match[1].str() : "";
        const Timescale timescale = !match[1].matched            ? Timescale::immediately
                                    : (what == "three" || what == "3") ? Timescale::within_3_months
                                                                       : Timescale::within_6_months;
        result.timescales.push_back(timescale);
        add_types(result.finding_types, {FindingType::recommendation});
        result.cues.push_back({"timescale", std::string("timescale: ") + to_string(timescale), match.str()});
        return true;
    });
}

void read_finding_types(MaskedQuery& query, Interpretation& result)
{
    using FT = FindingType;
    // Polarity words also allow narrative judgements, which carry most of the praise and
    // criticism of reports since 2013; the listed types rank above them.
    // A listed weakness or strength outranks a narrative judgement that matches as well.
    static const std::vector<std::pair<FT, double>> negative = {
        {FT::area_for_development, 2.0}, {FT::priority_action, 2.0}, {FT::recommendation, 1.5}};
    static const std::vector<std::pair<FT, double>> positive = {{FT::strength, 2.0}, {FT::satisfactory, 1.0}};
    static const std::vector<FT> negative_or_narrative = {FT::area_for_development, FT::priority_action,
                                                          FT::recommendation, FT::judgement};
    static const std::vector<FT> positive_or_narrative = {FT::strength, FT::satisfactory, FT::judgement};
    static const std::vector<TypeCue> cues = {
        {R"(\bareas? (?:for|of) development\b)", {FT::area_for_development}, {}, "areas for development"},
        {R"(\b(?:areas? (?:for|of) |area\(s\) for )?priority actions?\b)", {FT::priority_action}, {}, "priority action"},
        {R"(\b(?:recommendations?|actions? required|improvements? required|areas? for improvement|(?:what )?needs to improve)\b)",
         {FT::recommendation}, {}, "recommendations"},
        {R"(\b(?:good practice|strengths?|positives?)\b)", positive_or_narrative, positive,
         "strengths, then narrative judgements"},
        {R"(\b(?:weakness(?:es)?|weak areas?|areas? of weakness|concerns?|shortcomings?|failings?|problems?)\b)",
         negative_or_narrative, negative, "weaknesses, then narrative judgements"},
    };
    static const std::vector<std::regex> patterns = [] {
        std::vector<std::regex> compiled;
        for (const auto& cue : cues)
            compiled.emplace_back(cue.pattern);
        return compiled;
    }();
    for (std::size_t i = 0; i < cues.size(); ++i) {
        read_cues(query, patterns[i], [&](const std::smatch& match) {
            add_types(result.finding_types, cues[i].types);
            result.ranked_types.insert(result.ranked_types.end(), cues[i].ranked.begin(), cues[i].ranked.end());
            result.cues.push_back({"finding_type", std::string("finding: ") + cues[i].label, match.str()});
            return true;
        });
    }
}

std::optional<Grade> grade_from_words(const std::string& words)
{
    if (words == "outstanding" || words == "1") return Grade::outstanding;
    if (words == "good" || words == "2") return Grade::good;
    if (words == "adequate" || words == "3") return Grade::adequate;
    if (words == "inadequate" || words == "4") return Grade::inadequate;
    if (words.rfind("requires improvement", 0) == 0) return Grade::requires_improvement;
    if (words == "not judged") return Grade::not_judged;
    return std::nullopt;
}

void read_grades(MaskedQuery& query, Interpretation& result)
{
    static const std::regex before(
        R"(\b(?:graded|rated|judged(?: to be| as)?|grade(?:d as)?)\s+(outstanding|good|adequate|inadequate|requires improvement(?: to be good)?|not judged|[1-4])\b)");
    static const std::regex after(
        R"(\b(outstanding|good|adequate|inadequate|requires improvement(?: to be good)?|not judged) (?:grades?|ratings?|judgements?)\b)");
    for (const std::regex* pattern : {&before, &after}) {
        read_cues(query, *pattern, [&](const std::smatch& match) {
            const auto found = grade_from_words(match[1].str());
            if (!found)
                return false;
            result.grades.push_back(*found);
            result.cues.push_back({"grade", std::string("grade: ") + to_string(*found), match.str()});
            return true;
        });
    }
}

// The overall grade of the report, where the words say it of a whole authority or service:
// "inadequate overall", "judged good overall", "authorities judged inadequate", "councils
// rated outstanding", "overall effectiveness inadequate". Read before paragraph grades.
void read_overall_grades(MaskedQuery& query, Interpretation& result)
{
    static const std::string grade = R"((outstanding|good|adequate|inadequate|requires improvement(?: to be good)?))";
    static const std::regex patterns[] = {
        std::regex(R"(\b(?:(?:judged|rated|graded)(?: to be| as)?\s+)?)" + grade + R"(\s+overall\b)"),
        std::regex(R"(\b(?:(?:in|for|of) )?(?:local )?(?:authorities|authority|councils?|areas|services)\s+(?:that (?:were|are|was|is)\s+)?(?:judged|rated|graded)(?: to be| as)?\s+)" + grade + R"(\b)"),
        std::regex(R"(\boverall (?:effectiveness|grade|judgement)(?: (?:was|is|of))?\s+)" + grade + R"(\b)"),
    };
    for (const std::regex& pattern : patterns) {
        read_cues(query, pattern, [&](const std::smatch& match) {
            const auto found = grade_from_words(match[1].str());
            if (!found)
                return false;
            result.overall_grades.push_back(*found);
            result.cues.push_back({"overall", std::string("overall grade: ") + to_string(*found), match.str()});
            return true;
        });
    }
}

void read_authorities(MaskedQuery& query, Interpretation& result)
{
    for (const auto& mention : Gazetteer::instance().find_all(query.text())) {
        std::size_t begin = mention.begin;
        const std::size_t length = mention.end - mention.begin;
        if (!query.free(begin, length))
            continue;
        // A leading preposition belongs to the cue: "in Barking and Dagenham".
        static const std::regex preposition(R"(\b(?:in|for|at|of|from)\s+$)");
        std::smatch match;
        const std::string before = query.lower().substr(0, begin);
        if (std::regex_search(before, match, preposition) && query.free(match.position(0), match.length(0)))
            begin = match.position(0);
        const std::string& name = mention.authority->name;
        if (std::find(result.authorities.begin(), result.authorities.end(), name) == result.authorities.end())
            result.authorities.push_back(name);
        result.cues.push_back({"authority", "authority: " + name, query.text().substr(begin, mention.end - begin)});
        query.consume(begin, mention.end - begin);
    }
}

// Grades are filters only after a cue ("graded inadequate"): say so when one is left as a word.
void note_grade_words(Interpretation& result)
{
    if (!result.grades.empty() || !result.overall_grades.empty())
        return;
    // Field syntax ("grade:inadequate") is a filter already, and a quoted phrase is meant as words.
    static const std::regex quoted_or_field(R"([a-z_]+:(?:"[^"]*"?|\S+)|"[^"]*"?)");
    static const std::regex grade_word(R"((?:^|[^\w-])(outstanding|inadequate|requires improvement|adequate)\b)");
    std::smatch match;
    const std::string lower = std::regex_replace(to_lower(result.text), quoted_or_field, " ");
    if (std::regex_search(lower, match, grade_word))
        result.notes.push_back("\"" + match[1].str() + "\" was searched as a word; to filter by grade, write \"graded " +
                               match[1].str() + "\"");
}

// Returns the field syntax of the cue that text opens with, and how long the cue is:
// "Barking and Dagenham ..." -> authority:"Barking and Dagenham", "since 2015 ..." ->
// year:2015.., "2010 ..." -> year:2010. Nothing when text opens with no authority or year cue.
std::optional<std::pair<std::string, std::size_t>> cue_field_at(const std::string& text)
{
    static const std::regex year_cue(R"(^(?:(in|since|from|after|before|until) )?((?:19|20)\d\d)\b)", std::regex::icase);
    std::smatch match;
    if (std::regex_search(text, match, year_cue) && plausible_year(std::stoi(match[2].str()))) {
        const int year = std::stoi(match[2].str());
        const std::string word = to_lower(match[1].str());
        const std::string range = word == "since" || word == "from" ? std::to_string(year) + ".."
                                  : word == "after"                 ? std::to_string(year + 1) + ".."
                                  : word == "before"                ? ".." + std::to_string(year - 1)
                                  : word == "until"                 ? ".." + std::to_string(year)
                                                                    : std::to_string(year);
        return std::make_pair("year:" + range, static_cast<std::size_t>(match.length(0)));
    }
    for (const auto& mention : Gazetteer::instance().find_all(text)) {
        if (mention.begin == 0)
            return std::make_pair("authority:\"" + mention.authority->name + "\"", mention.end);
    }
    return std::nullopt;
}

// A negated authority or year cue excludes what it names, as its field syntax would:
// "-Croydon" is -authority:"Croydon", "NOT in 2010" is -year:2010, "-\"Barking and Dagenham\""
// and "-Barking and Dagenham" are -authority:"Barking and Dagenham". Other negated words stay
// words.
std::string with_negated_cues_as_fields(const std::string& query, std::vector<std::string>& notes)
{
    std::string out;
    std::size_t copied = 0;
    for (const Negation& negation : negations_of(query)) {
        if (negation.operand < copied)
            continue;  // inside a cue already read
        const bool quoted = query[negation.operand] == '"';
        std::string words = query.substr(negation.operand);
        if (quoted) {  // the phrase must be the cue, whole
            words = query.substr(negation.operand + 1, negation.length - 1);
            if (!words.empty() && words.back() == '"')
                words.pop_back();
        }
        const auto cue = cue_field_at(words);
        if (!cue || (quoted && cue->second != words.size()))
            continue;
        const std::size_t length = quoted ? negation.length : cue->second;
        out += query.substr(copied, negation.start - copied) + "-" + cue->first;
        copied = negation.operand + length;
        notes.push_back("\"" + collapse_spaces(query.substr(negation.start, copied - negation.start)) +
                        "\" was read as the filter -" + cue->first);
    }
    return out + query.substr(copied);
}

}  // namespace

Interpretation understand_query(const std::string& query)
{
    Interpretation result;
    MaskedQuery masked(with_negated_cues_as_fields(query, result.notes));
    // An explicit field wins: cues for the same field are read (so their words are not
    // searched) but not applied, and the reading says so.
    const auto read = [&](void (*reader)(MaskedQuery&, Interpretation&), const char* field) {
        if (!masked.names_field(field)) {
            reader(masked, result);
            return;
        }
        Interpretation ignored;
        reader(masked, ignored);
        for (const auto& cue : ignored.cues)
            result.notes.push_back("\"" + cue.matched + "\" was not applied: the query gives " + field + ": explicitly");
    };
    read(read_overall_grades, "overall");
    read(read_grades, "grade");
    read(read_timescales, "type");
    read(read_finding_types, "type");
    read(read_years, "year");
    read(read_authorities, "authority");
    result.text = masked.remainder();
    note_grade_words(result);
    return result;
}

}  // namespace findings
