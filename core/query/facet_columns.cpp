// Facet values held in memory as compact columns indexed by document id, so that exact facet
// counts over hundreds of thousands of matches cost an array increment per match instead of
// a value lookup in the index (ValueCountMatchSpy's cost).
#include "core/query/facet_columns.h"

#include "core/common/fields.h"
#include "core/common/index_schema.h"
#include "core/query/revision_cache.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

namespace findings {

namespace {

// A column is also kept as runs when its documents are at least this many for each run.
constexpr std::size_t k_documents_per_long_run = 16;

// A column's runs are shared with other columns' (SharedRuns) when its documents are at least
// this many for each run: the report's own fields (a run a report or longer), not a section's
// grade, whose runs would cut the stretches of all the others.
constexpr std::size_t k_documents_per_shared_run = 64;

// Returns the runs of a column's codes when they are long (see FacetColumn::runs), else none.
std::vector<CodeRun> long_runs_of(const CodeColumn& codes)
{
    std::vector<CodeRun> runs;
    for (std::size_t id = 0; id < codes.size();) {
        std::size_t end = id + 1;
        while (end < codes.size() && codes[end] == codes[id])
            ++end;
        if (codes[id] != 0)
            runs.push_back({static_cast<Xapian::docid>(id), static_cast<Xapian::docid>(end), codes[id]});
        if (runs.size() > codes.size() / k_documents_per_long_run)
            return {};
        id = end;
    }
    return runs;
}

// Returns a value as people read it: numbers (years) are stored sortable-serialised.
std::string readable_value(const Field& field, const std::string& stored)
{
    if (field.numeric)
        return std::to_string(static_cast<int>(Xapian::sortable_unserialise(stored)));
    return stored;
}

FacetColumn load_column(const Xapian::Database& db, const Field& field)
{
    const Xapian::valueno slot = field.slot;
    FacetColumn column;
    column.facet = field.name;
    column.codes.reset(db.get_lastdocid() + 1);
    column.values.push_back("");
    column.examples.push_back(0);
    std::unordered_map<std::string, std::uint16_t> code_of;
    std::string previous;  // neighbours mostly share a value (the paragraphs of one report)
    std::uint16_t previous_code = 0;
    for (auto value = db.valuestream_begin(slot); value != db.valuestream_end(slot); ++value) {
        const std::string stored = *value;
        if (previous_code == 0 || stored != previous) {
            auto [found, added] = code_of.emplace(stored, static_cast<std::uint16_t>(column.values.size()));
            if (added) {
                column.values.push_back(readable_value(field, stored));
                column.examples.push_back(value.get_docid());
            }
            previous = stored;
            previous_code = found->second;
        }
        column.codes.fill(value.get_docid(), 1, previous_code);
    }
    column.runs = long_runs_of(column.codes);
    return column;
}

// A facet whose values follow from another column's (the authority type from the authority):
// each of that column's values mapped once, so the index needs no slot for it.
DerivedFacet derived_facet(const Field& field, const FacetColumn& from, std::size_t column)
{
    DerivedFacet derived;
    derived.facet = field.name;
    derived.from = column;
    derived.values.push_back("");
    derived.examples.push_back(0);
    derived.code_of.assign(from.values.size(), 0);
    for (std::size_t code = 1; code < from.values.size(); ++code) {
        const std::string value = field.derive(from.values[code]);
        if (value.empty())
            continue;
        auto known = std::find(derived.values.begin(), derived.values.end(), value);
        if (known == derived.values.end()) {
            known = derived.values.insert(derived.values.end(), value);
            derived.examples.push_back(from.examples[code]);
        }
        derived.code_of[code] = static_cast<std::uint16_t>(known - derived.values.begin());
    }
    return derived;
}

// The stored form of the columns: "facets2", the revision they are for and its last document
// id, then each column: its facet, its values with their example documents, and its codes as
// runs (the paragraphs of one report share most values), all numbers as varints (7 bits a
// byte, low first, the high bit set on all but the last byte). A one-off search reads it
// whole: with 4 bytes a number ("facets1") it was four times as long, and reading it was
// most of the search's start-up.
const std::string k_stored_magic = "facets2";

void put_number(std::string& out, std::uint32_t number)
{
    for (; number >= 0x80; number >>= 7)
        out.push_back(static_cast<char>((number & 0x7f) | 0x80));
    out.push_back(static_cast<char>(number));
}

void put_text(std::string& out, const std::string& text)
{
    put_number(out, static_cast<std::uint32_t>(text.size()));
    out += text;
}

// Reads the stored form; any value out of bounds makes it unreadable (ok() false).
class StoredReader {
public:
    // Reads data from start (past the magic word).
    StoredReader(const std::string& data, std::size_t start) : m_data(data), m_at(start) {}
    bool ok() const { return m_ok; }
    std::uint32_t number()
    {
        std::uint32_t number = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (m_at >= m_data.size())
                return fail();
            const auto byte = static_cast<unsigned char>(m_data[m_at++]);
            if (shift == 28 && byte > 0x0f)
                return fail();  // more than 32 bits
            number |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
            if (byte < 0x80)
                return number;
        }
        return fail();
    }
    std::string text()
    {
        const std::uint32_t size = number();
        if (!m_ok || size > m_data.size() - m_at)
            return fail(), std::string();
        m_at += size;
        return m_data.substr(m_at - size, size);
    }

private:
    std::uint32_t fail()
    {
        m_ok = false;
        m_at = m_data.size();
        return 0;
    }
    const std::string& m_data;
    std::size_t m_at;
    bool m_ok = true;
};

// The facets with columns of their own, in the order the table of fields lists them.
std::vector<const Field*> stored_facets()
{
    std::vector<const Field*> facets;
    for (const Field& field : fields()) {
        if (field.facet && field.slot != k_no_slot)
            facets.push_back(&field);
    }
    return facets;
}

}  // namespace

