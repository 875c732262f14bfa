// Tests of the table of fields: names and index places that cannot collide, and values read
// the way people write them.
#include <catch2/catch.hpp>

#include "core/common/fields.h"
#include "core/common/index_schema.h"
#include "tests/test_support.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace findings::test {
namespace {

TEST_CASE("No two fields share a name, a parameter, a query prefix, an option, a term prefix or a slot", "[fields]")
{
    std::set<std::string> names, parameters, prefixes, options, term_prefixes;
    std::set<Xapian::valueno> slots = {schema::k_slot_report, schema::k_slot_position, schema::k_slot_report_order,
                                       schema::k_slot_paragraph};
    // "Q" held paragraph ids in indexes of schema 9 and before, which may still be searched.
    const std::set<std::string> structural_prefixes = {"Q", schema::k_report, schema::k_section_text};
    for (const Field& field : fields()) {
        INFO("field " << field.name);
        CHECK(names.insert(field.name).second);
        CHECK(parameters.insert(field.parameter).second);
        CHECK(prefixes.insert(field.query_prefix).second);
        CHECK(options.insert(field.cli_option).second);
        CHECK(term_prefixes.insert(field.term_prefix).second);
        CHECK(structural_prefixes.count(field.term_prefix) == 0);
        CHECK(schema::is_filter_term(field.term_prefix + "x"));  // ranking tells filters by their X
        if (field.slot != k_no_slot)
            CHECK(slots.insert(field.slot).second);
        CHECK((field.slot != k_no_slot || !field.derived_from.empty() || !field.facet));
        if (!field.derived_from.empty())
            CHECK((field_named(field.derived_from) && field.derive));
    }
}

TEST_CASE("Every listed value, and its label, names one term", "[fields]")
{
    for (const Field& field : fields()) {
        for (const auto& value : field.values) {
            INFO(field.name << ": " << value.value << " (" << value.label << ")");
            const std::vector<std::string> terms = field.resolve(value.value);
            CHECK(terms.size() == 1);
            CHECK(field.resolve(value.label) == terms);
            CHECK(field.label_of(value.value) == value.label);
        }
    }
}

TEST_CASE("Values as people write them read as the index spells them, and nonsense reads as nothing", "[fields]")
{
    struct Row {
        std::string field;
        std::string written;
        std::vector<std::string> terms;
    };
    const Row rows[] = {
        {"finding_type", "priority action", {"priority_action"}},
        {"finding_type", "Areas for development", {"area_for_development"}},
        {"finding_type", "strengths", {"strength"}},
        {"finding_type", "weaknesses", {"area_for_development", "priority_action", "recommendation"}},
        {"finding_type", "brilliance", {}},
        {"grade", "Requires improvement to be good", {"requires_improvement"}},
        {"grade", "RI", {"requires_improvement"}},
        {"grade", "not judged", {"not_judged"}},
        {"grade", "excellent", {}},
        {"timescale", "within 3 months", {"within_3_months"}},
        {"timescale", "next week", {}},
        {"authority", "LB Croydon", {"croydon"}},
        {"authority", "London Borough of Barking & Dagenham", {"barking-and-dagenham"}},
        {"authority", "Atlantis", {}},
        {"region", "north west", {"north-west"}},
        {"region", "London", {"london"}},
        {"region", "Narnia", {}},
        {"authority_type", "London borough", {"london_borough"}},
        {"authority_type", "parish", {}},
        {"year", "2010", {"2010"}},
        {"year", "20x", {}},
        {"kind", "focused visit", {"focused_visit"}},
        {"kind", "ILACS short", {"ilacs_short"}},
        {"kind", "bake sale", {}},
    };
    for (const auto& row : rows) {
        INFO(row.field << ": " << row.written);
        const Field* field = field_named(row.field);
        REQUIRE(field);
        CHECK(field->resolve(row.written) == row.terms);
    }
}

TEST_CASE("A field is found by its name, its parameter and its query prefix", "[fields]")
{
    CHECK(field_named("finding_type") == field_with_parameter("type"));
    CHECK(field_named("finding_type") == field_with_prefix("type"));
    CHECK(field_named("authority_type") == field_with_prefix("authority_type"));
    CHECK(field_named("report_id") == nullptr);
    CHECK(field_with_parameter("") == nullptr);
}

TEST_CASE("Every field value of every corpus report is one its field lists", "[fields][corpus]")
{
    std::size_t reports = 0;
    std::set<std::string> unlisted;  // "field: value" of every value no list has
    for (const std::string folder : {"seed", "reports"}) {
        for (const auto& entry : std::filesystem::directory_iterator(corpus_path(folder))) {
            if (entry.path().extension() != ".txt")
                continue;
            const Report report = parse_corpus_report(folder + "/" + entry.path().filename().string());
            ++reports;
            const Authority* authority = Gazetteer::instance().resolve(report.authority);
            for (const Paragraph& paragraph : report.paragraphs) {
                const FieldSource source{report, authority, paragraph};
                for (const Field& field : fields()) {
                    const std::string value = field.value_of(source);
                    if (field.values.empty() || value.empty())
                        continue;
                    if (std::none_of(field.values.begin(), field.values.end(),
                                     [&](const FieldValue& listed) { return listed.value == value; }))
                        unlisted.insert(field.name + ": " + value + " (" + report.id + ")");
                }
            }
        }
    }
    CHECK(reports >= 833);
    CHECK(unlisted == std::set<std::string>{});
}

}  // namespace
}  // namespace findings::test
