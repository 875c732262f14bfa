// In-process tests of indexing (run_indexer, IndexWriter) and of reading and parsing the corpus.
#include <catch2/catch.hpp>

#include "core/common/analyser.h"
#include "core/common/concept_terms.h"
#include "core/common/early_terms.h"
#include "core/common/error.h"
#include "core/common/fields.h"
#include "core/common/index_schema.h"
#include "core/common/text_encoding.h"
#include "core/index/index_check.h"
#include "core/index/index_run.h"
#include "core/index/index_writer.h"
#include "core/index/paragraph_document.h"
#include "core/index/report_lookup.h"
#include "core/ingest/dates.h"
#include "core/ingest/report_parser.h"
#include "core/ingest/report_reader.h"
#include "core/query/facet_columns.h"
#include "tests/test_support.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <set>
#include <string>
#include <vector>

#include <sys/stat.h>

namespace findings::test {
namespace {

namespace fs = std::filesystem;
namespace s = schema;
using Catch::Matchers::Contains;

const std::string havering_2011 = "seed/001_51f097abfe722833.txt";
const std::string barking_2009 = "seed/002_e99bf4003e47257c.txt";

IndexSummary index_paths(const std::string& db, const std::vector<std::string>& paths)
{
    return run_indexer(db, paths, {});
}

// Copies the five seed reports into folder; returns their paths.
std::vector<std::string> copy_seed(const fs::path& folder)
{
    std::vector<std::string> copies;
    for (const auto& entry : fs::directory_iterator(corpus_path("seed")))
        copies.push_back(copy_into(entry.path().string(), folder));
    std::sort(copies.begin(), copies.end());
    return copies;
}

// Returns every term of the index that starts with prefix.
std::set<std::string> terms_with_prefix(const Xapian::Database& db, const std::string& prefix)
{
    return {db.allterms_begin(prefix), db.allterms_end(prefix)};
}

// Returns the id (REPORT/POSITION) that each document's data gives it.
std::set<std::string> paragraph_ids(const Xapian::Database& db)
{
    std::set<std::string> ids;
    for (auto doc = db.postlist_begin(""); doc != db.postlist_end(""); ++doc) {
        const auto data = nlohmann::json::parse(paragraph_data(db.get_document(*doc)));
        ids.insert(data.value("report_id", "") + "/" + std::to_string(data.value("position", 0)));
    }
    return ids;
}

// Returns the text of every document of the index.
std::vector<std::string> document_texts(const Xapian::Database& db)
{
    std::vector<std::string> texts;
    for (auto doc = db.postlist_begin(""); doc != db.postlist_end(""); ++doc)
        texts.push_back(nlohmann::json::parse(paragraph_data(db.get_document(*doc))).value("text", ""));
    return texts;
}

Report parse_file(const std::string& path)
{
    const ReadResult read = read_report_file(path);
    INFO(path << ": " << read.reason);
    REQUIRE(read.ok);
    return parse_report(read.text, path);
}

// Returns the reason recorded for path among problems, or nullopt when it is not there.
std::optional<std::string> reason_for(const std::vector<FileProblem>& problems, const std::string& path)
{
    for (const auto& problem : problems) {
        if (problem.path == path)
            return problem.reason;
    }
    return std::nullopt;
}

bool starts_with(const std::string& text, const std::string& prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// Returns text with line inserted after the line that starts with anchor.
std::string insert_line_after(const std::string& text, const std::string& anchor, const std::string& line)
{
    const std::size_t start = text.find("\n" + anchor);
    REQUIRE(start != std::string::npos);
    const std::size_t end = text.find('\n', start + 1);
    REQUIRE(end != std::string::npos);
    return text.substr(0, end + 1) + line + "\n" + text.substr(end + 1);
}

// Returns whether a paragraph starts with a bullet mark that should have been stripped.
bool starts_with_bullet(const std::string& text)
{
    for (const char* mark : {"\u2022", "\u25AA", "\u25FC", "\u25CF", "\u25E6", "\u25A0", "\u27A2", "\u2023",
                             "\u2043", "\u25B8", "\u25BA", "\u2219", "- ", "* "}) {
        if (starts_with(text, mark))
            return true;
    }
    // Private-use symbol-font glyphs, U+E000..U+F8FF: EE xx xx or EF 80..A3 xx.
    const auto byte = [&text](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0; };
    return byte(0) == 0xEE || (byte(0) == 0xEF && byte(1) >= 0x80 && byte(1) <= 0xA3);
}

// Returns the share of a's paragraph texts found among b's, each match used once.
double shared_share(const Report& a, const Report& b)
{
    std::multiset<std::string> pool;
    for (const auto& paragraph : b.paragraphs)
        pool.insert(paragraph.text);
    std::size_t shared = 0;
    for (const auto& paragraph : a.paragraphs) {
        const auto found = pool.find(paragraph.text);
        if (found != pool.end()) {
            ++shared;
            pool.erase(found);
        }
    }
    return a.paragraphs.empty() ? 0 : static_cast<double>(shared) / a.paragraphs.size();
}

// Returns "n: <a text> | <b text>" for the first position where the paragraph texts differ.
std::string first_difference(const Report& a, const Report& b)
{
    const std::size_t count = std::min(a.paragraphs.size(), b.paragraphs.size());
    for (std::size_t i = 0; i < count; ++i) {
        if (a.paragraphs[i].text != b.paragraphs[i].text)
            return std::to_string(i + 1) + ":\n  " + a.paragraphs[i].text + "\n  " + b.paragraphs[i].text;
    }
    return "none in the first " + std::to_string(count);
}

TEST_CASE("Indexing the five seed reports adds one document per paragraph, each whole and numbered",
          "[indexer]")
{
    TempDir tmp;
    const std::string db_path = tmp / "index";
    const IndexSummary summary = index_paths(db_path, {corpus_path("seed")});
    CHECK(summary.reports_added == 5);
    CHECK(summary.failed.empty());
    CHECK(summary.skipped.empty());

    Xapian::Database db(db_path);
    CHECK(db.get_doccount() == summary.paragraphs_added);
    CHECK(summary.index_paragraphs == summary.paragraphs_added);
    CHECK(summary.index_reports == 5);
    CHECK(terms_with_prefix(db, s::k_report).size() == 5);
    CHECK(paragraph_ids(db).size() == db.get_doccount());
    CHECK(index_problems(db) == std::vector<std::string>{});

    for (const auto& entry : fs::directory_iterator(corpus_path("seed"))) {
        const Report report = parse_file(entry.path().string());
        INFO(report.id);
        CHECK(db.get_termfreq(s::k_report + report.id) == report.paragraphs.size());
        // Each paragraph is found by its id, as --similar and the API name it.
        for (std::size_t n = 1; n <= report.paragraphs.size(); ++n) {
            const Xapian::docid found = paragraph_document_id(db, report.id + "/" + std::to_string(n));
            REQUIRE(found != 0);
            const auto data = nlohmann::json::parse(paragraph_data(db.get_document(found)));
            CHECK(data.value("report_id", "") == report.id);
            CHECK(data.value("position", 0) == static_cast<int>(n));
            CHECK(data.value("text", "") == report.paragraphs[n - 1].text);
        }
        for (const std::string& missing : {std::to_string(report.paragraphs.size() + 1), std::string("0"),
                                            std::string("x"), std::string(""), std::string("99999999999")})
            CHECK(paragraph_document_id(db, report.id + "/" + missing) == 0);
    }
    CHECK(paragraph_document_id(db, "no-such-report/1") == 0);
    CHECK(paragraph_document_id(db, "no slash") == 0);
}

TEST_CASE("A paragraph keeps the text terms it names among its first 24 words, and only those", "[indexer][ranking]")
{
    Xapian::Document made;
    made.add_posting("Zcare", 24);
    made.add_posting("Zcare", 40);
    made.add_posting("Zlate", 25);
    made.add_posting("ZSheading", 1);  // a section heading's word: not the paragraph's text
    made.add_boolean_term("XAcroydon");
    const std::string value = early_terms_value(made);
    CHECK(value.size() == 4);
    CHECK(holds_early_term(value, early_term_hash("Zcare")));
    for (const char* term : {"Zlate", "ZSheading", "XAcroydon", "Zcar"})
        CHECK_FALSE(holds_early_term(value, early_term_hash(term)));
    CHECK(early_terms_value(Xapian::Document()).empty());

    // Every paragraph of the seed reports: what it keeps agrees with its positions in the index.
    TempDir tmp;
    index_paths(tmp / "index", {corpus_path("seed")});
    Xapian::Database db(tmp / "index");
    std::vector<std::string> disagreements;
    std::size_t early = 0, later = 0;
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
        const std::string kept = db.get_document(*id).get_value(s::k_slot_early_terms);
        std::size_t early_here = 0;
        for (auto term = db.termlist_begin(*id); term != db.termlist_end(*id); ++term) {
            if (!s::is_text_term(*term))
                continue;
            const bool is_early = *db.positionlist_begin(*id, *term) <= k_early_positions;
            (is_early ? early_here : later) += 1;
            if (holds_early_term(kept, early_term_hash(*term)) != is_early)
                disagreements.push_back(std::to_string(*id) + " " + *term);
        }
        if (kept.size() != 4 * early_here)
            disagreements.push_back(std::to_string(*id) + " keeps " + std::to_string(kept.size() / 4) + " terms");
        early += early_here;
    }
    CHECK(early > 1000);
    CHECK(later > 1000);
    CHECK(disagreements == std::vector<std::string>{});
}

TEST_CASE("The index check finds a paragraph held twice and one whose data names another report", "[indexer]")
{
    TempDir tmp;
    const std::string db_path = tmp / "index";
    index_paths(db_path, {corpus_path("seed")});
    const auto has_problem = [&db_path](const std::string& words) {
        const std::vector<std::string> problems = index_problems(Xapian::Database(db_path));
        return std::any_of(problems.begin(), problems.end(),
                           [&words](const std::string& problem) { return problem.find(words) != std::string::npos; });
    };
    REQUIRE_FALSE(has_problem("document"));
    {
        Xapian::WritableDatabase db(db_path);
        db.add_document(db.get_document(1));
        db.commit();
    }
    CHECK(has_problem("is duplicated"));
    {
        Xapian::WritableDatabase db(db_path);
        Xapian::Document moved = db.get_document(2);
        auto data = nlohmann::json::parse(paragraph_data(moved));
        data["report_id"] = "another-report";
        moved.add_value(s::k_slot_paragraph, data.dump());
        db.replace_document(2, moved);
        db.commit();
    }
    CHECK(has_problem("document 2: data does not name report"));
}

TEST_CASE("A paragraph's fields are read from its value, or from the data of an index of schema 10 or before",
          "[indexer]")
{
    const std::string fields = R"({"report_id":"r","position":1,"text":"Visits are timely."})";
    Xapian::Document current;
    current.add_value(s::k_slot_paragraph, fields);
    CHECK(paragraph_data(current) == fields);
    Xapian::Document older;
    older.set_data(fields);
    CHECK(paragraph_data(older) == fields);
}

TEST_CASE("Re-running the indexer on the same folder changes nothing", "[indexer]")
{
    TempDir tmp;
    const std::string db_path = tmp / "index";
    index_paths(db_path, {corpus_path("seed")});
    const Xapian::doccount first_count = Xapian::Database(db_path).get_doccount();
    const std::set<std::string> first_ids = paragraph_ids(Xapian::Database(db_path));

    for (int run = 2; run <= 3; ++run) {
        INFO("run " << run);
        const IndexSummary summary = index_paths(db_path, {corpus_path("seed")});
        CHECK(summary.reports_unchanged == 5);
        CHECK(summary.reports_added == 0);
        CHECK(summary.reports_replaced == 0);
        CHECK(summary.reports_removed == 0);
        CHECK(summary.paragraphs_added == 0);
        CHECK(summary.paragraphs_removed == 0);
        const Xapian::Database db(db_path);
        CHECK(db.get_doccount() == first_count);
        CHECK(paragraph_ids(db) == first_ids);
    }
}

TEST_CASE("An index whose synonym groups are not its terms says so until it is rebuilt", "[indexer][concepts]")
{
    TempDir tmp;
    const std::string db_path = tmp / "index";
    CHECK_FALSE(index_paths(db_path, {corpus_path("seed")}).synonyms_as_phrases);
    {
        Xapian::WritableDatabase older(db_path);  // as an index of before concept terms was
        older.set_metadata(s::k_meta_concept_terms, "");
        older.commit();
    }
    // An update cannot give the documents it leaves alone their terms: it keeps searching phrases.
    CHECK(index_paths(db_path, {corpus_path("seed")}).synonyms_as_phrases);
    CHECK_FALSE(ConceptTerms::shipped().searchable_in(Xapian::Database(db_path)));
    CHECK_FALSE(rebuild_index(db_path, {corpus_path("seed")}, {}).synonyms_as_phrases);
    CHECK(ConceptTerms::shipped().searchable_in(Xapian::Database(db_path)));
}

// Checks that every document's facet codes name the value its slot holds (none: code 0).
void check_columns_agree_with_values(const Xapian::Database& db)
{
    const auto columns = FacetColumns::of(db);
    REQUIRE_FALSE(columns->columns().empty());
    for (const FacetColumn& column : columns->columns()) {
        const Field& field = *field_named(column.facet);
        REQUIRE(column.codes.size() == db.get_lastdocid() + 1);
        for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
            std::string stored;
            try {
                stored = db.get_document(id).get_value(field.slot);
            } catch (const Xapian::DocNotFoundError&) {
            }
            const std::string value = stored.empty() ? ""
                                      : field.numeric ? std::to_string(static_cast<int>(Xapian::sortable_unserialise(stored)))
                                                      : stored;
            INFO(column.facet << " of document " << id);
            CHECK(column.values.at(column.codes[id]) == value);
        }
        // Kept runs (the report-level facets') cover every document with a value, in order.
        Xapian::docid covered = 0;
        for (const CodeRun& run : column.runs) {
            INFO(column.facet << " run from " << run.first << " to " << run.end);
            REQUIRE(run.first >= covered);
            REQUIRE(run.end > run.first);
            for (Xapian::docid id = covered; id < run.first; ++id)
                CHECK(column.codes[id] == 0);
            for (Xapian::docid id = run.first; id < run.end; ++id)
                CHECK(column.codes[id] == run.code);
            covered = run.end;
        }
        if (!column.runs.empty()) {
            for (Xapian::docid id = covered; id < column.codes.size(); ++id)
                CHECK(column.codes[id] == 0);
        }
    }
    const FacetColumn& authority = *std::find_if(columns->columns().begin(), columns->columns().end(),
                                                 [](const FacetColumn& column) { return column.facet == "authority"; });
    CHECK_FALSE(authority.runs.empty());  // a report's paragraphs share its authority
}

TEST_CASE("A run stores its facet columns for the revision it ends with: a later commit makes a reader rebuild them",
          "[indexer][columns]")
{
    TempDir tmp;
    const std::string db_path = tmp / "index";
    index_paths(db_path, {corpus_path("seed")});
    {
        const Xapian::Database db(db_path);
        CHECK(FacetColumns::stored_for(db));
        CHECK(FacetColumns::of(db)->read_from_store());
        check_columns_agree_with_values(db);
    }
    index_paths(db_path, {corpus_path("seed")});  // a run that changes nothing still ends with them stored
    CHECK(FacetColumns::stored_for(Xapian::Database(db_path)));
    {
        // Another writer's commit (a run killed before it stored them) removes a paragraph.
        Xapian::WritableDatabase writer(db_path);
        writer.delete_document(1);
        writer.commit();
    }
    const Xapian::Database db(db_path);
    CHECK_FALSE(FacetColumns::stored_for(db));
    CHECK_FALSE(FacetColumns::of(db)->read_from_store());
    check_columns_agree_with_values(db);  // built again: the removed paragraph has no values
}

TEST_CASE("Stored facet columns cut short are built again, never read in part", "[indexer][columns]")
{
    TempDir tmp;
    const std::string db_path = tmp / "index";
    index_paths(db_path, {corpus_path("seed")});
    for (const double kept : {0.0, 0.01, 0.3, 0.6, 0.99}) {
        INFO("kept " << kept);
        {
            // The stored value for the next revision, as the indexer writes it, then cut.
            Xapian::WritableDatabase writer(db_path);
            const std::string whole = FacetColumns::stored(writer);
            writer.set_metadata(s::k_meta_facet_columns, whole.substr(0, static_cast<std::size_t>(whole.size() * kept)));
            writer.commit();
        }
        const Xapian::Database db(db_path);
        CHECK_FALSE(FacetColumns::of(db)->read_from_store());
        check_columns_agree_with_values(db);
    }
}

TEST_CASE("An edited report file replaces its paragraphs", "[indexer]")
{
    TempDir tmp;
    const std::string db_path = tmp / "index";
    copy_seed(tmp / "reports");
    const std::string havering = (tmp.path() / "reports" / fs::path(havering_2011).filename()).string();
    const Report before = parse_file(havering);
    index_paths(db_path, {tmp / "reports"});

    write_file(havering, insert_line_after(read_file(havering), "- The out of hours service",
                                           "- Zanzibarquokka referrals are not recorded on the same day."));
    const Report after = parse_file(havering);
    REQUIRE(after.id == before.id);
    REQUIRE(after.paragraphs.size() == before.paragraphs.size() + 1);

    const IndexSummary summary = index_paths(db_path, {tmp / "reports"});
    CHECK(summary.reports_replaced == 1);
    CHECK(summary.reports_unchanged == 4);
    CHECK(summary.reports_added == 0);
    CHECK(summary.paragraphs_added == after.paragraphs.size());
    CHECK(summary.paragraphs_removed == before.paragraphs.size());

    const Xapian::Database db(db_path);
    const std::string new_word = Analyser().term_of("zanzibarquokka");
    REQUIRE(db.get_termfreq(new_word) == 1);
    const Xapian::Document added = db.get_document(*db.postlist_begin(new_word));
    const nlohmann::json data = nlohmann::json::parse(paragraph_data(added));
    CHECK(data.value("report_id", "") == after.id);
    CHECK_THAT(data.value("text", ""), Contains("Zanzibarquokka referrals are not recorded"));
    CHECK(data.value("finding_type", "") == "area_for_development");
    CHECK(db.get_termfreq(s::k_report + after.id) == after.paragraphs.size());
    CHECK(index_problems(db) == std::vector<std::string>{});
}

TEST_CASE("A deleted report file has its paragraphs and records removed", "[indexer]")
{
    TempDir tmp;
    const std::string db_path = tmp / "index";
    const std::vector<std::string> copies = copy_seed(tmp / "reports");
    const std::string barking = (tmp.path() / "reports" / fs::path(barking_2009).filename()).string();
    const Report report = parse_file(barking);
    index_paths(db_path, {tmp / "reports"});
    REQUIRE(Xapian::Database(db_path).get_termfreq(s::k_report + report.id) > 0);

    fs::remove(barking);
    const IndexSummary summary = index_paths(db_path, {tmp / "reports"});
    CHECK(summary.reports_removed == 1);
    CHECK(summary.reports_unchanged == 4);
    CHECK(summary.paragraphs_removed == report.paragraphs.size());
    CHECK(summary.index_reports == 4);

    const Xapian::Database db(db_path);
    CHECK(db.get_termfreq(s::k_report + report.id) == 0);
    CHECK(db.get_metadata(s::k_meta_report + report.id).empty());
    CHECK(db.get_metadata(s::k_meta_source + barking).empty());
    CHECK_FALSE(db.get_metadata(s::k_meta_source + copies.front()).empty());
    CHECK(index_problems(db) == std::vector<std::string>{});
}

TEST_CASE("Files outside the folders of a run are left alone", "[indexer]")
{
    TempDir tmp;
    const std::string db_path = tmp / "index";
    const std::string in_a = copy_into(corpus_path(havering_2011), tmp.path() / "A");
    copy_into(corpus_path(barking_2009), tmp.path() / "B");
    const Report a_report = parse_file(in_a);
    index_paths(db_path, {tmp / "A"});
    index_paths(db_path, {tmp / "B"});

    fs::remove(in_a);
    const IndexSummary summary = index_paths(db_path, {tmp / "B"});
    CHECK(summary.reports_removed == 0);
    CHECK(summary.reports_unchanged == 1);
    const Xapian::Database db(db_path);
    CHECK(db.get_termfreq(s::k_report + a_report.id) == a_report.paragraphs.size());
    CHECK_FALSE(db.get_metadata(s::k_meta_report + a_report.id).empty());
    CHECK_FALSE(db.get_metadata(s::k_meta_source + in_a).empty());
}

TEST_CASE("Bad input files are reported by path with a reason and the rest is indexed", "[indexer]")
{
    TempDir tmp;
    const fs::path folder = tmp.path() / "reports";
    const std::string good = copy_into(corpus_path(havering_2011), folder);
    const auto path = [&folder](const char* name) { return (folder / name).string(); };
    write_file(path("empty.txt"), "");
    write_file(path("blank.txt"), "  \n\t\r\n\f\n   ");
    write_file(path("binary.txt"), std::string("Ofsted\0\x01\x02\xff report", 17));
    write_file(path("broken.pdf"), "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> garbage garbage\n");
    write_file(path("gardening-notes.txt"),
               "Notes on the vegetable garden\n\n"
               "The beans did well this year after a wet start, and the courgettes were as many as ever.\n\n"
               "Next time the onions should go in earlier, and the netting needs mending before the birds "
               "find the soft fruit again.\n");
    {
        std::ofstream huge(path("huge.txt"), std::ios::binary);
        huge << "Ofsted report\n";
    }
    fs::resize_file(path("huge.txt"), 21 * 1024 * 1024);  // sparse: quick to make
    write_file(path("notes.md"), "# Notes\n");
    write_file(path("letter.docx"), "PK\x03\x04");

    const IndexSummary summary = index_paths(tmp / "index", {folder.string()});
    CHECK(summary.reports_added == 1);
    CHECK(summary.failed.size() == 6);
    CHECK(summary.skipped.size() == 2);
    CHECK(Xapian::Database(tmp / "index").get_termfreq(s::k_report + parse_file(good).id) > 0);

    const std::vector<std::pair<std::string, std::vector<std::string>>> failures = {
        {"empty.txt", {"empty"}},
        {"blank.txt", {"white space"}},
        {"binary.txt", {"binary"}},
        {"broken.pdf", {}},
        {"gardening-notes.txt", {"no authority", "no date"}},
        {"huge.txt", {"20 MiB"}},
    };
    for (const auto& [name, words] : failures) {
        INFO(name);
        const std::optional<std::string> reason = reason_for(summary.failed, path(name.c_str()));
        REQUIRE(reason);
        INFO("reason: " << *reason);
        CHECK_FALSE(reason->empty());
        for (const auto& word : words)
            CHECK_THAT(*reason, Contains(word));
    }
    for (const char* name : {"notes.md", "letter.docx"}) {
        INFO(name);
        CHECK(reason_for(summary.skipped, path(name)).has_value());
        CHECK_FALSE(reason_for(summary.failed, path(name)).has_value());
    }
}

// Returns UTF-8 text as UTF-16LE with its byte order mark, as Windows' "Unicode" saves it.
std::string as_utf16le(const std::string& utf8)
{
    std::string out = "\xFF\xFE";
    const auto unit = [&out](char32_t value) {
        out += static_cast<char>(value & 0xFF);
        out += static_cast<char>(value >> 8);
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t cp = next_code_point(utf8, i);
        if (cp >= 0x10000) {
            unit(0xD800 + ((cp - 0x10000) >> 10));
            unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

TEST_CASE("Hostile files are read or named with a reason, and none stops or hangs the run", "[indexer][hostile]")
{
    TempDir tmp;
    const fs::path folder = tmp.path() / "reports";
    const auto path = [&folder](const char* name) { return (folder / name).string(); };
    const std::string report = read_file(corpus_path(havering_2011));
    const std::size_t paragraphs = parse_file(corpus_path(havering_2011)).paragraphs.size();
    // Read: a report saved as UTF-16, and one with a few stray NULs (a faulty converter's).
    fs::create_directories(folder / "nuls");
    write_file(path("utf16.txt"), as_utf16le(report));
    const std::size_t middle = report.find("\n\n", report.size() / 2);
    write_file((folder / "nuls" / "report.txt").string(), report.substr(0, middle) + std::string(3, '\0') + report.substr(middle));
    // Named: an encrypted PDF, a PDF cut off in its middle, a pipe, a link to nothing.
    copy_into(test_data_path("hostile/encrypted.pdf"), folder);
    const std::string pdf = read_file(test_data_path("pdf/hackney-2019-03-04-focused-visit.pdf"));
    write_file(path("truncated.pdf"), pdf.substr(0, pdf.size() / 2));
    REQUIRE(mkfifo(path("pipe.txt").c_str(), 0644) == 0);
    fs::create_symlink("nowhere.txt", folder / "dangling.txt");
    // Left alone: a link that loops back to its own folder.
    fs::create_symlink(".", folder / "loop");

    const IndexSummary summary = index_paths(tmp / "index", {folder.string()});
    const Xapian::Database db(tmp / "index");
    CHECK(index_problems(db).empty());
    // The UTF-16 copy and the one with NULs are the same report: one is kept, with every paragraph.
    CHECK(summary.index_reports == 1);
    CHECK(db.get_doccount() == paragraphs);
    for (const auto& text : document_texts(db))
        CHECK(text.find('\0') == std::string::npos);
    const std::vector<std::pair<std::string, std::string>> failed = {
        {"encrypted.pdf", "encrypted"}, {"truncated.pdf", "damaged or truncated"}};
    for (const auto& [name, words] : failed) {
        const std::optional<std::string> reason = reason_for(summary.failed, path(name.c_str()));
        REQUIRE(reason);
        CHECK_THAT(*reason, Contains(words));
    }
    const std::vector<std::pair<std::string, std::string>> skipped = {
        {"pipe.txt", "not a regular file"}, {"dangling.txt", "a link to nothing"}};
    for (const auto& [name, words] : skipped) {
        const std::optional<std::string> reason = reason_for(summary.skipped, path(name.c_str()));
        REQUIRE(reason);
        CHECK_THAT(*reason, Contains(words));
    }
    CHECK(summary.failed.size() == 2);
    CHECK(summary.skipped.size() == 3);  // the pipe, the link to nothing, and one copy of the report
}

TEST_CASE("A Windows-1252 report is indexed as UTF-8 with ASCII apostrophes", "[indexer]")
{
    TempDir tmp;
    const std::string path = tmp / "havering-cp1252.txt";
    std::string text = replace_all(read_file(corpus_path(havering_2011)), "'", "\x92");
    text = replace_all(text, "promptly screened by senior practitioners.",
                       "promptly screened by senior practitioners at a cost of \xA3" "40 each.");
    REQUIRE(text.find('\xA3') != std::string::npos);
    write_file(path, text);

    const IndexSummary summary = index_paths(tmp / "index", {path});
    REQUIRE(summary.reports_added == 1);
    const std::vector<std::string> texts = document_texts(Xapian::Database(tmp / "index"));
    const auto any_contains = [&texts](const std::string& needle) {
        return std::any_of(texts.begin(), texts.end(),
                           [&needle](const std::string& t) { return t.find(needle) != std::string::npos; });
    };
    CHECK(any_contains("children's services"));
    CHECK(any_contains("at a cost of \xC2\xA3" "40 each."));
    CHECK_FALSE(any_contains("\xE2\x80\x99"));  // U+2019, the apostrophe before normalising
    CHECK_FALSE(any_contains("\xEF\xBF\xBD"));  // U+FFFD, a byte that could not be decoded
}

TEST_CASE("A run clears what a build killed after moving its index into place left beside it", "[indexer]")
{
    TempDir tmp;
    const std::string db = tmp / "index";
    REQUIRE(run_indexer(db, {corpus_path("seed")}, {}).failed.empty());
    const std::string building = tmp / "index.building";
    std::filesystem::create_directories(tmp / "index.building/1");  // a killed build's leftovers
    write_file(tmp / "index.building/1/postlist.glass", std::string(1000, 'x'));
    const IndexSummary summary = run_indexer(db, {corpus_path("seed")}, {});
    CHECK(summary.reports_unchanged == 5);
    CHECK_FALSE(std::filesystem::exists(building));
}

TEST_CASE("Indexing into an index another writer holds fails with index_locked", "[indexer]")
{
    TempDir tmp;
    const std::string db_path = tmp / "index";
    IndexWriter holder(db_path);
    std::optional<Error> caught;
    try {
        index_paths(db_path, {corpus_path(havering_2011)});
    } catch (const Error& error) {
        caught = error;
    }
    REQUIRE(caught);
    CHECK(caught->code() == ErrorCode::index_locked);
    CHECK_THAT(caught->what(), Contains("locked"));
}

TEST_CASE("A PDF report and its text twin give the same report and paragraphs", "[indexer][pdf]")
{
    const std::string name = GENERATE(as<std::string>{}, "croydon-2024-12-03-inspection",
                                      "hackney-2019-03-04-focused-visit", "sheffield-2014-02-21-inspection",
                                      "west-sussex-2016-01-20-inspection");
    INFO(name);
    const Report pdf = parse_file(test_data_path("pdf/" + name + ".pdf"));
    const Report txt = parse_file(corpus_path("reports/" + name + ".txt"));
    CHECK(pdf.id == txt.id);
    CHECK(pdf.authority == txt.authority);
    CHECK(pdf.date == txt.date);
    CHECK(pdf.kind == txt.kind);

    INFO("paragraphs: " << pdf.paragraphs.size() << " from the PDF, " << txt.paragraphs.size() << " from the text");
    INFO("first difference at paragraph " << first_difference(pdf, txt));
    const double count_ratio = static_cast<double>(pdf.paragraphs.size()) / txt.paragraphs.size();
    CHECK(count_ratio == Approx(1.0).margin(0.02));
    CHECK(shared_share(pdf, txt) >= 0.95);
    CHECK(shared_share(txt, pdf) >= 0.95);
}

// Returns the file the index holds a report from ("" when it holds no such report).
std::string source_of(const std::string& index, const std::string& report_id)
{
    const nlohmann::json record =
        nlohmann::json::parse(Xapian::Database(index).get_metadata(schema::k_meta_report + report_id), nullptr, false);
    return record.is_object() ? record.value("source", "") : "";
}

TEST_CASE("A report's text and PDF twins keep the text, whichever was indexed first", "[indexer][pdf]")
{
    TempDir tmp;
    const std::string name = "hackney-2019-03-04-focused-visit";
    const std::string pdf_source = test_data_path("pdf/" + name + ".pdf");
    const std::string txt_source = corpus_path("reports/" + name + ".txt");
    const fs::path folder = tmp.path() / "reports";
    const std::string index = tmp / "index";
    const auto check_text_kept = [&](const IndexSummary& summary) {
        CHECK(summary.failed.empty());
        CHECK(summary.index_reports == 1);
        CHECK(source_of(index, name) == (folder / (name + ".txt")).string());
        const std::optional<std::string> reason = reason_for(summary.skipped, (folder / (name + ".pdf")).string());
        REQUIRE(reason);
        CHECK_THAT(*reason, Contains("the same report as " + (folder / (name + ".txt")).string()));
    };

    SECTION("both at once")
    {
        copy_into(pdf_source, folder);
        copy_into(txt_source, folder);
        const IndexSummary summary = index_paths(index, {folder.string()});
        CHECK(summary.reports_added == 1);
        check_text_kept(summary);
    }
    SECTION("the PDF first, then the text beside it")
    {
        copy_into(pdf_source, folder);
        REQUIRE(index_paths(index, {folder.string()}).index_reports == 1);
        copy_into(txt_source, folder);
        check_text_kept(index_paths(index, {folder.string()}));
    }
    SECTION("the text first, then the PDF beside it")
    {
        copy_into(txt_source, folder);
        REQUIRE(index_paths(index, {folder.string()}).index_reports == 1);
        copy_into(pdf_source, folder);
        check_text_kept(index_paths(index, {folder.string()}));
    }
    // Once the text goes, the PDF holds the report again.
    fs::remove(folder / (name + ".txt"));
    const IndexSummary without_text = index_paths(index, {folder.string()});
    CHECK(without_text.index_reports == 1);
    CHECK(source_of(index, name) == (folder / (name + ".pdf")).string());
}

// Returns the text of a different report that has the same authority, date and kind as the
// seed report `header`: its first 25 lines (letterhead, date, addressee, title), then the body
// of the seed report `body`.
std::string namesake_of(const std::string& header, const std::string& body)
{
    const auto lines_from = [](const std::string& text, std::size_t first) {
        std::size_t at = 0;
        for (std::size_t line = 0; line < first && at != std::string::npos; ++line)
            at = text.find('\n', at) + 1;
        return at;
    };
    const std::string head = read_file(corpus_path(header));
    const std::string rest = read_file(corpus_path(body));
    return head.substr(0, lines_from(head, 25)) + rest.substr(lines_from(rest, 25));
}

TEST_CASE("Different reports with the same authority, date and kind get ids of their own, kept while indexed",
          "[indexer][identity]")
{
    TempDir tmp;
    const fs::path folder = tmp.path() / "reports";
    const std::string index = tmp / "index";
    const std::string a = copy_into(corpus_path(havering_2011), folder);
    const std::string b = (folder / "b.txt").string();
    write_file(b, namesake_of(havering_2011, "seed/003_d91d0b6c7ca67937.txt"));
    const std::string id = parse_file(a).id;
    REQUIRE(parse_file(b).id == id);

    const IndexSummary first = index_paths(index, {folder.string()});
    CHECK(first.index_reports == 2);
    CHECK(source_of(index, id) == a);
    CHECK(source_of(index, id + "-2") == b);
    REQUIRE(first.own_ids.size() == 1);
    CHECK(first.own_ids[0].path == b);
    CHECK_THAT(first.own_ids[0].reason, Contains("indexed as " + id + "-2"));
    CHECK(index_problems(Xapian::Database(index)).empty());

    // An edit, a third namesake and the first one's deletion move no report to another id.
    write_file(b, read_file(b) + "\n\nThe authority has since appointed a permanent principal social worker.\n");
    write_file((folder / "c.txt").string(), namesake_of(havering_2011, "seed/004_93af4746b97930b5.txt"));
    const IndexSummary second = index_paths(index, {folder.string()});
    CHECK(second.reports_replaced == 1);
    CHECK(source_of(index, id + "-2") == b);
    CHECK(source_of(index, id + "-3") == (folder / "c.txt").string());
    fs::remove(a);
    const IndexSummary third = index_paths(index, {folder.string()});
    CHECK(third.reports_removed == 1);
    CHECK(source_of(index, id).empty());
    CHECK(source_of(index, id + "-2") == b);
    CHECK(source_of(index, id + "-3") == (folder / "c.txt").string());
    CHECK(third.index_reports == 2);
    CHECK(index_problems(Xapian::Database(index)).empty());
}

TEST_CASE("A new index built in halves gives namesakes and twins the ids an update in path order gives",
          "[indexer][identity]")
{
    TempDir tmp;
    const fs::path folder = tmp.path() / "reports";
    copy_smallest_reports(500, folder);  // enough files to build in halves
    // Sorting first and last, the two reports of each pair are written to different halves.
    const std::string first = (folder / "0000-havering.txt").string();
    const std::string last = (folder / "zzzz-havering.txt").string();
    fs::copy_file(corpus_path(havering_2011), first);
    write_file(last, namesake_of(havering_2011, "seed/003_d91d0b6c7ca67937.txt"));
    const std::string id = parse_file(first).id;
    const std::string name = "croydon-2024-12-03-inspection";
    fs::copy_file(test_data_path("pdf/" + name + ".pdf"), folder / "0000-twin.pdf");
    fs::copy_file(corpus_path("reports/" + name + ".txt"), folder / "zzzz-twin.txt");
    const std::string twin_id = parse_file((folder / "zzzz-twin.txt").string()).id;

    const IndexSummary summary = index_paths(tmp / "index", {folder.string()});
    REQUIRE(summary.failed.empty());
    CHECK(source_of(tmp / "index", id) == first);
    CHECK(source_of(tmp / "index", id + "-2") == last);
    CHECK(source_of(tmp / "index", twin_id) == (folder / "zzzz-twin.txt").string());
    CHECK(reason_for(summary.skipped, (folder / "0000-twin.pdf").string()));
    CHECK(summary.own_ids.size() == 1);
    CHECK(summary.index_reports == 503);
    CHECK(summary.reports_added == 503);
    CHECK(summary.reports_replaced == 0);
    CHECK(summary.files_seen == 504);
    CHECK(index_problems(Xapian::Database(tmp / "index")).empty());
    CHECK(FacetColumns::of(Xapian::Database(tmp / "index"))->read_from_store());  // stored after the merge
    CHECK_FALSE(summary.synonyms_as_phrases);  // both halves' concept terms are the shipped table's
}

// Adds text to an FNV-1a hash.
void add_to_hash(std::uint64_t& hash, const std::string& text)
{
    for (const char c : text)
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    hash = (hash ^ 0xffu) * 1099511628211ull;  // the end of a part
}

TEST_CASE("Every corpus report parses with an authority, a title, a date, a unique id and clean paragraphs",
          "[corpus]")
{
    const std::set<std::string> graded_kinds = {"safeguarding_lac", "lac_2013", "sif", "ilacs_standard",
                                                "ilacs_short"};
    std::size_t reports = 0;
    std::map<std::string, std::string> ids;  // id -> first source
    std::set<std::string> kinds_seen;
    // The documents and records the corpus makes: when they change, the parser version must too.
    std::uint64_t fingerprint = 1469598103934665603ull;
    const Analyser analyser;
    Xapian::TermGenerator generator;
    analyser.configure(generator);
    std::vector<std::string> paths;
    for (const char* folder : {"seed", "reports"}) {
        for (const auto& entry : fs::directory_iterator(corpus_path(folder))) {
            if (entry.path().extension() == ".txt" || entry.path().extension() == ".pdf")
                paths.push_back(entry.path().string());
        }
    }
    std::sort(paths.begin(), paths.end());
    for (const std::string& path : paths) {
        const Report report = parse_file(path);
        nlohmann::json record = report_record(report);
        record.erase("source");  // where this checkout is
        add_to_hash(fingerprint, record.dump());
        for (const Xapian::Document& document : report_documents(report, generator).documents) {
            for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term)
                add_to_hash(fingerprint, *term + " " + std::to_string(term.get_wdf()));
            for (auto value = document.values_begin(); value != document.values_end(); ++value)
                add_to_hash(fingerprint, std::to_string(value.get_valueno()) + " " + *value);
        }
        ++reports;
        INFO(path << " (" << report.id << ", " << report.kind << ")");
        CHECK_FALSE(report.authority.empty());
        CHECK_FALSE(report.title.empty());
        CHECK(report.date.known());
        // A report is published, a letter written, on or after its visit's last day.
        if (const auto visited = find_last_date(report.inspection_dates))
            CHECK(report.date.compact() >= visited->compact());
        const auto [previous, fresh] = ids.emplace(report.id, path);
        INFO("the same id as " << previous->second);
        CHECK(fresh);
        kinds_seen.insert(report.kind);
        if (graded_kinds.count(report.kind))
            CHECK_FALSE(report.judgements.empty());
        for (const auto& paragraph : report.paragraphs) {
            INFO("paragraph " << paragraph.position << ": " << paragraph.text.substr(0, 80));
            CHECK_FALSE(paragraph.text.empty());
            CHECK_FALSE(starts_with_bullet(paragraph.text));
        }
    }
    CHECK(reports == 833);
    for (const auto& kind : graded_kinds) {
        INFO(kind);
        CHECK(kinds_seen.count(kind));
    }
    std::ostringstream printed;
    printed << k_parser_version << " " << std::hex << fingerprint;
    INFO("parsing or the documents built changed: bump k_parser_version in core/index/index_run.h, so that "
         "existing indexes re-read every report, and write \"" << printed.str()
                                                               << "\" into tests/data/parser-fingerprint.txt");
    CHECK(read_file(test_data_path("parser-fingerprint.txt")) == printed.str() + "\n");
}

}  // namespace
}  // namespace findings::test
