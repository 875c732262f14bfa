// Tests of the authority gazetteer: the table, name forms, resolving and finding in text.
#include "core/common/gazetteer.h"
#include "core/common/ofsted_links.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <string>
#include <vector>

using findings::Authority;
using findings::AuthorityType;
using findings::Gazetteer;

namespace {

// Returns the canonical names of the authorities found in text, in order.
std::vector<std::string> names_found(const std::string& text) {
    std::vector<std::string> names;
    for (const auto& mention : Gazetteer::instance().find_all(text)) {
        names.push_back(mention.authority->name);
    }
    return names;
}

// Returns the whole content of a file.
std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// Returns the canonical name text resolves to, or "" when it resolves to nothing.
std::string resolved_name(const std::string& text) {
    const Authority* authority = Gazetteer::instance().resolve(text);
    return authority ? authority->name : "";
}

}  // namespace

TEST_CASE("The table holds every authority since 2009 once, with a region and a type") {
    const auto& all = Gazetteer::instance().all();
    CHECK(all.size() >= 150);
    CHECK(all.size() <= 175);
    const std::set<std::string> regions = {
        "North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
        "East of England", "London", "South East", "South West"};
    std::set<std::string> names;
    std::set<std::string> slugs;
    for (const Authority& authority : all) {
        INFO(authority.name);
        CHECK(regions.count(authority.region) == 1);
        CHECK(names.insert(authority.name).second);
        CHECK(slugs.insert(authority.slug).second);
    }
}

TEST_CASE("Every authority resolves by its name, its slug and its aliases") {
    const Gazetteer& gazetteer = Gazetteer::instance();
    for (const Authority& authority : gazetteer.all()) {
        INFO(authority.name);
        CHECK(gazetteer.resolve(authority.name) == &authority);
        CHECK(gazetteer.by_slug(authority.slug) == &authority);
        for (const std::string& alias : authority.aliases) {
            INFO(alias);
            CHECK(gazetteer.resolve(alias) == &authority);
        }
    }
}

TEST_CASE("Slugs are lower case with single dashes, or Ofsted's own") {
    const Gazetteer& gazetteer = Gazetteer::instance();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"St Helens", "st-helens"},
        {"Bath and North East Somerset", "bath-and-north-east-somerset"},
        {"Southend-on-Sea", "southend-on-sea"},
        {"Kingston upon Hull", "kingston-upon-hull"},
        {"Telford and Wrekin", "telford-wrekin"},
        {"Windsor and Maidenhead", "windsor-maidenhead"},
        {"Bournemouth, Christchurch and Poole", "bournemouth-christchurch-poole"},
        {"City of London", "london-corporation"},
    };
    for (const auto& [name, slug] : cases) {
        INFO(name);
        REQUIRE(gazetteer.resolve(name));
        CHECK(gazetteer.resolve(name)->slug == slug);
    }
    CHECK(gazetteer.by_slug("telford-and-wrekin") == gazetteer.resolve("Telford and Wrekin"));
    CHECK(gazetteer.by_slug("no-such-place") == nullptr);
}

