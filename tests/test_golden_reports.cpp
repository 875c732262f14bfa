// Golden tests: what the parser must extract from ten real corpus reports (2013-2026, every report kind in reports/).
#include <catch2/catch.hpp>

#include "core/common/report_model.h"
#include "core/ingest/report_parser.h"
#include "tests/test_support.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

using namespace findings;
using Catch::Matchers::Contains;
using findings::test::paragraph_containing;
using findings::test::parse_corpus_report;

namespace {

// One sampled paragraph: a distinctive substring of it and how it must be classified.
struct ExpectedParagraph {
    const char* needle;
    FindingType type;
    Grade grade;
    Timescale timescale;
    const char* heading;  // phrase expected in the innermost heading, or "" for no check
};

// Two substrings from either side of a page break that must lie in the same paragraph.
struct PageBreak {
    const char* before;
    const char* after;
};

struct ExpectedJudgement {
    const char* name;  // case-insensitive substring of the judgement's name
    Grade grade;
};

std::string lowercase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Typographic quotes and dashes as ASCII, so furniture is found however the parser left it.
std::string ascii_punctuation(std::string text)
{
    const std::pair<const char*, const char*> replacements[] = {
        {"\u2018", "'"}, {"\u2019", "'"}, {"\u201C", "\""}, {"\u201D", "\""}, {"\u2013", "-"}, {"\u2014", "-"},
    };
    for (const auto& [from, to] : replacements) {
        const std::string f = from;
        for (auto at = text.find(f); at != std::string::npos; at = text.find(f, at))
            text.replace(at, f.size(), to);
    }
    return text;
}

void check_judgements(const Report& report, const std::vector<ExpectedJudgement>& expected)
{
    const auto named = [&report](const std::string& name) {
        std::vector<const Judgement*> found;
        for (const auto& judgement : report.judgements)
            if (lowercase(judgement.label).find(lowercase(name)) != std::string::npos)
                found.push_back(&judgement);
        return found;
    };
    for (const auto& judgement : expected) {
        INFO("judgement named like: " << judgement.name);
        const auto found = named(judgement.name);
        REQUIRE_FALSE(found.empty());
        for (const Judgement* j : found) {
            CAPTURE(j->label);
            CHECK(std::string(to_string(j->grade)) == to_string(judgement.grade));
        }
    }
}

void check_paragraphs(const Report& report, const std::vector<ExpectedParagraph>& rows)
{
    for (const auto& row : rows) {
        INFO("paragraph containing: " << row.needle);
        const Paragraph& paragraph = paragraph_containing(report, row.needle);
        CAPTURE(paragraph.section_path());
        CHECK(std::string(to_string(paragraph.finding_type)) == to_string(row.type));
        CHECK(std::string(to_string(paragraph.grade)) == to_string(row.grade));
        CHECK(std::string(to_string(paragraph.timescale)) == to_string(row.timescale));
        if (*row.heading != '\0') {
            REQUIRE_FALSE(paragraph.section.empty());
            CHECK_THAT(lowercase(paragraph.section.back()), Contains(lowercase(row.heading)));
        }
    }
}

void check_page_breaks(const Report& report, const std::vector<PageBreak>& breaks)
{
    for (const auto& page_break : breaks) {
        INFO("before the break: " << page_break.before);
        INFO("after the break: " << page_break.after);
        const Paragraph& before = paragraph_containing(report, page_break.before);
        const Paragraph& after = paragraph_containing(report, page_break.after);
        CAPTURE(before.text, after.text);
        CHECK(&before == &after);
    }
}

bool is_bare_number(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\f\r\n");
    const auto last = text.find_last_not_of(" \t\f\r\n.");
    if (first == std::string::npos || last == std::string::npos || last < first)
        return false;
    return std::all_of(text.begin() + static_cast<long>(first), text.begin() + static_cast<long>(last) + 1,
                       [](unsigned char c) { return std::isdigit(c) != 0; });
}

// No paragraph is a bare page number or holds any of the given furniture (headers, boilerplate).
void check_no_furniture(const Report& report, const std::vector<std::string>& furniture)
{
    REQUIRE_FALSE(report.paragraphs.empty());
    std::vector<std::string> bare_numbers;
    for (const auto& paragraph : report.paragraphs)
        if (is_bare_number(paragraph.text))
            bare_numbers.push_back(paragraph.text);
    CHECK(bare_numbers.empty());
    for (const auto& item : furniture) {
        INFO("furniture: " << item);
        std::vector<std::string> holding;
        for (const auto& paragraph : report.paragraphs)
            if (ascii_punctuation(paragraph.text).find(item) != std::string::npos)
                holding.push_back(paragraph.text);
        CHECK(holding.empty());
    }
}

// Letters are entirely ungraded.
void check_all_ungraded(const Report& report)
{
    CHECK(report.judgements.empty());
    std::vector<std::string> graded;
    for (const auto& paragraph : report.paragraphs)
        if (paragraph.grade != Grade::ungraded)
            graded.push_back(paragraph.text);
    CHECK(graded.empty());
}

}  // namespace

