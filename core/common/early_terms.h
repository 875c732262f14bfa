// Early terms: the words a paragraph opens with, kept with it in the index.
//
// Ranking asks whether a paragraph names the query's words among its first words (early_words.h).
// Read from Xapian's position lists, that took two block reads for every word of the query and
// every paragraph weighed; kept as one small value per paragraph, written by the indexer, it takes
// one lookup (about two block reads) per paragraph, whatever the query's length.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace findings {

// A paragraph's first this many words, stop words left out as the index leaves them out: about
// its first sentence or two. Chosen with the early weight on bench/relevance/queries.json
// (early_words.cpp).
constexpr Xapian::termpos k_early_positions = 24;

// Returns the hash under which an early term is kept (FNV-1a, 32 bits: a word that is not among a
// paragraph's two dozen early terms shares the hash of one of them about once in 180 million
// lookups, and the paragraph then gains the early weight of that word).
std::uint32_t early_term_hash(std::string_view term);

// Returns the value that keeps a document's early terms: the hashes of the text terms whose first
// position is at most k_early_positions, 4 bytes each, in increasing order. The document's text
// must already be indexed with positions.
std::string early_terms_value(const Xapian::Document& document);

// Returns whether a value made by early_terms_value holds the hash of a term.
bool holds_early_term(std::string_view value, std::uint32_t hash);

}  // namespace findings
