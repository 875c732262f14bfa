// The gazetteer's logic: name forms, tokenising, resolving names and finding them in text.
#include "core/common/gazetteer.h"

#include "core/common/authority_table.h"
#include "core/common/text_normaliser.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <tuple>

namespace findings {

namespace {

constexpr std::size_t k_no_authority = std::numeric_limits<std::size_t>::max();

// Prefixes and suffixes that, alone or together, turn a name into its usual forms.
constexpr const char* k_prefixes[] = {
    "", "London Borough of ", "LB ", "LB of ", "Royal Borough of ", "City of ", "County of ",
    "Borough of ", "Metropolitan Borough of ", "Council of the ",
};

constexpr const char* k_suffixes[] = {
    "",
    " Council",
    " Borough Council",
    " County Council",
    " City Council",
    " Metropolitan Borough Council",
    " Metropolitan District Council",
    " Metropolitan Council",
    " Unitary Authority",
    " Borough",
    " City",
    " Safeguarding Children Board",
    " Local Safeguarding Children Board",
    " Safeguarding Children Partnership",
    " Children's Trust",
};

enum class CharKind { word, ampersand, apostrophe, soft, hard };

// One character of UTF-8 text: what it is to the tokeniser and how many bytes it takes.
struct CharInfo {
    CharKind kind;
    std::size_t length;
};

// Returns the kind of an ASCII character.
CharKind ascii_kind(unsigned char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return CharKind::word;
    }
    switch (c) {
    case '&':
        return CharKind::ampersand;
    case '\'':
        return CharKind::apostrophe;
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v': case '-': case '.': case ',':
        return CharKind::soft;
    default:
        return CharKind::hard;
    }
}

// Returns the kind of a non-ASCII code point: Latin letters are word characters, typographic
// apostrophes are apostrophes, spaces and dashes are soft, everything else (bullets) is hard.
CharKind code_point_kind(char32_t cp) {
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) {
        return CharKind::apostrophe;
    }
    if (cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200B) || (cp >= 0x2010 && cp <= 0x2015) ||
        cp == 0x202F || cp == 0x2212) {
        return CharKind::soft;
    }
    if (cp >= 0x00C0 && cp <= 0x024F && cp != 0x00D7 && cp != 0x00F7) {
        return CharKind::word;
    }
    return CharKind::hard;
}

// Decodes the character at pos; a malformed byte is one hard character.
CharInfo char_at(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
        return {ascii_kind(lead), 1};
    }
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (length == 1 || pos + length > text.size()) {
        return {CharKind::hard, 1};
    }
    char32_t cp = lead & (0x3F >> (length - 1));
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[pos + i]);
        if ((next & 0xC0) != 0x80) {
            return {CharKind::hard, 1};
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    return {code_point_kind(cp), length};
}

bool is_word_at(std::string_view text, std::size_t pos) {
    return pos < text.size() && char_at(text, pos).kind == CharKind::word;
}

// Returns true when an apostrophe ending at pos starts a possessive "'s" that ends the word.
bool is_possessive_at(std::string_view text, std::size_t pos) {
    return pos < text.size() && (text[pos] == 's' || text[pos] == 'S') &&
           !is_word_at(text, pos + 1);
}

bool is_common_word(std::string_view name) {
    const auto& names = common_word_names();
    return std::any_of(names.begin(), names.end(),
                       [&](const char* common) { return name == common; });
}

// Returns the slug of a name: lower case, each run of other characters one '-'.
std::string slug_of(std::string_view name) {
    std::string slug;
    bool dash = false;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (ascii_kind(u) == CharKind::word) {
            if (dash && !slug.empty()) {
                slug += '-';
            }
            slug += static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
            dash = false;
        } else {
            dash = true;
        }
    }
    return slug;
}

// Where a word read by read_word ends, and where reading goes on (after a possessive "'s").
struct WordRead {
    std::size_t end;
    std::size_t next;
};

