// The text analysis that indexing and querying share, so they cannot drift: Snowball English
// stemming and the stop words of stopwords/english.txt.
#include "core/analyser.h"

#include <sstream>

namespace findings {

// Defined in the source file CMake generates from stopwords/english.txt.
extern const char* const k_stop_words_text;

const std::vector<std::string>& stop_words()
{
    static const std::vector<std::string> words = [] {
        std::vector<std::string> list;
        std::istringstream lines(k_stop_words_text);
        std::string line;
        while (std::getline(lines, line)) {
            const auto end = line.find_first_of("# \t\r");
            line = line.substr(0, end);
            if (!line.empty())
                list.push_back(line);
        }
        return list;
    }();
    return words;
}

Analyser::Analyser() : m_stemmer("english")
{
    for (const auto& word : stop_words())
        m_stopper.add(word);
}

void Analyser::configure(Xapian::TermGenerator& generator) const
{
    generator.set_stemmer(m_stemmer);
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    generator.set_stopper(&m_stopper);
    // Stop words keep their unstemmed, positional terms so that phrases still match them.
    generator.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
}

void Analyser::configure(Xapian::QueryParser& parser) const
{
    parser.set_stemmer(m_stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_stopper(&m_stopper);
}

}  // namespace findings
