#include "core/index/index_check.h"

#include "core/common/error.h"
#include "core/common/index_schema.h"
#include "core/index/paragraph_document.h"
#include "core/index/report_lookup.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace findings {

IndexCheck check_index(const std::string& path)
{
    std::error_code error;
    if (!std::filesystem::exists(std::filesystem::path(path) / "iamglass", error))
        throw Error(ErrorCode::index_missing, "no index at " + path + ": build one with `indexer --db " + path + " FOLDER`");
    IndexCheck check;
    try {
        std::ostringstream ignored;
        if (const std::size_t errors = Xapian::Database::check(path, 0, &ignored); errors > 0)
            check.problems.push_back("Xapian's check found " + std::to_string(errors) + " errors in the tables");
        const Xapian::Database db(path);
        check.paragraphs = db.get_doccount();
        check.reports = count_reports(db);
        check.revision = db.get_revision();
        for (auto& problem : index_problems(db))
            check.problems.push_back(std::move(problem));
    } catch (const Xapian::Error& damage) {
        check.problems.push_back(damage.get_description());
    }
    return check;
}

std::vector<std::string> index_problems(const Xapian::Database& db)
{
    namespace s = schema;
    std::vector<std::string> problems;
    const auto problem = [&problems](const std::string& text) {
        if (problems.size() < 10)
            problems.push_back(text);
    };
    std::map<std::string, std::set<int>> positions;  // report id -> paragraph numbers
    for (auto doc = db.postlist_begin(""); doc != db.postlist_end(""); ++doc) {
        const Xapian::Document document = db.get_document(*doc);
        std::vector<std::string> reports;
        for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
            const std::string text = *term;
            if (text.rfind(s::k_report, 0) == 0)
                reports.push_back(text.substr(s::k_report.size()));
        }
        const std::string where = "document " + std::to_string(*doc) + ": ";
        if (reports.size() != 1) {
            problem(where + std::to_string(reports.size()) + " XR terms");
            continue;
        }
        const nlohmann::json data = nlohmann::json::parse(paragraph_data(document), nullptr, false);
        if (!data.is_object() || data.value("report_id", "") != reports[0]) {
            problem(where + "data does not name report " + reports[0] + ": " + paragraph_data(document).substr(0, 200));
            continue;
        }
        // Paragraphs are found by their report and this value (paragraph_document_id).
        const int position = data.value("position", 0);
        if (document.get_value(s::k_slot_position) != Xapian::sortable_serialise(position))
            problem(where + "paragraph " + reports[0] + "/" + std::to_string(position) + " has no position value to match");
        if (!positions[reports[0]].insert(position).second)
            problem(where + "paragraph id " + reports[0] + "/" + std::to_string(position) + " is duplicated");
    }
    std::set<std::string> recorded;
    for (auto key = db.metadata_keys_begin(s::k_meta_report); key != db.metadata_keys_end(s::k_meta_report); ++key) {
        const std::string id = (*key).substr(s::k_meta_report.size());
        recorded.insert(id);
        const nlohmann::json record = nlohmann::json::parse(db.get_metadata(*key), nullptr, false);
        const std::size_t expected = record.is_object() ? record.value("paragraphs", std::size_t{0}) : 0;
        std::set<int> numbers;
        for (int n = 1; n <= static_cast<int>(expected); ++n)
            numbers.insert(n);
        if (expected == 0 || positions[id] != numbers)
            problem("report " + id + ": record says " + std::to_string(expected) + " paragraphs, index holds " +
                    std::to_string(positions[id].size()) + " numbered " +
                    (positions[id].empty() ? "-" : std::to_string(*positions[id].begin()) + ".." +
                                                       std::to_string(*positions[id].rbegin())));
    }
    for (const auto& [id, numbers] : positions) {
        if (!numbers.empty() && !recorded.count(id))
            problem("report " + id + ": " + std::to_string(numbers.size()) + " paragraphs but no report: record");
    }
    return problems;
}

}  // namespace findings
