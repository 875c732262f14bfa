// Trains the polarity model on the corpus's own labels and measures it.
//
// Labels: a listed strength is praise, an area for development or a priority action is
// criticism, and a narrative judgement paragraph is praise under an outstanding judgement and
// criticism under an inadequate one (the grades between carry too much of both: with them the
// model read the hand-labelled sample less well, 77.7% against 78.5% on its test half, on an
// earlier export). Every sentence of a labelled paragraph takes its paragraph's label.
// Reports are split 4:1 by id, and the reports of the hand-labelled sample are kept out too; the
// model trained on the rest is measured on those (paragraphs, by their label) and on the
// hand-labelled sample; --write then trains on all and writes the model that the indexer
// compiles in.
//
// Usage: train_polarity EXPORT.ndjson HAND_LABELLED.tsv [--write stopwords/polarity_model.txt]
//   EXPORT.ndjson: findings --db IDX --all --format ndjson --quiet --year 2000..
#include "core/common/polarity.h"

#include <linear.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <functional>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using findings::Polarity;

struct Labelled {
    std::string text;
    bool critical;
    bool held_out;
};

// Returns the paragraph's label from its type and grade: 1 critical, 0 praise, -1 none.
int label_of(const nlohmann::json& paragraph)
{
    const std::string type = paragraph.value("finding_type", "");
    const std::string grade = paragraph.value("grade", "");
    if (type == "strength")
        return 0;
    if (type == "area_for_development" || type == "priority_action")
        return 1;
    if (type != "judgement")
        return -1;
    if (grade == "outstanding")
        return 0;
    if (grade == "inadequate")
        return 1;
    return -1;
}

// Returns the reports of the hand-labelled sample's paragraphs ("id/position" in its first column).
std::set<std::string> sampled_reports(const char* path)
{
    std::ifstream in(path);
    std::set<std::string> reports;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line))
        reports.insert(line.substr(0, line.find('/')));
    return reports;
}

// Reads the labelled paragraphs of an export. A fifth of the reports (by id), and every report
// of the hand-labelled sample, are held out from the model that is measured.
std::vector<Labelled> read_export(const char* path, const std::set<std::string>& sampled)
{
    std::ifstream in(path);
    std::vector<Labelled> labelled;
    std::string line;
    while (std::getline(in, line)) {
        const nlohmann::json paragraph = nlohmann::json::parse(line, nullptr, false);
        if (!paragraph.is_object())
            continue;
        const int label = label_of(paragraph);
        if (label < 0)
            continue;
        const std::string report = paragraph.value("report_id", "");
        const bool held_out = std::hash<std::string>{}(report) % 5 == 0 || sampled.count(report) > 0;
        labelled.push_back({paragraph.value("text", ""), label == 1, held_out});
    }
    return labelled;
}

// Weights smaller than this are left out of the model: they change no reading of the
// measured paragraphs, and keep the compiled-in model small.
constexpr double k_smallest_weight = 0.005;

// Trains L2-regularised logistic regression on the sentences of the paragraphs chosen, with
// the two classes weighted equally, and returns the model as the indexer reads it.
std::string train_model(const std::vector<Labelled>& paragraphs, bool use_held_out)
{
    std::vector<std::vector<feature_node>> rows;
    std::vector<double> labels;
    for (const auto& paragraph : paragraphs) {
        if (paragraph.held_out && !use_held_out)
            continue;
        for (const auto& sentence : findings::sentences_of(paragraph.text)) {
            std::vector<feature_node> row;
            for (std::uint32_t feature : findings::polarity_features(sentence))
                row.push_back({static_cast<int>(feature), 1.0});
            if (row.empty())
                continue;
            row.push_back({static_cast<int>(findings::k_polarity_buckets) + 1, 1.0});  // the bias
            row.push_back({-1, 0});
            rows.push_back(std::move(row));
            labels.push_back(paragraph.critical ? 1 : -1);
        }
    }
    std::vector<feature_node*> x;
    for (auto& row : rows)
        x.push_back(row.data());
    problem prob{};
    prob.l = static_cast<int>(rows.size());
    prob.n = static_cast<int>(findings::k_polarity_buckets) + 1;
    prob.y = labels.data();
    prob.x = x.data();
    prob.bias = -1;  // the bias is the last feature, given explicitly
    const double critical = static_cast<double>(std::count(labels.begin(), labels.end(), 1.0));
    int weight_labels[] = {1, -1};
    double weights[] = {labels.size() / (2 * critical), labels.size() / (2 * (labels.size() - critical))};
    parameter param{};
    param.solver_type = L2R_LR;
    param.eps = 0.01;
    param.C = 0.05;
    param.nr_weight = 2;
    param.weight_label = weight_labels;
    param.weight = weights;
    std::fprintf(stderr, "training on %d sentences (%.0f critical)\n", prob.l, critical);
    model* trained = train(&prob, &param);
    const double sign = trained->label[0] == 1 ? 1 : -1;  // decision values favour label[0]
    std::ostringstream out;
    out << std::setprecision(3);
    out << "bias " << sign * trained->w[findings::k_polarity_buckets] << "\n";
    for (std::uint32_t bucket = 1; bucket <= findings::k_polarity_buckets; ++bucket) {
        const double weight = sign * trained->w[bucket - 1];
        if (std::abs(weight) >= k_smallest_weight)
            out << bucket << " " << weight << "\n";
    }
    free_and_destroy_model(&trained);
    return out.str();
}

