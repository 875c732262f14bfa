// Early terms: the words a paragraph opens with, kept with it in the index.
#include "core/common/early_terms.h"

#include "core/common/fnv_hash.h"
#include "core/common/index_schema.h"

#include <algorithm>
#include <vector>

namespace findings {

namespace {

void append_bytes(std::string& value, std::uint32_t hash)
{
    for (int shift = 0; shift < 32; shift += 8)
        value.push_back(static_cast<char>((hash >> shift) & 0xff));
}

std::uint32_t read_bytes(std::string_view value, std::size_t at)
{
    std::uint32_t hash = 0;
    for (int i = 3; i >= 0; --i)
        hash = (hash << 8) | static_cast<unsigned char>(value[at + static_cast<std::size_t>(i)]);
    return hash;
}

}  // namespace

std::uint32_t early_term_hash(std::string_view term) { return Fnv1a32().add(term).value(); }

std::string early_terms_value(const Xapian::Document& document)
{
    std::vector<std::uint32_t> hashes;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        if (!schema::is_text_term(*term))
            continue;
        auto position = term.positionlist_begin();
        if (position != term.positionlist_end() && *position <= k_early_positions)
            hashes.push_back(early_term_hash(*term));
    }
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    std::string value;
    value.reserve(hashes.size() * 4);
    for (std::uint32_t hash : hashes)
        append_bytes(value, hash);
    return value;
}

bool holds_early_term(std::string_view value, std::uint32_t hash)
{
    for (std::size_t at = 0; at + 4 <= value.size(); at += 4) {
        const std::uint32_t held = read_bytes(value, at);
        if (held >= hash)
            return held == hash;
    }
    return false;
}

}  // namespace findings
