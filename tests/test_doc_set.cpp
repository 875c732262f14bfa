// DocSet: the bitmaps exact totals and facet counts are computed on, at the edges of words.
#include "core/query/code_column.h"
#include "core/query/doc_set.h"

#include <catch2/catch.hpp>

#include <vector>

using findings::CodeColumn;
using findings::DocSet;

namespace {

std::vector<Xapian::docid> members(const DocSet& docs)
{
    std::vector<Xapian::docid> ids;
    docs.for_each([&ids](Xapian::docid id) { ids.push_back(id); });
    return ids;
}

DocSet of(Xapian::docid last, const std::vector<Xapian::docid>& ids)
{
    DocSet docs(last);
    for (Xapian::docid id : ids)
        docs.insert(id);
    return docs;
}

}  // namespace

TEST_CASE("A DocSet holds ids on both sides of word boundaries and finds the next one", "[search][docset]")
{
    const DocSet docs = of(200, {1, 63, 64, 127, 128, 200});
    CHECK(members(docs) == std::vector<Xapian::docid>{1, 63, 64, 127, 128, 200});
    CHECK(docs.count() == 6);
    CHECK(docs.next(0) == 1);
    CHECK(docs.next(2) == 63);
    CHECK(docs.next(65) == 127);
    CHECK(docs.next(129) == 200);
    CHECK(docs.next(201) == 0);
    CHECK(docs.next(100000) == 0);
    CHECK_FALSE(docs.contains(62));
    CHECK_FALSE(docs.contains(100000));
    CHECK(DocSet(200).count() == 0);
}

TEST_CASE("A DocSet counts its ids between two ids, within a word and across words, and those it shares with another",
          "[search][docset]")
{
    const DocSet docs = of(300, {1, 63, 64, 65, 127, 128, 200, 255, 256, 300});
    CHECK(docs.count_between(0, 301) == 10);
    CHECK(docs.count_between(1, 2) == 1);
    CHECK(docs.count_between(2, 63) == 0);
    CHECK(docs.count_between(63, 65) == 2);
    CHECK(docs.count_between(63, 66) == 3);
    CHECK(docs.count_between(64, 128) == 3);
    CHECK(docs.count_between(64, 129) == 4);
    CHECK(docs.count_between(65, 256) == 5);
    CHECK(docs.count_between(129, 256) == 2);
    CHECK(docs.count_between(300, 100000) == 1);
    CHECK(docs.count_between(200, 200) == 0);
    CHECK(docs.count_between(201, 100) == 0);
    CHECK(docs.count_between(400, 500) == 0);
    DocSet full(255);
    for (Xapian::docid id = 0; id <= 255; ++id)
        full.insert(id);
    CHECK(full.count() == 256);
    CHECK(full.count_between(0, 256) == 256);
    CHECK(full.count_between(3, 250) == 247);
    CHECK(docs.count_common(full) == 8);  // all of docs up to 255
    CHECK(full.count_common(docs) == 8);
    CHECK(docs.count_common(of(300, {2, 64, 300})) == 2);
    CHECK(docs.count_common(DocSet(300)) == 0);
    CHECK(findings::bits_set(~std::uint64_t{0}) == 64);
    CHECK(findings::bits_set(0x8000000000000001u) == 2);
}

TEST_CASE("DocSets combine as AND, OR, AND NOT and XOR", "[search][docset]")
{
    const DocSet a = of(130, {1, 64, 65, 130});
    const DocSet b = of(130, {64, 100, 130});
    DocSet both = a;
    both.intersect(b);
    CHECK(members(both) == std::vector<Xapian::docid>{64, 130});
    DocSet either = a;
    either.unite(b);
    CHECK(members(either) == std::vector<Xapian::docid>{1, 64, 65, 100, 130});
    DocSet only_a = a;
    only_a.subtract(b);
    CHECK(members(only_a) == std::vector<Xapian::docid>{1, 65});
    DocSet one_of = a;
    one_of.symmetric_difference(b);
    CHECK(members(one_of) == std::vector<Xapian::docid>{1, 65, 100});
}

TEST_CASE("A code column holds a byte a document until a code passes 255, then widens and keeps every code",
          "[search][facets]")
{
    CodeColumn column;
    column.reset(1000);
    column.fill(10, 5, 7);
    column.fill(999, 1, 255);
    CHECK(column.visit([](const auto& codes) { return sizeof(codes[0]); }) == 1);
    column.fill(500, 2, 300);
    CHECK(column.visit([](const auto& codes) { return sizeof(codes[0]); }) == 2);
    CHECK(column.size() == 1000);
    CHECK(column[9] == 0);
    CHECK(column[10] == 7);
    CHECK(column[14] == 7);
    CHECK(column[15] == 0);
    CHECK(column[500] == 300);
    CHECK(column[501] == 300);
    CHECK(column[999] == 255);
}
