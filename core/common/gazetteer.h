// The authority gazetteer: every English local authority with children's services,
// past and present, with its usual name forms, region and type.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace findings {

enum class AuthorityType { london_borough, metropolitan_district, county, unitary };

// Returns the facet spelling ("london_borough").
const char* to_string(AuthorityType type);

// Reads a facet spelling back; also as people write it ("London borough").
std::optional<AuthorityType> authority_type_from_string(const std::string& text);

struct Authority {
    std::string name;    // canonical: "Barking and Dagenham", "Durham", "Bristol"
    std::string slug;    // "barking-and-dagenham": used in index terms and report ids
    std::string region;  // "London", "North West", "South East", ...
    AuthorityType type = AuthorityType::unitary;
    int from_year = 0;   // first year with children's services; 0 = before 2009
    int to_year = 0;     // last year (reorganised away); 0 = still exists
    std::vector<std::string> aliases;  // other names and forms from the table ("Hull", "LBBD")
};

// One authority named in running text, with the byte range of the name form found.
struct AuthorityMention {
    const Authority* authority = nullptr;
    std::size_t begin = 0;
    std::size_t end = 0;
};

class Gazetteer {
public:
    // Returns the gazetteer built from the table compiled into the library.
    static const Gazetteer& instance();

    Gazetteer(const Gazetteer&) = delete;  // its forms point into its own key map
    Gazetteer& operator=(const Gazetteer&) = delete;

    // Resolves a whole name in any usual form ("LB Croydon", "Croydon Borough Council",
    // "London Borough of Barking & Dagenham", "Bradford Children and Families Trust",
    // "Surrey Safeguarding Children Board", "croydon"); nullptr when unknown.
    const Authority* resolve(std::string_view name) const;

    // Finds every authority named in text, left to right, the longest form winning where
    // forms overlap ("City of London" is not "London"; "County Durham" is Durham once).
    std::vector<AuthorityMention> find_all(std::string_view text) const;

    // Returns the authority with this slug, or nullptr.
    const Authority* by_slug(std::string_view slug) const;

    // Returns the authorities that took over from one that was reorganised away (Cumbria:
    // Cumberland, Westmorland and Furness): those of its region created the year it ended.
    // Empty for an authority that still exists.
    std::vector<const Authority*> successors(const Authority& former) const;

    const std::vector<Authority>& all() const { return m_authorities; }

private:
    struct Token;
    // One form as the table gives it: a name or another name (which take the usual prefixes and
    // suffixes: "London Borough of", "Council"), another written form ("LBBD"), or a phrase that
    // only blocks shorter forms. A prefixed or suffixed form is matched as prefix, form and
    // suffix rather than listed: listing every name's 150 combinations took most of a one-off
    // command line search's start-up.
    struct Form {
        std::vector<std::string> tokens;  // lower case
        std::size_t authority_index;      // k_no_authority: a phrase that only blocks shorter forms
        std::uint32_t capitals;           // bit i set: token i must be capitalised in running text
        bool common_word;                 // a common word ("Reading"): an affix's capitals count too
        bool takes_affixes;
    };
    // A prefix or a suffix: its tokens, and those capitalised as written.
    struct Affix {
        std::vector<std::string> tokens;
        std::uint32_t capitals = 0;
    };
    // A form matched with a prefix and a suffix (index 0: none). Earlier forms, then earlier
    // prefixes and suffixes, win a clash between matches of the same length.
    struct Match {
        std::size_t form = 0;
        std::size_t prefix = 0;
        std::size_t suffix = 0;
        std::size_t token_count = 0;
        bool beats(const Match& other) const;
    };

    Gazetteer();
    // Splits text into lower-case word tokens with their byte ranges.
    static std::vector<Token> tokenise(std::string_view text);
    // Adds spelling as a form of the authority (after the forms added before it).
    void add_form(std::string_view spelling, std::size_t authority_index, bool common_word, bool takes_affixes);
    // Returns whether words are at tokens[at...] in running text: each joined to the one before
    // unless it starts the match, and capitalised where capitals has its bit.
    static bool words_at(const std::vector<std::string>& words, std::uint32_t capitals,
                         const std::vector<Token>& tokens, std::size_t at, bool starts);
    // Returns the longest match in running text from token i (token_count 0: none).
    Match longest_match_at(const std::vector<Token>& tokens, std::size_t i) const;

    std::vector<Authority> m_authorities;
    std::vector<Form> m_forms;  // in the order added
    std::vector<Affix> m_prefixes, m_suffixes;  // [0] is the empty one
    std::unordered_map<std::string, std::vector<std::size_t>> m_forms_by_key;  // tokens joined by ' '
    std::unordered_map<std::string, std::vector<std::size_t>> m_forms_by_first_token;
    std::unordered_map<std::string, std::size_t> m_index_by_slug;
};

}  // namespace findings
