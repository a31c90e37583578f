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
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

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
    std::unique_ptr<PrefilterScratch> make_scratch() const override;
    std::size_t memory_bytes() const override;
    std::size_t memory_budget_bytes() const override;  // the max_mem RE2 was given
    std::string describe() const override;  // "re2:" and the RE2 pattern; "(gave up ...)" after
    bool gave_up() const override { return gave_up_.load(std::memory_order_relaxed); }

    static constexpr double kMinBytesPerSecond = 20e6;

    const std::string& re2_pattern() const { return pattern_; }

private:
    Re2LinePrefilter(std::string pattern, std::unique_ptr<re2::RE2> program);

    class Scratch;

    // The leftmost RE2 match start in [from, end), `end` being a line start or the haystack end.
    // Unless a match is expected, RE2 is first asked only whether there is one.
    std::optional<std::size_t> leftmost(std::string_view haystack, std::size_t from, std::size_t end,
                                        bool expect_match) const;
    // leftmost(), timed when `scratch` says so; may set gave_up_.
    std::optional<std::size_t> timed_leftmost(std::string_view haystack, std::size_t from, std::size_t end,
                                              Scratch& scratch) const;

    std::string pattern_;
    std::unique_ptr<re2::RE2> program_;
    mutable std::atomic<bool> gave_up_{false};
};

// Position of the first byte >= 0x80 in [from, end), or `end`. Exposed for tests.
std::size_t find_non_ascii(std::string_view text, std::size_t from, std::size_t end);

}  // namespace codescout
