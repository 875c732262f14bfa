// Spelling correction of a query's words against the index.
#include "core/query/spelling.h"

#include "core/common/gazetteer.h"
#include "core/common/text_normaliser.h"
#include "core/query/query_understanding.h"

#include <algorithm>
#include <cctype>

namespace findings {

namespace {

// A word the index holds in at most this many paragraphs is corrected when a close word is
// k_far_commoner times as common: "recieve" in two paragraphs of a messy PDF is a typo there
// too. Anything commoner is the user's word, however rare.
constexpr Xapian::doccount k_rare_paragraphs = 3;
constexpr Xapian::doccount k_far_commoner = 100;
// A correction must itself be a word of several paragraphs, not another typo.
constexpr Xapian::doccount k_min_correction_paragraphs = 5;
// Short words have many neighbours: they may differ by one edit, longer ones by two.
constexpr std::size_t k_short_word = 5;

bool has_digit(const std::string& word)
{
    return std::any_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool in_capitals(const std::string& word)
{
    return word.size() >= 2 && std::none_of(word.begin(), word.end(), [](unsigned char c) { return std::islower(c); });
}

// Returns whether the word at [begin, end) of query is syntax or a name rather than a word
// to correct: quoted, a field's name or value, a wildcard.
bool is_syntax_at(const std::string& query, std::size_t begin, std::size_t end)
{
    if (inside_quotes(query, begin))
        return true;
    const char before = begin > 0 ? query[begin - 1] : ' ';
    const char after = end < query.size() ? query[end] : ' ';
    return before == ':' || after == ':' || after == '*';
}

}  // namespace

namespace {

// Returns the words of query that are words to search, lower case: not syntax, not a stop
// word, not an acronym, not a number, not part of an authority's name.
std::vector<std::string> searched_words(const std::string& query, const Analyser& analyser)
{
    std::vector<std::pair<std::size_t, std::size_t>> names;
    for (const auto& mention : Gazetteer::instance().find_all(query))
        names.emplace_back(mention.begin, mention.end);
    std::vector<std::string> words;
    for (const WordSpan& span : word_spans(query)) {
        const std::size_t end = span.offset + span.length;
        const std::string written = query.substr(span.offset, span.length);
        const std::string word = to_lower(written);
        if (word.size() < 3 || has_digit(word) || in_capitals(written) || analyser.is_stop_word(word) ||
            is_syntax_at(query, span.offset, end))
            continue;
        if (std::any_of(names.begin(), names.end(), [&](const auto& name) {
                return span.offset < name.second && name.first < end;
            }))
            continue;
        if (std::find(words.begin(), words.end(), word) == words.end())
            words.push_back(word);
    }
    return words;
}

}  // namespace

std::vector<Correction> spelling_corrections(const std::string& query, const Xapian::Database& db,
                                             const Analyser& analyser)
{
    std::vector<Correction> corrections;
    for (const std::string& word : searched_words(query, analyser)) {
        const Xapian::doccount frequency = db.get_termfreq(analyser.term_of(word));
        if (frequency > k_rare_paragraphs)
            continue;
        const std::string suggestion = db.get_spelling_suggestion(word, word.size() <= k_short_word ? 1 : 2);
        // Most misspellings keep the first letter; a suggestion that changes it ("naive" ->
        // "have") is a different word.
        if (suggestion.empty() || suggestion[0] != word[0] || analyser.is_stop_word(suggestion) ||
            analyser.term_of(suggestion) == analyser.term_of(word))
            continue;
        const Xapian::doccount corrected = db.get_termfreq(analyser.term_of(suggestion));
        if (corrected >= k_min_correction_paragraphs && corrected >= k_far_commoner * frequency)
            corrections.push_back({word, suggestion});
    }
    return corrections;
}

std::vector<std::string> words_in_no_paragraph(const std::string& query, const Xapian::Database& db,
                                               const Analyser& analyser)
{
    std::vector<std::string> unknown;
    for (const std::string& word : searched_words(query, analyser)) {
        if (db.get_termfreq(analyser.term_of(word)) == 0)
            unknown.push_back(word);
    }
    return unknown;
}

std::string with_corrections(const std::string& query, const std::vector<Correction>& corrections)
{
    std::string out;
    std::size_t copied = 0;
    for (const WordSpan& span : word_spans(query)) {
        const std::size_t end = span.offset + span.length;
        if (is_syntax_at(query, span.offset, end))
            continue;
        const std::string word = to_lower(query.substr(span.offset, span.length));
        const auto found = std::find_if(corrections.begin(), corrections.end(),
                                        [&](const Correction& c) { return c.from == word; });
        if (found == corrections.end())
            continue;
        std::string correction = found->to;
        if (std::isupper(static_cast<unsigned char>(query[span.offset])))  // "Supervison" -> "Supervision"
            correction[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(correction[0])));
        out += query.substr(copied, span.offset - copied) + correction;
        copied = end;
    }
    return out + query.substr(copied);
}

}  // namespace findings
