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
    // One name form, and the authority it names. Its tokens are its key in m_index_by_key
    // (joined by single spaces), which the form points to rather than copying: there are
    // tens of thousands of forms, and building them is a one-off search's start-up.
    struct Form {
        const std::string* key;
        std::size_t token_count;
        std::size_t authority_index;  // k_no_authority: a phrase that only blocks shorter forms
        std::uint32_t capitals;       // bit i set: token i must be capitalised in running text
    };

    Gazetteer();
    // Splits text into lower-case word tokens with their byte ranges.
    static std::vector<Token> tokenise(std::string_view text);
    // Adds spelling as a form of the authority unless another authority already has it.
    void add_form(std::string_view spelling, std::size_t authority_index, bool common_word);
    void add_tokens(const std::vector<Token>& tokens, std::size_t authority_index, bool common_word);
    // Adds name with every usual prefix ("London Borough of") and suffix ("Council").
    void add_name_forms(std::string_view name, std::size_t authority_index);
    // Returns the longest form matching the tokens from position i, or nullptr.
    const Form* longest_form_at(const std::vector<Token>& tokens, std::size_t i) const;

    std::vector<Authority> m_authorities;
    std::unordered_map<std::string, std::size_t> m_index_by_key;  // key: tokens joined by ' '
    std::unordered_map<std::string, std::vector<Form>> m_forms_by_first_token;  // longest first
    std::unordered_map<std::string, std::size_t> m_index_by_slug;
};

}  // namespace findings
