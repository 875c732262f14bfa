// The text analysis that indexing and querying share, so they cannot drift: Snowball English
// stemming and the stop words of stopwords/english.txt.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace findings {

// Returns the stop words compiled from stopwords/english.txt.
const std::vector<std::string>& stop_words();

// One analyser per thread: Xapian's objects are not thread-safe.
class Analyser {
public:
    Analyser();

    const Xapian::Stem& stemmer() const { return m_stemmer; }
    const Xapian::Stopper& stopper() const { return m_stopper; }

    // Sets the stemmer, stop words and stemming strategy of an indexing term generator.
    void configure(Xapian::TermGenerator& generator) const;

    // Sets the same stemmer and stop words on a query parser.
    void configure(Xapian::QueryParser& parser) const;

private:
    Xapian::Stem m_stemmer;
    Xapian::SimpleStopper m_stopper;
};

}  // namespace findings
