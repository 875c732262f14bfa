#include "core/query/typed_filters.h"

#include "core/common/fields.h"
#include "core/common/text_normaliser.h"
#include "core/query/query_understanding.h"

#include <cctype>
#include <set>

namespace findings {

namespace {

// Returns whether text has brackets or a boolean operator, as the query parser reads them.
bool has_structure(const std::string& text)
{
    if (text.find_first_of("()") != std::string::npos)
        return true;
    static const std::set<std::string> operators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        const std::string word = text.substr(at, end - at);
        const bool an_operator =
            operators.count(word) || word.rfind("NEAR/", 0) == 0 || word.rfind("ADJ/", 0) == 0;
        if (an_operator && !inside_quotes(text, at))
            return true;
        at = end + 1;
    }
    return false;
}

// Returns the filter field whose query prefix is prefix, or nullptr.
const Field* filter_field(const std::string& prefix)
{
    const Field* field = field_with_prefix(prefix);
    return field && field->filter == FieldFilter::values ? field : nullptr;
}

}  // namespace

std::vector<TypedFilter> take_typed_filters(std::string& text)
{
    std::vector<TypedFilter> taken;
    if (has_structure(text))
        return taken;
    std::string kept;
    std::size_t at = 0;
    while (at < text.size()) {
        if (text[at] == ' ') {
            kept += text[at++];
            continue;
        }
        // One word, or a prefix:"quoted value" that runs on to its closing quote.
        std::size_t end = text.find(' ', at);
        const std::size_t colon = text.find(':', at);
        const bool quoted = colon != std::string::npos && colon < std::min(end, text.size()) &&
                            colon + 1 < text.size() && text[colon + 1] == '"';
        if (quoted) {
            const std::size_t close = text.find('"', colon + 2);
            end = close == std::string::npos ? std::string::npos : close + 1;
        }
        end = std::min(end, text.size());
        const std::string word = text.substr(at, end - at);
        if (inside_quotes(text, at)) {  // a word of a phrase: "strengths in type:strength here"
            kept += word;
            at = end;
            continue;
        }
        const std::size_t start = word[0] == '+' ? 1 : 0;  // +type:strength: required, as a filter is
        const std::size_t word_colon = word.find(':');
        const Field* field = word_colon == std::string::npos ? nullptr
                                                              : filter_field(word.substr(start, word_colon - start));
        std::string value = word_colon == std::string::npos ? "" : word.substr(word_colon + 1);
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        if (field && !value.empty() && !field->resolve(value).empty())
            taken.push_back({field->name, value, word});
        else
            kept += word;
        at = end;
    }
    if (!taken.empty())
        text = collapse_spaces(kept);  // no gaps where words were taken out, for the reading shown
    return taken;
}

}  // namespace findings
