// The index query of a search: which trigrams a file must hold for the patterns to possibly
// match in it, as an AND/OR tree (Russ Cox's trigram query), planned from what the match layer
// already knows about the patterns: literal (-F) patterns are their own needles, regexes give
// the required literals of required_literal.h (one per top-level alternative). A needle becomes
// the AND of its trigrams; alternatives and several patterns an OR. -w and -x only narrow the
// matches, so they do not change the query.
//
// Soundness: the index folds ASCII letters (trigram.h), so a case-sensitive needle maps to its
// folded trigrams. Case-insensitive needles keep only trigrams of ASCII text without k and s:
// PCRE2 (UTF, UCP) also matches the Kelvin sign for k, the long s for s, and non-ASCII letters
// in other cases whose bytes differ; those characters split a needle instead of joining
// trigrams. A pattern with nothing to require plans to All: the search is then a plain scan.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/match/pattern_options.h"

namespace codescout {

class IndexReader;

struct IndexQuery {
    enum class Op { All, Trigram, And, Or };
    Op op = Op::All;
    std::uint32_t trigram = 0;       // Op::Trigram
    std::vector<IndexQuery> args;    // Op::And, Op::Or (never empty, never holding All)

    bool narrows() const { return op != Op::All; }
    // "all", "'abc'", "and('abc' 'bcd')", "or(...)": for tests and --index-status.
    std::string to_string() const;
};

IndexQuery plan_index_query(const PatternOptions& options);

// The ids of the files the query lets through, as a bit per file id; nullopt when a posting
// list fails its checksum (the index must then not be used).
std::optional<std::vector<bool>> evaluate_index_query(const IndexQuery& query, const IndexReader& reader);

}  // namespace codescout