// Appends the word starting at pos to lowered, in lower case and without inner apostrophes
// ("O'Neill"); a possessive "'s" is left out of the word but read past.
WordRead read_word(std::string_view text, std::size_t pos, std::string& lowered) {
    std::size_t end = pos;
    while (pos < text.size()) {
        const CharInfo info = char_at(text, pos);
        if (info.kind == CharKind::word) {
            for (std::size_t i = 0; i < info.length; ++i, ++pos) {
                const char c = text[pos];
                lowered += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            }
            end = pos;
        } else if (info.kind == CharKind::apostrophe && is_possessive_at(text, pos + info.length)) {
            return {end, pos + info.length + 1};
        } else if (info.kind == CharKind::apostrophe && is_word_at(text, pos + info.length)) {
            pos += info.length;
        } else {
            break;
        }
    }
    return {end, pos};
}

// Returns the words joined by single spaces, from first up to (not including) end.
template <typename Words, typename TextOf>
std::string joined(const Words& words, std::size_t first, std::size_t end, TextOf text_of) {
    std::string key;
    for (std::size_t i = first; i < end; ++i) {
        if (i > first) {
            key += ' ';
        }
        key += text_of(words[i]);
    }
    return key;
}

}  // namespace

struct Gazetteer::Token {
    std::string text;  // lower case; "&" is "and"; apostrophes and a possessive "'s" dropped
    std::size_t begin = 0;
    std::size_t end = 0;
    bool capitalised = false;
    bool joined = false;  // only spaces, hyphens, dashes, full stops or commas since the last token
};

std::optional<AuthorityType> authority_type_from_string(const std::string& text)
{
    std::string key = to_lower(collapse_spaces(text));
    std::replace(key.begin(), key.end(), ' ', '_');
    for (AuthorityType type : {AuthorityType::london_borough, AuthorityType::metropolitan_district,
                               AuthorityType::county, AuthorityType::unitary}) {
        if (key == to_string(type))
            return type;
    }
    return std::nullopt;
}

const char* to_string(AuthorityType type) {
    switch (type) {
    case AuthorityType::london_borough:
        return "london_borough";
    case AuthorityType::metropolitan_district:
        return "metropolitan_district";
    case AuthorityType::county:
        return "county";
    case AuthorityType::unitary:
        return "unitary";
    }
    return "unitary";
}

const Gazetteer& Gazetteer::instance() {
    // Never destroyed, so that a thread still searching while the program exits never reads
    // a destroyed gazetteer.
    static const Gazetteer* const gazetteer = new Gazetteer();
    return *gazetteer;
}

Gazetteer::Gazetteer() {
    const auto affixes = [](const auto& spellings) {
        std::vector<Affix> all;
        for (const char* spelling : spellings) {
            Affix affix;
            for (const Token& token : tokenise(spelling)) {
                if (token.capitalised) {
                    affix.capitals |= std::uint32_t{1} << affix.tokens.size();
                }
                affix.tokens.push_back(token.text);
            }
            all.push_back(std::move(affix));
        }
        return all;
    };
    m_prefixes = affixes(k_prefixes);
    m_suffixes = affixes(k_suffixes);
    const auto& rows = authority_rows();
    for (const AuthorityRow& row : rows) {
        Authority authority{row.name, row.slug ? row.slug : slug_of(row.name), row.region,
                            row.type, row.from_year, row.to_year, {}};
        authority.aliases.assign(row.other_names.begin(), row.other_names.end());
        authority.aliases.insert(authority.aliases.end(), row.extra_forms.begin(),
                                 row.extra_forms.end());
        m_index_by_slug.emplace(authority.slug, m_authorities.size());
        m_index_by_slug.emplace(slug_of(row.name), m_authorities.size());
        m_authorities.push_back(std::move(authority));
    }
    // Earlier forms win a clash: blocking phrases, then table forms, then names.
    for (const char* phrase : non_authority_phrases()) {
        add_form(phrase, k_no_authority, false, false);
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        for (const char* form : rows[i].extra_forms) {
            add_form(form, i, is_common_word(form), false);
        }
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        add_form(rows[i].name, i, is_common_word(rows[i].name), true);
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        for (const char* name : rows[i].other_names) {
            add_form(name, i, is_common_word(name), true);
        }
    }
}

