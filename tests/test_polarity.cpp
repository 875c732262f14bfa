// The polarity of findings: the model compiled in reads clear praise and criticism as a
// reader would, negation turns praise into criticism, and a paragraph of both is mixed.
#include <catch2/catch.hpp>

#include "core/common/polarity.h"

#include <algorithm>
#include <cstdint>
#include <vector>
#include "core/ingest/report_parser.h"

#include <string>

using namespace findings;

TEST_CASE("Clear criticism reads negative and clear praise positive, sentence by sentence", "[polarity]")
{
    const PolarityModel& model = PolarityModel::shipped();
    for (const std::string critical : {"Responses to neglect are weak.",
                                       "Too many children wait too long for their plans to be reviewed.",
                                       "Assessments are not always timely and plans are not specific enough.",
                                       "The quality of assessments is variable."}) {
        INFO(critical);
        CHECK(model.critical_log_odds(critical) > 0.4);  // a probability over 0.6
        CHECK(model.of_paragraph(critical) == Polarity::negative);
    }
    for (const std::string praise : {"Children in care are well supported by skilled and caring social workers.",
                                     "Leaders have a strong understanding of the quality of practice.",
                                     "Social workers know their children well and visit them regularly."}) {
        INFO(praise);
        CHECK(model.critical_log_odds(praise) < -0.4);
        CHECK(model.of_paragraph(praise) == Polarity::positive);
    }
}

TEST_CASE("A negation turns praise into criticism", "[polarity]")
{
    const PolarityModel& model = PolarityModel::shipped();
    CHECK(model.of_paragraph("Management oversight is consistently effective.") == Polarity::positive);
    CHECK(model.of_paragraph("Management oversight is not consistently effective.") == Polarity::negative);
    CHECK(model.of_paragraph("Children's plans are effective.") == Polarity::positive);
    CHECK(model.of_paragraph("Children's plans are not effective.") == Polarity::negative);
    // The negation reaches to the next punctuation, no further: after the comma "timely" is
    // the plain word again.
    const std::vector<std::uint32_t> timely = polarity_features("timely");
    REQUIRE(timely.size() == 1);
    const auto has_plain_timely = [&timely](const std::vector<std::uint32_t>& features) {
        return std::binary_search(features.begin(), features.end(), timely[0]);
    };
    CHECK(has_plain_timely(polarity_features("not effective, timely")));
    CHECK_FALSE(has_plain_timely(polarity_features("not effective timely")));
}

TEST_CASE("Praise and criticism in one paragraph read mixed: a paragraph with no sentence reads neutral",
          "[polarity]")
{
    const PolarityModel& model = PolarityModel::shipped();
    CHECK(model.of_paragraph("Strong and effective senior leadership is resulting in tangible improvements. However, "
                             "too many children still experience delay.") == Polarity::mixed);
    CHECK(model.of_paragraph("") == Polarity::neutral);
    CHECK(sentences_of("One. Two? Three; four").size() == 4);
}

TEST_CASE("A model is read from its text: a bias and weighted feature buckets", "[polarity]")
{
    const std::vector<std::uint32_t> weak = polarity_features("weak");
    REQUIRE(!weak.empty());
    std::string text = "bias -1\n";
    for (std::uint32_t bucket : weak)
        text += std::to_string(bucket) + " 3\n";
    const PolarityModel model(text);
    CHECK(model.critical_log_odds("weak") == Approx(2));     // -1 + 3
    CHECK(model.critical_log_odds("strong") == Approx(-1));  // the bias alone
    CHECK(PolarityModel("nonsense\n12 x\n").critical_log_odds("weak") == Approx(0));  // bad lines are skipped
    // A bucket without its weight takes none from the next line.
    CHECK(PolarityModel(std::to_string(weak.front()) + " \n9 1.5\n").critical_log_odds("weak") == Approx(0));
}

TEST_CASE("A paragraph reads mixed when one sentence is confidently critical and another confidently praise, "
          "else by the mean of its sentences",
          "[polarity]")
{
    std::string text = "bias 0\n";
    for (const auto& [word, weight] : {std::pair<const char*, int>{"weak", 3}, {"strong", -3}, {"slow", 1}})
        for (std::uint32_t bucket : polarity_features(word))
            text += std::to_string(bucket) + " " + std::to_string(weight) + "\n";
    const PolarityModel model(text);
    CHECK(model.of_paragraph("Weak. Strong.") == Polarity::mixed);              // +3 and -3: both confident
    CHECK(model.of_paragraph("Weak. Slow.") == Polarity::negative);  // mean 2
    // Two hesitant criticisms weigh less than one confident praise: mean -1/3.
    CHECK(model.of_paragraph("Slow. Slow. Strong.") == Polarity::positive);
    CHECK(model.critical_log_odds("Weak") == Approx(3));
}

TEST_CASE("Listed findings carry the polarity of the list they are in: context is neutral", "[polarity]")
{
    const Report report = parse_report(
        "Croydon Council\n\nAnnual unannounced inspection of contact, referral and assessment arrangements\n\n"
        "Inspection date: 4 January 2010\n\nStrengths\n\n"
        "\xe2\x80\xa2 Assessments are not always timely, but the duty team works hard.\n\n"
        "Areas for development\n\n"
        "\xe2\x80\xa2 Social workers are well supported and supervision is strong.\n",
        "croydon.txt");
    bool strength = false, development = false;
    for (const Paragraph& paragraph : report.paragraphs) {
        INFO(paragraph.text);
        if (paragraph.finding_type == FindingType::strength) {
            strength = true;
            CHECK(paragraph.polarity == Polarity::positive);  // the report lists it as a strength
        } else if (paragraph.finding_type == FindingType::area_for_development) {
            development = true;
            CHECK(paragraph.polarity == Polarity::negative);
        } else if (paragraph.finding_type == FindingType::context) {
            CHECK(paragraph.polarity == Polarity::neutral);
        }
    }
    CHECK(strength);
    CHECK(development);
}
