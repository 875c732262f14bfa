// Regular expressions whose word boundaries cost a table lookup. libstdc++'s matcher asks its
// traits for the class "w" by name, and the locale for its ctype facet, at every \b it tests (and
// the facet again for every character of a case-blind match): a name search and a dynamic_cast
// each time, most of the time spent reading a query's cues. These traits answer both from tables
// made when the locale is set, with the standard traits' answers.
#pragma once

#include <array>
#include <regex>
#include <string>
#include <utility>

namespace findings {

class TabledRegexTraits : public std::regex_traits<char> {
public:
    TabledRegexTraits() { fill_tables(); }

    locale_type imbue(locale_type locale)
    {
        locale_type previous = std::regex_traits<char>::imbue(std::move(locale));
        fill_tables();
        return previous;
    }

    template <typename Iterator>
    char_class_type lookup_classname(Iterator first, Iterator last, bool icase = false) const
    {
        if (last - first == 1 && *first == 'w')
            return m_word_class;
        return std::regex_traits<char>::lookup_classname(first, last, icase);
    }

    bool isctype(char c, char_class_type class_type) const
    {
        if (class_type == m_word_class)
            return m_word[static_cast<unsigned char>(c)];
        return std::regex_traits<char>::isctype(c, class_type);
    }

    char translate_nocase(char c) const { return m_lower[static_cast<unsigned char>(c)]; }

private:
    void fill_tables()
    {
        static const char w[] = "w";
        m_word_class = std::regex_traits<char>::lookup_classname(w, w + 1);
        for (int byte = 0; byte < 256; ++byte) {
            const char c = static_cast<char>(byte);
            m_word[static_cast<std::size_t>(byte)] = std::regex_traits<char>::isctype(c, m_word_class);
            m_lower[static_cast<std::size_t>(byte)] = std::regex_traits<char>::translate_nocase(c);
        }
    }

    char_class_type m_word_class{};
    std::array<bool, 256> m_word{};
    std::array<char, 256> m_lower{};
};

using Regex = std::basic_regex<char, TabledRegexTraits>;
using RegexIterator = std::regex_iterator<std::string::const_iterator, char, TabledRegexTraits>;

}  // namespace findings
