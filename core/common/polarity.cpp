// The polarity of a finding.
#include "core/common/polarity.h"

#include "core/common/analyser.h"
#include "core/common/fnv_hash.h"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

namespace findings {

extern const char* const k_polarity_model_text;

namespace {

// Words after which, to the next punctuation, what is said is negated.
bool is_negation(const std::string& word)
{
    static const char* const words[] = {"not", "no", "never", "nor", "without", "lack", "lacks", "lacking",
                                        "insufficient", "insufficiently", "cannot", "isn't", "aren't",
                                        "don't", "doesn't", "didn't", "wasn't", "weren't", "hasn't", "haven't"};
    return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// FNV-1a over the pieces of a feature's name, as if they were one string: stable across builds
// and machines, and no string is built per feature.
class FeatureHash {
public:
    FeatureHash& add(std::string_view piece)
    {
        m_hash.add(piece);
        return *this;
    }
    std::uint32_t bucket() const { return m_hash.value() % k_polarity_buckets + 1; }

private:
    Fnv1a32 m_hash;
};

// What reading a word needs: its stem, and whether it negates what follows.
struct WordReading {
    std::string stem;
    bool negation = false;
};

// Returns the reading of a lower-case word, remembered per thread: a report repeats its words,
// and stemming is most of the cost of reading a paragraph's polarity.
const WordReading& reading_of(const std::string& word)
{
    static thread_local const Xapian::Stem stem("english");
    static thread_local std::unordered_map<std::string, WordReading> readings;
    constexpr std::size_t k_most_remembered = 200000;  // bounds the memory of odd text
    auto found = readings.find(word);
    if (found != readings.end())
        return found->second;
    if (readings.size() >= k_most_remembered)
        readings.clear();
    return readings.emplace(word, WordReading{stem(word), is_negation(word)}).first->second;
}

}  // namespace

const char* to_string(Polarity polarity)
{
    switch (polarity) {
    case Polarity::negative: return "negative";
    case Polarity::positive: return "positive";
    case Polarity::mixed: return "mixed";
    case Polarity::neutral: return "neutral";
    }
    return "neutral";
}

std::vector<std::string> sentences_of(std::string_view paragraph)
{
    std::vector<std::string> sentences;
    std::size_t start = 0;
    for (std::size_t i = 0; i < paragraph.size(); ++i) {
        const char c = paragraph[i];
        const bool ends = (c == '.' || c == '!' || c == '?' || c == ';') &&
                          (i + 1 == paragraph.size() || paragraph[i + 1] == ' ');
        if (ends || i + 1 == paragraph.size()) {
            const std::string_view sentence = paragraph.substr(start, i + 1 - start);
            if (sentence.find_first_not_of(' ') != std::string_view::npos)
                sentences.emplace_back(sentence);
            start = i + 1;
        }
    }
    return sentences;
}

std::vector<std::uint32_t> polarity_features(std::string_view sentence)
{
    std::vector<std::uint32_t> features;
    std::string previous;  // the feature of the word before: its stem, "not_" first if negated
    std::string word;
    bool negated = false;
    std::size_t at = 0;
    for (const WordSpan& span : word_spans(sentence)) {
        // Punctuation between words ends a negation's reach.
        if (sentence.substr(at, span.offset - at).find_first_of(",:;()") != std::string_view::npos) {
            negated = false;
            previous.clear();
        }
        at = span.offset + span.length;
        word.assign(sentence.substr(span.offset, span.length));
        std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
        if (std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); }))
            continue;  // numbers say nothing about praise or criticism
        const WordReading& reading = reading_of(word);
        const std::string& stemmed = reading.stem;
        const std::string_view negation = negated ? "not_" : "";
        features.push_back(FeatureHash().add("w:").add(negation).add(stemmed).bucket());
        if (!previous.empty())
            features.push_back(FeatureHash().add("b:").add(previous).add(" ").add(negation).add(stemmed).bucket());
        previous.assign(negation);
        previous += stemmed;
        if (reading.negation)
            negated = true;
    }
    std::sort(features.begin(), features.end());
    features.erase(std::unique(features.begin(), features.end()), features.end());
    return features;
}

const PolarityModel& PolarityModel::shipped()
{
    static const PolarityModel model(k_polarity_model_text);
    return model;
}

PolarityModel::PolarityModel(std::string_view text) : m_weights(k_polarity_buckets + 1, 0.0f)
{
    // strtoul and strtod over the whole text: a stream per line took a tenth of a second over
    // the shipped model's 70,000 lines, at every start of the indexer.
    const std::string copy(text);  // NUL-terminated, for strtod
    const char* at = copy.c_str();
    const char* const end = at + copy.size();
    while (at < end) {
        const char* line_end = std::find(at, end, '\n');
        char* after = nullptr;
        if (std::string_view(at, static_cast<std::size_t>(line_end - at)).rfind("bias ", 0) == 0) {
            m_bias = std::strtod(at + 5, &after);
        } else {
            const unsigned long bucket = std::strtoul(at, &after, 10);
            if (after != at && after < line_end) {
                const char* weight_at = after;
                const double weight = std::strtod(weight_at, &after);  // (it skips newlines too)
                if (after != weight_at && after <= line_end && bucket >= 1 && bucket <= k_polarity_buckets)
                    m_weights[bucket] = static_cast<float>(weight);
            }
        }
        at = line_end + (line_end < end ? 1 : 0);
    }
}

double PolarityModel::log_odds_of(const std::vector<std::uint32_t>& features) const
{
    double score = m_bias;
    for (std::uint32_t feature : features)
        score += m_weights[feature];
    return score;
}

double PolarityModel::critical_log_odds(std::string_view sentence) const
{
    return log_odds_of(polarity_features(sentence));
}

Polarity PolarityModel::of_paragraph(std::string_view paragraph, const PolarityThresholds& thresholds) const
{
    double sum = 0;
    int scored = 0;
    bool confidently_critical = false;
    bool confident_praise = false;
    for (const std::string& sentence : sentences_of(paragraph)) {
        const std::vector<std::uint32_t> features = polarity_features(sentence);
        if (features.empty())
            continue;  // no word to judge by
        const double log_odds = log_odds_of(features);
        confidently_critical |= log_odds >= thresholds.confident;
        confident_praise |= log_odds <= -thresholds.confident;
        sum += log_odds;
        ++scored;
    }
    if (scored == 0)
        return Polarity::neutral;
    if (confidently_critical && confident_praise)
        return Polarity::mixed;
    const double mean = sum / scored;
    return mean >= thresholds.negative_at_least  ? Polarity::negative
           : mean <= thresholds.positive_at_most ? Polarity::positive
                                                 : Polarity::mixed;
}

}  // namespace findings
