// A regular expression run over bitstreams, 64 text positions per machine word (the Parabix
// method: Cameron et al., "Bitwise data parallelism in regular expression matching", 2014), for
// the automaton line prefilter (re2_line_prefilter.h) on lines of ASCII text.
//
// Why: on a pattern without a literal (\w{5}\s+\w{5}...) RE2's DFA was 70% of the CPU time over
// the kernel sources (perf): one dependent table load per byte, ~3.5 cycles a byte, which no DFA
// walking one byte at a time gets under. Here a character class becomes a bit per byte (SIMD
// compares), and each step of the pattern is a few word operations per 64 bytes over all start
// positions at once: x+ of a class is one addition ("MatchStar"), {5} five shifts.
//
// It reads RE2 syntax as re2_rewrite_for_ascii() writes it and takes only what it reads exactly
// as RE2 does (RE2::Options as the prefilter sets them: UTF-8, never_nl) on ASCII text: literals,
// classes ([...], \w \s \d and their negations, POSIX classes, '.'), groups, alternation, the
// quantifiers (lazy ones too), ^ and $ in multi-line mode, \b and \B, and (?i:). Anything else
// (\A, \z, \pN, (?s), flags it does not know) makes compile() refuse, and RE2 does the job.
// Non-ASCII characters in the pattern match nothing: only ASCII text is ever searched here.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/match/bitstream_sets.h"

namespace codescout {

class BitstreamRegex {
public:
    // nullopt when `re2_pattern` uses something not covered (see above) or would take too many
    // word operations per 64 bytes to be worth it (large counted repetitions).
    static std::optional<BitstreamRegex> compile(std::string_view re2_pattern);

    // Per-thread working memory (the streams of a chunk), reused from call to call.
    struct Scratch {
        std::vector<std::vector<std::uint64_t>> sets;  // a stream per byte set, for the chunk
        std::deque<std::vector<std::uint64_t>> stack;  // the evaluation's temporaries
        std::size_t depth = 0;                         // of them in use
        std::vector<std::uint64_t> result;
        std::vector<std::vector<std::uint64_t>*> set_pointers;  // to `sets`, for BitstreamSets::fill
        // The last chunk evaluated from a line start: its text, where it began, the cursors where
        // a match ends, and whether it ended at the haystack's end (line_has_match()).
        std::string chunk_text;
        std::size_t chunk_from = 0;
        std::vector<std::uint64_t> chunk_ends;
        bool chunk_at_end = false;
        bool chunk_valid = false;
        std::size_t evaluated_bytes = 0;  // all chunks evaluated with this scratch (for tests)
    };

    // A position in the first line that holds a match lying in [from, end), or nullopt when none
    // does (from the first line start on, through the kept chunk: see line_has_match()); also
    // nullopt with `undecided` set when a repetition of a group did not settle within
    // kMaxClosureSteps (the caller asks RE2 instead). `end` is a line start (just past a '\n') or
    // the haystack's end, and [from, end) holds only ASCII bytes; the bytes before `from` are the
    // context of ^ and \b at `from`, as RE2::Match sees them. Matches never contain '\n'.
    std::optional<std::size_t> first_match_line(std::string_view haystack, std::size_t from, std::size_t end,
                                                Scratch& scratch, bool& undecided) const;

    // Whether the line [line_start, next_line_start) holds a match; `next_line_start` is just
    // past its '\n' or the haystack's end. nullopt when undecided (as above). Lines are asked one
    // by one where matching lines come densely, and one evaluation per line cost more than RE2's
    // per-line call (\w+_\w+_\w+_\w+_\w+ over the AMD register headers: 1.2x the CPU time):
    // so a chunk is evaluated from the line on, kept with its text, and the next lines are
    // answered from it while their text is the same at the same place. A whole line's answer
    // depends on its bytes alone (what precedes it is a '\n' or nothing, what follows likewise:
    // the same to ^, $ and \b), so equal text is an equal answer whatever buffer it came from.
    // The line may hold any bytes: only ASCII ones are ever members (the caller leaves lines
    // with other bytes to PCRE2); so may the lines around it.
    std::optional<bool> line_has_match(std::string_view haystack, std::size_t line_start, std::size_t next_line_start,
                                       Scratch& scratch) const;

    // Whether some text can match at all: [^\x00-\x7F] (what \p{Greek} becomes) cannot on ASCII.
    bool can_match() const { return can_match_; }

    // The word operations per 64 bytes, roughly (for tests and describe()).
    std::size_t cost() const { return cost_; }

    // Text is evaluated in chunks of about this many bytes (ending at line starts), so that a
    // chunk's streams stay in the first-level cache.
    static constexpr std::size_t kChunkBytes = 16 * 1024;
    static constexpr unsigned kMaxClosureSteps = 256;
    static constexpr std::size_t kMaxCost = 600;
    // For tests: smaller chunks, so that short texts cross chunk boundaries.
    void set_chunk_bytes(std::size_t bytes) { chunk_bytes_ = std::max<std::size_t>(bytes, 1); }

    // An ASCII byte set: bit c of word c / 64.
    struct ByteSet {
        std::uint64_t bits[2] = {0, 0};
        bool has(unsigned c) const { return c < 128 && ((bits[c >> 6] >> (c & 63)) & 1) != 0; }
        void add(unsigned c) {
            if (c < 128) bits[c >> 6] |= std::uint64_t{1} << (c & 63);
        }
        bool operator==(const ByteSet&) const = default;
    };

    enum class Kind : std::uint8_t { Empty, Bytes, LineStart, LineEnd, WordBoundary, NotWordBoundary, Concat, Alternate, Repeat };
    static constexpr unsigned kUnbounded = ~0u;
    struct Node {
        Kind kind = Kind::Empty;
        std::size_t set = 0;             // Bytes: index into sets_
        std::vector<std::size_t> kids;   // Concat, Alternate; Repeat: one
        unsigned min = 0;                // Repeat
        unsigned max = 0;                // Repeat: kUnbounded for * and +
    };

private:
    BitstreamRegex() = default;
    friend class BitstreamParser;
    friend class BitstreamEvaluator;

    std::vector<Node> nodes_;
    std::vector<ByteSet> sets_;
    // sets_' streams, then '\n' when ^ or $ is used and the word bytes when \b or \B is.
    BitstreamSets streams_;
    static constexpr std::size_t kNone = ~std::size_t{0};
    std::size_t newline_stream_ = kNone;
    std::size_t word_stream_ = kNone;
    std::size_t root_ = 0;
    std::size_t cost_ = 0;
    std::size_t chunk_bytes_ = kChunkBytes;
    bool can_match_ = true;

    // The first line start at or after from + chunk_bytes_, or `end`.
    std::size_t chunk_end(std::string_view haystack, std::size_t from, std::size_t end) const;
    // The first set bit of `ends` in [first, limit).
    static std::optional<std::size_t> first_cursor(const std::vector<std::uint64_t>& ends, std::size_t first,
                                                   std::size_t limit);
    // Where `from` (a line start, before `end`) lies in the kept chunk, which then holds the
    // same text as [from, from + length) (length > 0; to `end` or the chunk's end, a line end in
    // both); the chunk is evaluated from `from` on first when it does not. nullopt when that
    // evaluation is undecided.
    std::optional<std::size_t> kept_chunk_at(std::string_view haystack, std::size_t from, std::size_t end,
                                             Scratch& scratch, std::size_t& length, bool& undecided) const;
};

}  // namespace codescout
