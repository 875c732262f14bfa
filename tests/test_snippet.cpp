// Snippets: which words are marked, which stretch of a long paragraph is shown, and that the
// text is always escaped.
#include "core/common/analyser.h"
#include "core/common/concept_terms.h"
#include "core/common/synonyms.h"
#include "core/query/concepts.h"
#include "core/query/snippet.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace findings;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

Xapian::Query parse(const std::string& query, const Analyser& analyser)
{
    Xapian::QueryParser parser;
    analyser.configure(parser);
    return parser.parse_query(query, Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN);
}

std::string snippet_of(const std::string& query, const std::string& text, std::size_t max_bytes = 320)
{
    const Analyser analyser;
    return Highlighter(parse(query, analyser), analyser).snippet(text, max_bytes);
}

std::size_t count_of(const std::string& text, const std::string& needle)
{
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++count;
    return count;
}

}  // namespace

TEST_CASE("Words are marked in any form that shares the query word's stem", "[search][snippet]")
{
    CHECK(snippet_of("supervision", "Supervised staff value supervision; supervisors vary.") ==
          "<mark>Supervised</mark> staff value <mark>supervision</mark>; supervisors vary.");
    CHECK(snippet_of("children's", "The child's plan and children's plans.") ==
          "The child&#39;s plan and <mark>children&#39;s</mark> plans.");
}

TEST_CASE("A phrase's words are marked where they stand as the phrase, its stop words (never indexed) are not",
          "[search][snippet]")
{
    const Analyser analyser;
    const Xapian::Query phrase = parse(analyser.without_phrase_stop_words("\"help and protection\""), analyser);
    CHECK(Highlighter(phrase, analyser).snippet("Help and protection are timely, and early help is good.", 320) ==
          "<mark>Help</mark> and <mark>protection</mark> are timely, and early help is good.");
    // A synonym's multi-word member marks the phrase, not "health" wherever it occurs.
    const std::vector<Xapian::Query> members = {Xapian::Query(analyser.term_of("camhs")),
                                                member_query("child and adolescent mental health services", analyser)};
    const Xapian::Query camhs(Xapian::Query::OP_SYNONYM, members.begin(), members.end());
    const std::string marked = "<mark>Child</mark> and <mark>Adolescent</mark> <mark>Mental</mark> <mark>Health</mark> "
                               "<mark>Services</mark> (<mark>CAMHS</mark>) see health needs.";
    const std::string text = "Child and Adolescent Mental Health Services (CAMHS) see health needs.";
    CHECK(Highlighter(camhs, analyser).snippet(text, 320) == marked);
    // So does its concept term, searched in its place where the index has them.
    const auto& groups = synonym_groups();
    const auto group = std::find_if(groups.begin(), groups.end(), [](const auto& g) { return g.front() == "CAMHS"; });
    REQUIRE(group != groups.end());
    const Xapian::Query concept(ConceptTerms::term_of(static_cast<std::size_t>(group - groups.begin())));
    CHECK(Highlighter(concept, analyser).snippet(text, 320) == marked);
}

TEST_CASE("A long paragraph is cut around the most distinct query words, at word ends", "[search][snippet]")
{
    std::string filler;
    for (int i = 0; i < 40; ++i)
        filler += "The service continues to develop its work. ";
    const std::string text = filler + "Return home interviews for missing children are timely. " + filler;
    const std::string snippet = snippet_of("missing children return interviews", text, 200);
    CHECK_THAT(snippet, StartsWith("..."));
    CHECK_THAT(snippet, Contains("<mark>Return</mark> home <mark>interviews</mark> for <mark>missing</mark> "
                                 "<mark>children</mark> are timely."));
    CHECK(snippet.size() <= 200 + 2 * 3 + count_of(snippet, "<mark>") * 13);
    CHECK(snippet.substr(snippet.size() - 3) == "...");
    CHECK(snippet.find("wor...") == std::string::npos);  // cut after a whole word
}

TEST_CASE("Snippet text is HTML-escaped and only the marks are markup", "[search][snippet]")
{
    const std::string snippet = snippet_of("script", "A <script>alert(\"x\")</script> & 'more'.");
    CHECK(snippet == "A &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; &#39;more&#39;.");
}

TEST_CASE("A word joined by an ampersand is one word, as Xapian indexes it", "[search][snippet]")
{
    CHECK(snippet_of("A&E", "Young people attend A&E after self-harm.") ==
          "Young people attend <mark>A&amp;E</mark> after self-harm.");
    CHECK(snippet_of("emergency", "Young people attend A&E in an emergency.") ==
          "Young people attend A&amp;E in an <mark>emergency</mark>.");
    const std::vector<std::string> words = words_of("A&E, children's & young people's");
    CHECK(words == std::vector<std::string>{"a&e", "children's", "young", "people's"});
}

TEST_CASE("With no word to mark, a snippet is the paragraph's start", "[search][snippet]")
{
    std::string text;
    for (int i = 0; i < 30; ++i)
        text += "Leaders know their services well. ";
    const std::string snippet = snippet_of("adoption", text, 100);
    CHECK_THAT(snippet, StartsWith("Leaders know their services well."));
    CHECK(snippet.substr(snippet.size() - 3) == "...");
    CHECK(snippet.find("<mark>") == std::string::npos);
    CHECK(snippet.size() <= 103);
}
