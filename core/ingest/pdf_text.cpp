// Text extraction from PDF files through poppler-cpp.
#include "core/ingest/pdf_text.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <vector>

namespace findings {

namespace {

// Silences poppler's own error printing: failures are reported through PdfText::reason.
void ignore_poppler_message(const std::string&, void*) {}

}  // namespace

PdfText extract_pdf_text(const std::string& bytes)
{
    poppler::set_debug_error_function(ignore_poppler_message, nullptr);
    PdfText result;
    std::vector<char> data(bytes.begin(), bytes.end());
    std::unique_ptr<poppler::document> document(poppler::document::load_from_data(&data));
    if (!document) {
        result.reason = "not a readable PDF (damaged or truncated)";
        return result;
    }
    if (document->is_locked()) {
        result.reason = "the PDF is encrypted: save an unencrypted copy and index that";
        return result;
    }
    const int pages = document->pages();
    for (int index = 0; index < pages; ++index) {
        std::unique_ptr<poppler::page> page(document->create_page(index));
        if (page) {
            const poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
            result.text.append(utf8.begin(), utf8.end());
        }
        result.text += '\f';
    }
    if (result.text.find_first_not_of(" \t\n\f") == std::string::npos) {
        result.reason = "the PDF has no extractable text (scanned images?)";
        return result;
    }
    result.ok = true;
    return result;
}

}  // namespace findings