TEST_CASE("the Kent 2013 looked after children report has its graded sections, timed actions and findings table")
{
    const Report report = parse_corpus_report("reports/kent-2013-08-23-inspection.txt");

    CHECK(report.authority == "Kent");
    CHECK(report.date.iso() == "2013-08-23");
    CHECK(report.kind == "lac_2013");
    CHECK_THAT(report.inspection_dates, Contains("15 - 19 July 2013"));
    CHECK_THAT(report.title, Contains("Inspection of looked after children"));

    check_judgements(report, {
        {"Overall effectiveness", Grade::adequate},
        {"Capacity to improve", Grade::good},
        {"Outcomes for looked after children", Grade::adequate},
        {"Quality of provision", Grade::adequate},
        {"Leadership and management", Grade::adequate},
    });

    check_paragraphs(report, {
        {"The purpose of the inspection is to evaluate the contribution made by",
         FindingType::context, Grade::ungraded, Timescale::none, "About this inspection"},
        {"a review of 78 case files for children and young people with a range",
         FindingType::context, Grade::ungraded, Timescale::none, "About this inspection"},
        {"Kent is a shire county located in the south east of England.",
         FindingType::context, Grade::ungraded, Timescale::none, "Service information"},
        {"Kent County Council is currently subject to an",
         FindingType::judgement, Grade::adequate, Timescale::none, "Overall effectiveness"},
        {"The capacity to improve services for looked after children and young",
         FindingType::judgement, Grade::good, Timescale::none, "Capacity to improve"},
        {"senior management team to move the improvement agenda forward.",
         FindingType::judgement, Grade::good, Timescale::none, "Capacity to improve"},
        {"improve the quality of supervision and management oversight in",
         FindingType::recommendation, Grade::ungraded, Timescale::immediately, ""},
        {"ensure that the voice of the child contributes effectively to care",
         FindingType::recommendation, Grade::ungraded, Timescale::immediately, ""},
        {"risk assess all bed and breakfast accommodation to ensure that",
         FindingType::recommendation, Grade::ungraded, Timescale::within_3_months, ""},
        {"improve the timeliness of care proceedings",
         FindingType::recommendation, Grade::ungraded, Timescale::within_3_months, ""},
        {"review the arrangements for the independent reviewing services to",
         FindingType::recommendation, Grade::ungraded, Timescale::within_6_months, ""},
        {"Health outcomes for looked after children and care leavers have improved",
         FindingType::judgement, Grade::adequate, Timescale::none, "Outcomes for looked after children"},
        {"there is evidence of some improvement. More effective tracking takes",
         FindingType::judgement, Grade::adequate, Timescale::none, "Outcomes for looked after children"},
        {"The quality of provision is adequate. There have been a number of areas",
         FindingType::judgement, Grade::adequate, Timescale::none, "Quality of provision"},
        {"Children and young people do not always understand contact",
         FindingType::judgement, Grade::adequate, Timescale::none, "Quality of provision"},
        {"Leadership and management arrangements are adequate.",
         FindingType::judgement, Grade::adequate, Timescale::none, "Leadership and management"},
        {"and retention. The management of individual performance is undertaken",
         FindingType::judgement, Grade::adequate, Timescale::none, "Leadership and management"},
    });

    check_page_breaks(report, {
        {"senior management team to move the improvement agenda forward.",
         "However, the council also recognises that the improvement journey needs"},
        {"there is evidence of some improvement. More effective tracking takes",
         "place of cases that are subject to care proceedings. This is leading to"},
        {"Children and young people do not always understand contact",
         "arrangements and these are not always sufficiently comprehensive and"},
        {"and retention. The management of individual performance is undertaken",
         "managers are clear about their priorities and the expectations of the"},
    });

    check_no_furniture(report, {
        "Kent County Council Inspection of looked after children services",
        "This document may be reproduced in whole or in part",
        "A service that significantly exceeds",
        "Crown copyright",
    });
}

