// Building the Xapian query of a search request: full text through Xapian's QueryParser
// (explicit field syntax, phrases, AND/OR/NOT, ranges, spelling), domain synonyms, and the
// filters of cues and request parameters grouped by facet.
#include "core/query/query_builder.h"

#include "core/common/concept_terms.h"
#include "core/common/error.h"
#include "core/common/fast_regex.h"
#include "core/common/fields.h"
#include "core/common/index_schema.h"
#include "core/common/synonyms.h"
#include "core/common/text_encoding.h"
#include "core/common/text_normaliser.h"
#include "core/query/concepts.h"
#include "core/query/proximity.h"
#include "core/query/spelling.h"
#include "core/query/typed_filters.h"
#include "core/query/wildcards.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace findings {

namespace {

namespace s = schema;

Xapian::Query or_of_terms(const std::vector<std::string>& terms)
{
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Returns the terms a value of field names, as people write it ("LB Croydon", "priority
// action", "strengths"); empty when it names nothing.
std::vector<std::string> terms_named(const Field& field, const std::string& value)
{
    std::vector<std::string> terms = field.resolve(value);
    for (auto& term : terms)
        term.insert(0, field.term_prefix);
    return terms;
}

// The field processor of each field's query syntax (authority:Croydon, type:strength,
// grade:"requires improvement", region:London, year:2010; year:2009..2011 is read by the
// range processor). A value that names nothing matches nothing, and the reading's notes say
// what to write.
class TableField : public Xapian::FieldProcessor {
public:
    TableField(const Field& field, std::vector<std::string>& notes) : m_field(field), m_notes(notes) {}

    Xapian::Query operator()(const std::string& value) override
    {
        const std::vector<std::string> terms = terms_named(m_field, value);
        if (!terms.empty())
            return or_of_terms(terms);
        const std::string note = m_field.query_prefix + ":" + value + " matches nothing: " + m_field.advice;
        if (std::find(m_notes.begin(), m_notes.end(), note) == m_notes.end())
            m_notes.push_back(note);
        return Xapian::Query(m_field.term_prefix + to_lower(value));  // a term no document has
    }

private:
    const Field& m_field;
    std::vector<std::string>& m_notes;
};

// report:ID, the one filter of query syntax that is not a field: a report's identity.
const char* const k_report_prefix = "report";
const char* const k_report_example = "report:croydon-2010-01-04-unannounced-inspection";

Xapian::QueryParser make_parser(const Xapian::Database& db, const Analyser& analyser, std::vector<std::string>& notes,
                                const std::vector<SynonymUse>& synonyms, Xapian::Query::op words_joined_by)
{
    Xapian::QueryParser parser;
    analyser.configure(parser);
    parser.set_database(db);
    parser.set_default_op(words_joined_by);
    for (const Field& field : fields()) {
        parser.add_boolean_prefix(field.query_prefix, (new TableField(field, notes))->release(), &field.query_prefix);
        if (field.filter == FieldFilter::year_range)
            parser.add_rangeprocessor(
                (new Xapian::NumberRangeProcessor(field.slot, field.query_prefix + ":"))->release());
    }
    parser.add_boolean_prefix(k_report_prefix, s::k_report, k_report_prefix);
    parser.add_prefix("section", s::k_section_text);
    parser.add_prefix(k_wildcard_prefix, (new WildcardField(db, analyser, notes))->release());
    parser.add_prefix(k_concept_prefix, (new ConceptField(synonyms, analyser, ConceptTerms::shipped().searchable_in(db)))->release());
    return parser;
}

// The prefixes make_parser reads as filters: their values are names, not text.
const std::set<std::string>& filter_prefixes()
{
    static const std::set<std::string> prefixes = [] {
        std::set<std::string> names = {k_report_prefix};
        for (const Field& field : fields())
            names.insert(field.query_prefix);
        return names;
    }();
    return prefixes;
}

// FLAG_PURE_NOT: "NOT word" with nothing before it excludes the word from every paragraph
// (exclusions_spelled_out writes a query of exclusions only that way).
constexpr unsigned k_full_syntax = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                   Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT;

// Returns text with invalid UTF-8 and control characters replaced by spaces, cut to the limit.
std::string sanitise(const std::string& query, QueryReading& reading)
{
    std::string clean;
    std::size_t i = 0;
    while (i < query.size()) {
        const char32_t cp = next_code_point(query, i);
        append_utf8(clean, (cp < 0x20 || cp == 0x7F || cp == 0xFFFD) ? U' ' : cp);
    }
    clean = collapse_spaces(normalise_text(clean));
    if (clean.size() > k_max_query_bytes) {
        std::size_t cut = k_max_query_bytes;
        while (cut > 0 && (static_cast<unsigned char>(clean[cut]) & 0xC0) == 0x80)
            --cut;
        const std::size_t space = clean.rfind(' ', cut);
        if (clean[cut] != ' ' && space != std::string::npos && space > 0)  // not mid-word
            cut = space;
        clean.resize(cut);
        reading.notes.push_back("the query was cut to its first " + std::to_string(k_max_query_bytes) + " bytes");
    }
    return clean;
}

// Returns only the words of text, for the plain reading of a query whose syntax failed.
std::string words_only(const std::string& text)
{
    std::string out;
    for (char c : text)
        out += (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) ? c : ' ';
    return collapse_spaces(out);
}

// Returns whether text has a year range whose first year is after its last ("year:2011..2009").
bool has_backwards_range(const std::string& text)
{
    static const Regex range(R"(year:(\d{1,9})\.\.(\d{1,9}))");
    for (RegexIterator it(text.begin(), text.end(), range), end; it != end; ++it) {
        if (std::stol((*it)[1].str()) > std::stol((*it)[2].str()))
            return true;
    }
    return false;
}

// Returns whether text has something to search: a word that is not a stop word, or syntax
// (a quoted phrase, a field) that the parser must read. "Croydon and Redbridge" leaves "and".
bool has_searchable_words(const std::string& text)
{
    if (text.find_first_of("\":") != std::string::npos)
        return true;
    const auto& stop = stop_words();
    for (const auto& word : words_of(text)) {
        if (std::find(stop.begin(), stop.end(), word) == stop.end())
            return true;
    }
    return false;
}

// Returns text with its exclusions written the way Xapian reads them:
// - a negated year range ("-year:2009..2012"), which Xapian would OR in, becomes
//   "(the rest) NOT year:2009..2012";
// - with nothing but exclusions (stop words and punctuation aside), "-" is spelled "NOT":
//   Xapian reads a lone "-word" as "word", while "NOT word" (with FLAG_PURE_NOT) excludes it
//   from every paragraph.
std::string exclusions_spelled_out(const std::string& text)
{
    static const Regex negated_range(R"((^|\s)-(year:\d*\.\.\d*)(?=\s|$))");
    std::string rest;
    std::string ranges;
    std::size_t copied = 0;
    for (RegexIterator it(text.begin(), text.end(), negated_range), end; it != end; ++it) {
        const auto at = static_cast<std::size_t>(it->position(0));
        if (inside_quotes(text, at))
            continue;
        rest += text.substr(copied, at - copied) + " ";
        copied = at + static_cast<std::size_t>(it->length(0));
        ranges += " NOT " + (*it)[2].str();
    }
    rest = collapse_spaces(rest + text.substr(copied));
    if (!has_searchable_words(without_negations(rest))) {
        std::string only_exclusions;  // what is left between them ("and", ",") would confuse Xapian
        for (const Negation& negation : negations_of(rest))
            only_exclusions += " NOT " + rest.substr(negation.operand, negation.length);
        rest = collapse_spaces(only_exclusions);
    }
    if (ranges.empty())
        return rest;
    return rest.empty() ? collapse_spaces(ranges) : "(" + rest + ")" + ranges;
}

// Notes a filter field written without its value ("authority:" alone), which Xapian reads as a word.
void note_fields_without_values(const std::string& text, std::vector<std::string>& notes)
{
    static const Regex bare_field(R"((?:^|[\s(])([a-z_]+):(?=\s|$|\)))");
    for (RegexIterator it(text.begin(), text.end(), bare_field), end; it != end; ++it) {
        const std::string prefix = (*it)[1].str();
        const Field* field = field_with_prefix(prefix);
        if ((!field && prefix != k_report_prefix) || inside_quotes(text, static_cast<std::size_t>(it->position(1))))
            continue;
        const std::string example = field ? field->query_prefix + ":" + field->example : k_report_example;
        const std::string note = prefix + ": has no value and was searched as a word; write e.g. " + example;
        if (std::find(notes.begin(), notes.end(), note) == notes.end())
            notes.push_back(note);
    }
}

// Parses the text, its words joined by words_joined_by where no operator joins them. The
// synonym groups it names are one concept each (concepts.h); the reading lists them.
Xapian::Query parse_text(const std::string& text, const Xapian::Database& db, const Analyser& analyser,
                         Xapian::Query::op words_joined_by, BuiltQuery& built)
{
    note_fields_without_values(text, built.reading.notes);
    std::vector<SynonymUse> synonyms;
    const std::string with_concepts = with_synonym_concepts(text, synonyms);
    Xapian::QueryParser parser = make_parser(db, analyser, built.reading.notes, synonyms, words_joined_by);
    try {
        const std::string parsed = with_wildcards_marked(
            exclusions_spelled_out(analyser.without_phrase_stop_words(with_concepts, filter_prefixes())));
        Xapian::Query query = parser.parse_query(parsed, k_full_syntax);
        built.reading.synonyms.clear();
        for (const auto& use : synonyms) {
            std::string listed;
            for (const auto& member : use.alternatives)
                listed += (listed.empty() ? "" : ", ") + member;
            built.reading.synonyms.push_back(use.matched + " = " + listed);
        }
        return query;
    } catch (const Xapian::QueryParserError& error) {
        built.reading.fallback = true;
        const std::string note = "the query's syntax could not be read (" + error.get_msg() +
                                 "): its words were searched instead";
        if (std::find(built.reading.notes.begin(), built.reading.notes.end(), note) == built.reading.notes.end())
            built.reading.notes.push_back(note);
        return parser.parse_query(words_only(text), 0);
    }
}

void add_group(BuiltQuery& built, const std::string& field, const std::vector<std::string>& terms,
               const std::string& label)
{
    if (terms.empty())
        return;
    Xapian::Query group = or_of_terms(terms);
    // Values of one facet are alternatives however they were chosen: "Croydon" in the words
    // and Bromley ticked on the page ask for either, as two ticks do.
    auto found = built.filter_groups.find(field);
    if (found == built.filter_groups.end())
        built.filter_groups.emplace(field, group);
    else
        found->second = Xapian::Query(Xapian::Query::OP_OR, found->second, group);
    if (!label.empty())
        built.reading.filters.push_back(label);  // cue filters are labelled by their cues
}

std::string joined(const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& value : values)
        out += (out.empty() ? "" : " or ") + value;
    return out;
}

// Returns the field's name as a person reads it in a filter's label: "finding", "authority type".
std::string label_of(const Field& field) { return to_lower(field.label); }

// Notes a filter value the field can have that no paragraph of db has (its terms).
void note_if_in_no_paragraph(const Field& field, const std::string& value, const std::vector<std::string>& terms,
                             const Xapian::Database& db, BuiltQuery& built)
{
    if (std::all_of(terms.begin(), terms.end(), [&db](const std::string& term) { return db.get_termfreq(term) == 0; }))
        built.reading.notes.push_back("no paragraph in this index has " + label_of(field) + " \"" + value +
                                      "\": it matches nothing");
}

// One rule for every filter value: a value the field cannot have is refused; a value it can
// have that no paragraph of this index has is searched, and the reading says so.
void add_request_filters(const SearchRequest& request, const Xapian::Database& db, BuiltQuery& built)
{
    for (const auto& [name, values] : request.filters) {
        const Field* field = field_named(name);
        if (!field || field->filter != FieldFilter::values)
            throw Error(ErrorCode::bad_request, "no field \"" + name + "\" to filter on");
        std::vector<std::string> terms;
        for (const auto& value : values) {
            const std::vector<std::string> named = terms_named(*field, value);
            if (named.empty())
                throw Error(ErrorCode::bad_request, "unknown " + label_of(*field) + " \"" + value + "\": " + field->advice);
            note_if_in_no_paragraph(*field, value, named, db, built);
            terms.insert(terms.end(), named.begin(), named.end());
        }
        add_group(built, name, terms, label_of(*field) + ": " + joined(values));
    }
}

const Field& year_field() { return *field_named("year"); }

Xapian::Query year_range(int from, int to)
{
    const Xapian::valueno slot = year_field().slot;
    if (from && to)
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, Xapian::sortable_serialise(from),
                             Xapian::sortable_serialise(to));
    if (from)
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, Xapian::sortable_serialise(from));
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, Xapian::sortable_serialise(to));
}

