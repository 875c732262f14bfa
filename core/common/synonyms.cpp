// The domain synonyms and abbreviations of stopwords/synonyms.txt, found in query text.
#include "core/common/synonyms.h"

#include "core/common/analyser.h"
#include "core/common/text_normaliser.h"

#include <algorithm>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>

namespace findings {

// Defined in the source file CMake generates from stopwords/synonyms.txt.
extern const char* const k_synonyms_text;

namespace {

std::vector<std::string> split_members(const std::string& line)
{
    std::vector<std::string> members;
    std::istringstream parts(line);
    std::string member;
    while (std::getline(parts, member, '|')) {
        member = collapse_spaces(member);
        if (!member.empty())
            members.push_back(member);
    }
    return members;
}

// Returns whether word is base in the plural: "peps", "plans", and "es" after a hissing end
// ("boxes"), so that "laces" is no plural of "lac".
bool is_plural_of(std::string_view word, std::string_view base)
{
    if (word.size() <= base.size() || word.substr(0, base.size()) != base)
        return false;
    const std::string_view ending = word.substr(base.size());
    const auto ends_with = [base](std::string_view end) {
        return base.size() >= end.size() && base.substr(base.size() - end.size()) == end;
    };
    const bool hissing = ends_with("s") || ends_with("x") || ends_with("z") || ends_with("ch") || ends_with("sh");
    return ending == "s" || (ending == "es" && hissing);
}

// Returns the offset and length in text of the first run of the words of a member that uses no
// used character: its words in order, with only spaces, commas, hyphens or slashes between them
// ("out of hours" is also "out-of-hours"; "education, health and care plan" also "education
// health and care plan"), the last one maybe plural ("PEPs", "education health and care
// plans"). lower is text in lower case, spans its words.
std::optional<std::pair<std::size_t, std::size_t>> find_member(const std::string& lower, const std::vector<WordSpan>& spans,
                                                               const std::vector<std::string>& words,
                                                               const std::vector<bool>& used)
{
    const auto word_at = [&](std::size_t i) { return std::string_view(lower).substr(spans[i].offset, spans[i].length); };
    const auto only_separators = [&](std::size_t from, std::size_t to) {
        return lower.find_first_not_of(" ,/-", from) >= to;
    };
    if (words.empty())
        return std::nullopt;
    for (std::size_t first = 0; first + words.size() <= spans.size(); ++first) {
        bool same = true;
        for (std::size_t k = 0; k < words.size() && same; ++k) {
            const std::string_view word = word_at(first + k);
            same = word == words[k] || (k + 1 == words.size() && is_plural_of(word, words[k]));
            if (same && k > 0)
                same = only_separators(spans[first + k - 1].offset + spans[first + k - 1].length, spans[first + k].offset);
        }
        if (!same)
            continue;
        const std::size_t at = spans[first].offset;
        const std::size_t end = spans[first + words.size() - 1].offset + spans[first + words.size() - 1].length;
        if (std::none_of(used.begin() + at, used.begin() + end, [](bool u) { return u; }))
            return std::make_pair(at, end - at);
    }
    return std::nullopt;
}

}  // namespace

const std::vector<std::vector<std::string>>& synonym_groups()
{
    static const std::vector<std::vector<std::string>> groups = [] {
        std::vector<std::vector<std::string>> list;
        std::istringstream lines(k_synonyms_text);
        std::string line;
        while (std::getline(lines, line)) {
            line = line.substr(0, line.find('#'));
            auto members = split_members(line);
            if (members.size() > 1)
                list.push_back(std::move(members));
        }
        return list;
    }();
    return groups;
}

std::vector<SynonymUse> find_synonyms(const std::string& text)
{
    struct Candidate {
        std::string member;
        std::size_t group;
        std::vector<std::string> words;
    };
    static const std::vector<Candidate> candidates = [] {
        std::vector<Candidate> list;
        const auto& groups = synonym_groups();
        for (std::size_t g = 0; g < groups.size(); ++g) {
            for (const auto& member : groups[g])
                list.push_back({member, g, words_of(member)});
        }
        std::stable_sort(list.begin(), list.end(),
                         [](const Candidate& a, const Candidate& b) { return a.member.size() > b.member.size(); });
        return list;
    }();

    const auto& groups = synonym_groups();
    const std::string lower = to_lower(text);
    const std::vector<WordSpan> spans = word_spans(lower);
    std::vector<bool> used(text.size(), false);
    std::vector<SynonymUse> uses;
    std::vector<bool> group_used(groups.size(), false);
    for (const auto& candidate : candidates) {
        const auto found = find_member(lower, spans, candidate.words, used);
        if (!found)
            continue;
        const auto [at, length] = *found;
        std::fill(used.begin() + at, used.begin() + at + length, true);
        // A second member of a group already found ("emergency duty team out of hours") is
        // the same concept again: found, so that it is not searched as words as well.
        const bool again = group_used[candidate.group];
        group_used[candidate.group] = true;
        SynonymUse use{at, text.substr(at, length), candidate.group, {}};
        if (!again) {
            for (const auto& member : groups[candidate.group]) {
                if (to_lower(member) != to_lower(candidate.member))
                    use.alternatives.push_back(member);
            }
        }
        uses.push_back(std::move(use));
    }
    return uses;
}

}  // namespace findings
