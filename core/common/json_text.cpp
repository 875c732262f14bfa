// JSON as text, without throwing on bytes that are not UTF-8.
#include "core/common/json_text.h"

namespace findings {

std::string json_text(const nlohmann::json& json, int indent)
{
    return json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace findings
