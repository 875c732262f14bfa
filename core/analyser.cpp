// The text analysis that indexing and querying share, so they cannot drift: Snowball English
// stemming and the stop words of stopwords/english.txt.
#include "core/analyser.h"

#include "core/text_normaliser.h"

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

namespace {

bool is_word_byte(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') || byte >= 0x80;
}

}  // namespace

std::vector<WordSpan> word_spans(std::string_view text)
{
    std::vector<WordSpan> spans;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_word_byte(text[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < text.size() &&
               (is_word_byte(text[i]) || (text[i] == '\'' && i + 1 < text.size() && is_word_byte(text[i + 1]))))
            ++i;
        spans.push_back({start, i - start});
    }
    return spans;
}

std::vector<std::string> words_of(std::string_view text)
{
    std::vector<std::string> words;
    for (const WordSpan& span : word_spans(text))
        words.push_back(to_lower(text.substr(span.offset, span.length)));
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
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    // Stop words are indexed too, so that phrases such as "children in need" match; the query
    // parser leaves them out everywhere else.
    generator.set_stopper_strategy(Xapian::TermGenerator::STOP_NONE);
}

void Analyser::configure(Xapian::QueryParser& parser) const
{
    parser.set_stemmer(m_stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
    parser.set_stopper(&m_stopper);
}

}  // namespace findings
