// The search model's one behaviour: reading a hit's fields by name.
#include "core/query/search_model.h"

namespace findings {

const std::string& SearchHit::field(const std::string& name) const
{
    static const std::string k_none;
    const auto found = fields.find(name);
    return found == fields.end() ? k_none : found->second;
}

}  // namespace findings