std::vector<Gazetteer::Token> Gazetteer::tokenise(std::string_view text) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 6);
    bool joined = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const CharInfo info = char_at(text, pos);
        if (info.kind == CharKind::word) {
            Token token;
            token.begin = pos;
            token.capitalised = text[pos] >= 'A' && text[pos] <= 'Z';
            token.joined = joined;
            const WordRead read = read_word(text, pos, token.text);
            token.end = read.end;
            pos = read.next;
            tokens.push_back(std::move(token));
            joined = true;
            continue;
        }
        if (info.kind == CharKind::ampersand) {
            tokens.push_back({"and", pos, pos + 1, false, joined});
            joined = true;
        } else if (info.kind == CharKind::hard) {
            joined = false;
        }
        pos += info.length;
    }
    return tokens;
}

void Gazetteer::add_form(std::string_view spelling, std::size_t authority_index, bool common_word,
                         bool takes_affixes) {
    const std::vector<Token> tokens = tokenise(spelling);
    if (tokens.empty() || tokens.size() > 32) {
        return;
    }
    Form form{{}, authority_index, 0, common_word, takes_affixes};
    for (const Token& token : tokens) {
        if (common_word && token.capitalised) {
            form.capitals |= std::uint32_t{1} << form.tokens.size();
        }
        form.tokens.push_back(token.text);
    }
    const std::size_t index = m_forms.size();
    m_forms_by_key[joined(form.tokens, 0, form.tokens.size(), [](const std::string& text) { return text; })]
        .push_back(index);
    m_forms_by_first_token[form.tokens.front()].push_back(index);
    m_forms.push_back(std::move(form));
}

bool Gazetteer::Match::beats(const Match& other) const {
    if (token_count != other.token_count) {
        return token_count > other.token_count;
    }
    return std::tie(form, prefix, suffix) < std::tie(other.form, other.prefix, other.suffix);
}

bool Gazetteer::words_at(const std::vector<std::string>& words, std::uint32_t capitals,
                         const std::vector<Token>& tokens, std::size_t at, bool starts) {
    if (at + words.size() > tokens.size()) {
        return false;
    }
    for (std::size_t k = 0; k < words.size(); ++k) {
        const Token& token = tokens[at + k];
        if (token.text != words[k] || (!token.joined && !(starts && k == 0)) ||
            ((capitals >> k & 1) && !token.capitalised)) {
            return false;
        }
    }
    return true;
}

Gazetteer::Match Gazetteer::longest_match_at(const std::vector<Token>& tokens, std::size_t i) const {
    Match best;
    for (std::size_t prefix = 0; prefix < m_prefixes.size(); ++prefix) {
        const Affix& before = m_prefixes[prefix];
        const std::size_t at = i + before.tokens.size();
        if (at >= tokens.size() || !words_at(before.tokens, 0, tokens, i, true)) {
            continue;
        }
        const auto forms = m_forms_by_first_token.find(tokens[at].text);
        if (forms == m_forms_by_first_token.end()) {
            continue;
        }
        for (const std::size_t index : forms->second) {
            const Form& form = m_forms[index];
            // A common word's affixes must be capitalised as written, like the word.
            const auto capitals_of = [&form](const Affix& affix) { return form.common_word ? affix.capitals : 0; };
            if ((prefix != 0 && !form.takes_affixes) || !words_at(form.tokens, form.capitals, tokens, at, prefix == 0) ||
                !words_at(before.tokens, capitals_of(before), tokens, i, true)) {
                continue;
            }
            const std::size_t after = at + form.tokens.size();
            for (std::size_t suffix = 0; suffix < (form.takes_affixes ? m_suffixes.size() : 1); ++suffix) {
                const Affix& behind = m_suffixes[suffix];
                if (!words_at(behind.tokens, capitals_of(behind), tokens, after, false)) {
                    continue;
                }
                const Match match{index, prefix, suffix, after + behind.tokens.size() - i};
                if (best.token_count == 0 || match.beats(best)) {
                    best = match;
                }
            }
        }
    }
    return best;
}

