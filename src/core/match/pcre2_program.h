// One compiled PCRE2 regex (8-bit, UTF + UCP, invalid UTF-8 tolerated, multi-line, JIT when
// available) and the per-thread scratch it runs with. Both matchers (regex and literal-prefilter)
// build on this; neither exposes PCRE2 types in a header others include.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/match/capture_groups.h"
#include "core/match/matcher.h"

namespace codescout {

// Limits per pcre2_match call. JIT counts the match limit per start position, so the limit
// stops a catastrophic backtracker at one position in well under a second; the depth limit only
// binds for the interpreter.
inline constexpr std::uint32_t kPcre2MatchLimit = 10'000'000;
inline constexpr std::uint32_t kPcre2DepthLimit = 100'000;

// Because the match limit is per start position, a pattern whose every attempt runs to the end of
// a long line ((?:a|b)+x on a megabyte of "abab...") is quadratic without ever reaching it. The
// time budget bounds that: the thread CPU time one find() call spends after its first PCRE2 call
// may not exceed base + per_mib x (MiB of start positions it has moved past). A linear scan
// needs milliseconds per MiB even for slow patterns (\w{5}\s+... runs at 40+ MB/s), so a 64 MiB
// line with no match stays far below its allowance of 65 s, while a quadratic attempt at 1 MiB
// moves a few bytes per millisecond and is stopped after about `base`. CPU time, not wall time,
// so that a loaded machine or a suspended process (Ctrl-Z) never turns a normal search into an
// error. Tests set a small budget through Pcre2Scratch::set_time_budget().
struct Pcre2TimeBudget {
    double base_seconds = 1.0;
    double seconds_per_mib = 1.0;
};

// Match data, JIT stack and match context (limits + that JIT stack) for one thread. Works with
// every Pcre2Program, so a matcher holding several programs needs only one.
class Pcre2Scratch : public MatchScratch {
public:
    Pcre2Scratch();
    ~Pcre2Scratch() override;
    Pcre2Scratch(const Pcre2Scratch&) = delete;
    Pcre2Scratch& operator=(const Pcre2Scratch&) = delete;

    void* match_data() const { return match_data_; }
    void* match_context() const { return match_context_; }
    // After PCRE2_ERROR_JIT_STACKLIMIT: a bigger JIT stack; false when at the limit already.
    bool grow_jit_stack();

    const Pcre2TimeBudget& time_budget() const { return time_budget_; }
    void set_time_budget(const Pcre2TimeBudget& budget) { time_budget_ = budget; }

private:
    void release();

    void* match_data_ = nullptr;     // pcre2_match_data_8*
    void* jit_stack_ = nullptr;      // pcre2_jit_stack_8*
    void* match_context_ = nullptr;  // pcre2_match_context_8*
    std::size_t jit_stack_max_ = 0;
    std::size_t match_data_bytes_ = 0;  // as added to the attribution
    Pcre2TimeBudget time_budget_;
};

struct Pcre2CompileFailure {
    std::string message;
    std::size_t offset = 0;
};

class Pcre2Program {
public:
    // Throws PatternError(regex, message, offset) when PCRE2 rejects `regex`. `spans_lines`: its
    // matches may cross '\n' (-U), so find() must never retry line by line (see find()).
    // `caret_after_final_newline`: ^ also holds after a '\n' that ends the haystack — a record of
    // --null-data, where that '\n' is inside the record and a line (empty) follows it, as rg reads
    // it; without it PCRE2 sees no line there (right for a file's lines, whose last '\n' ends one).
    Pcre2Program(std::string_view regex, bool caseless, bool spans_lines = false, bool caret_after_final_newline = false);
    ~Pcre2Program();
    Pcre2Program(const Pcre2Program&) = delete;
    Pcre2Program& operator=(const Pcre2Program&) = delete;

    // Compiles without JIT just to check `regex`; nullopt when it is valid.
    static std::optional<Pcre2CompileFailure> check(std::string_view regex, bool caseless);
    // Compiles without JIT just to learn whether `regex` (valid) can match an empty string.
    static bool matches_empty(std::string_view regex, bool caseless);

    // First match starting at or after `from`. Bytes before `from` are visible to look-behind.
    // When a call over many lines exceeds the match limit, the lines are retried one by one (each
    // line a separate call, its own limit); MatchLimitError only when a single line exceeds it,
    // or at once when the time budget (Pcre2TimeBudget) runs out. A program whose matches span
    // lines raises MatchLimitError at once: a retry within lines could miss a longer match.
    // A pattern whose answer for a line depends on the lines around it (lines_alone.h) is run on
    // each line alone from the start, as ripgrep runs it: the subject is the line without its
    // '\n', and look-behind sees only the line's own bytes before `from`.
    std::optional<MatchRange> find(std::string_view haystack, std::size_t from,
                                   Pcre2Scratch& scratch) const;

    // The match anchored at `start` with all its capture groups (the subject's bytes before
    // `start` stay visible to look-behind). False when nothing matches there. Allocates its match
    // data per call: for printing replacements, not for scanning. Thread-safe.
    bool match_groups_at(std::string_view subject, std::size_t start, CaptureGroups& out) const;
    // The regex's named groups, and how many capture groups it has (without group 0).
    CaptureNames group_names() const;
    std::size_t group_count() const;

    bool jit() const { return jit_; }
    bool can_match_empty() const { return can_match_empty_; }
    std::size_t memory_bytes() const;  // PCRE2_INFO_SIZE + PCRE2_INFO_JITSIZE

private:
    enum class Outcome { Match, NoMatch, Limit, OverBudget };
    // One search from `from`, as a series of pcre2 calls over windows of start positions (see
    // the .cpp) so that the time budget can be checked between them.
    Outcome run(std::string_view subject, std::size_t from, Pcre2Scratch& scratch,
                MatchRange& out) const;
    // find() one line at a time from `from`, each line its own subject.
    std::optional<MatchRange> find_line_by_line(std::string_view haystack, std::size_t from, Pcre2Scratch& scratch) const;
    // One pcre2 call trying start positions [from, last_start] (all of them if last_start is npos).
    int call(std::string_view subject, std::size_t from, std::size_t last_start,
             std::uint32_t match_limit, Pcre2Scratch& scratch) const;

    void* code_ = nullptr;  // pcre2_code_8*
    bool jit_ = false;
    bool windowed_ = true;  // false when the pattern uses \G, whose meaning depends on `from`
    bool can_match_empty_ = false;
    bool spans_lines_ = false;
    bool lines_alone_ = false;  // needs_lines_alone(): find() asks about each line on its own
};

}  // namespace codescout
