// The one error type the core throws.
#include "core/common/error.h"

namespace findings {

const char* to_string(ErrorCode code)
{
    switch (code) {
    case ErrorCode::bad_request: return "bad_request";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::index_missing: return "index_missing";
    case ErrorCode::index_locked: return "index_locked";
    case ErrorCode::index_error: return "index_error";
    case ErrorCode::io_error: return "io_error";
    }
    return "index_error";
}

}  // namespace findings
