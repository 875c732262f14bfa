// FNV-1a: a small hash that is the same on every build and machine, for what the index keeps
// (a report's content hash, the synonym table's fingerprint, early terms, polarity features).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace findings {

template <typename Word, Word Offset, Word Prime>
class Fnv1a {
public:
    Fnv1a& add(std::string_view bytes)
    {
        for (unsigned char c : bytes)
            add_byte(c);
        return *this;
    }
    Fnv1a& add_byte(unsigned char byte)
    {
        m_hash = (m_hash ^ byte) * Prime;
        return *this;
    }
    Word value() const { return m_hash; }

    // The value as fixed-width lower-case hex digits.
    std::string hex() const
    {
        char buffer[2 * sizeof(Word) + 1];
        std::snprintf(buffer, sizeof buffer, "%0*llx", static_cast<int>(2 * sizeof(Word)),
                      static_cast<unsigned long long>(m_hash));
        return buffer;
    }

private:
    Word m_hash = Offset;
};

using Fnv1a32 = Fnv1a<std::uint32_t, 2166136261u, 16777619u>;
using Fnv1a64 = Fnv1a<std::uint64_t, 1469598103934665603ull, 1099511628211ull>;

}  // namespace findings
