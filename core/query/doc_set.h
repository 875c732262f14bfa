// A set of document ids held as one bit per id: the exact match set of a query, combined with
// others by word-wide AND/OR and counted without visiting documents one by one.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <vector>

namespace findings {

// Returns the number of bits set in word: the processor's instruction where the build has it
// (CMakeLists.txt), else the compiler's call.
inline unsigned bits_set(std::uint64_t word) { return static_cast<unsigned>(__builtin_popcountll(word)); }

class DocSet {
public:
    // An empty set for ids 1..last_docid.
    explicit DocSet(Xapian::docid last_docid = 0);

    void insert(Xapian::docid id) { m_words[id >> 6] |= std::uint64_t{1} << (id & 63); }
    bool contains(Xapian::docid id) const
    {
        return id < capacity() && (m_words[id >> 6] >> (id & 63) & 1) != 0;
    }

    void intersect(const DocSet& other);
    void unite(const DocSet& other);
    void subtract(const DocSet& other);
    void symmetric_difference(const DocSet& other);

    Xapian::doccount count() const;

    // Returns the number of ids in the set from first up to (not including) end.
    Xapian::doccount count_between(Xapian::docid first, Xapian::docid end) const;

    // Returns the number of ids both sets hold.
    Xapian::doccount count_common(const DocSet& other) const;

    // Returns the first id in the set that is at least from, or 0 when there is none.
    Xapian::docid next(Xapian::docid from) const;

    // Calls visit(id) for every id in the set, in ascending order.
    template <typename Visit>
    void for_each(Visit&& visit) const
    {
        for_each_word([&visit](Xapian::docid first, std::uint64_t bits) {
            for (; bits != 0; bits &= bits - 1)
                visit(first + static_cast<unsigned>(__builtin_ctzll(bits)));
        });
    }

    // Calls visit(first, bits) for every non-empty word: bit i stands for id first + i.
    template <typename Visit>
    void for_each_word(Visit&& visit) const
    {
        for (std::size_t w = 0; w < m_words.size(); ++w) {
            if (m_words[w] != 0)
                visit(static_cast<Xapian::docid>(w * 64), m_words[w]);
        }
    }

    std::size_t memory_bytes() const { return m_words.size() * sizeof(std::uint64_t); }

private:
    Xapian::docid capacity() const { return static_cast<Xapian::docid>(m_words.size() * 64); }

    std::vector<std::uint64_t> m_words;
};

}  // namespace findings
