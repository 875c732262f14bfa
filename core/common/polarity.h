// The polarity of a finding: whether inspectors criticise or praise what a paragraph describes.
// Each sentence is scored by a linear model (logistic regression trained with liblinear on the
// corpus's own labels: bench/polarity/), and a paragraph's polarity is read from its sentences'
// scores.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace findings {

enum class Polarity { negative, positive, mixed, neutral };

// Returns the facet spelling ("negative").
const char* to_string(Polarity polarity);

// The number of hashed feature buckets of the model.
constexpr std::uint32_t k_polarity_buckets = 1u << 18;

// Returns the sentences of a paragraph.
std::vector<std::string> sentences_of(std::string_view paragraph);

// Returns a sentence's feature buckets (1-based, sorted, distinct): its words' stems and pairs
// of adjacent stems, a word after a negation ("not", "no", "never", "lack of", ...) marked as
// negated up to the next punctuation, so that "not consistently effective" is no praise.
std::vector<std::uint32_t> polarity_features(std::string_view sentence);

// How a paragraph is read from its sentences' log-odds of being critical: mixed when one
// sentence is confidently critical and another confidently praise, else by their mean, so that a
// confident sentence counts for more than a hesitant one (bench/polarity/ says how the defaults
// were chosen; the model leans to criticism, so the mean's bounds sit above 0).
struct PolarityThresholds {
    double confident = 2.0;            // a sentence at or beyond +-this is confidently read
    double positive_at_most = 0.5;     // a mean at or below this is praise
    double negative_at_least = 0.625;  // a mean at or above this is criticism; between, mixed
};

class PolarityModel {
public:
    // The model compiled in from stopwords/polarity_model.txt.
    static const PolarityModel& shipped();

    // Reads a model: a line "bias B", then one line "BUCKET WEIGHT" per feature with a weight.
    explicit PolarityModel(std::string_view text);

    // Returns the log-odds that a sentence is critical.
    double critical_log_odds(std::string_view sentence) const;

    // Returns the polarity of a paragraph.
    Polarity of_paragraph(std::string_view paragraph, const PolarityThresholds& thresholds = {}) const;

private:
    double log_odds_of(const std::vector<std::uint32_t>& features) const;

    std::vector<float> m_weights;  // by bucket
    double m_bias = 0;
};

}  // namespace findings
