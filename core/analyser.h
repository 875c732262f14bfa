// The text analysis that indexing and querying share, so they cannot drift: Snowball English
// stemming and the stop words of stopwords/english.txt.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace findings {

// Returns the stop words compiled from stopwords/english.txt.
const std::vector<std::string>& stop_words();

// A word of text: a run of ASCII letters and digits and non-ASCII characters, with
// apostrophes inside it ("children's"), as bytes [offset, offset + length).
struct WordSpan {
    std::size_t offset = 0;
    std::size_t length = 0;
};

std::vector<WordSpan> word_spans(std::string_view text);

// Returns the lower-case words of text (see WordSpan).
std::vector<std::string> words_of(std::string_view text);

// One analyser per thread: Xapian's objects are not thread-safe.
//
// Every word is indexed once, as its stem ("Z" + stem, with positions, stop words included),
// and queries are read the same way: phrases match stems ("looked after children" matches
// "looking after child"). An unstemmed copy of each word would double the terms the writer
// stores for little gain in precision.
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

private:
    Xapian::Stem m_stemmer;
    Xapian::SimpleStopper m_stopper;
};

}  // namespace findings
