// Defaults shared by every program.
#include "core/common/defaults.h"

#include <cstdlib>

namespace findings {

std::string default_index_path()
{
    const char* from_environment = std::getenv("FINDINGS_DB");
    return from_environment && *from_environment ? from_environment : "data/index";
}

}  // namespace findings
