// Prefix wildcards ("neglec*") on an index that holds only stems.
#include "core/query/wildcards.h"

#include "core/common/fast_regex.h"
#include "core/common/text_normaliser.h"
#include "core/query/query_understanding.h"

#include <algorithm>
#include <map>
#include <regex>

namespace findings {

const char* const k_wildcard_prefix = "wordsbeginning";

namespace {

// Shorter prefixes name too many words to be a useful search ("ch*").
constexpr std::size_t k_min_prefix_letters = 3;
// The most stems one wildcard searches: the commonest, so that the search stays fast.
constexpr std::size_t k_max_stems = 50;
// The words a note lists as examples.
constexpr std::size_t k_words_shown = 6;

void add_note(std::vector<std::string>& notes, const std::string& note)
{
    if (std::find(notes.begin(), notes.end(), note) == notes.end())
        notes.push_back(note);
}

}  // namespace

std::string with_wildcards_marked(const std::string& text)
{
    static const Regex wildcard(R"((^|[\s(+-])([A-Za-z0-9][\w']*)\*(?=[\s)]|$))");
    std::string out;
    std::size_t copied = 0;
    for (RegexIterator it(text.begin(), text.end(), wildcard), end; it != end; ++it) {
        const auto at = static_cast<std::size_t>(it->position(2));
        if (inside_quotes(text, at))
            continue;
        out += text.substr(copied, at - copied) + k_wildcard_prefix + ":" + (*it)[2].str();
        copied = at + static_cast<std::size_t>(it->length(2)) + 1;  // and the "*"
    }
    return out + text.substr(copied);
}

Xapian::Query WildcardField::operator()(const std::string& written)
{
    const std::string prefix = to_lower(written);
    if (prefix.size() < k_min_prefix_letters) {
        add_note(m_notes, prefix + "* was searched as \"" + prefix + "\": a wildcard needs at least " +
                              std::to_string(k_min_prefix_letters) + " letters before the *");
        return Xapian::Query(m_analyser.term_of(prefix));
    }
    // Frequency of each stem, and the words of the index it stands for (most frequent first).
    std::map<std::string, Xapian::doccount> stem_frequency;
    std::vector<std::pair<Xapian::doccount, std::string>> words;
    auto it = m_db.spellings_begin();
    it.skip_to(prefix);
    for (; it != m_db.spellings_end() && (*it).compare(0, prefix.size(), prefix) == 0; ++it) {
        const std::string word = *it;
        words.emplace_back(it.get_termfreq(), word);
        stem_frequency[m_analyser.term_of(word)] += it.get_termfreq();
    }
    if (words.empty()) {
        add_note(m_notes, prefix + "* matches no word in the index");
        return Xapian::Query(m_analyser.term_of(prefix));  // a term no document has
    }
    std::vector<std::pair<Xapian::doccount, std::string>> stems;
    for (const auto& [stem, frequency] : stem_frequency)
        stems.emplace_back(frequency, stem);
    std::sort(stems.rbegin(), stems.rend());
    std::sort(words.rbegin(), words.rend());
    std::string shown;
    for (std::size_t i = 0; i < words.size() && i < k_words_shown; ++i)
        shown += (i ? ", " : "") + words[i].second;
    std::string note = prefix + "* was read as any word beginning \"" + prefix + "\" (" +
                       std::to_string(words.size()) + " in the index: " + shown +
                       (words.size() > k_words_shown ? ", ..." : "") + ")";
    if (stems.size() > k_max_stems) {
        stems.resize(k_max_stems);
        note += "; the " + std::to_string(k_max_stems) + " commonest stems were searched";
    }
    add_note(m_notes, note);
    std::vector<std::string> terms;
    for (const auto& stem : stems)
        terms.push_back(stem.second);
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

}  // namespace findings
