// Each authority's Ofsted provider page, from the compiled-in URN table (see ofsted_links.h).
#include "core/common/ofsted_links.h"

#include "core/common/csv_text.h"
#include "core/common/gazetteer.h"
#include "core/common/text_normaliser.h"

#include <unordered_map>
#include <vector>

namespace findings {

extern const char* const k_authority_urns_text;

namespace {

// Reports on local authority children's services are Ofsted's provider category 44.
const std::string k_provider_page = "https://reports.ofsted.gov.uk/provider/44/";

// The URN of each authority the gazetteer knows, by slug. The table's names are the ONS ones
// ("Bristol, City of") with other forms in brackets ("[Kingston Upon Hull, Hull]"); the first
// that the gazetteer resolves names the row's authority.
std::unordered_map<std::string, std::string> urns_by_slug()
{
    std::unordered_map<std::string, std::string> urns;
    const auto rows = csv_rows(k_authority_urns_text);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& row = rows[i];
        if (row.size() < 3 || row[2].empty())
            continue;
        std::vector<std::string> names = {row[0]};
        std::string others = row[1];
        if (others.size() >= 2 && others.front() == '[' && others.back() == ']')
            others = others.substr(1, others.size() - 2);
        for (const auto& other : split_on(others, ','))
            names.push_back(collapse_spaces(other));
        for (const auto& name : names) {
            if (const Authority* authority = Gazetteer::instance().resolve(name)) {
                urns.emplace(authority->slug, row[2]);
                break;
            }
        }
    }
    return urns;
}

}  // namespace

std::string ofsted_provider_url(const std::string& authority)
{
    static const std::unordered_map<std::string, std::string> urns = urns_by_slug();
    const Authority* found = Gazetteer::instance().resolve(authority);
    if (!found)
        return "";
    const auto urn = urns.find(found->slug);
    return urn == urns.end() ? "" : k_provider_page + urn->second;
}

}  // namespace findings
