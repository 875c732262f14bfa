// The polarity of a finding: whether inspectors criticise or praise what a paragraph describes.
// Each sentence is scored by a linear model (logistic regression trained with liblinear on the
// corpus's own labels: bench/polarity/), and a paragraph's polarity is read from the share of
// its evaluative sentences that are critical.
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

// How sentences and paragraphs are read from the model's probabilities (bench/polarity/ chose
// the defaults on held-out labelled paragraphs).
struct PolarityThresholds {
    double critical = 0.55;       // a sentence is critical at or above this, praise at or below 1 - it
    double negative_share = 0.55; // a paragraph is negative when at least this share of its
                                  // evaluative sentences are critical, positive at most 1 - it
};

class PolarityModel {
public:
    // The model compiled in from stopwords/polarity_model.txt.
    static const PolarityModel& shipped();

    // Reads a model: a line "bias B", then one line "BUCKET WEIGHT" per feature with a weight.
    explicit PolarityModel(std::string_view text);

    // Returns the probability that a sentence is critical.
    double critical_probability(std::string_view sentence) const;

    // Returns the polarity of a paragraph.
    Polarity of_paragraph(std::string_view paragraph, const PolarityThresholds& thresholds = {}) const;

private:
    std::vector<float> m_weights;  // by bucket
    double m_bias = 0;
};

}  // namespace findings
