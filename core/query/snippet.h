// Snippets: the stretch of a paragraph that best shows why it matched, HTML-escaped, with the
// words that match the query marked <mark>...</mark>.
#pragma once

#include "core/common/analyser.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace findings {

// Returns text with &, <, >, " and ' escaped for HTML.
std::string escape_html(const std::string& text);

// Returns the start of text, at most max_bytes cut at a word boundary (with "..."),
// HTML-escaped: the snippet of a match with no words to mark.
std::string leading_snippet(const std::string& text, std::size_t max_bytes);

// Marks the words of texts whose terms (Analyser::term_of) are terms of a query; the words of
// a phrase only where they stand as that phrase ("child and adolescent mental health
// services", not every "health").
class Highlighter {
public:
    Highlighter(const Xapian::Query& query, const Analyser& analyser);

    // Returns at most max_bytes of text (and "..." where it was cut) around the most distinct
    // query words, the leading_snippet when no word matches.
    std::string snippet(const std::string& text, std::size_t max_bytes) const;

    // Returns the whole of text, HTML-escaped, with the query's words marked.
    std::string marked(const std::string& text) const;

private:
    // Collects the terms and phrases of query into m_terms and m_phrases.
    void collect(const Xapian::Query& query, bool in_phrase);
    // Notes the first two bytes of a term's stem (after its prefix) in m_stem_starts.
    void add_stem_start(const std::string& term);
    // Returns whether a word of the text (in any case) could be indexed under a term of the
    // query or of one of its phrases: whether its first two bytes start one of their stems.
    bool may_match(std::string_view word) const;

    const Analyser& m_analyser;
    std::unordered_set<std::string> m_terms;           // marked wherever they occur
    std::vector<std::vector<std::string>> m_phrases;   // marked where the words run in order
    // The first two bytes of every term's stem, by their value as a 16-bit number: stemming
    // changes only a word's ending, so a word whose first two bytes are not here cannot match
    // and is not stemmed (nor, when the query has no phrase, lowered or looked up among the
    // stop words).
    std::vector<bool> m_stem_starts = std::vector<bool>(1 << 16);
};

}  // namespace findings
