// The text analysis that indexing and querying share, so they cannot drift: Snowball English
// stemming and the stop words of stopwords/english.txt.
#include "core/common/analyser.h"

#include "core/common/text_normaliser.h"

#include <sstream>
#include <unordered_map>

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
        const auto joins_words = [&](std::size_t at) {  // "children's", "A&E"
            return (text[at] == '\'' || text[at] == '&') && at + 1 < text.size() && is_word_byte(text[at + 1]);
        };
        while (i < text.size() && (is_word_byte(text[i]) || joins_words(i)))
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

namespace {

// A stemmer that remembers the stems it gave: indexing stems every word of every paragraph,
// and a corpus uses some tens of thousands of distinct words, so most stems are looked up
// instead of worked out again by Snowball (5% of the indexer's time before). One per term
// generator, used by one thread as the generator is.
class RememberedStems : public Xapian::StemImplementation {
public:
    explicit RememberedStems(Xapian::Stem stemmer) : m_stemmer(std::move(stemmer)) {}

    std::string operator()(const std::string& word) override
    {
        const auto found = m_stems.find(word);
        if (found != m_stems.end())
            return found->second;
        if (m_stems.size() >= k_most_remembered)
            m_stems.clear();  // the words of garbled text, which recur little
        return m_stems.emplace(word, m_stemmer(word)).first->second;
    }

    std::string get_description() const override { return "remembered " + m_stemmer.get_description(); }

private:
    // About 8 MB at most; the text of corpus/ has about 18,000 distinct words.
    static constexpr std::size_t k_most_remembered = 100000;

    Xapian::Stem m_stemmer;
    std::unordered_map<std::string, std::string> m_stems;
};

}  // namespace

Analyser::Analyser() : m_stemmer("english")
{
    for (const auto& word : stop_words())
        m_stopper.add(word);
}

void Analyser::configure(Xapian::TermGenerator& generator) const
{
    generator.set_stemmer(Xapian::Stem(new RememberedStems(m_stemmer)));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    generator.set_stopper(&m_stopper);
    generator.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
}

namespace {

// Returns the field a phrase starting at span `first` is the value of ("authority" in
// authority:"Barking and Dagenham"), or "".
std::string field_of(const std::string& query, const std::vector<WordSpan>& spans, std::size_t first)
{
    std::size_t at = spans[first].offset;
    if (at > 0 && query[at - 1] == '"')
        --at;
    if (first == 0 || at == 0 || query[at - 1] != ':' || spans[first - 1].offset + spans[first - 1].length != at - 1)
        return {};
    return to_lower(std::string_view(query).substr(spans[first - 1].offset, spans[first - 1].length));
}

}  // namespace

std::string Analyser::without_phrase_stop_words(const std::string& query, const std::set<std::string>& filter_fields) const
{
    const std::vector<WordSpan> spans = word_spans(query);
    if (spans.empty())
        return query;
    // Group the words into phrases: a quoted stretch, or words joined by one character that
    // makes Xapian's parser read them as a phrase.
    std::vector<std::size_t> group(spans.size(), 0);
    std::vector<bool> quoted(spans.size(), false);
    bool in_quotes = false;
    std::size_t scanned = 0;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        bool quote_between = false;
        for (; scanned < spans[i].offset; ++scanned) {
            if (query[scanned] == '"') {
                in_quotes = !in_quotes;
                quote_between = true;
            }
        }
        scanned = spans[i].offset + spans[i].length;
        quoted[i] = in_quotes;
        if (i == 0)
            continue;
        const std::size_t gap_start = spans[i - 1].offset + spans[i - 1].length;
        const std::string_view gap = std::string_view(query).substr(gap_start, spans[i].offset - gap_start);
        const bool same_quotes = in_quotes && quoted[i - 1] && !quote_between;
        const bool joined = gap.size() == 1 && std::string_view(".-/\\@").find(gap[0]) != std::string_view::npos;
        group[i] = same_quotes || joined ? group[i - 1] : group[i - 1] + 1;
    }
    std::vector<bool> stop(spans.size(), false);
    for (std::size_t i = 0; i < spans.size(); ++i)
        stop[i] = is_stop_word(to_lower(std::string_view(query).substr(spans[i].offset, spans[i].length)));

    // Write each phrase that has some other word again without its stop words.
    std::string out;
    std::size_t copied = 0;
    for (std::size_t first = 0; first < spans.size();) {
        std::size_t end = first;
        bool has_content_word = false, has_stop_word = false;
        for (; end < spans.size() && group[end] == group[first]; ++end) {
            has_content_word |= !stop[end];
            has_stop_word |= stop[end];
        }
        const std::string field = field_of(query, spans, first);
        const bool is_filter_value = filter_fields.count(field) > 0;
        if (end - first > 1 && has_content_word && has_stop_word && !is_filter_value) {
            const char joiner = quoted[first] ? ' ' : query[spans[first].offset + spans[first].length];
            out.append(query, copied, spans[first].offset - copied);
            bool written = false;
            for (std::size_t i = first; i < end; ++i) {
                if (stop[i])
                    continue;
                if (written)
                    out += joiner;
                out.append(query, spans[i].offset, spans[i].length);
                written = true;
            }
            copied = spans[end - 1].offset + spans[end - 1].length;
        }
        first = end;
    }
    out.append(query, copied, std::string::npos);
    return out;
}

void Analyser::configure(Xapian::QueryParser& parser) const
{
    parser.set_stemmer(m_stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
    parser.set_stopper(&m_stopper);
}

}  // namespace findings
