// Fuzzes the report parser with any bytes, as a text file gives them: decoded to UTF-8, parsed,
// and made into documents and a record as the indexer makes them.
#include "core/common/analyser.h"
#include "core/common/json_text.h"
#include "core/common/text_encoding.h"
#include "core/index/paragraph_document.h"
#include "core/ingest/report_parser.h"
#include "tests/fuzz/fuzz_support.h"

#include <xapian.h>

#include <cstdint>
#include <string>

using namespace findings;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const Analyser analyser;
    static Xapian::TermGenerator generator = [] {
        Xapian::TermGenerator made;
        analyser.configure(made);
        return made;
    }();
    const std::string text = decode_to_utf8(std::string(reinterpret_cast<const char*>(data), size));
    const Report report = parse_report(text, "/fuzz/report.txt");
    for (std::size_t i = 0; i < report.paragraphs.size(); ++i) {
        const Paragraph& paragraph = report.paragraphs[i];
        fuzz::require(paragraph.position == static_cast<int>(i + 1), "paragraphs are not numbered 1..n in order");
        fuzz::require(!paragraph.text.empty(), "a paragraph is empty");
        fuzz::require(is_valid_utf8(paragraph.text), "a paragraph is not valid UTF-8");
    }
    const ReportDocuments documents = report_documents(report, generator);
    fuzz::require(documents.documents.size() == report.paragraphs.size(), "not one document per paragraph");
    json_text(report_record(report));
    return 0;
}