void add_year_filters(const SearchRequest& request, const Interpretation& cues, BuiltQuery& built)
{
    std::vector<Xapian::Query> parts;
    if (request.year_from || request.year_to) {
        parts.push_back(year_range(request.year_from, request.year_to));
        built.reading.filters.push_back("year " + std::to_string(request.year_from) + ".." +
                                        (request.year_to ? std::to_string(request.year_to) : ""));
    }
    if (!cues.year_spans.empty()) {
        std::vector<Xapian::Query> spans;
        for (const YearSpan& span : cues.year_spans)  // one year is one term: cheaper than a range
            spans.push_back(span.first == span.last ? Xapian::Query(year_field().term_prefix + std::to_string(span.first))
                                                    : year_range(span.first, span.last));
        parts.emplace_back(Xapian::Query::OP_OR, spans.begin(), spans.end());
    }
    if (cues.year_from || cues.year_to)
        parts.push_back(year_range(cues.year_from, cues.year_to));
    if (!parts.empty())
        built.filter_groups.emplace("year", Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
    // Every year cue applies: say so when together they leave no year ("since 2015 before 2010").
    const int from = cues.year_from ? cues.year_from : std::numeric_limits<int>::min();
    const int to = cues.year_to ? cues.year_to : std::numeric_limits<int>::max();
    const bool span_within = cues.year_spans.empty() ||
                             std::any_of(cues.year_spans.begin(), cues.year_spans.end(),
                                         [&](const YearSpan& span) { return span.first <= to && span.last >= from; });
    if (from > to || !span_within)
        built.reading.notes.push_back("the query's years leave no year to search: every year cue applies");
}

// Returns the terms of values of the field called name (values as the index spells them).
template <typename Value>
std::vector<std::string> terms_of(const std::string& name, const std::vector<Value>& values)
{
    std::vector<std::string> terms;
    for (const auto& value : values)
        terms.push_back(field_named(name)->term_prefix + to_string(value));
    return terms;
}

// Field syntax typed in the words joins its facet's group as a tick would, with a cue that
// says which words it came from (so that unticking it on the page takes them out).
void add_typed_filters(const std::vector<TypedFilter>& typed_filters, const Xapian::Database& db, BuiltQuery& built)
{
    for (const TypedFilter& typed : typed_filters) {
        const Field& field = *field_named(typed.field);
        const std::vector<std::string> terms = terms_named(field, typed.value);
        const std::string label = label_of(field) + ": " + typed.value;
        note_if_in_no_paragraph(field, typed.value, terms, db, built);
        add_group(built, typed.field, terms, label);
        built.reading.cues.push_back({typed.field, label, typed.matched});
    }
}

void add_cue_filters(const Interpretation& cues, BuiltQuery& built)
{
    std::vector<std::string> terms;
    for (const auto& name : cues.authorities) {
        const std::vector<std::string> named = terms_named(*field_named("authority"), name);
        terms.insert(terms.end(), named.begin(), named.end());
    }
    add_group(built, "authority", terms, "authority: " + joined(cues.authorities));
    std::vector<std::string> region_terms;
    for (const auto& name : cues.regions) {
        const std::vector<std::string> named = terms_named(*field_named("region"), name);
        region_terms.insert(region_terms.end(), named.begin(), named.end());
    }
    add_group(built, "region", region_terms, "");
    add_group(built, "authority_type", terms_of("authority_type", cues.authority_types), "");
    add_group(built, "finding_type", terms_of("finding_type", cues.finding_types), "");
    add_group(built, "timescale", terms_of("timescale", cues.timescales), "");
    add_group(built, "grade", terms_of("grade", cues.grades), "");
    add_group(built, "overall", terms_of("overall", cues.overall_grades), "");
    for (const auto& cue : cues.cues) {
        if (cue.field != "authority")
            built.reading.filters.push_back(cue.label);
    }
    const auto rank = [&built](const std::string& term, double weight) {
        double& kept = built.ranked_terms[term];
        kept = std::max(kept, weight);
    };
    for (const auto& [type, weight] : cues.ranked_types)
        rank(field_named("finding_type")->term_prefix + to_string(type), weight);
    for (const auto& [polarity, weight] : cues.ranked_polarities)
        rank(field_named("polarity")->term_prefix + to_string(polarity), weight);
    if (cues.listed_weight > 0)
        rank(schema::k_listed, cues.listed_weight);
}

}  // namespace

