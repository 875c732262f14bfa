// The one error type the core throws, carrying a code that programs map to exit codes and
// HTTP statuses.
#pragma once

#include <stdexcept>
#include <string>

namespace findings {

enum class ErrorCode {
    bad_request,     // a parameter or query the caller must change
    not_found,       // no such report or path
    index_missing,   // no index at the given path
    index_locked,    // another indexer is writing
    index_error,     // the index cannot be read or written
    io_error,        // a file cannot be read or written
};

// Returns the stable spelling of a code ("index_locked").
const char* to_string(ErrorCode code);

class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const std::string& message) : std::runtime_error(message), m_code(code) {}
    ErrorCode code() const { return m_code; }

private:
    ErrorCode m_code;
};

}  // namespace findings