TEST_CASE("A (Recommendation) marker on a line of its own makes the finding before it a narrative recommendation, "
          "not a listed one")
{
    const Report report = parse_report(
        "Durham County Council\n\nInspection of services for children in need of help and protection, children "
        "looked after and care leavers\n\nInspection date: 22 February 2016 to 18 March 2016\n\n"
        "Recommendations\n\n1. Improve the timeliness of return home interviews for children who go missing.\n\n"
        "Inspection findings\n\n23. Return home interviews are not offered to every child who goes missing, and too "
        "many take place late.\n\n(Recommendation)\n\n"
        "24. Children are seen quickly when they are referred to the duty team.\n",
        "durham.txt");
    const Paragraph& listed = paragraph_containing(report, "Improve the timeliness of return home interviews");
    CHECK(listed.finding_type == FindingType::recommendation);
    CHECK(listed.listed);
    const Paragraph& marked = paragraph_containing(report, "Return home interviews are not offered");
    CHECK(marked.finding_type == FindingType::recommendation);
    CHECK_FALSE(marked.listed);
    CHECK(marked.text.find("(Recommendation)") == std::string::npos);
    CHECK_FALSE(paragraph_containing(report, "Children are seen quickly").listed);
}

TEST_CASE("the Durham 2016 single inspection framework report has its judgements, recommendations and LSCB review")
{
    const Report report = parse_corpus_report("reports/durham-2016-05-16-inspection.txt");

    CHECK(report.authority == "Durham");
    CHECK(report.date.iso() == "2016-05-16");
    CHECK(report.kind == "sif");
    CHECK_THAT(report.inspection_dates, Contains("22 February 2016-18 March 2016"));
    CHECK_THAT(report.title, Contains("Inspection of services for children in need of help"));

    check_judgements(report, {
        {"help and protection", Grade::requires_improvement},
        {"children looked after", Grade::requires_improvement},
        {"Adoption performance", Grade::good},
        {"care leavers", Grade::good},
        {"Leadership, management and governance", Grade::requires_improvement},
    });

    check_paragraphs(report, {
        {"The director of children's services (DCS) has been in post since August 2012.",
         FindingType::context, Grade::ungraded, Timescale::none, ""},
        {"Review existing arrangements to ensure that political and senior leaders have",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "Recommendations"},
        {"Improve private fostering arrangements to comply with statutory guidance",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "Recommendations"},
        {"Improve how information from return home interviews is used to support risk",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "Recommendations"},
        {"When children go missing, all professionals work together to understand why and",
         FindingType::context, Grade::ungraded, Timescale::none, "Summary for children and young people"},
        {"The Durham MASH, established in March 2015, brings together professionals from",
         FindingType::judgement, Grade::requires_improvement, Timescale::none, "Summary"},
        {"There is a good range of early help services provided by One Point and partner",
         FindingType::judgement, Grade::requires_improvement, Timescale::none, "Inspection findings"},
        {"written agreement with a parent was put in place to clarify an expectation and",  // ends "(Recommendation)"
         FindingType::recommendation, Grade::requires_improvement, Timescale::none, "Inspection findings"},
        {"The local authority takes a proactive and robust approach to tracking children",
         FindingType::judgement, Grade::requires_improvement, Timescale::none, "Inspection findings"},
        {"When children return home from care in a planned manner, assessments are",  // ends "(Recommendation)"
         FindingType::recommendation, Grade::requires_improvement, Timescale::none, "Inspection findings"},
        {"All children who require an adoptive placement have a child permanence report",
         FindingType::judgement, Grade::good, Timescale::none, "adoption performance"},
        {"Care leavers are a priority for Durham children's services and there has been a",
         FindingType::judgement, Grade::good, Timescale::none, "care leavers"},
        {"There are clear and effective governance arrangements across the strategic",
         FindingType::judgement, Grade::requires_improvement, Timescale::none, "Inspection findings"},
        {"The board is constituted in line with statutory requirements.",
         FindingType::judgement, Grade::good, Timescale::none, "Local Safeguarding Children Board"},
        {"The independent chair of the board also chairs the Safeguarding Adults Board",
         FindingType::judgement, Grade::good, Timescale::none, "Local Safeguarding Children Board"},
    });

    // The recommendations listed are items of a list; the narrative findings marked
    // "(Recommendation)" are recommendations too, but narrative.
    CHECK(paragraph_containing(report, "Improve private fostering arrangements to comply with statutory").listed);
    CHECK_FALSE(paragraph_containing(report, "written agreement with a parent was put in place to clarify").listed);
    CHECK_FALSE(paragraph_containing(report, "When children return home from care in a planned manner").listed);
    CHECK_FALSE(paragraph_containing(report, "There is a good range of early help services provided by").listed);

    check_page_breaks(report, {
        {"written agreement with a parent was put in place to clarify an expectation and",
         "reviewed and updated and identify how risks will be managed and reduced."},
        {"The local authority takes a proactive and robust approach to tracking children",
         "ensuring that swift action is taken for children at additional risk of sexual"},
        {"When children return home from care in a planned manner, assessments are",
         "only seven of the children in care at the time of the inspection having been"},
        {"All children who require an adoptive placement have a child permanence report",
         "the inspectors were mainly good, with child-focused and reflective"},
        {"There are clear and effective governance arrangements across the strategic",
         "for children's services, the leader of the council and other elected members."},
        {"The independent chair of the board also chairs the Safeguarding Adults Board",
         "director of children and adults services. The lead member is actively involved,"},
    });

    check_no_furniture(report, {
        "If you would like a copy of this document in a different format",
        "Piccadilly Gate",
        "Crown copyright",
    });
}

