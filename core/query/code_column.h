// A facet's code for every document id, a byte each while the facet has at most 256 codes and
// two bytes each beyond: at a million paragraphs the nine columns take 9 MB instead of 18, and
// faulting that memory in was most of a one-off search's start-up.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace findings {

class CodeColumn {
public:
    // Makes the column size codes long, every code 0, a byte each.
    void reset(std::size_t size)
    {
        m_wide.clear();
        m_narrow.assign(size, 0);
    }

    std::size_t size() const { return m_wide.empty() ? m_narrow.size() : m_wide.size(); }

    std::uint16_t operator[](std::size_t id) const { return m_wide.empty() ? m_narrow[id] : m_wide[id]; }

    // Sets count codes from first on; a code over 255 widens the column first.
    void fill(std::size_t first, std::size_t count, std::uint16_t code)
    {
        if (code > 0xff && m_wide.empty()) {
            m_wide.assign(m_narrow.begin(), m_narrow.end());
            m_narrow = {};
        }
        if (m_wide.empty())
            std::fill_n(m_narrow.begin() + first, count, static_cast<std::uint8_t>(code));
        else
            std::fill_n(m_wide.begin() + first, count, code);
    }

    // Calls visit with the codes as they are held (a vector of bytes or of two-byte codes), for
    // loops that want the element type known.
    template <typename Visit>
    decltype(auto) visit(Visit&& visit) const
    {
        return m_wide.empty() ? visit(m_narrow) : visit(m_wide);
    }

private:
    std::vector<std::uint8_t> m_narrow;
    std::vector<std::uint16_t> m_wide;  // used instead once a code passes 255
};

}  // namespace findings
