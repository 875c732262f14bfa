// The domain synonyms and abbreviations of stopwords/synonyms.txt, found in query text.
#include "core/query/synonyms.h"

#include "core/common/text_normaliser.h"

#include <algorithm>
#include <cctype>
#include <sstream>

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

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '&' || c == '\''; }

// Returns whether needle occurs in haystack with word boundaries on both sides and unused.
std::size_t find_word(const std::string& haystack, const std::string& needle, const std::vector<bool>& used)
{
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
        const std::size_t end = at + needle.size();
        const bool starts = at == 0 || !is_word_char(haystack[at - 1]);
        const bool ends = end == haystack.size() || !is_word_char(haystack[end]);
        if (starts && ends && std::none_of(used.begin() + at, used.begin() + end, [](bool u) { return u; }))
            return at;
    }
    return std::string::npos;
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
    };
    std::vector<Candidate> candidates;
    const auto& groups = synonym_groups();
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (const auto& member : groups[g])
            candidates.push_back({member, g});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.member.size() > b.member.size(); });

    const std::string lower = to_lower(text);
    std::vector<bool> used(lower.size(), false);
    std::vector<SynonymUse> uses;
    std::vector<bool> group_used(groups.size(), false);
    for (const auto& candidate : candidates) {
        const std::size_t at = find_word(lower, to_lower(candidate.member), used);
        if (at == std::string::npos)
            continue;
        std::fill(used.begin() + at, used.begin() + at + candidate.member.size(), true);
        // A second member of a group already found ("emergency duty team out of hours") is
        // the same concept again: found, so that it is not searched as words as well.
        const bool again = group_used[candidate.group];
        group_used[candidate.group] = true;
        if (again) {
            uses.push_back({at, text.substr(at, candidate.member.size()), {}});
            continue;
        }
        SynonymUse use{at, text.substr(at, candidate.member.size()), {}};
        for (const auto& member : groups[candidate.group]) {
            if (to_lower(member) != to_lower(candidate.member))
                use.alternatives.push_back(member);
        }
        uses.push_back(std::move(use));
    }
    return uses;
}

}  // namespace findings
