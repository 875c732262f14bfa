// The text analysis that indexing and querying share, so they cannot drift: Snowball English
// stemming and the stop words of stopwords/english.txt.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace findings {

// Returns the stop words compiled from stopwords/english.txt.
const std::vector<std::string>& stop_words();

// A word of text: a run of ASCII letters and digits and non-ASCII characters, with
// apostrophes and ampersands inside it ("children's", "A&E": one word, as Xapian indexes
// them), as bytes [offset, offset + length).
struct WordSpan {
    std::size_t offset = 0;
    std::size_t length = 0;
};

std::vector<WordSpan> word_spans(std::string_view text);

// Returns the lower-case words of text (see WordSpan).
std::vector<std::string> words_of(std::string_view text);

// One analyser per thread: Xapian's objects are not thread-safe.
//
// Every word is indexed once, as its stem ("Z" + stem, with positions); stop words are not
// indexed at all, and the positions close up over them. Queries are read the same way: a
// phrase matches stems, its stop words left out ("children in need" is Zchildren then Zneed,
// as "children in need" was indexed). An unstemmed copy of each word, or stop words, doubled
// the terms the writer stores for little gain in precision.
class Analyser {
public:
    Analyser();

    const Xapian::Stem& stemmer() const { return m_stemmer; }

    // Sets the stemmer and stemming strategy of an indexing term generator.
    void configure(Xapian::TermGenerator& generator) const;

    // Sets the same stemmer and stop words on a query parser.
    void configure(Xapian::QueryParser& parser) const;

    // Returns the term under which the index holds a (lower-case) word of the text.
    std::string term_of(const std::string& word) const { return "Z" + m_stemmer(word); }

    bool is_stop_word(const std::string& word) const { return m_stopper(word); }

    // Returns query text with the stop words of its phrases left out: those in quotes, and
    // those joined to other words by . - / \\ or @ ("out-of-hours", which Xapian reads as a
    // phrase). A phrase of stop words alone, and the value of one of filter_fields (such as
    // authority:"Barking and Dagenham"), are left as they are.
    std::string without_phrase_stop_words(const std::string& query, const std::set<std::string>& filter_fields = {}) const;

private:
    Xapian::Stem m_stemmer;
    Xapian::SimpleStopper m_stopper;
};

}  // namespace findings
