#include "core/query/doc_set.h"

#include <algorithm>

namespace findings {

DocSet::DocSet(Xapian::docid last_docid) : m_words(last_docid / 64 + 1, 0) {}

// Sets of one database revision all have the same size; the loops still stop at the shorter
// one so that a mistake cannot read past either.
void DocSet::intersect(const DocSet& other)
{
    const std::size_t common = std::min(m_words.size(), other.m_words.size());
    for (std::size_t w = 0; w < common; ++w)
        m_words[w] &= other.m_words[w];
    std::fill(m_words.begin() + static_cast<std::ptrdiff_t>(common), m_words.end(), 0);
}

void DocSet::unite(const DocSet& other)
{
    const std::size_t common = std::min(m_words.size(), other.m_words.size());
    for (std::size_t w = 0; w < common; ++w)
        m_words[w] |= other.m_words[w];
}

void DocSet::subtract(const DocSet& other)
{
    const std::size_t common = std::min(m_words.size(), other.m_words.size());
    for (std::size_t w = 0; w < common; ++w)
        m_words[w] &= ~other.m_words[w];
}

void DocSet::symmetric_difference(const DocSet& other)
{
    const std::size_t common = std::min(m_words.size(), other.m_words.size());
    for (std::size_t w = 0; w < common; ++w)
        m_words[w] ^= other.m_words[w];
}

Xapian::doccount DocSet::count() const
{
    Xapian::doccount count = 0;
    for (const std::uint64_t word : m_words)
        count += bits_set(word);
    return count;
}

Xapian::doccount DocSet::count_between(Xapian::docid first, Xapian::docid end) const
{
    end = std::min(end, capacity());
    if (first >= end)
        return 0;
    const std::size_t first_word = first >> 6, last_word = (end - 1) >> 6;
    const std::uint64_t from_first = ~std::uint64_t{0} << (first & 63);
    const std::uint64_t to_end = ~std::uint64_t{0} >> (63 - ((end - 1) & 63));
    if (first_word == last_word)
        return bits_set(m_words[first_word] & from_first & to_end);
    Xapian::doccount count = bits_set(m_words[first_word] & from_first) + bits_set(m_words[last_word] & to_end);
    for (std::size_t w = first_word + 1; w < last_word; ++w)
        count += bits_set(m_words[w]);
    return count;
}

Xapian::doccount DocSet::count_common(const DocSet& other) const
{
    const std::size_t common = std::min(m_words.size(), other.m_words.size());
    Xapian::doccount count = 0;
    for (std::size_t w = 0; w < common; ++w)
        count += bits_set(m_words[w] & other.m_words[w]);
    return count;
}

Xapian::docid DocSet::next(Xapian::docid from) const
{
    std::size_t w = from >> 6;
    if (w >= m_words.size())
        return 0;
    std::uint64_t bits = m_words[w] & (~std::uint64_t{0} << (from & 63));
    while (bits == 0) {
        if (++w == m_words.size())
            return 0;
        bits = m_words[w];
    }
    return static_cast<Xapian::docid>(w * 64 + static_cast<unsigned>(__builtin_ctzll(bits)));
}

}  // namespace findings
