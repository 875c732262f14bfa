// Text extraction from PDF files through poppler-cpp.
#pragma once

#include <string>

namespace findings {

struct PdfText {
    bool ok = false;
    std::string text;    // UTF-8, one form feed after each page, like pdftotext
    std::string reason;  // why the PDF could not be read, when !ok
};

// Extracts the text of every page in reading order (the layout pdftotext uses by default, the shape
// of the corpus's text files). Encrypted, broken and empty PDFs give !ok with a reason.
PdfText extract_pdf_text(const std::string& bytes);

}  // namespace findings
