// Prefix wildcards ("neglec*") on an index that holds only stems: the prefix is expanded
// against the words of the spelling table (every word indexed, as written), and the stems of
// the words found are searched as one term.
#pragma once

#include "core/common/analyser.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace findings {

// The query syntax wildcards are rewritten to, for the query parser's field processor.
extern const char* const k_wildcard_prefix;

// Returns text with each word ending in "*" (outside quotes and field values) written as
// k_wildcard_prefix:word, so that the parser hands it to a WildcardField.
std::string with_wildcards_marked(const std::string& text);

// Expands a prefix into the stems of the indexed words that begin with it, bounded, and notes
// what it read ("neglec* = neglect, neglected, neglectful").
class WildcardField : public Xapian::FieldProcessor {
public:
    WildcardField(const Xapian::Database& db, const Analyser& analyser, std::vector<std::string>& notes)
        : m_db(db), m_analyser(analyser), m_notes(notes)
    {
    }

    Xapian::Query operator()(const std::string& prefix) override;

private:
    const Xapian::Database& m_db;
    const Analyser& m_analyser;
    std::vector<std::string>& m_notes;
};

}  // namespace findings
