// The matcher interface: finds matches of the compiled pattern set in bytes. Implementations:
// PCRE2 (regexes) and a SIMD literal finder; the searcher only ever sees this interface.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace codescout {

struct MatchRange {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool operator==(const MatchRange&) const = default;
};

// Per-thread mutable state a matcher needs (e.g. PCRE2 match data). One per worker thread.
class MatchScratch {
public:
    virtual ~MatchScratch() = default;
};

// Thrown before any file is read when a pattern cannot be compiled.
class PatternError : public std::runtime_error {
public:
    PatternError(std::string pattern, std::string message, std::size_t offset = std::string::npos)
        : std::runtime_error("invalid pattern '" + pattern + "': " + message),
          pattern_(std::move(pattern)), reason_(std::move(message)), offset_(offset) {}
    const std::string& pattern() const { return pattern_; }
    const std::string& reason() const { return reason_; }
    std::size_t offset() const { return offset_; }  // byte offset of the error in the pattern, or npos

private:
    std::string pattern_;
    std::string reason_;
    std::size_t offset_;
};

// Raised by find() when a pattern exceeds its match or depth limit on some input: the searcher
// reports the file as an error instead of hanging.
class MatchLimitError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Matcher {
public:
    virtual ~Matcher() = default;

    // First match that starts at or after `from` in `haystack`. The haystack holds whole lines
    // separated by '\n'. A reported match may span a '\n' only for candidate search: the searcher
    // re-checks each candidate line with find() on that line alone, where no '\n' exists.
    // `haystack` must stay the same between calls that pass increasing `from` for the same text,
    // so that look-behind and \b at `from` see the real preceding bytes.
    virtual std::optional<MatchRange> find(std::string_view haystack, std::size_t from,
                                           MatchScratch& scratch) const = 0;

    // find() within one line (`line` holds no line terminator; the bytes before `from` are still
    // visible to look-behind): the searcher's question once it knows a line matches, for the
    // line's further matches (spans) or to classify a context line. Same answer as find(); a
    // matcher that keeps state about the whole-buffer scan (PrefilteredMatcher's match density)
    // leaves that state alone here, so asking about one line does not change how the next
    // buffer-wide find() runs.
    virtual std::optional<MatchRange> find_in_line(std::string_view line, std::size_t from,
                                                   MatchScratch& scratch) const {
        return find(line, from, scratch);
    }

    // For a search that needs to know only which lines hold a match, not where (no spans shown,
    // no matches counted): the start of the first line at or after `from` (a line start in
    // `haystack`) that holds a match, each line decided as first_line_match() (line_match.h)
    // decides it; nullopt when none does. The default is first_line_match() itself; a matcher
    // that can decide a line faster (PrefilteredMatcher with an exact DFA) overrides it and must
    // give the same answers.
    virtual std::optional<std::size_t> find_matching_line(std::string_view haystack, std::size_t from,
                                                          MatchScratch& scratch) const;

    virtual std::unique_ptr<MatchScratch> make_scratch() const = 0;

    // Bytes this compiled matcher holds, for the pattern cache's size accounting.
    virtual std::size_t memory_bytes() const = 0;

    // Memory the matcher may still allocate while matching, up to a fixed budget (RE2's DFA
    // cache, RE2::Options::max_mem): a bound granted, not bytes held. 0 when there is none.
    virtual std::size_t memory_budget_bytes() const { return 0; }

    // True if the pattern can match an empty string (e.g. "a*"): every line then matches.
    virtual bool can_match_empty() const = 0;

    // Which strategy this matcher uses, for diagnostics and tests: starts with "literal" for the
    // SIMD literal path ("literal avx2 teddy needles=2"; "literal-word ..." / "literal-line ..." with
    // -w / -x), with "pcre2" for a regex ("pcre2 jit /REGEX/") and with "prefiltered" for a
    // regex behind a line prefilter ("prefiltered literal:_RESUME pcre2 ...", "prefiltered re2:...").
    virtual std::string describe() const { return "custom"; }
};

}  // namespace codescout