BuiltQuery build_query(const SearchRequest& request, const Xapian::Database& db, const Analyser& analyser)
{
    BuiltQuery built;
    std::string query = sanitise(request.query, built.reading);
    if (!request.literal) {  // a literal search is of the words as written
        const std::vector<Correction> corrections = spelling_corrections(query, db, analyser);
        if (!corrections.empty() && request.autocorrect) {
            query = with_corrections(query, corrections);
            built.reading.corrections = corrections;
            built.reading.corrected_query = query;
        } else if (!corrections.empty()) {
            built.suggestion = with_corrections(query, corrections);
        }
        for (const std::string& word : words_in_no_paragraph(query, db, analyser))
            built.reading.notes.push_back("\"" + word + "\" is in no paragraph: it matches nothing");
    }
    Interpretation cues;
    if (request.literal)
        cues.text = query;
    else
        cues = understand_query(query);
    const std::vector<TypedFilter> typed_filters = take_typed_filters(cues.text);
    built.reading.cues = cues.cues;
    built.reading.text = cues.text;
    built.reading.notes.insert(built.reading.notes.end(), cues.notes.begin(), cues.notes.end());
    add_request_filters(request, db, built);
    add_cue_filters(cues, built);
    add_typed_filters(typed_filters, db, built);
    add_year_filters(request, cues, built);
    if (!request.report.empty())  // a group of its own, never a facet: always applied
        built.filter_groups.emplace("report", Xapian::Query(schema::k_report + request.report));
    if (has_searchable_words(cues.text)) {
        // A match has every concept of the query; the reading of any of them is kept for a
        // query whose concepts never meet (Searcher falls back to it, and says so).
        const auto joined_by = request.match_all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
        const Xapian::Query parsed = parse_text(cues.text, db, analyser, joined_by, built);
        if (!parsed.empty()) {
            built.text = parsed;
            built.proximity = adjacent_pairs(cues.text, analyser);
            if (request.match_all && request.fall_back) {
                const Xapian::Query any = parse_text(cues.text, db, analyser, Xapian::Query::OP_OR, built);
                if (any.serialise() != parsed.serialise())
                    built.any_text = any;
            }
        } else if (has_backwards_range(cues.text)) {  // Xapian's empty query: it matches nothing
            built.matches_nothing = true;
            built.reading.notes.push_back("nothing can match \"" + cues.text +
                                          "\": a range goes from low to high, e.g. year:2009..2011");
        } else if (cues.cues.empty()) {
            built.matches_nothing = true;
            built.reading.notes.push_back("\"" + cues.text + "\" has nothing to search: nothing was searched");
        } else {
            built.reading.notes.push_back("\"" + cues.text + "\" has nothing to search: it was left out");
        }
    } else if (cues.cues.empty() && !cues.text.empty()) {  // not the "and" between two cues
        // A query of stop words or punctuation alone asks for nothing: it matches nothing
        // rather than every paragraph (an empty query, for browsing by filters, matches all).
        built.matches_nothing = true;
        built.reading.notes.push_back(words_of(cues.text).empty()
                                          ? "\"" + cues.text + "\" has no words to search: nothing was searched"
                                          : "\"" + cues.text +
                                                "\" was not searched: its words are too common to search alone");
    }
    return built;
}

bool has_weighted_terms(const Xapian::Query& query)
{
    switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:  // a field's filter alone comes as 0 * term: weighs nothing
        return !s::is_filter_term(*query.get_terms_begin());
    case Xapian::Query::OP_WILDCARD:
        return true;
    case Xapian::Query::LEAF_MATCH_ALL:
    case Xapian::Query::LEAF_MATCH_NOTHING:
    case Xapian::Query::LEAF_POSTING_SOURCE:
    case Xapian::Query::OP_VALUE_RANGE:
    case Xapian::Query::OP_VALUE_GE:
    case Xapian::Query::OP_VALUE_LE:
        return false;
    case Xapian::Query::OP_FILTER:   // the filter side adds no weight
    case Xapian::Query::OP_AND_NOT:  // nor does the excluded side
        return has_weighted_terms(query.get_subquery(0));
    default:
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
            if (has_weighted_terms(query.get_subquery(i)))
                return true;
        }
        return false;
    }
}

}  // namespace findings
