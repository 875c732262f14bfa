// Defaults shared by every program.
#pragma once

#include <string>

namespace findings {

// Returns the index path programs use when not given --db: $FINDINGS_DB, else data/index.
std::string default_index_path();

}  // namespace findings
