// Snippets: the stretch of a paragraph that best shows why it matched, HTML-escaped, with the
// words that match the query marked <mark>...</mark>.
#include "core/query/snippet.h"

#include "core/common/concept_terms.h"
#include "core/common/index_schema.h"
#include "core/common/text_normaliser.h"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <vector>

namespace findings {

namespace {

// Words kept before the first marked word of a cut snippet, so that it starts in context.
constexpr std::size_t k_context_words = 5;

std::size_t end_of(const WordSpan& span) { return span.offset + span.length; }

// Returns two bytes as one 16-bit number (Highlighter::m_stem_starts' index).
std::size_t two_bytes(char first, char second)
{
    return static_cast<std::size_t>(static_cast<unsigned char>(first)) << 8 | static_cast<unsigned char>(second);
}

// Words first to last of a paragraph.
struct Window {
    std::size_t first;
    std::size_t last;
};

// Returns the window of at most max_bytes with the most distinct marked words, then the most
// marked words; the first such. A window starts a few words before a marked word and ends at
// a word's end. matched holds each word's term number (below terms), or -1.
Window best_window(const std::vector<WordSpan>& spans, const std::vector<int>& matched, std::size_t terms,
                   std::size_t max_bytes)
{
    Window best{0, 0};
    long best_score = -1;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (matched[i] < 0)
            continue;
        const std::size_t first = i >= k_context_words ? i - k_context_words : 0;
        const std::size_t begin = first == 0 ? 0 : spans[first].offset;
        std::size_t last = first;
        while (last + 1 < spans.size() && end_of(spans[last + 1]) - begin <= max_bytes)
            ++last;
        std::vector<bool> seen(terms, false);
        long distinct = 0, marks = 0;
        for (std::size_t w = first; w <= last; ++w) {
            if (matched[w] < 0)
                continue;
            ++marks;
            const auto term = static_cast<std::size_t>(matched[w]);
            distinct += seen[term] ? 0 : 1;
            seen[term] = true;
        }
        const long score = distinct * 1000 + marks;
        if (score > best_score) {
            best_score = score;
            best = {first, last};
        }
    }
    return best;
}

}  // namespace

std::string escape_html(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string leading_snippet(const std::string& text, std::size_t max_bytes)
{
    if (text.size() <= max_bytes)
        return escape_html(text);
    std::size_t cut = text.rfind(' ', max_bytes);
    if (cut == std::string::npos || cut < max_bytes / 2)
        cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;  // not inside a UTF-8 sequence
    return escape_html(text.substr(0, cut)) + "...";
}

Highlighter::Highlighter(const Xapian::Query& query, const Analyser& analyser) : m_analyser(analyser)
{
    collect(query, false);
}

void Highlighter::collect(const Xapian::Query& query, bool in_phrase)
{
    if (query.get_type() == Xapian::Query::LEAF_TERM) {
        const std::string term = *query.get_terms_begin();
        if (const auto* members = ConceptTerms::shipped().members_of_term(term)) {  // its members' words
            for (const auto& member : *members) {
                for (const auto& word : member)
                    add_stem_start(word);
                if (member.size() == 1 && !in_phrase)
                    m_terms.insert(member.front());
                else if (member.size() > 1)
                    m_phrases.push_back(member);
            }
            return;
        }
        if (!schema::is_text_term(term))
            return;
        add_stem_start(term);
        if (!in_phrase)
            m_terms.insert(term);
        return;
    }
    const bool phrase = query.get_type() == Xapian::Query::OP_PHRASE;
    if (phrase) {  // its words in order (get_terms_begin lists them sorted)
        std::vector<std::string> words;
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
            words.push_back(*query.get_subquery(i).get_terms_begin());
        m_phrases.push_back(std::move(words));
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        collect(query.get_subquery(i), in_phrase || phrase);
}

void Highlighter::add_stem_start(const std::string& term)
{
    if (term.size() >= 3)  // a stem of one letter is matched by stemming every one-letter word
        m_stem_starts[two_bytes(term[1], term[2])] = true;
}

bool Highlighter::may_match(std::string_view word) const
{
    return word.size() < 2 || m_stem_starts[two_bytes(lower_ascii(word[0]), lower_ascii(word[1]))];
}

std::string Highlighter::marked(const std::string& text) const
{
    return snippet(text, std::numeric_limits<std::size_t>::max());
}

std::string Highlighter::snippet(const std::string& text, std::size_t max_bytes) const
{
    const std::vector<WordSpan> spans = word_spans(text);
    // The indexed words of the text (stop words are not: a phrase runs over them) and their terms.
    std::vector<std::size_t> indexed;
    std::vector<std::string> terms(spans.size());
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const std::string_view raw = std::string_view(text).substr(spans[i].offset, spans[i].length);
        const bool candidate = may_match(raw);
        // Without phrases, a word that can be no query term is never marked; with them, its
        // place among the indexed words still counts.
        if (!candidate && m_phrases.empty())
            continue;
        const std::string word = to_lower(raw);
        if (m_analyser.is_stop_word(word))
            continue;
        indexed.push_back(i);
        if (candidate)
            terms[i] = m_analyser.term_of(word);
    }
    // For each word, which distinct query term or phrase it matches (0, 1, ...), or -1.
    std::vector<int> matched(spans.size(), -1);
    std::unordered_map<std::string, int> term_ids;
    const auto id_of = [&term_ids](const std::string& key) {
        return term_ids.emplace(key, static_cast<int>(term_ids.size())).first->second;
    };
    for (std::size_t i : indexed) {
        if (!terms[i].empty() && m_terms.count(terms[i]))
            matched[i] = id_of(terms[i]);
    }
    for (const auto& phrase : m_phrases) {
        for (std::size_t start = 0; start + phrase.size() <= indexed.size(); ++start) {
            std::size_t length = 0;
            while (length < phrase.size() && terms[indexed[start + length]] == phrase[length])
                ++length;
            if (length < phrase.size())
                continue;
            const int id = id_of(phrase.front() + " " + phrase.back() + " " + std::to_string(phrase.size()));
            for (std::size_t k = 0; k < phrase.size(); ++k)
                matched[indexed[start + k]] = id;
        }
    }
    if (std::none_of(matched.begin(), matched.end(), [](int term) { return term >= 0; }))
        return leading_snippet(text, max_bytes);

    const Window window = text.size() <= max_bytes ? Window{0, spans.size() - 1}
                                                   : best_window(spans, matched, term_ids.size(), max_bytes);
    const std::size_t best_first = window.first, best_last = window.last;
    const std::size_t begin = best_first == 0 ? 0 : spans[best_first].offset;
    const bool whole_tail = best_last + 1 == spans.size() && text.size() - begin <= max_bytes;
    const std::size_t end = whole_tail ? text.size() : end_of(spans[best_last]);
    std::string out = begin > 0 ? "..." : "";
    std::size_t at = begin;
    for (std::size_t w = best_first; w <= best_last; ++w) {
        if (matched[w] < 0)
            continue;
        out += escape_html(text.substr(at, spans[w].offset - at));
        out += "<mark>" + escape_html(text.substr(spans[w].offset, spans[w].length)) + "</mark>";
        at = end_of(spans[w]);
    }
    out += escape_html(text.substr(at, end - at));
    if (end < text.size())
        out += "...";
    return out;
}

}  // namespace findings