FacetColumns::FacetColumns(const Xapian::Database& db)
{
    m_read_from_store = read_stored(db);
    if (!m_read_from_store) {
        m_columns.clear();
        for (const Field* field : stored_facets())
            m_columns.push_back(load_column(db, *field));
    }
    derive_facets();
    share_runs();
}

std::string FacetColumns::stored(const Xapian::Database& db)
{
    const auto columns = of(db);
    std::string out = k_stored_magic;
    put_number(out, static_cast<std::uint32_t>(db.get_revision() + 1));
    put_number(out, db.get_lastdocid());
    put_number(out, static_cast<std::uint32_t>(columns->m_columns.size()));
    for (const FacetColumn& column : columns->m_columns) {
        put_text(out, column.facet);
        put_number(out, static_cast<std::uint32_t>(column.values.size()));
        for (std::size_t code = 0; code < column.values.size(); ++code) {
            put_text(out, column.values[code]);
            put_number(out, column.examples[code]);
        }
        std::string runs;
        std::uint32_t count = 0;
        for (std::size_t id = 0; id < column.codes.size();) {
            std::size_t end = id;
            while (end < column.codes.size() && column.codes[end] == column.codes[id])
                ++end;
            put_number(runs, column.codes[id]);
            put_number(runs, static_cast<std::uint32_t>(end - id));
            ++count;
            id = end;
        }
        put_number(out, count);
        out += runs;
    }
    return out;
}

bool FacetColumns::stored_for(const Xapian::Database& db)
{
    const std::string data = db.get_metadata(schema::k_meta_facet_columns);
    if (data.rfind(k_stored_magic, 0) != 0)
        return false;
    return StoredReader(data, k_stored_magic.size()).number() == db.get_revision();
}

