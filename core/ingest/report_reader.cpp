// Reading a report file (text or PDF) into UTF-8 text, with a reason when it cannot be read.
#include "core/ingest/report_reader.h"

#include "core/common/text_encoding.h"
#include "core/common/text_normaliser.h"
#include "core/ingest/pdf_text.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace findings {

namespace {

ReadResult refuse(std::string reason)
{
    ReadResult result;
    result.reason = std::move(reason);
    return result;
}

// Returns whether bytes look like binary data rather than text (NUL bytes near the start).
bool looks_binary(const std::string& bytes)
{
    const std::size_t probe = std::min<std::size_t>(bytes.size(), 8192);
    return bytes.find('\0') < probe;
}

}  // namespace

ReadResult read_report_file(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code error;
    if (!fs::is_regular_file(path, error))
        return refuse("not a regular file");
    const std::uintmax_t size = fs::file_size(path, error);
    if (error)
        return refuse("cannot read the file size: " + error.message());
    if (size == 0)
        return refuse("the file is empty");
    if (size > k_max_report_bytes)
        return refuse("the file is " + std::to_string(size / (1024 * 1024)) +
                      " MiB, over the 20 MiB limit for one report");
    const std::string extension = to_lower(std::filesystem::path(path).extension().string());
    if (extension != ".txt" && extension != ".pdf")
        return refuse("not a .txt or .pdf file");

    std::ifstream in(path, std::ios::binary);
    if (!in)
        return refuse("cannot open the file (permissions?)");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = buffer.str();

    ReadResult result;
    if (extension == ".pdf" || bytes.rfind("%PDF-", 0) == 0) {
        PdfText pdf = extract_pdf_text(bytes);
        if (!pdf.ok)
            return refuse(pdf.reason);
        result.text = std::move(pdf.text);
    } else {
        if (looks_binary(bytes))
            return refuse("binary data, not text");
        result.text = decode_to_utf8(bytes);
    }
    if (result.text.find_first_not_of(" \t\r\n\f") == std::string::npos)
        return refuse("the file holds only white space");
    result.ok = true;
    return result;
}

}  // namespace findings