TEST_CASE("single inspection framework reports of 2014-2015 have their priority and immediate actions")
{
    // Lambeth 2015 lists five for the local authority and four for the LSCB, each before its
    // areas for improvement.
    const Report lambeth = parse_corpus_report("reports/lambeth-2015-05-12-inspection.txt");
    check_paragraphs(lambeth, {
        {"Ensure that all young people who go missing from home and care are promptly",
         FindingType::priority_action, Grade::ungraded, Timescale::none, "Priority and immediate action"},
        {"Ensure that there is no undue delay in children moving to permanent homes.",
         FindingType::priority_action, Grade::ungraded, Timescale::none, "Priority and immediate action"},
        {"Ensure that the operational sub-groups of the LSCB are firmly established,",
         FindingType::priority_action, Grade::ungraded, Timescale::none, "Priority and immediate action"},
        {"Ensure that governance arrangements between the LSCB and other key",
         FindingType::recommendation, Grade::ungraded, Timescale::none, ""},
    });

    // Barnsley 2014 has none, for the local authority and for the LSCB, and says so under both
    // headings: that sentence is no finding.
    const Report barnsley = parse_corpus_report("reports/barnsley-2014-08-08-inspection.txt");
    int statements_of_none = 0;
    for (const auto& paragraph : barnsley.paragraphs) {
        if (paragraph.text != "The inspection did not find any areas for priority and immediate action.")
            continue;
        ++statements_of_none;
        CHECK(std::string(to_string(paragraph.finding_type)) == "context");
    }
    CHECK(statements_of_none == 2);
    check_paragraphs(barnsley, {
        {"The local authority and its partners need to build upon and embed their Think",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "Areas for improvement"},
    });
}

