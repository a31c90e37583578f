// A regex matcher that runs PCRE2 only on the lines a cheap prefilter points at. PCRE2 pays per
// start position (Unicode \w and \s checks with UCP are slow), so on a big buffer it is much
// faster to find candidate lines first, with the SIMD literal finder when every match must
// contain one of a few literals (required_literal.h). What is reported is always PCRE2's own
// answer on the candidate line, so the semantics stay PCRE2's. The other prefilter is RE2's DFA
// (re2_line_prefilter.h). Vectorscan was tried for that and left out: the Debian 13 build
// (5.4.11) misses matches (e.g. [ab]+! after 64 a's), and a prefilter must never do that.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/match/literal_search.h"
#include "core/match/matcher.h"
#include "core/match/regex_matcher.h"

namespace codescout {

// Per-thread state of a prefilter (e.g. a Vectorscan scratch); prefilters without any use none.
class PrefilterScratch {
public:
    virtual ~PrefilterScratch() = default;
};

// Finds the next line that may hold a match. The rule each implementation must keep: when it
// returns position p (>= from), no line before p's line has a match (within the line) that starts
// at or after `from`; nullopt means no line at all has one. Lines that do not match are allowed.
class LinePrefilter {
public:
    virtual ~LinePrefilter() = default;
    virtual std::optional<std::size_t> candidate(std::string_view haystack, std::size_t from,
                                                 PrefilterScratch* scratch) const = 0;
    virtual std::unique_ptr<PrefilterScratch> make_scratch() const { return nullptr; }
    virtual std::size_t memory_bytes() const = 0;
    virtual std::size_t memory_budget_bytes() const { return 0; }  // see Matcher
    virtual std::string describe() const = 0;  // e.g. "literal:_RESUME"
    // True once the prefilter has found that it is slower than PCRE2 alone would be: the matcher
    // then runs PCRE2 over the whole haystack, as it does without a prefilter.
    virtual bool gave_up() const { return false; }
};

// The literal prefilter: an occurrence of any required literal.
class LiteralLinePrefilter final : public LinePrefilter {
public:
    // `needles` are non-empty and never hold '\n'; `caseless` folds ASCII letters.
    LiteralLinePrefilter(const std::vector<std::string>& needles, bool caseless);
    std::optional<std::size_t> candidate(std::string_view haystack, std::size_t from,
                                         PrefilterScratch* scratch) const override;
    std::size_t memory_bytes() const override;
    std::string describe() const override;

private:
    static std::vector<LiteralNeedle> make_needles(const std::vector<std::string>& needles, bool caseless);
    LiteralSearcher searcher_;
    std::string names_;
};

struct PrefilteredScratch;
class Re2LinePrefilter;

class PrefilteredMatcher final : public Matcher {
public:
    // `regex` is the combined pattern (combine_regexes); throws PatternError like RegexMatcher.
    // `decider`: RE2 for the same patterns, exact (Re2LinePrefilter::exact(), and no -w or -x
    // wrapping in `regex`), or null; it may be `prefilter` itself. find_matching_line() lets it
    // decide the ASCII lines.
    PrefilteredMatcher(const std::string& regex, bool caseless, std::shared_ptr<const LinePrefilter> prefilter,
                       std::shared_ptr<const Re2LinePrefilter> decider = nullptr);

    // The first match at or after `from`: PCRE2 runs on each candidate line (with the bytes
    // before it still visible to look-behind). While matches come densely (kDenseRun in a row,
    // each within kDenseDistance of where its search began) every line is a candidate anyway,
    // and asking the prefilter costs more than it saves (RE2: 6x slower than PCRE2 alone on
    // [a-z], measured), so PCRE2 searches on directly, as RegexMatcher does, until a match is
    // far away again. Either way the answer is PCRE2's.
    std::optional<MatchRange> find(std::string_view haystack, std::size_t from,
                                   MatchScratch& scratch) const override;
    // One line: PCRE2 directly while matches are dense (the prefilter would point at this line
    // anyway), else through the prefilter; the density state is left as the scan left it.
    std::optional<MatchRange> find_in_line(std::string_view line, std::size_t from,
                                           MatchScratch& scratch) const override;
    // With a decider: the prefilter (or, while matching lines come densely, each next line in
    // turn) picks the candidate lines, and RE2 decides each ASCII one; PCRE2 decides the others,
    // as the default does. Without: the default (line_match.h).
    std::optional<std::size_t> find_matching_line(std::string_view haystack, std::size_t from,
                                                  MatchScratch& scratch) const override;
    std::unique_ptr<MatchScratch> make_scratch() const override;
    std::size_t memory_bytes() const override;
    std::size_t memory_budget_bytes() const override;
    bool can_match_empty() const override { return verifier_.can_match_empty(); }
    std::string describe() const override;  // "prefiltered literal:_RESUME pcre2 jit /.../"

    static constexpr std::size_t kDenseDistance = 1024;
    static constexpr unsigned kDenseRun = 4;

private:
    std::optional<MatchRange> find_with_prefilter(std::string_view haystack, std::size_t from,
                                                  PrefilteredScratch& own) const;
    // find_matching_line() when the decider is the prefilter: it finds and judges lines at once.
    std::optional<std::size_t> lines_by_re2(std::string_view haystack, std::size_t from, PrefilteredScratch& own) const;
    // find_matching_line() with another prefilter: it picks the lines, the decider judges them.
    std::optional<std::size_t> lines_by_prefilter(std::string_view haystack, std::size_t from,
                                                  PrefilteredScratch& own) const;
    // PCRE2's verdict on the line [line_start, line_end) as the searcher reaches it (line_match.h).
    bool pcre2_line_matches(std::string_view haystack, std::size_t line_start, std::size_t line_end,
                            PrefilteredScratch& own) const;

    RegexMatcher verifier_;
    std::shared_ptr<const LinePrefilter> prefilter_;
    std::shared_ptr<const Re2LinePrefilter> decider_;
};

}  // namespace codescout
