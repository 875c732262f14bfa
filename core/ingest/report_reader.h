// Reading a report file (text or PDF) into UTF-8 text, with a reason when it cannot be read.
#pragma once

#include <cstdint>
#include <string>

namespace findings {

// Files larger than this are refused: the longest real report is under 300 KB.
constexpr std::uintmax_t k_max_report_bytes = 20 * 1024 * 1024;

struct ReadResult {
    bool ok = false;
    std::string text;    // UTF-8; PDF pages separated by form feeds
    std::string reason;  // why the file was refused, when !ok
};

// Reads a .txt (UTF-8, or Windows-1252 when not valid UTF-8) or .pdf file.
ReadResult read_report_file(const std::string& path);

}  // namespace findings