TEST_CASE("Each family of name forms resolves") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"croydon", "Croydon"},
        {"  The London Borough of Croydon. ", "Croydon"},
        {"LB Croydon", "Croydon"},
        {"LB of Croydon", "Croydon"},
        {"Royal Borough of Greenwich", "Greenwich"},
        {"Croydon Council", "Croydon"},
        {"Croydon Borough Council", "Croydon"},
        {"Surrey County Council", "Surrey"},
        {"Leeds City Council", "Leeds"},
        {"Wirral Metropolitan Borough Council", "Wirral"},
        {"Wakefield Metropolitan District Council", "Wakefield"},
        {"Calderdale Metropolitan Council", "Calderdale"},
        {"Metropolitan Borough of Solihull", "Solihull"},
        {"Borough of Redcar and Cleveland", "Redcar and Cleveland"},
        {"City of York", "York"},
        {"City of York Council", "York"},
        {"City of Bradford Metropolitan District Council", "Bradford"},
        {"Cheshire East Unitary Authority", "Cheshire East"},
        {"Derby City", "Derby"},
        {"Bedford Borough", "Bedford"},
        {"Surrey Safeguarding Children Board", "Surrey"},
        {"Reading Local Safeguarding Children Board", "Reading"},
        {"Derbyshire Safeguarding Children Partnership", "Derbyshire"},
        {"Birmingham Children's Trust", "Birmingham"},
        {"Sandwell Children\u2019s Trust", "Sandwell"},
        {"Council of the Isles of Scilly", "Isles of Scilly"},
        {"County Durham", "Durham"},
        {"Durham County Council", "Durham"},
        {"City of Bristol", "Bristol"},
        {"Bristol City Council", "Bristol"},
        {"Hull", "Kingston upon Hull"},
        {"Hull City Council", "Kingston upon Hull"},
        {"County of Herefordshire", "Herefordshire"},
        {"St. Helens Metropolitan Borough Council", "St Helens"},
        {"Stockton on Tees", "Stockton-on-Tees"},
        {"Royal Borough of Kensington and Chelsea", "Kensington and Chelsea"},
        {"City of Westminster", "Westminster"},
        {"Newcastle", "Newcastle upon Tyne"},
        {"East Riding", "East Riding of Yorkshire"},
        {"Bournemouth, Christchurch and Poole Council", "Bournemouth, Christchurch and Poole"},
        {"BCP Council", "Bournemouth, Christchurch and Poole"},
        {"B&NES", "Bath and North East Somerset"},
        {"Bradford Children and Families Trust", "Bradford"},
        {"Doncaster Children\u2019s Services Trust", "Doncaster"},
        {"Slough Children First", "Slough"},
        {"Slough Children's Services Trust", "Slough"},
        {"Together for Children", "Sunderland"},
        {"Worcestershire Children First", "Worcestershire"},
        {"Brighter Futures for Children", "Reading"},
        {"Northamptonshire Children's Trust", "Northamptonshire"},
    };
    for (const auto& [form, name] : cases) {
        INFO(form);
        CHECK(resolved_name(form) == name);
    }
}

TEST_CASE("Names that share words resolve to distinct authorities") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Bradford", "Bradford"},
        {"Bradford Children and Families Trust", "Bradford"},
        {"City of London", "City of London"},
        {"London Borough of Barnet", "Barnet"},
        {"Durham", "Durham"},
        {"County Durham", "Durham"},
        {"Bristol", "Bristol"},
        {"City of Bristol", "Bristol"},
        {"Barking & Dagenham", "Barking and Dagenham"},
        {"London Borough of Barking & Dagenham", "Barking and Dagenham"},
        {"Kingston upon Hull", "Kingston upon Hull"},
        {"Kingston upon Thames", "Kingston upon Thames"},
        {"Herefordshire", "Herefordshire"},
        {"Hertfordshire", "Hertfordshire"},
        {"North Yorkshire", "North Yorkshire"},
        {"York", "York"},
        {"Bedford", "Bedford"},
        {"Bedfordshire", "Bedfordshire"},
        {"Central Bedfordshire", "Central Bedfordshire"},
        {"Cheshire", "Cheshire"},
        {"Cheshire West", "Cheshire West and Chester"},
        {"Somerset", "Somerset"},
        {"North Somerset", "North Somerset"},
        {"Bath and North East Somerset", "Bath and North East Somerset"},
        {"Northamptonshire", "Northamptonshire"},
        {"West Northamptonshire", "West Northamptonshire"},
    };
    for (const auto& [form, name] : cases) {
        INFO(form);
        CHECK(resolved_name(form) == name);
    }
}

TEST_CASE("Unknown names resolve to nothing") {
    for (const char* name : {"", "   ", "London", "Narnia", "Kingston", "Newcastle-under-Lyme",
                             "Achieving for Children", "Greater Manchester", "Bath"}) {
        INFO(name);
        CHECK(Gazetteer::instance().resolve(name) == nullptr);
    }
}

