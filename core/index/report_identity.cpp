#include "core/index/report_identity.h"

#include "core/common/index_schema.h"
#include "core/common/text_normaliser.h"
#include "core/index/paragraph_document.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <vector>

namespace findings {

namespace {

// Two sources are the same report when at least this share of the paragraphs of the longer
// one are in the other too (a text and its PDF share 95% and more; different reports, a few
// standard sentences at most).
constexpr double k_same_report_share = 0.5;

nlohmann::json read_json(const std::string& text)
{
    return text.empty() ? nlohmann::json() : nlohmann::json::parse(text, nullptr, false);
}

// A paragraph's text reduced to its letters and digits, in lower case: what two extractions of
// one paragraph have in common.
std::string paragraph_key(const std::string& text)
{
    std::string key;
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return key;
}

// Returns whether the report indexed under id in db is the same report as report.
bool same_report(const Xapian::Database& db, const std::string& id, const Report& report)
{
    std::set<std::string> indexed;
    const std::string term = schema::k_report + id;
    for (auto doc = db.postlist_begin(term); doc != db.postlist_end(term); ++doc) {
        const nlohmann::json data = read_json(paragraph_data(db.get_document(*doc)));
        if (data.is_object())
            indexed.insert(paragraph_key(data.value("text", "")));
    }
    std::size_t shared = 0;
    for (const auto& paragraph : report.paragraphs)
        shared += indexed.count(paragraph_key(paragraph.text));
    const std::size_t longer = std::max(indexed.size(), report.paragraphs.size());
    return longer > 0 && static_cast<double>(shared) >= k_same_report_share * static_cast<double>(longer);
}

// Returns whether source holds a report in db (a deleted file's reports go at the end of the run).
bool holds_report(const Xapian::Database& db, const std::string& source)
{
    std::error_code error;
    return std::filesystem::exists(source, error) && !db.get_metadata(schema::k_meta_source + source).empty();
}

// Returns the ids db holds that base gives: base itself and base-2, base-3, ...
std::vector<std::string> ids_of(const Xapian::Database& db, const std::string& base)
{
    std::vector<std::string> ids;
    const std::string prefix = schema::k_meta_report + base;
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        const std::string id = (*key).substr(schema::k_meta_report.size());
        const std::string suffix = id.substr(base.size());
        const bool numbered = suffix.size() > 1 && suffix[0] == '-' &&
                              std::all_of(suffix.begin() + 1, suffix.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        if (suffix.empty() || numbered)
            ids.push_back(id);
    }
    return ids;
}

// Returns the source that holds id in db ("" when none does).
std::string holder_of(const Xapian::Database& db, const std::string& id)
{
    const nlohmann::json record = read_json(db.get_metadata(schema::k_meta_report + id));
    const std::string source = record.is_object() ? record.value("source", "") : "";
    return holds_report(db, source) ? source : "";
}

}  // namespace

bool preferred_source(const std::string& a, const std::string& b)
{
    const auto is_pdf = [](const std::string& path) { return to_lower(std::filesystem::path(path).extension().string()) == ".pdf"; };
    if (is_pdf(a) != is_pdf(b))
        return !is_pdf(a);
    return a < b;
}

ReportIdentity decide_identity(const Xapian::Database& db, const Report& report)
{
    ReportIdentity identity;
    identity.base = report.id;
    const std::string& source = report.source_path;
    for (const auto& id : ids_of(db, identity.base)) {
        const std::string holder = holder_of(db, id);
        if (holder.empty() || holder == source || !same_report(db, id, report))
            continue;
        if (preferred_source(source, holder)) {
            identity.id = id;
            identity.displaces = holder;
        } else {
            identity.duplicate_of = holder;
        }
        return identity;
    }
    // A report of its own: the id its source had, if that is still its authority, date and
    // kind, else the first free one.
    const nlohmann::json previous = read_json(db.get_metadata(schema::k_meta_source + source));
    if (previous.is_object() && previous.value("base", previous.value("id", "")) == identity.base) {
        identity.id = previous.value("id", "");
        return identity;
    }
    for (int number = 1;; ++number) {
        const std::string id = number == 1 ? identity.base : identity.base + "-" + std::to_string(number);
        const std::string holder = holder_of(db, id);
        if (holder.empty() || holder == source) {
            identity.id = id;
            return identity;
        }
    }
}

}  // namespace findings
