// JSON as text, without throwing on bytes that are not UTF-8 (a file name, a query): they
// become U+FFFD, so one odd byte never aborts an index run or an answer.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace findings {

// Returns json as text (indent as nlohmann::json::dump's), invalid UTF-8 replaced.
std::string json_text(const nlohmann::json& json, int indent = -1);

}  // namespace findings
