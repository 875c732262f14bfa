// Relevance feedback from one paragraph (see similar.h).
#include "core/query/similar.h"

#include "core/common/error.h"
#include "core/common/fields.h"
#include "core/common/text_normaliser.h"
#include "core/index/paragraph_document.h"
#include "core/index/report_lookup.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>

namespace findings {

namespace {

// A word in fewer paragraphs than this is too rare to tell a topic.
constexpr Xapian::doccount k_fewest_paragraphs = 5;
// A word in more than this share of the paragraphs is too common to tell one.
constexpr double k_commonest_share = 0.10;
// The expand set's most telling words from which the query's are chosen once the first
// sentence's words are weighed twice: a topic word may rise from well below the last kept.
constexpr Xapian::termcount k_candidate_terms = 30;

// Keeps the stemmed words of the text (Z...) that tell a topic: not the boolean terms, the
// section headings' words (ZS...) or the unstemmed forms, which would repeat the stems; not the
// words of the authority's name, which say who, not what; not the rarest or commonest words.
class TellingStems : public Xapian::ExpandDecider {
public:
    TellingStems(const Xapian::Database& db, std::vector<std::string> name_words)
        : m_db(db), m_name_words(std::move(name_words)),
          m_most(static_cast<Xapian::doccount>(db.get_doccount() * k_commonest_share))
    {
    }

    bool operator()(const std::string& term) const override
    {
        if (term.size() <= 3 || term[0] != 'Z' || !std::islower(static_cast<unsigned char>(term[1])))
            return false;
        const std::string stem = term.substr(1);
        if (std::any_of(m_name_words.begin(), m_name_words.end(),
                        [&stem](const std::string& word) { return word.rfind(stem, 0) == 0; }))
            return false;
        const Xapian::doccount paragraphs = m_db.get_termfreq(term);
        return paragraphs >= k_fewest_paragraphs && (m_most == 0 || paragraphs <= m_most);
    }

private:
    const Xapian::Database& m_db;
    std::vector<std::string> m_name_words;  // lower case: "barking", "dagenham"
    Xapian::doccount m_most;
};

// The stemmed words of a paragraph's first sentence.
std::set<std::string> topic_terms(const Xapian::Document& document, const Analyser& analyser)
{
    const nlohmann::json data = nlohmann::json::parse(paragraph_data(document), nullptr, false);
    const std::string text = data.is_object() ? data.value("text", "") : "";
    std::set<std::string> terms;
    for (const auto& word : words_of(text.substr(0, text.find(". "))))
        terms.insert(analyser.term_of(to_lower(word)));
    return terms;
}

}  // namespace

SimilarQuery similar_query(const Xapian::Database& db, const Analyser& analyser, const std::string& paragraph_id)
{
    SimilarQuery similar;
    similar.source = paragraph_document_id(db, paragraph_id);
    if (similar.source == 0)
        throw Error(ErrorCode::not_found, "no paragraph with id \"" + paragraph_id + "\" (ids are REPORT/POSITION, as results give them)");
    const std::string& authority_prefix = field_named("authority")->term_prefix;
    for (auto term = db.termlist_begin(similar.source); term != db.termlist_end(similar.source); ++term) {
        if ((*term).rfind(authority_prefix, 0) == 0) {
            similar.authority_term = *term;
            break;
        }
    }
    Xapian::Enquire enquire(db);
    Xapian::RSet relevant;
    relevant.add_document(similar.source);
    const std::string slug = similar.authority_term.substr(std::min(authority_prefix.size(), similar.authority_term.size()));
    const TellingStems telling(db, split_on(slug, '-'));
    const Xapian::ESet expand = enquire.get_eset(k_candidate_terms, relevant, &telling);
    const std::set<std::string> topic = topic_terms(db.get_document(similar.source), analyser);
    std::vector<std::pair<double, std::string>> weighed;
    for (auto term = expand.begin(); term != expand.end(); ++term)
        weighed.emplace_back(term.get_weight() * (topic.count(*term) ? 2 : 1), *term);
    std::sort(weighed.begin(), weighed.end(), std::greater<>());
    weighed.resize(std::min<std::size_t>(weighed.size(), k_similar_terms));
    std::vector<Xapian::Query> words;
    for (const auto& [weight, term] : weighed) {
        similar.terms.push_back(term);
        words.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), weight / weighed.front().first);
    }
    similar.words = Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());
    return similar;
}

}  // namespace findings