bool FacetColumns::read_stored(const Xapian::Database& db)
{
    const std::string data = db.get_metadata(schema::k_meta_facet_columns);
    if (data.rfind(k_stored_magic, 0) != 0)
        return false;
    StoredReader reader(data, k_stored_magic.size());
    const std::size_t documents = static_cast<std::size_t>(db.get_lastdocid()) + 1;
    if (reader.number() != db.get_revision() || reader.number() + std::size_t{1} != documents)
        return false;
    const auto facets = stored_facets();
    if (reader.number() != facets.size())
        return false;
    for (const Field* field : facets) {
        FacetColumn column;
        column.facet = reader.text();
        const std::uint32_t values = reader.number();
        if (!reader.ok() || column.facet != field->name || values == 0 || values > 65536)
            return false;
        for (std::uint32_t code = 0; code < values && reader.ok(); ++code) {
            column.values.push_back(reader.text());
            column.examples.push_back(reader.number());
        }
        const std::uint32_t runs = reader.number();
        // Sized once and filled run by run: an insert per run cost most of a one-off search's
        // start-up, the paragraph-level facets having a run every few documents.
        column.codes.reset(documents);
        const bool long_runs = runs <= documents / k_documents_per_long_run;
        if (long_runs)
            column.runs.reserve(runs);
        std::size_t filled = 0;
        for (std::uint32_t run = 0; run < runs && reader.ok(); ++run) {
            const std::uint32_t code = reader.number();
            const std::uint32_t length = reader.number();
            if (code >= values || length > documents - filled)
                return false;
            column.codes.fill(filled, length, static_cast<std::uint16_t>(code));
            if (long_runs && code != 0 && length > 0)
                column.runs.push_back({static_cast<Xapian::docid>(filled), static_cast<Xapian::docid>(filled + length),
                                       static_cast<std::uint16_t>(code)});
            filled += length;
        }
        if (!reader.ok() || filled != documents)
            return false;
        m_columns.push_back(std::move(column));
    }
    return reader.ok();
}

void FacetColumns::derive_facets()
{
    for (const Field& field : fields()) {
        if (!field.facet || field.derived_from.empty())
            continue;
        const auto from = std::find_if(m_columns.begin(), m_columns.end(),
                                       [&](const FacetColumn& column) { return column.facet == field.derived_from; });
        m_derived.push_back(derived_facet(field, *from, static_cast<std::size_t>(from - m_columns.begin())));
    }
}

void FacetColumns::share_runs()
{
    if (m_columns.empty())
        return;
    // The runs' edges, as a set: listed in order without sorting (one-off searches build this).
    DocSet bounds(static_cast<Xapian::docid>(m_columns.front().codes.size()));
    for (std::size_t column = 0; column < m_columns.size(); ++column) {
        const std::vector<CodeRun>& runs = m_columns[column].runs;
        if (runs.empty() || runs.size() > m_columns[column].codes.size() / k_documents_per_shared_run)
            continue;
        m_shared.columns.push_back(column);
        for (const CodeRun& run : runs) {
            bounds.insert(run.first);
            bounds.insert(run.end);
        }
    }
    if (m_shared.columns.size() < 2) {
        m_shared = SharedRuns();
        return;
    }
    // The last bound ends the last stretch.
    bounds.for_each([this](Xapian::docid bound) { m_shared.starts.push_back(bound); });
    const std::size_t stretches = m_shared.starts.size() - 1;
    for (std::size_t column : m_shared.columns) {
        std::vector<std::uint16_t> codes(stretches, 0);
        std::size_t stretch = 0;
        for (const CodeRun& run : m_columns[column].runs) {
            while (m_shared.starts[stretch] < run.first)
                ++stretch;
            for (; stretch < stretches && m_shared.starts[stretch] < run.end; ++stretch)
                codes[stretch] = run.code;
        }
        m_shared.codes.push_back(std::move(codes));
    }
}

std::shared_ptr<const FacetColumns> FacetColumns::of(const Xapian::Database& db)
{
    return RevisionCache<const FacetColumns>::get(
        db, [](const Xapian::Database& revision) { return std::shared_ptr<const FacetColumns>(new FacetColumns(revision)); });
}

const std::vector<DocSet>& CodeSets::of(const CodeColumn& codes, std::size_t values)
{
    std::call_once(m_made, [&] {
        m_sets.assign(values, DocSet());
        for (std::size_t code = 1; code < values; ++code)
            m_sets[code] = DocSet(static_cast<Xapian::docid>(codes.size()));
        codes.visit([&](const auto& by_document) {
            for (std::size_t id = 0; id < by_document.size(); ++id) {
                if (by_document[id] != 0)
                    m_sets[by_document[id]].insert(static_cast<Xapian::docid>(id));
            }
        });
    });
    return m_sets;
}