TEST_CASE("the Barnet 2024 ILACS report has its judgements, dates and recommendations")
{
    const Report report = parse_corpus_report("reports/barnet-2024-07-23-inspection.txt");

    CHECK(report.authority == "Barnet");
    CHECK(report.date.iso() == "2024-07-23");
    CHECK(report.kind == "ilacs_short");
    CHECK_THAT(report.inspection_dates, Contains("10 to 14 June 2024"));
    CHECK_THAT(report.title, Contains("Inspection of Barnet local authority"));

    CHECK(report.judgements.size() == 5);
    check_judgements(report, {
        {"help and protection", Grade::good},
        {"children in care", Grade::outstanding},
        {"care leavers", Grade::good},
        {"impact of leaders", Grade::good},
        {"Overall effectiveness", Grade::good},
    });

    check_paragraphs(report, {
        {"Return home interviews informing safety plans for children who go missing",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"Communication about living arrangements for care leavers",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"Management oversight of the local authority designated officer (LADO)",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"An impressive multi-agency safeguarding hub (MASH) is overseen by a confident",
         FindingType::judgement, Grade::good, Timescale::none, "children who need help"},
        {"the views of parents and carers and work effectively with them to understand",
         FindingType::judgement, Grade::good, Timescale::none, "children who need help"},
        {"Children who live in private fostering arrangements benefit from a timely",
         FindingType::judgement, Grade::good, Timescale::none, "children who need help"},
        {"Children in care receive an outstanding level of help and support.",
         FindingType::judgement, Grade::outstanding, Timescale::none, "children in care"},
        {"Deprivation of liberty orders are appropriately considered when",
         FindingType::judgement, Grade::outstanding, Timescale::none, "children in care"},
        {"Most care leavers in Barnet get the support they need at the right time.",
         FindingType::judgement, Grade::good, Timescale::none, "care leavers"},
        {"A comprehensive local offer, co-produced with care leavers, is accessible and",
         FindingType::judgement, Grade::good, Timescale::none, "care leavers"},
        {"that the voices of children are heard and central to any future policy",
         FindingType::judgement, Grade::good, Timescale::none, "impact of leaders"},
        {"build trusting relationships. Workers appreciate the training offer and have",
         FindingType::judgement, Grade::good, Timescale::none, "impact of leaders"},
        {"Barnet staff are skilled, tenacious and passionate in their work with children.",
         FindingType::judgement, Grade::good, Timescale::none, "impact of leaders"},
    });

    check_page_breaks(report, {
        {"the views of parents and carers and work effectively with them to understand",
         "Children identified for follow-up assessments by the duty and assessment"},
        {"that the voices of children are heard and central to any future policy",
         "opportunities for children to present and engage with leaders so that"},
        {"build trusting relationships. Workers appreciate the training offer and have",
         "They particularly value the reflective practice sessions and consultations"},
    });

    check_no_furniture(report, {
        "Inspection of Barnet local authority children's services",
        "10 to 14 June 2024",
        "If you would like a copy of this document in a different format",
        "Piccadilly Gate",
        "Crown copyright",
    });
}

TEST_CASE("the Durham 2022 ILACS report is a standard inspection with an outstanding leadership judgement")
{
    const Report report = parse_corpus_report("reports/durham-2022-07-05-inspection.txt");

    CHECK(report.authority == "Durham");
    CHECK(report.date.iso() == "2022-07-05");
    CHECK(report.kind == "ilacs_standard");
    // The front page says 9 May; the running header says 10 May.
    CHECK_THAT(report.inspection_dates, Contains("9 May to 20 May 2022"));
    CHECK_THAT(report.title, Contains("Inspection of Durham local authority"));

    CHECK(report.judgements.size() == 4);
    check_judgements(report, {
        {"impact of leaders", Grade::outstanding},
        {"help and protection", Grade::good},
        {"children in care", Grade::good},
        {"Overall effectiveness", Grade::good},
    });

    check_paragraphs(report, {
        {"The response to children who go missing from home or care.",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"Sufficiency of short-break placements, respite and sessional care for disabled",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"Pathway assessments and planning for care leavers.",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"Inspectors found that in a small number of cases at the contact stage, informed",
         FindingType::judgement, Grade::good, Timescale::none, "children who need help"},
        {"When risks to children escalate, there is an appropriate level of response to",
         FindingType::judgement, Grade::good, Timescale::none, "children who need help"},
        {"extended family. Family time is well considered and arranged to suit the child's",
         FindingType::judgement, Grade::good, Timescale::none, "children in care and care"},
        {"unregistered placements, with highly resourced specialist plans in place to",
         FindingType::judgement, Grade::good, Timescale::none, "children in care and care"},
        {"specific enough in identifying young people's needs. They are not consistently",
         FindingType::judgement, Grade::good, Timescale::none, "children in care and care"},
        {"The vast majority of care leavers are living in appropriate accommodation of",
         FindingType::judgement, Grade::good, Timescale::none, "children in care and care"},
        {"An action plan was promptly put in place to address the area of priority action",
         FindingType::judgement, Grade::outstanding, Timescale::none, "impact of leaders"},
        {"pre-proceedings. This is ensuring that there is robust oversight and that any",
         FindingType::judgement, Grade::outstanding, Timescale::none, "impact of leaders"},
        {"Social workers have manageable caseloads. Newly qualified social workers",
         FindingType::judgement, Grade::outstanding, Timescale::none, "impact of leaders"},
    });

    check_page_breaks(report, {
        {"extended family. Family time is well considered and arranged to suit the child's",
         "needs change. This ensures that they can continue safe and enduring"},
        {"unregistered placements, with highly resourced specialist plans in place to",
         "support them temporarily while registered placements are sought. Leaders are"},
        {"specific enough in identifying young people's needs. They are not consistently",
         "produced alongside young people, which limits their voice and ownership of the"},
        {"pre-proceedings. This is ensuring that there is robust oversight and that any",
         "delays are purposeful and in the best interests of the child. Senior managers"},
    });

    check_no_furniture(report, {
        "Inspection of Durham local authority children's services",
        "10 May to 20 May 2022",
        "If you would like a copy of this document in a different format",
        "Piccadilly Gate",
        "Crown copyright",
    });
}

