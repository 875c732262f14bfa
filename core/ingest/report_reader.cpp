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

// Returns whether bytes look like binary data rather than text: NUL bytes are more than 1% of the
// first 8 KiB (a few stray NULs, as a faulty converter leaves, do not make text binary).
bool looks_binary(const std::string& bytes)
{
    if (has_utf16_bom(bytes))
        return false;
    const std::size_t probe = std::min<std::size_t>(bytes.size(), 8192);
    const auto nuls = std::count(bytes.begin(), bytes.begin() + static_cast<long>(probe), '\0');
    return static_cast<std::size_t>(nuls) * 100 > probe;
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
        std::replace(result.text.begin(), result.text.end(), '\0', ' ');
    }
    if (result.text.find_first_not_of(" \t\r\n\f") == std::string::npos)
        return refuse("the file holds only white space");
    result.ok = true;
    return result;
}

}  // namespace findings
