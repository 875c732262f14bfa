// Helpers shared by the tests: locating test data and paragraphs.
#include "tests/test_support.h"

#include "core/report_parser.h"
#include "core/report_reader.h"

#include <catch2/catch.hpp>

namespace findings::test {

std::string corpus_path(const std::string& relative)
{
    return std::string(FINDINGS_SOURCE_DIR) + "/corpus/" + relative;
}

std::string test_data_path(const std::string& relative)
{
    return std::string(FINDINGS_SOURCE_DIR) + "/tests/data/" + relative;
}

Report parse_corpus_report(const std::string& relative)
{
    const std::string path = corpus_path(relative);
    const ReadResult read = read_report_file(path);
    INFO(path << ": " << read.reason);
    REQUIRE(read.ok);
    return parse_report(read.text, path);
}

const Paragraph& paragraph_containing(const Report& report, std::string_view needle)
{
    const Paragraph* found = nullptr;
    int matches = 0;
    for (const auto& paragraph : report.paragraphs) {
        if (paragraph.text.find(needle) != std::string::npos) {
            found = &paragraph;
            ++matches;
        }
    }
    INFO("report " << report.id << ": paragraphs containing \"" << needle << "\"");
    REQUIRE(matches == 1);
    return *found;
}

}  // namespace findings::test