const Polarity k_all[] = {Polarity::negative, Polarity::positive, Polarity::mixed, Polarity::neutral};

double measure_held_out(const std::vector<Labelled>& paragraphs, const findings::PolarityModel& model,
                        const findings::PolarityThresholds& thresholds, bool print)
{
    std::map<bool, std::map<Polarity, int>> confusion;
    int right = 0, total = 0;
    for (const auto& paragraph : paragraphs) {
        if (!paragraph.held_out)
            continue;
        const Polarity read = model.of_paragraph(paragraph.text, thresholds);
        ++confusion[paragraph.critical][read];
        ++total;
        right += read == (paragraph.critical ? Polarity::negative : Polarity::positive);
    }
    if (!print)
        return static_cast<double>(right) / total;
    std::printf("held-out labelled paragraphs: %d, read as their label: %.1f%%\n", total, 100.0 * right / total);
    std::printf("  label \\ read   negative positive    mixed  neutral\n");
    for (bool critical : {true, false}) {
        std::printf("  %-13s", critical ? "critical" : "praise");
        for (Polarity read : k_all)
            std::printf(" %8d", confusion[critical][read]);
        std::printf("\n");
    }
    return static_cast<double>(right) / total;
}

enum class Rows { tuning, test, all };  // the sample's even rows tune, its odd rows test

double measure_hand_labelled(const char* path, const findings::PolarityModel& model,
                             const findings::PolarityThresholds& thresholds, Rows rows, bool print)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // header: id year label text
    std::map<std::string, std::map<Polarity, int>> confusion;
    int right = 0, total = 0;
    for (int row_number = 0; std::getline(in, line); ++row_number) {
        if ((rows == Rows::tuning && row_number % 2 == 1) || (rows == Rows::test && row_number % 2 == 0))
            continue;
        std::vector<std::string> cells;
        std::stringstream row(line);
        for (std::string cell; std::getline(row, cell, '\t');)
            cells.push_back(cell);
        if (cells.size() < 4)
            continue;
        const Polarity read = model.of_paragraph(cells[3], thresholds);
        ++confusion[cells[2]][read];
        ++total;
        right += cells[2] == findings::to_string(read);
    }
    if (!print)
        return static_cast<double>(right) / total;
    std::printf("hand-labelled modern paragraphs (%s): %d, read as labelled: %.1f%%\n",
                rows == Rows::test ? "test half" : rows == Rows::tuning ? "tuning half" : "all", total,
                100.0 * right / total);
    std::printf("  label \\ read   negative positive    mixed  neutral\n");
    for (Polarity label : k_all) {
        std::printf("  %-13s", findings::to_string(label));
        for (Polarity read : k_all)
            std::printf(" %8d", confusion[findings::to_string(label)][read]);
        std::printf("\n");
    }
    return static_cast<double>(right) / total;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 3 && !(argc == 5 && std::string(argv[3]) == "--write")) {
        std::fprintf(stderr, "usage: train_polarity EXPORT.ndjson HAND_LABELLED.tsv [--write MODEL]\n");
        return 2;
    }
    set_print_string_function([](const char*) {});
    const std::vector<Labelled> paragraphs = read_export(argv[1], sampled_reports(argv[2]));
    const findings::PolarityModel model(train_model(paragraphs, false));
    // The held-out paragraphs carry two labels only, so they cannot choose when a paragraph
    // is mixed: the thresholds are chosen on the sample's even rows, and its odd rows, never
    // seen in choosing, measure the result.
    findings::PolarityThresholds best;
    double best_accuracy = 0;
    for (int low = -16; low <= 24; ++low) {
        for (int high = low; high <= 24; ++high) {
            findings::PolarityThresholds thresholds;  // the confident bound as the indexer has it
            thresholds.positive_at_most = low / 8.0;
            thresholds.negative_at_least = high / 8.0;
            const double accuracy = measure_hand_labelled(argv[2], model, thresholds, Rows::tuning, false);
            if (accuracy > best_accuracy) {
                best_accuracy = accuracy;
                best = thresholds;
            }
        }
    }
    std::printf("thresholds chosen on the sample's tuning half: a paragraph whose sentences' mean log-odds of "
                "criticism is at most %.3f is positive, at least %.3f negative\n",
                best.positive_at_most, best.negative_at_least);
    measure_held_out(paragraphs, model, best, true);
    measure_hand_labelled(argv[2], model, best, Rows::test, true);
    measure_hand_labelled(argv[2], model, best, Rows::all, true);
    const findings::PolarityThresholds defaults;
    if (defaults.positive_at_most != best.positive_at_most || defaults.negative_at_least != best.negative_at_least)
        std::printf("(the indexer's thresholds differ: set PolarityThresholds' defaults to these)\n");
    if (argc == 5) {
        std::ofstream(argv[4]) << train_model(paragraphs, true);
        std::fprintf(stderr, "wrote %s (trained on every labelled paragraph)\n", argv[4]);
    }
    return 0;
}