TEST_CASE("the Somerset 2026 ILACS report has no overall effectiveness grade")
{
    const Report report = parse_corpus_report("reports/somerset-2026-06-17-inspection.txt");

    CHECK(report.authority == "Somerset");
    CHECK(report.date.iso() == "2026-06-17");
    CHECK(report.kind == "ilacs_short");
    // The front page says 27 April; the running header says 17 April.
    CHECK_THAT(report.inspection_dates, Contains("27 April to 1 May 2026"));
    CHECK_THAT(report.title, Contains("Inspection of Somerset Council local"));

    CHECK(report.judgements.size() == 4);
    check_judgements(report, {
        {"impact of leaders", Grade::requires_improvement},
        {"help and protection", Grade::requires_improvement},
        {"children in care", Grade::requires_improvement},
        {"care leavers", Grade::good},
    });
    for (const auto& judgement : report.judgements) {
        CAPTURE(judgement.label);
        CHECK_THAT(lowercase(judgement.label), !Contains("overall"));
    }

    check_paragraphs(report, {
        {"The arrangements to identify, track and respond to children missing education",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"Workloads that enable practitioners to work effectively",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"Support to care leavers over 21 years old in custody.",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"Children who are young carers benefit from a highly effective, multi-agency",
         FindingType::judgement, Grade::requires_improvement, Timescale::none, "children who need help"},
        {"Children on child protection plans and those in need, including disabled",
         FindingType::judgement, Grade::requires_improvement, Timescale::none, "children who need help"},
        {"The local authority, alongside its partners, has promoted the awareness of",
         FindingType::judgement, Grade::requires_improvement, Timescale::none, "children who need help"},
        {"Children for whom the plan is adoption benefit from strong adoption work that",
         FindingType::judgement, Grade::requires_improvement, Timescale::none, "children in care"},
        {"Many young people actively co-produce their pathway plans.",
         FindingType::judgement, Grade::good, Timescale::none, "care leavers"},
        {"The offer for care leavers is comprehensive, and workers ensure that young",
         FindingType::judgement, Grade::good, Timescale::none, "care leavers"},
        {"broad range of activities are undertaken, which include feedback from families,",
         FindingType::judgement, Grade::requires_improvement, Timescale::none, "impact of leaders"},
        {"Most front-line staff like working in Somerset.",
         FindingType::judgement, Grade::requires_improvement, Timescale::none, "impact of leaders"},
    });

    check_page_breaks(report, {
        {"Children on child protection plans and those in need, including disabled",
         "effective and positive relationships to understand children's lived experiences,"},
        {"The offer for care leavers is comprehensive, and workers ensure that young",
         "in the development of the offer and the accessible website to enable young"},
        {"broad range of activities are undertaken, which include feedback from families,",
         "single and multi-agency practice evaluations, team diagnostics and thematic dip"},
    });

    check_no_furniture(report, {
        "Inspection of Somerset local authority children's services",
        "17 April to 1 May 2026",
        "If you would like a copy of this document in a different format",
        "Piccadilly Gate",
        "Crown copyright",
    });
}

