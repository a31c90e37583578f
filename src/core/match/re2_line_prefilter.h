// The automaton line prefilter: RE2's lazy DFA finds the lines of ASCII text that may match, so
// that PCRE2 (which pays per start position, and a lot for Unicode \w with UCP) runs only on
// those. Measured on kernel sources, \w{5}\s+\w{5}... scans at ~490 MB/s in RE2's DFA against
// ~80 MB/s in PCRE2 JIT. It serves regexes without a required literal (required_literal.h),
// whose lines the SIMD literal prefilter cannot pick.
//
// RE2 reads the pattern as re2_superset.h rewrites it, which is exact only for ASCII text, so a
// line holding any non-ASCII byte is always a candidate: PCRE2 decides it. ASCII is checked in
// windows that grow while no candidate turns up (8 KiB to 1 MiB) and shrink while candidates are
// dense (to 256 bytes), so a run of matching lines does not rescan far ahead for every match and
// a long run of non-matching text costs few RE2 calls.
//
// Some patterns have a DFA too big for RE2's memory budget ((a|b)*a(a|b){20}, \w*a\w{20}x:
// 2^20 states), and RE2 then falls back to its NFA at 1-2 MB/s, 10-300x slower than PCRE2 alone
// (measured). RE2 tells of that only through a hook Debian's build does not export, so the
// prefilter times its own RE2 calls in thread CPU time and gives up for good (gave_up()) when
// they scan slower than kMinBytesPerSecond; a healthy DFA scans at 300+ MB/s.
//
// When the rewrite is exact (re2_superset.h: nothing dropped or loosened), RE2's answer about an
// ASCII line is PCRE2's too, and next_line() says so: a search that needs only which lines match
// (no spans, no match count) then never runs PCRE2 on such a line, as rg decides lines with its
// DFA. Lines with non-ASCII bytes stay PCRE2's to decide.
//
// Where the RE2 pattern allows (bitstream_regex.h), windows and single lines are answered by
// evaluating it over bitstreams instead of RE2's DFA: the same answers (tested against RE2), at
// a fraction of the cost per byte (\w{5}\s+\w{5}... over the kernel sources: 1.1 s of CPU
// against 2.5 s with RE2, measured side by side). Their windows start at 512 bytes and widen
// fourfold, and lines asked one by one are answered from the chunk the bitstreams keep, so a
// byte is evaluated about once however the questions come. RE2 stays for what the bitstreams
// do not read, and for a window whose repetition of a group does not settle.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/match/bitstream_regex.h"
#include "core/match/prefiltered_matcher.h"

namespace re2 {
class RE2;
}

namespace codescout {

class Re2LinePrefilter final : public LinePrefilter {
public:
    // nullptr when some pattern cannot be rewritten for RE2 or RE2 rejects the rewrite (e.g. a
    // program beyond its memory budget): the caller then runs PCRE2 alone.
    static std::unique_ptr<Re2LinePrefilter> create(const std::vector<std::string>& pcre_regexes, bool caseless);

    ~Re2LinePrefilter() override;

    std::optional<std::size_t> candidate(std::string_view haystack, std::size_t from,
                                         PrefilterScratch* scratch) const override;

    // A line candidate() points at, and whether it surely holds a match.
    struct LineVerdict {
        std::size_t pos = 0;       // in the line (as candidate()'s answer)
        bool holds_match = false;  // RE2 matched in it, and the line is ASCII; else PCRE2 decides
    };
    // candidate()'s answer with its verdict, for `from` a line start. holds_match is PCRE2's
    // answer only when exact(). While matching lines come in a row it asks RE2 about the next
    // line alone, whether it has a match, not where: the cheapest question RE2 answers.
    std::optional<LineVerdict> next_line(std::string_view haystack, std::size_t from, PrefilterScratch* scratch) const;
    // Whether the line [line_start, next_line_start) holds a match, as RE2 sees it (PCRE2's
    // answer too when exact()); nullopt when RE2 cannot judge it: a non-ASCII byte in it, or the
    // prefilter gave up. `next_line_start` is just past the line's '\n' (or the haystack's end).
    std::optional<bool> line_holds_match(std::string_view haystack, std::size_t line_start, std::size_t next_line_start,
                                         PrefilterScratch* scratch) const;
    // The rewrite of every pattern is exact (re2_superset.h): on an ASCII line RE2 matches where
    // PCRE2 does, for the patterns as given (not wrapped for -w or -x; the caller knows those).
    bool exact() const { return exact_; }

    std::unique_ptr<PrefilterScratch> make_scratch() const override;
    std::size_t memory_bytes() const override;
    std::size_t memory_budget_bytes() const override;  // the max_mem RE2 was given
    std::string describe() const override;  // "re2:" and the RE2 pattern; "(gave up ...)" after
    bool gave_up() const override { return gave_up_.load(std::memory_order_relaxed); }

    static constexpr double kMinBytesPerSecond = 20e6;

    const std::string& re2_pattern() const { return pattern_; }
    // Whether the bitstreams search for RE2 (see the top of this file).
    bool uses_bitstreams() const { return bitstream_.has_value(); }
    // The bytes the bitstreams evaluated with `scratch` (one of make_scratch()'s), for tests.
    static std::size_t evaluated_bytes(const PrefilterScratch& scratch);

private:
    Re2LinePrefilter(std::string pattern, std::unique_ptr<re2::RE2> program, bool exact);


    class Scratch;

    // Whether [from, end) holds a match, and a position in its first matching line: by the
    // bitstreams when they can tell, else by RE2 (timed_leftmost()). `end` is a line start or
    // the haystack end; [from, end) is ASCII.
    std::optional<std::size_t> first_match(std::string_view haystack, std::size_t from, std::size_t end,
                                           Scratch& scratch) const;

    // candidate() and next_line() from the windows on (see the top of this file).
    std::optional<LineVerdict> scan(std::string_view haystack, std::size_t from, Scratch& scratch) const;
    // Whether RE2 matches anywhere in [from, end).
    bool any_match(const re2::RE2& program, std::string_view haystack, std::size_t from, std::size_t end) const;
    // call() (an RE2 search over `bytes`), timed when `scratch` says so; may set gave_up_.
    template <typename Call>
    auto timed(std::size_t bytes, Scratch& scratch, Call call) const;

    // The leftmost RE2 match start in [from, end), `end` being a line start or the haystack end.
    // Unless a match is expected, RE2 is first asked only whether there is one.
    std::optional<std::size_t> leftmost(const re2::RE2& program, std::string_view haystack, std::size_t from,
                                        std::size_t end, bool expect_match) const;
    // leftmost(), timed when `scratch` says so; may set gave_up_.
    std::optional<std::size_t> timed_leftmost(std::string_view haystack, std::size_t from, std::size_t end,
                                              Scratch& scratch) const;

    std::string pattern_;
    std::unique_ptr<re2::RE2> program_;
    bool exact_;
    std::optional<BitstreamRegex> bitstream_;  // the pattern over bitstreams, when it reads it
    mutable std::atomic<bool> gave_up_{false};
};

// Position of the first byte >= 0x80 in [from, end), or `end`. Exposed for tests.
std::size_t find_non_ascii(std::string_view text, std::size_t from, std::size_t end);

}  // namespace codescout