const Authority* Gazetteer::resolve(std::string_view name) const {
    const std::vector<Token> tokens = tokenise(name);
    const std::size_t first = tokens.size() > 1 && tokens.front().text == "the" ? 1 : 0;
    const auto words_at = [&tokens](const std::vector<std::string>& words, std::size_t at) {
        return at + words.size() <= tokens.size() &&
               std::equal(words.begin(), words.end(), tokens.begin() + static_cast<std::ptrdiff_t>(at),
                          [](const std::string& word, const Token& token) { return word == token.text; });
    };
    // The whole name as a prefix, a form and a suffix, in any of the ways it divides.
    std::optional<Match> best;
    for (std::size_t prefix = 0; prefix < m_prefixes.size(); ++prefix) {
        const std::size_t start = first + m_prefixes[prefix].tokens.size();
        if (!words_at(m_prefixes[prefix].tokens, first)) {
            continue;
        }
        for (std::size_t suffix = 0; suffix < m_suffixes.size(); ++suffix) {
            const std::size_t length = m_suffixes[suffix].tokens.size();
            if (start + length >= tokens.size() || !words_at(m_suffixes[suffix].tokens, tokens.size() - length)) {
                continue;
            }
            const auto forms = m_forms_by_key.find(
                joined(tokens, start, tokens.size() - length, [](const Token& token) { return token.text; }));
            if (forms == m_forms_by_key.end()) {
                continue;
            }
            for (const std::size_t index : forms->second) {
                if ((prefix != 0 || suffix != 0) && !m_forms[index].takes_affixes) {
                    continue;
                }
                const Match match{index, prefix, suffix, tokens.size() - first};
                if (!best || match.beats(*best)) {
                    best = match;
                }
                break;  // the later forms of this key lose to this one
            }
        }
    }
    if (!best || m_forms[best->form].authority_index == k_no_authority) {
        return nullptr;
    }
    return &m_authorities[m_forms[best->form].authority_index];
}

std::vector<AuthorityMention> Gazetteer::find_all(std::string_view text) const {
    std::vector<AuthorityMention> mentions;
    const std::vector<Token> tokens = tokenise(text);
    std::size_t i = 0;
    while (i < tokens.size()) {
        const Match match = longest_match_at(tokens, i);
        if (match.token_count == 0) {
            ++i;
            continue;
        }
        const std::size_t last = i + match.token_count - 1;
        const std::size_t authority_index = m_forms[match.form].authority_index;
        if (authority_index != k_no_authority) {
            mentions.push_back({&m_authorities[authority_index], tokens[i].begin, tokens[last].end});
        }
        i = last + 1;
    }
    return mentions;
}

const Authority* Gazetteer::by_slug(std::string_view slug) const {
    const auto found = m_index_by_slug.find(std::string(slug));
    return found == m_index_by_slug.end() ? nullptr : &m_authorities[found->second];
}

std::vector<const Authority*> Gazetteer::successors(const Authority& former) const {
    std::vector<const Authority*> found;
    if (former.to_year == 0) {
        return found;
    }
    for (const Authority& authority : m_authorities) {
        if (authority.from_year == former.to_year && authority.region == former.region) {
            found.push_back(&authority);
        }
    }
    return found;
}

}  // namespace findings