namespace {

// Columns of at most this many codes may be counted through their codes' sets.
constexpr std::size_t k_most_codes_counted_as_sets = 16;

// The documents of a set, counted once and listed when a column first needs them one by one:
// finding a sparse set's members passes over every word of the set, and doing that again for
// each column took longer than the counting itself.
class Members {
public:
    explicit Members(const DocSet& docs) : m_docs(docs), m_count(docs.count()) {}

    const DocSet& set() const { return m_docs; }
    Xapian::doccount count() const { return m_count; }
    const std::vector<Xapian::docid>& ids()
    {
        if (m_ids.empty() && m_count > 0) {
            m_ids.reserve(m_count);
            m_docs.for_each([this](Xapian::docid id) { m_ids.push_back(id); });
        }
        return m_ids;
    }

private:
    const DocSet& m_docs;
    Xapian::doccount m_count;
    std::vector<Xapian::docid> m_ids;
};

// Counts the codes of the members, whichever way costs least: a column kept as runs a run at a
// time when the runs are fewer than the members (a run costs a few words' bit counts, a member
// an increment); a column of few codes through each code's set when the members outnumber the
// words of those sets; otherwise member by member.
std::vector<std::size_t> count_codes(const FacetColumn& column, Members& members)
{
    std::vector<std::size_t> counts(column.values.size(), 0);
    if (!column.runs.empty() && column.runs.size() < members.count()) {
        for (const CodeRun& run : column.runs)
            counts[run.code] += members.set().count_between(run.first, run.end);
        return counts;
    }
    const std::size_t words_of_sets = (column.values.size() - 1) * (column.codes.size() / 64 + 1);
    if (column.values.size() <= k_most_codes_counted_as_sets && members.count() > words_of_sets) {
        const std::vector<DocSet>& sets = column.code_sets->of(column.codes, column.values.size());
        for (std::size_t code = 1; code < sets.size(); ++code)
            counts[code] = members.set().count_common(sets[code]);
        return counts;
    }
    column.codes.visit([&](const auto& codes) {
        for (const Xapian::docid id : members.ids()) {
            if (id < codes.size())
                ++counts[codes[id]];
        }
    });
    return counts;
}

// Counts the needed columns that share runs, when two or more are needed: the members of each
// stretch are counted once (a stretch at a time, or member by member when the members are
// fewer than the stretches), then added to each column's code of the stretch. Returns counts
// by code, by column; the other columns are left to count_codes.
std::map<std::size_t, std::vector<std::size_t>> count_shared(const SharedRuns& shared,
                                                             const std::vector<FacetColumn>& columns,
                                                             Members& members, const std::vector<bool>& needed)
{
    std::vector<std::size_t> which;  // places in shared.columns
    for (std::size_t i = 0; i < shared.columns.size(); ++i) {
        if (needed[shared.columns[i]])
            which.push_back(i);
    }
    std::map<std::size_t, std::vector<std::size_t>> counted;
    if (which.size() < 2)
        return counted;
    const std::size_t stretches = shared.starts.size() - 1;
    std::vector<Xapian::doccount> in_stretch(stretches, 0);
    std::vector<std::size_t> touched;  // the stretches with members
    if (members.count() < stretches) {
        std::size_t stretch = 0;
        for (const Xapian::docid id : members.ids()) {
            while (stretch < stretches && shared.starts[stretch + 1] <= id)
                ++stretch;
            if (stretch == stretches)
                break;
            if (id < shared.starts[stretch])
                continue;
            if (in_stretch[stretch]++ == 0)
                touched.push_back(stretch);
        }
    } else {
        for (std::size_t stretch = 0; stretch < stretches; ++stretch) {
            in_stretch[stretch] = members.set().count_between(shared.starts[stretch], shared.starts[stretch + 1]);
            if (in_stretch[stretch] > 0)
                touched.push_back(stretch);
        }
    }
    for (std::size_t i : which) {
        std::vector<std::size_t> counts(columns[shared.columns[i]].values.size(), 0);
        for (std::size_t stretch : touched)
            counts[shared.codes[i][stretch]] += in_stretch[stretch];
        counted.emplace(shared.columns[i], std::move(counts));
    }
    return counted;
}

}  // namespace