TEST_CASE("find_all finds authorities in running text, longest form first") {
    using Names = std::vector<std::string>;
    const std::vector<std::pair<std::string, Names>> cases = {
        {"Copy: Roger Hampson, Chief Executive, London Borough of Redbridge", {"Redbridge"}},
        {"Cathie Pattison, Chair of Redbridge Safeguarding Children Board", {"Redbridge"}},
        {"The London Borough of Barking and\nDagenham has improved.", {"Barking and Dagenham"}},
        {"Children in the City of London and the London Borough of Barnet",
         {"City of London", "Barnet"}},
        {"London is a large city.", {}},
        {"Services in County Durham are good.", {"Durham"}},
        {"North Yorkshire and York share a police force.", {"North Yorkshire", "York"}},
        {"Bath and North East Somerset borders Somerset.",
         {"Bath and North East Somerset", "Somerset"}},
        {"Central Bedfordshire and Bedford", {"Central Bedfordshire", "Bedford"}},
        {"the East Riding of Yorkshire and Kingston upon Hull",
         {"East Riding of Yorkshire", "Kingston upon Hull"}},
        {"Kingston upon Hull, Kingston upon Thames", {"Kingston upon Hull", "Kingston upon Thames"}},
        {"Herefordshire and Hertfordshire", {"Herefordshire", "Hertfordshire"}},
        {"Bradford Children and Families Trust took over from Bradford in 2023.",
         {"Bradford", "Bradford"}},
        {"Hackney\u2019s social workers and Reading's leaders", {"Hackney", "Reading"}},
        {"Children\u2019s services in Telford & Wrekin", {"Telford and Wrekin"}},
        {"Inspection of Bournemouth, Christchurch and Poole local authority",
         {"Bournemouth, Christchurch and Poole"}},
        {"a girl moved from Newcastle-under-Lyme to Newcastle upon Tyne", {"Newcastle upon Tyne"}},
        {"Greater Manchester Police", {}},
        {"Piccadilly Gate\nStore Street\nManchester\nM1 2WD", {}},
        {"Manchester City Council", {"Manchester"}},
        {"BarnetBromley Bromleys", {}},
        {"Barnet; Enfield", {"Barnet", "Enfield"}},
        {"\u25fc Cumbria County Council and Cumberland", {"Cumbria", "Cumberland"}},
    };
    for (const auto& [text, names] : cases) {
        INFO(text);
        CHECK(names_found(text) == names);
    }
}

TEST_CASE("find_all reports the byte range of each name form") {
    const std::string text =
        "Chief Executive, London Borough of Barking and\nDagenham; County Durham. Hackney\u2019s "
        "staff and the Sandwell Children\u2019s Trust.";
    const auto mentions = Gazetteer::instance().find_all(text);
    const std::vector<std::string> expected = {"London Borough of Barking and\nDagenham",
                                               "County Durham", "Hackney",
                                               "Sandwell Children\u2019s Trust"};
    REQUIRE(mentions.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(text.substr(mentions[i].begin, mentions[i].end - mentions[i].begin) == expected[i]);
    }
}

TEST_CASE("Names that are common words are names in running text only when capitalised") {
    using Names = std::vector<std::string>;
    const std::vector<std::pair<std::string, Names>> cases = {
        {"Inspectors spent time reading case files.", {}},
        {"Children in Reading are safe.", {"Reading"}},
        {"READING BOROUGH COUNCIL", {"Reading"}},
        {"They did not bury the problem.", {}},
        {"Bury has improved.", {"Bury"}},
        {"the hull of a boat", {}},
        {"families in Hull", {"Kingston upon Hull"}},
        {"working together for children and families", {}},
        {"Together for Children runs services.", {"Sunderland"}},
        {"a local derby", {}},
    };
    for (const auto& [text, names] : cases) {
        INFO(text);
        CHECK(names_found(text) == names);
    }
    CHECK(resolved_name("reading") == "Reading");
    // A prefix or suffix of such a name must be capitalised as well to be part of the mention.
    for (const auto& [text, mentioned] : std::vector<std::pair<std::string, std::string>>{
             {"Reading Borough Council said", "Reading Borough Council"},
             {"Reading borough council said", "Reading"},
             {"the Borough of Reading", "Borough of Reading"},
             {"the borough of Reading", "Reading"}}) {
        INFO(text);
        const auto mentions = Gazetteer::instance().find_all(text);
        REQUIRE(mentions.size() == 1);
        CHECK(text.substr(mentions[0].begin, mentions[0].end - mentions[0].begin) == mentioned);
    }
}

