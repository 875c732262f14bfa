// Query understanding: plain-language cues in a query ("since 2009", "Croydon", "weaknesses",
// "within six months", "graded inadequate") read as filters, the rest left as full text.
#include "core/query/query_understanding.h"

#include "core/common/fast_regex.h"
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
    static const Regex negation(R"((?:^|\s)(-|NOT\s+)((?:[a-z_]+:)?(?:"[^"]*"?|\([^)]*\)?|[^\s"()]+)))");
    static const Regex year_before(R"((?:19|20)\d\d\s*$)");
    std::vector<Negation> found;
    for (RegexIterator it(text.begin(), text.end(), negation), end; it != end; ++it) {
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
        static const Regex protected_spans(R"("[^"]*"?|\b([a-z_]+):(?:"[^"]*"?|\S+))");
        for (RegexIterator it(m_lower.begin(), m_lower.end(), protected_spans), end; it != end; ++it) {
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
void read_cues(MaskedQuery& query, const Regex& pattern, OnMatch on_match)
{
    const std::string& lower = query.lower();
    for (RegexIterator it(lower.begin(), lower.end(), pattern), end; it != end; ++it) {
        const auto& match = *it;
        const std::size_t begin = match.position(0);
        const std::size_t length = match.length(0);
        if (query.free(begin, length) && on_match(match))
            query.consume(begin, length);
    }
}

bool plausible_year(int year) { return year >= k_first_year && year <= k_last_year; }

// A year, perhaps after a month ("June 2020"): two groups, the month and the year.
const std::string k_month_year =
    R"((?:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+)?((?:19|20)\d\d))";

// Returns the month (1-12) that a month word names, 0 for none.
int month_number(const std::string& word)
{
    static const std::string months = "janfebmaraprmayjunjulaugsepoctnovdec";
    const std::size_t at = word.size() >= 3 ? months.find(word.substr(0, 3)) : std::string::npos;
    return at == std::string::npos ? 0 : static_cast<int>(at / 3) + 1;
}

// Reads year cues. Reports are filtered by year, so a month reads as its year: exactly where
// the month starts or ends the year ("since January 2020", "before January 2020", "until
// December 2020"), and with a note where a part of the year is included that the words leave
// out ("since June 2020" includes January to May 2020).
void read_years(MaskedQuery& query, Interpretation& result)
{
    const std::string& y = k_month_year;
    enum Kind { range, from, after, before, until, in, pair, bare };
    struct Pattern {
        Regex regex;
        Kind kind;
    };
    static const std::vector<Pattern> patterns = {
        {Regex(R"(\bbetween )" + y + R"( and )" + y + R"(\b)"), range},
        {Regex(R"(\b)" + y + R"(\s*(?:-|\.\.|to)\s*)" + y + R"(\b)"), range},
        {Regex(R"(\b(?:since|from) )" + y + R"(\b)"), from},
        {Regex(R"(\bafter )" + y + R"(\b)"), after},
        {Regex(R"(\bbefore )" + y + R"(\b)"), before},
        {Regex(R"(\b(?:until|till|up to) )" + y + R"(\b)"), until},
        {Regex(R"(\b(?:in )?)" + y + R"( (?:and|or) )" + y + R"(\b)"), pair},
        {Regex(R"(\bin )" + y + R"(\b)"), in},
        {Regex(R"(\b)" + y + R"(\b)"), bare},
    };
    for (const auto& pattern : patterns) {
        read_cues(query, pattern.regex, [&](const std::smatch& match) {
            const int first = std::stoi(match[2].str());
            const bool two = match.size() > 4 && match[4].matched;
            const int second = two ? std::stoi(match[4].str()) : first;
            if (!plausible_year(first) || !plausible_year(second))
                return false;
            const int month = month_number(match[1].str());
            const bool has_month = match[1].matched || (two && match[3].matched);
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
            bool whole_years = !has_month;  // the month starts or ends the years read
            switch (pattern.kind) {
            case range: label = "year " + span(std::min(first, second), std::max(first, second)); break;
            case from:
                label = at_least(first);
                whole_years = whole_years || month == 1;
                break;
            case after:
                label = at_least(!has_month || month == 12 ? first + 1 : first);
                whole_years = whole_years || month == 12;
                break;
            case before:
                label = at_most(!has_month || month == 1 ? first - 1 : first);
                whole_years = whole_years || month == 1;
                break;
            case until:
                label = at_most(first);
                whole_years = whole_years || month == 12;
                break;
            case pair:
                label = "year " + span(first, first);
                label += " or " + span(second, second);
                break;
            default: label = "year " + span(first, first); break;
            }
            result.cues.push_back({"year", label, match.str()});
            if (!whole_years)
                result.notes.push_back("\"" + match.str() + "\" was read as " + label +
                                       ": reports are filtered by year, not by month");
            return true;
        });
    }
}

struct TypeCue {
    const char* pattern;
    std::vector<FindingType> types;                     // allowed
    std::vector<std::pair<FindingType, double>> ranked; // ranked first, by weight
    std::vector<std::pair<Polarity, double>> polarities; // ranked before them, by weight
    const char* label;
    double listed = 0;                                   // Interpretation::listed_weight
};

template <typename Value>
void add_once(std::vector<Value>& list, const Value& value)
{
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

void add_types(std::vector<FindingType>& list, const std::vector<FindingType>& types)
{
    for (FindingType type : types)
        add_once(list, type);
}

void read_timescales(MaskedQuery& query, Interpretation& result)
{
    static const Regex pattern(R"(\b(?:within (three|3|six|6) months?|(immediately|immediate action))\b)");
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
    // A polarity outweighs any score of the words (BM25 stays far below), so that no praised
    // paragraph ranks above a criticised one for a weakness query.
    constexpr double k_first = 2000, k_second = 1000;
    // Asked for recommendations, a list's items come before the narrative findings marked
    // "(Recommendation)": they are what the authority is asked to do. Above what the words of
    // a query score (BM25 gives a word at most about 2 idf, under 30 at a million paragraphs),
    // below a polarity.
    constexpr double k_listed_first = 500;
    static const std::vector<std::pair<Polarity, double>> critical = {{Polarity::negative, k_first},
                                                                      {Polarity::mixed, k_second}};
    static const std::vector<std::pair<Polarity, double>> praise = {{Polarity::positive, k_first},
                                                                    {Polarity::mixed, k_second}};
    static const std::vector<TypeCue> cues = {
        // What 2009-2012 letters list as areas for development, later reports list as areas
        // for improvement or what needs to improve (typed recommendation).
        {R"(\bareas? (?:for|of) development\b)", {FT::area_for_development, FT::recommendation}, {}, {},
         "areas for development or improvement", k_listed_first},
        {R"(\b(?:areas? (?:for|of) |area\(s\) for )?priority actions?\b)", {FT::priority_action}, {}, {},
         "priority action"},
        {R"(\b(?:recommendations?|actions? required|improvements? required|areas? for improvement|(?:what )?needs to improve)\b)",
         {FT::recommendation}, {}, {}, "recommendations", k_listed_first},
        {R"(\b(?:good practice|strengths?|positives?)\b)", positive_or_narrative, positive, praise,
         "strengths: positive paragraphs first, then mixed"},
        {R"(\b(?:weakness(?:es)?|weak areas?|areas? of weakness|concerns?|shortcomings?|failings?|problems?)\b)",
         negative_or_narrative, negative, critical, "weaknesses: negative paragraphs first, then mixed"},
    };
    static const std::vector<Regex> patterns = [] {
        std::vector<Regex> compiled;
        for (const auto& cue : cues)
            compiled.emplace_back(cue.pattern);
        return compiled;
    }();
    for (std::size_t i = 0; i < cues.size(); ++i) {
        read_cues(query, patterns[i], [&](const std::smatch& match) {
            add_types(result.finding_types, cues[i].types);
            result.ranked_types.insert(result.ranked_types.end(), cues[i].ranked.begin(), cues[i].ranked.end());
            result.ranked_polarities.insert(result.ranked_polarities.end(), cues[i].polarities.begin(),
                                            cues[i].polarities.end());
            result.listed_weight = std::max(result.listed_weight, cues[i].listed);
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
    static const Regex before(
        R"(\b(?:graded|rated|judged(?: to be| as)?|grade(?:d as)?)\s+(outstanding|good|adequate|inadequate|requires improvement(?: to be good)?|not judged|[1-4])\b)");
    static const Regex after(
        R"(\b(outstanding|good|adequate|inadequate|requires improvement(?: to be good)?|not judged) (?:grades?|ratings?|judgements?)\b)");
    for (const Regex* pattern : {&before, &after}) {
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
    static const Regex patterns[] = {
        Regex(R"(\b(?:(?:judged|rated|graded)(?: to be| as)?\s+)?)" + grade + R"(\s+overall\b)"),
        Regex(R"(\b(?:(?:in|for|of) )?(?:local )?(?:authorities|authority|councils?|areas|services)\s+(?:that (?:were|are|was|is)\s+)?(?:judged|rated|graded)(?: to be| as)?\s+)" + grade + R"(\b)"),
        Regex(R"(\boverall (?:effectiveness|grade|judgement)(?: (?:was|is|of))?\s+)" + grade + R"(\b)"),
    };
    for (const Regex& pattern : patterns) {
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
        static const Regex preposition(R"(\b(?:in|for|at|of|from)\s+$)");
        std::smatch match;
        const std::string before = query.lower().substr(0, begin);
        if (std::regex_search(before, match, preposition) && query.free(match.position(0), match.length(0)))
            begin = match.position(0);
        const Authority& authority = *mention.authority;
        add_once(result.authorities, authority.name);
        const std::string matched = query.text().substr(begin, mention.end - begin);
        result.cues.push_back({"authority", "authority: " + authority.name, matched});
        query.consume(begin, mention.end - begin);
        const std::vector<const Authority*> successors = Gazetteer::instance().successors(authority);
        if (successors.empty())
            continue;
        std::string names;
        for (std::size_t i = 0; i < successors.size(); ++i) {
            add_once(result.authorities, successors[i]->name);
            names += (i == 0 ? "" : i + 1 == successors.size() ? " and " : ", ") + successors[i]->name;
        }
        result.notes.push_back(authority.name + " was reorganised in " + std::to_string(authority.to_year) +
                               ": \"" + matched + "\" also reads as " + names + ", whose reports follow on from it");
    }
}

// A place name is part of a longer name when a capitalised word that no cue read touches it
// ("West London Alliance", "London Councils"); the query's first word is capitalised anyway.
bool inside_longer_name(const MaskedQuery& query, std::size_t begin, std::size_t end)
{
    const std::string& text = query.text();
    static const Regex word_before(R"((\w+)\s+$)");
    static const Regex word_after(R"(^\s+(\w+))");
    const auto capitalised_free = [&](std::size_t at, std::size_t length) {
        return std::isupper(static_cast<unsigned char>(text[at])) && query.free(at, length);
    };
    std::smatch match;
    const std::string before = text.substr(0, begin);
    if (std::regex_search(before, match, word_before) && match.position(1) > 0 &&
        capitalised_free(match.position(1), match.length(1)))
        return true;
    const std::string after = text.substr(end);
    return std::regex_search(after, match, word_after) &&
           capitalised_free(end + match.position(1), match.length(1));
}

struct PlaceCue {
    Regex pattern;
    std::vector<std::string> values;
};

// Returns the cue of a place's words (lower case), with an optional leading "in (the)".
PlaceCue place_cue(const std::string& words, std::vector<std::string> values)
{
    return {Regex(R"(\b(?:(?:in|across|for) )?(?:the )?(?:)" + words + R"()\b)"), std::move(values)};
}

// Calls on_place for every free mention of one of places in the query (not part of a longer
// name).
template <typename OnPlace>
void read_places(MaskedQuery& query, const std::vector<PlaceCue>& places, OnPlace on_place)
{
    for (const PlaceCue& place : places) {
        read_cues(query, place.pattern, [&](const std::smatch& match) {
            const std::size_t begin = match.position(0);
            if (inside_longer_name(query, begin, begin + match.length(0)))
                return false;
            on_place(place, match.str());
            return true;
        });
    }
}

// The English regions in their usual phrasings: "in the North West", "north-west", "Yorkshire",
// "the Midlands" (both).
const std::vector<PlaceCue>& region_cues()
{
    static const std::vector<PlaceCue> cues = {
        place_cue(R"(north[ -]?east(?: of england| england)?)", {"North East"}),
        place_cue(R"(north[ -]?west(?: of england| england)?)", {"North West"}),
        place_cue(R"(south[ -]?east(?: of england| england)?)", {"South East"}),
        place_cue(R"(south[ -]?west(?: of england| england)?)", {"South West"}),
        place_cue(R"(east midlands)", {"East Midlands"}),
        place_cue(R"(west midlands)", {"West Midlands"}),
        place_cue(R"(midlands)", {"East Midlands", "West Midlands"}),
        place_cue(R"(east of england|eastern region)", {"East of England"}),
        place_cue(R"(yorkshire(?: and (?:the )?humber(?:side)?)?)", {"Yorkshire and the Humber"}),
        place_cue(R"(london)", {"London"}),
    };
    return cues;
}

// Authority types as people write them, always plural or with "councils": "county" alone is
// a word of "county lines".
const std::vector<PlaceCue>& authority_type_cues()
{
    static const std::vector<PlaceCue> cues = {
        place_cue(R"(london boroughs|london borough councils)", {"london_borough"}),
        place_cue(R"((?:shire )?counties|county councils)", {"county"}),
        place_cue(R"(metropolitan (?:districts|boroughs|authorities|councils))", {"metropolitan_district"}),
        place_cue(R"(unitary (?:authorities|councils)|unitaries)", {"unitary"}),
    };
    return cues;
}

void read_regions(MaskedQuery& query, Interpretation& result)
{
    read_places(query, region_cues(), [&](const PlaceCue& place, const std::string& matched) {
        std::string names;
        for (const auto& region : place.values) {
            add_once(result.regions, region);
            names += (names.empty() ? "" : " or ") + region;
        }
        result.cues.push_back({"region", "region: " + names, matched});
    });
}

void read_authority_types(MaskedQuery& query, Interpretation& result)
{
    read_places(query, authority_type_cues(), [&](const PlaceCue& place, const std::string& matched) {
        const AuthorityType type = *authority_type_from_string(place.values.front());
        add_once(result.authority_types, type);
        result.cues.push_back({"authority_type", std::string("authority type: ") + to_string(type), matched});
    });
}

// Grades are filters only after a cue ("graded inadequate"): say so when one is left as a word.
void note_grade_words(Interpretation& result)
{
    if (!result.grades.empty() || !result.overall_grades.empty())
        return;
    // Field syntax ("grade:inadequate") is a filter already, and a quoted phrase is meant as words.
    static const Regex quoted_or_field(R"([a-z_]+:(?:"[^"]*"?|\S+)|"[^"]*"?)");
    static const Regex grade_word(R"((?:^|[^\w-])(outstanding|inadequate|requires improvement|adequate)\b)");
    std::smatch match;
    const std::string lower = std::regex_replace(to_lower(result.text), quoted_or_field, " ");
    if (std::regex_search(lower, match, grade_word))
        result.notes.push_back("\"" + match[1].str() + "\" was searched as a word; to filter by grade, write \"graded " +
                               match[1].str() + "\"");
}

// Returns the field syntax of the cue that text opens with, and how long the cue is:
// "Barking and Dagenham ..." -> authority:"Barking and Dagenham", "since 2015 ..." ->
// year:2015.., "2010 ..." -> year:2010, "in the North West" -> region:"North West". Nothing
// when text opens with no authority, region or year cue.
std::optional<std::pair<std::string, std::size_t>> cue_field_at(const std::string& text)
{
    static const Regex year_cue("^(?:(in|since|from|after|before|until) )?" + k_month_year + R"(\b)",
                                     Regex::icase);
    std::smatch match;
    if (std::regex_search(text, match, year_cue) && plausible_year(std::stoi(match[3].str()))) {
        const int year = std::stoi(match[3].str());
        const std::string word = to_lower(match[1].str());
        const std::string range = word == "since" || word == "from" ? std::to_string(year) + ".."
                                  : word == "after"                 ? std::to_string(year + 1) + ".."
                                  : word == "before"                ? ".." + std::to_string(year - 1)
                                  : word == "until"                 ? ".." + std::to_string(year)
                                                                    : std::to_string(year);
        return std::make_pair("year:" + range, static_cast<std::size_t>(match.length(0)));
    }
    static const Regex preposition(R"(^(?:(?:in|at|for|from) )?(?:the )?)", Regex::icase);
    std::regex_search(text, match, preposition);
    const std::size_t name_at = match.length(0);
    const std::string name = text.substr(name_at);
    for (const auto& mention : Gazetteer::instance().find_all(name)) {
        if (mention.begin == 0)
            return std::make_pair("authority:\"" + mention.authority->name + "\"", name_at + mention.end);
    }
    const std::string lower = to_lower(text);
    for (const PlaceCue& place : region_cues()) {
        if (std::regex_search(lower, match, place.pattern, std::regex_constants::match_continuous) &&
            place.values.size() == 1)
            return std::make_pair("region:\"" + place.values.front() + "\"", static_cast<std::size_t>(match.length(0)));
    }
    return std::nullopt;
}

// One place where a query excludes what follows: "-", "NOT ", or a word such as "not",
// "excluding", "except", "outside".
struct Exclusion {
    std::size_t start = 0;
    std::size_t operand = 0;
    std::size_t length = 0;  // of the operand as a token ("-" and "NOT" only)
};

// Returns the exclusions of query in order: its negations, and the words that exclude in
// plain English (outside quotes).
std::vector<Exclusion> exclusions_of(const std::string& query)
{
    std::vector<Exclusion> found;
    for (const Negation& negation : negations_of(query))
        found.push_back({negation.start, negation.operand, negation.length});
    static const Regex words(
        R"((?:^|\s)((?:not|excluding|except(?: for)?|apart from|other than|outside(?: of)?)\s+))", Regex::icase);
    for (RegexIterator it(query.begin(), query.end(), words), end; it != end; ++it) {
        const auto start = static_cast<std::size_t>(it->position(1));
        const bool operator_too = std::any_of(found.begin(), found.end(), [&](const Exclusion& e) { return e.start == start; });
        if (!inside_quotes(query, start) && !operator_too)  // "NOT" is both
            found.push_back({start, start + static_cast<std::size_t>(it->length(1)), 0});
    }
    std::sort(found.begin(), found.end(), [](const Exclusion& a, const Exclusion& b) { return a.start < b.start; });
    return found;
}

// A negated authority, region or year cue excludes what it names, as its field syntax would:
// "-Croydon" is -authority:"Croydon", "NOT in 2010" and "not in 2010" are -year:2010,
// "excluding Barking and Dagenham" is -authority:"Barking and Dagenham", "outside London" is
// -region:"London". Other negated words stay words ("children not seen").
std::string with_negated_cues_as_fields(const std::string& query, std::vector<std::string>& notes)
{
    std::string out;
    std::size_t copied = 0;
    for (const Exclusion& exclusion : exclusions_of(query)) {
        if (exclusion.start < copied)
            continue;  // inside a cue already read
        const bool quoted = query[exclusion.operand] == '"';
        std::string words = query.substr(exclusion.operand);
        if (quoted) {  // the phrase must be the cue, whole
            words = query.substr(exclusion.operand + 1, exclusion.length - 1);
            if (!words.empty() && words.back() == '"')
                words.pop_back();
        }
        const auto cue = cue_field_at(words);
        if (!cue || (quoted && cue->second != words.size()))
            continue;
        const std::size_t length = quoted ? exclusion.length : cue->second;
        out += query.substr(copied, exclusion.start - copied) + "-" + cue->first;
        copied = exclusion.operand + length;
        notes.push_back("\"" + collapse_spaces(query.substr(exclusion.start, copied - exclusion.start)) +
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
    read(read_authority_types, "authority_type");
    read(read_regions, "region");
    result.text = masked.remainder();
    note_grade_words(result);
    return result;
}

}  // namespace findings
