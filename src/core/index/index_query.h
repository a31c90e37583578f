// The index query of a search: what a file's postings must show for the patterns to possibly
// match in it, as an AND/OR tree of runs (Russ Cox's trigram query, with positions), planned from
// what the match layer already knows about the patterns: literal (-F) patterns are their own
// needles, regexes give the required literals of required_literal.h (one per top-level
// alternative). A needle becomes the AND of its runs, alternatives and patterns an OR. -w and -x
// only narrow the matches, so they do not change the query.
//
// A run is a stretch of a needle that every match holds character for character, read as index
// characters (index_text.h): a file passes a run when it holds all of the run's trigrams at
// offsets compatible with one start (modulo 16), each followed by the run's next character (a
// bloom) and, case-sensitive, in the run's case pattern (trigram.h). Case-sensitive needles are
// runs up to their line ends. Case-insensitive runs also end at every non-ASCII character but the
// KELVIN SIGN and the LONG S (which the index reads as k and s): PCRE2 (UTF, UCP) matches other
// non-ASCII letters in other cases whose bytes differ, possibly in length. A pattern with nothing
// to require plans to All: the search is then a plain scan.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/match/pattern_options.h"

namespace codescout {

class IndexReader;

struct IndexQuery {
    enum class Op { All, Run, And, Or };
    Op op = Op::All;
    // Op::Run: the run's index characters (folded), at least three; with exact_case, which of
    // them were capitals (or a folded K/long s) in the needle.
    std::string text;
    std::vector<bool> upper;
    bool exact_case = false;
    std::vector<IndexQuery> args;    // Op::And, Op::Or (never empty, never holding All)

    bool narrows() const { return op != Op::All; }
    // "all", "\"PM_RESUME\"" (a case-sensitive run), "i\"pm_resume\"" (a caseless one),
    // "and(...)", "or(...)": for tests and traces.
    std::string to_string() const;
};

IndexQuery plan_index_query(const PatternOptions& options);

// The ids of the files the query lets through, as a bit per file id; nullopt when a posting
// list fails its checksum (the index must then not be used). With `documents`, and a query of
// runs and ORs only (no AND: its runs may lie in different chunks), also the documents that let
// them through (index_format.h: a chunked file's candidate chunks), ascending; else it is left
// empty.
std::optional<std::vector<bool>> evaluate_index_query(const IndexQuery& query, const IndexReader& reader,
                                                      std::vector<std::uint32_t>* documents = nullptr);

}  // namespace codescout