TEST_CASE("Spot-checked authorities have their region and type") {
    struct Case {
        const char* name;
        const char* region;
        AuthorityType type;
    };
    const std::vector<Case> cases = {
        {"Barking and Dagenham", "London", AuthorityType::london_borough},
        {"City of London", "London", AuthorityType::london_borough},
        {"Bradford", "Yorkshire and the Humber", AuthorityType::metropolitan_district},
        {"Newcastle upon Tyne", "North East", AuthorityType::metropolitan_district},
        {"Kent", "South East", AuthorityType::county},
        {"Cumbria", "North West", AuthorityType::county},
        {"Milton Keynes", "South East", AuthorityType::unitary},
        {"North Lincolnshire", "Yorkshire and the Humber", AuthorityType::unitary},
        {"Herefordshire", "West Midlands", AuthorityType::unitary},
        {"Luton", "East of England", AuthorityType::unitary},
        {"Rutland", "East Midlands", AuthorityType::unitary},
        {"Isles of Scilly", "South West", AuthorityType::unitary},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const Authority* authority = Gazetteer::instance().resolve(c.name);
        REQUIRE(authority);
        CHECK(authority->region == c.region);
        CHECK(authority->type == c.type);
    }
    CHECK(std::string(findings::to_string(AuthorityType::london_borough)) == "london_borough");
    CHECK(std::string(findings::to_string(AuthorityType::metropolitan_district)) ==
          "metropolitan_district");
}

TEST_CASE("Reorganised authorities are present with their years") {
    struct Case {
        const char* name;
        int from_year;
        int to_year;
    };
    const std::vector<Case> cases = {
        {"Bedfordshire", 0, 2009},
        {"Bedford", 2009, 0},
        {"Central Bedfordshire", 2009, 0},
        {"Cheshire", 0, 2009},
        {"Cheshire East", 2009, 0},
        {"Cheshire West and Chester", 2009, 0},
        {"Bournemouth", 0, 2019},
        {"Poole", 0, 2019},
        {"Bournemouth, Christchurch and Poole", 2019, 0},
        {"Dorset", 0, 0},
        {"Northamptonshire", 0, 2021},
        {"North Northamptonshire", 2021, 0},
        {"West Northamptonshire", 2021, 0},
        {"Cumbria", 0, 2023},
        {"Cumberland", 2023, 0},
        {"Westmorland and Furness", 2023, 0},
        {"North Yorkshire", 0, 0},
        {"Somerset", 0, 0},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const Authority* authority = Gazetteer::instance().resolve(c.name);
        REQUIRE(authority);
        CHECK(authority->from_year == c.from_year);
        CHECK(authority->to_year == c.to_year);
    }
}

TEST_CASE("Every report in the corpus is named after an authority that it mentions") {
    const Gazetteer& gazetteer = Gazetteer::instance();
    const std::string directory = std::string(FINDINGS_SOURCE_DIR) + "/corpus/reports";
    std::set<std::string> prefixes;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        const std::string file = entry.path().filename().string();
        INFO(file);
        // Strips "-YYYY-MM-DD-<kind>.txt" from "<authority-slug>-YYYY-MM-DD-<kind>.txt".
        const auto date = file.find("-20");
        REQUIRE(date != std::string::npos);
        const Authority* authority = gazetteer.by_slug(file.substr(0, date));
        REQUIRE(authority);
        prefixes.insert(authority->slug);
        const auto mentions = gazetteer.find_all(read_file(entry.path().string()));
        CHECK(std::any_of(mentions.begin(), mentions.end(),
                          [&](const auto& mention) { return mention.authority == authority; }));
    }
    CHECK(prefixes.size() >= 150);
}

TEST_CASE("Every authority with children's services today links to the page where Ofsted publishes its reports") {
    using findings::ofsted_provider_url;
    // Read from Ofsted's provider pages: the URN under which each lists its reports.
    CHECK(ofsted_provider_url("Croydon") == "https://reports.ofsted.gov.uk/provider/44/80492");
    CHECK(ofsted_provider_url("London Borough of Barking & Dagenham") == "https://reports.ofsted.gov.uk/provider/44/80486");
    CHECK(ofsted_provider_url("Hull") == "https://reports.ofsted.gov.uk/provider/44/80477");
    CHECK(ofsted_provider_url("Bristol") == "https://reports.ofsted.gov.uk/provider/44/80441");
    CHECK(ofsted_provider_url("Narnia").empty());
    std::set<std::string> urls;
    for (const auto& authority : findings::Gazetteer::instance().all()) {
        if (authority.to_year != 0)
            continue;  // reorganised away: the table lists today's authorities (and some former)
        INFO(authority.name);
        const std::string url = ofsted_provider_url(authority.name);
        CHECK_FALSE(url.empty());
        CHECK(urls.insert(url).second);  // no two authorities share a page
    }
}