TEST_CASE("the Merton 2019 focused visit letter is ungraded and has its findings and improvements")
{
    const Report report = parse_corpus_report("reports/merton-2019-02-08-focused-visit.txt");

    CHECK(report.authority == "Merton");
    CHECK(report.date.iso() == "2019-02-08");
    CHECK(report.kind == "focused_visit");
    CHECK_THAT(report.inspection_dates, Contains("16 and 17 January 2019"));
    CHECK_THAT(report.title, Contains("Focused visit to Merton local authority"));
    CHECK_THAT(report.addressee, Contains("Rachael Wardell"));
    check_all_ungraded(report);

    check_paragraphs(report, {
        {"This letter summarises the findings of a focused visit to Merton local authority",
         FindingType::context, Grade::ungraded, Timescale::none, ""},
        {"Inspectors considered a range of evidence, including case discussions",
         FindingType::context, Grade::ungraded, Timescale::none, ""},
        {"Work within the MASH remains a strong area of practice, as it was when the local",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Overview"},
        {"The quality and consistency of plans for children.",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"The tracking and monitoring of the management of allegations against",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"The focus of case audits on impact and outcomes for children.",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"Daily MASH meetings assist in the consistent application of thresholds, and",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Findings"},
        {"Most strategy discussions involve relevant partner agencies and demonstrate",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Findings"},
        {"Good engagement and participation from wider professional networks lead to",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Findings"},
        {"thematic reviews and case audits. Case audits cover all domains",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Findings"},
        {"Ofsted will take the findings from this focused visit into account",
         FindingType::context, Grade::ungraded, Timescale::none, ""},
    });

    check_page_breaks(report, {
        {"by experienced managers, so that work progresses in a timely way. Case records",
         "contain a clear rationale for decisions. Children are offered help"},
        {"Most strategy discussions involve relevant partner agencies and demonstrate",
         "Managers clearly record their rationale for decisions and identify the"},
        {"thematic reviews and case audits. Case audits cover all domains",
         "and enable oversight of the consistency of practice across the service. However,"},
    });

    check_no_furniture(report, {
        "Piccadilly Gate",
        "Dear Ms Wardell",
        "Yours sincerely",
    });
}

TEST_CASE("the Sheffield 2022 focused visit letter on permanence is ungraded and has its findings and improvements")
{
    const Report report = parse_corpus_report("reports/sheffield-2022-10-26-focused-visit.txt");

    CHECK(report.authority == "Sheffield");
    CHECK(report.date.iso() == "2022-10-26");
    CHECK(report.kind == "focused_visit");
    CHECK_THAT(report.inspection_dates, Contains("21 and 22 September 2022"));
    CHECK_THAT(report.title, Contains("Focused visit to Sheffield"));
    CHECK_THAT(report.addressee, Contains("Andrew Jones"));
    check_all_ungraded(report);

    check_paragraphs(report, {
        {"This letter summarises the findings of the focused visit to Sheffield",
         FindingType::context, Grade::ungraded, Timescale::none, ""},
        {"Inspectors looked at the local authority's arrangements for planning",
         FindingType::context, Grade::ungraded, Timescale::none, ""},
        {"Plans for permanence are identified at the earliest opportunity for most",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Headline findings"},
        {"Social workers feel well supported by managers. They value the learning",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Headline findings"},
        {"The transition planning for children to adult services.",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"The quality and consistency of supervision recording.",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"When reunification home to parents is planned, the process is thorough",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Main findings"},
        {"Child placement reports are of good quality, detailed and thorough, and support",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Main findings"},
        {"Workers spoke very positively about working for Sheffield, and having good",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Main findings"},
        {"Ofsted will take the findings from this focused visit into account",
         FindingType::context, Grade::ungraded, Timescale::none, ""},
    });

    check_page_breaks(report, {
        {"Social workers feel well supported by managers. They value the learning",
         "development opportunities available to them, which enhances the support they can"},
        {"Child placement reports are of good quality, detailed and thorough, and support",
         "placement finding team producing individualised pen pictures that"},
    });

    check_no_furniture(report, {
        "Piccadilly Gate",
        "Dear Andrew",
        "Yours sincerely",
    });
}

TEST_CASE("the Calderdale 2025 focused visit letter on extra-familial risk is ungraded and has its findings")
{
    const Report report = parse_corpus_report("reports/calderdale-2025-05-20-focused-visit.txt");

    CHECK(report.authority == "Calderdale");
    CHECK(report.date.iso() == "2025-05-20");
    CHECK(report.kind == "focused_visit");
    CHECK_THAT(report.inspection_dates, Contains("14 and 15 April 2025"));
    CHECK_THAT(report.title, Contains("Focused visit to Calderdale"));
    CHECK_THAT(report.addressee, Contains("Julie Jenkins"));
    check_all_ungraded(report);

    check_paragraphs(report, {
        {"This letter summarises the findings of the focused visit to Calderdale",
         FindingType::context, Grade::ungraded, Timescale::none, ""},
        {"Inspectors looked at the local authority's arrangements for the protection of",
         FindingType::context, Grade::ungraded, Timescale::none, ""},
        {"Inspectors were on site for the duration of this visit.",
         FindingType::context, Grade::ungraded, Timescale::none, ""},
        {"When exploitation is an identified risk, children's cases are swiftly allocated",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Headline findings"},
        {"The quality of child exploitation plans and safety planning for children who are",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "What needs to improve"},
        {"Senior leaders in Calderdale have set the vision and culture relating to how",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Main findings"},
        {"Multi-agency child exploitation (MACE) and matrix meetings provide",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Main findings"},
        {"There is a robust and effective response when children go missing from home and",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Main findings"},
        {"formal case supervision to reflect on their work. Although no detriment",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Main findings"},
        {"Staff spoken to during this visit are positive about working in Calderdale.",
         FindingType::judgement, Grade::ungraded, Timescale::none, "Main findings"},
        {"Ofsted will take the findings from this focused visit into account",
         FindingType::context, Grade::ungraded, Timescale::none, ""},
    });

    check_page_breaks(report, {
        {"Senior leaders in Calderdale have set the vision and culture relating to how",
         "are vulnerable to extra-familial risk benefit from the additional support of"},
        {"formal case supervision to reflect on their work. Although no detriment",
         "the quality of the work with children, leaders have acknowledged this as an area"},
    });

    check_no_furniture(report, {
        "Piccadilly Gate",
        "Dear Ms Jenkins",
        "Yours sincerely",
    });
}

TEST_CASE("the Nottinghamshire 2018 focused visit letter is Nottinghamshire's, though addressed to Nottingham")
{
    // Its address ends "West Bridgford, Nottingham"; its subject line runs into the first
    // paragraph, which names the county visited.
    const Report report = parse_corpus_report("reports/nottinghamshire-2018-02-22-focused-visit.txt");

    CHECK(report.authority == "Nottinghamshire");
    CHECK(report.id == "nottinghamshire-2018-02-22-focused-visit");
    CHECK(report.date.iso() == "2018-02-22");
    CHECK(report.kind == "focused_visit");
    CHECK_THAT(report.inspection_dates, Contains("30 and 31 January 2018"));
    CHECK_THAT(report.addressee, Contains("Colin Pettigrew") && Contains("Nottingham"));
    check_all_ungraded(report);
}

TEST_CASE("the Dudley focused visit letter of January 2020 is dated after its visit, not a year before")
{
    // The letter reads "21 January 2019" for a visit on 18 and 19 December 2019: its year is
    // mistyped, and Ofsted lists it as published on 21 January 2020.
    const Report report = parse_corpus_report("reports/dudley-2020-01-21-focused-visit.txt");

    CHECK(report.authority == "Dudley");
    CHECK(report.date.iso() == "2020-01-21");
    CHECK(report.id == "dudley-2020-01-21-focused-visit");
    CHECK_THAT(report.inspection_dates, Contains("18 and 19 December 2019"));
    CHECK_THAT(report.title, Contains("Focused visit to Dudley Metropolitan Borough Council"));
}

TEST_CASE("the Kingston upon Hull 2015 report keeps the LSCB review bound in after its back page")
{
    // Page 36 is Ofsted's back page ("© Crown copyright 2015"); the review of the Kingston upon
    // Hull Safeguarding Children Board follows it, with its own back page at the end.
    const Report report = parse_corpus_report("reports/kingston-upon-hull-2015-02-10-inspection.txt");

    const auto lscb = std::find_if(report.judgements.begin(), report.judgements.end(),
                                   [](const Judgement& judgement) { return judgement.key == "lscb"; });
    REQUIRE(lscb != report.judgements.end());
    CHECK(lscb->grade == Grade::requires_improvement);
    CHECK(report.judgements.size() == 7);
    check_paragraphs(report, {
        {"The LSCB has been slow to develop and coordinate the implementation of its",
         FindingType::judgement, Grade::requires_improvement, Timescale::none, "Scrutiny and assurance"},
        {"Ensure that the LSCB provides sustained and proactive challenge to partner",
         FindingType::recommendation, Grade::ungraded, Timescale::none, "Data and performance management"},
    });
    for (const auto& paragraph : report.paragraphs)  // neither back page is a finding
        CHECK_THAT(paragraph.text, !Contains("regulates and inspects to achieve excellence"));
}