std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> FacetColumns::count(
    const DocSet& docs, const std::vector<std::string>& facets) const
{
    const auto wanted = [&facets](const std::string& facet) {
        return std::find(facets.begin(), facets.end(), facet) != facets.end();
    };
    const auto add = [](auto& values, const std::vector<std::string>& names, const std::vector<std::size_t>& counts) {
        for (std::size_t code = 1; code < counts.size(); ++code) {
            if (counts[code] > 0)
                values.emplace_back(names[code], counts[code]);
        }
    };
    Members members(docs);
    std::vector<bool> needed(m_columns.size(), false);
    for (std::size_t column = 0; column < m_columns.size(); ++column)
        needed[column] = wanted(m_columns[column].facet);
    for (const auto& derived : m_derived)
        needed[derived.from] = needed[derived.from] || wanted(derived.facet);
    // by column: counts by code, one pass each (or one pass for all that share runs)
    std::map<std::size_t, std::vector<std::size_t>> counted = count_shared(m_shared, m_columns, members, needed);
    const auto counts_of = [&](std::size_t column) -> const std::vector<std::size_t>& {
        auto found = counted.find(column);
        if (found == counted.end())
            found = counted.emplace(column, count_codes(m_columns[column], members)).first;
        return found->second;
    };
    std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> result;
    for (std::size_t column = 0; column < m_columns.size(); ++column) {
        if (wanted(m_columns[column].facet))
            add(result[m_columns[column].facet], m_columns[column].values, counts_of(column));
    }
    for (const auto& derived : m_derived) {
        if (!wanted(derived.facet))
            continue;
        std::vector<std::size_t> counts(derived.values.size(), 0);
        const std::vector<std::size_t>& from = counts_of(derived.from);
        for (std::size_t code = 1; code < from.size(); ++code)
            counts[derived.code_of[code]] += from[code];
        add(result[derived.facet], derived.values, counts);
    }
    return result;
}

FacetColumns::Codes FacetColumns::codes_of(const std::string& facet) const
{
    for (const auto& column : m_columns) {
        if (column.facet == facet)
            return {&column.codes, nullptr, &column.values, &column.examples};
    }
    for (const auto& derived : m_derived) {
        if (derived.facet == facet)
            return {&m_columns[derived.from].codes, &derived.code_of, &derived.values, &derived.examples};
    }
    throw std::invalid_argument("no facet " + facet);
}

std::vector<std::string> FacetColumns::admitted_values(const DocSet& filter, const std::string& facet) const
{
    const Codes codes = codes_of(facet);
    std::vector<std::string> admitted;
    for (std::size_t code = 1; code < codes.values->size(); ++code) {
        if (filter.contains((*codes.examples)[code]))
            admitted.push_back((*codes.values)[code]);
    }
    return admitted;
}

std::map<std::string, std::map<std::string, std::size_t>> FacetColumns::cross_count(const DocSet& docs,
                                                                                    const std::string& rows,
                                                                                    const std::string& columns) const
{
    const Codes row = codes_of(rows), column = codes_of(columns);
    const std::size_t width = column.values->size();
    std::vector<std::size_t> counts(row.values->size() * width, 0);
    docs.for_each([&](Xapian::docid id) { ++counts[row.of(id) * width + column.of(id)]; });
    std::map<std::string, std::map<std::string, std::size_t>> result;
    for (std::size_t r = 1; r < row.values->size(); ++r) {
        for (std::size_t c = 1; c < width; ++c) {
            if (counts[r * width + c] > 0)
                result[(*row.values)[r]][(*column.values)[c]] = counts[r * width + c];
        }
    }
    return result;
}

}  // namespace findings
