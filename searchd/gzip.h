// Gzip for the answers cpp-httplib does not compress itself: it compresses only text/*, JSON
// and a few other types, and an NDJSON export (application/x-ndjson) is as compressible.
#pragma once

#include <string>

namespace findings {

// Returns whether an Accept-Encoding header admits gzip (a q of 0 refuses it).
bool accepts_gzip(const std::string& accept_encoding);

// Returns body compressed as a gzip stream.
std::string gzipped(const std::string& body);

}  // namespace findings
