// Capture groups for matches that a Matcher found. The fast matchers report only where a match
// is (a literal matcher runs no regex at all), so whoever needs the groups of a match (-r, the
// GUI's Replace) asks this finder: it runs the pattern set's combined regex, anchored at the
// match's start, and returns every group. The combined regex numbers groups across the patterns
// in order, as ripgrep joins several -e patterns.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "core/match/capture_groups.h"
#include "core/match/matcher.h"
#include "core/match/pattern_options.h"

namespace codescout {

class Pcre2Program;

class CaptureFinder {
public:
    // Throws PatternError when the patterns do not compile (compile_matcher would have thrown too).
    explicit CaptureFinder(const PatternOptions& options);
    ~CaptureFinder();
    CaptureFinder(const CaptureFinder&) = delete;
    CaptureFinder& operator=(const CaptureFinder&) = delete;

    // Fills `out` with the groups of the match `match` in `subject` (a whole line, so that
    // look-around sees the real neighbours). Group 0 is always `match` itself; the other groups
    // are the regex's, when its match at match.begin ends where `match` ends (else unset).
    // Thread-safe.
    void captures(std::string_view subject, MatchRange match, CaptureGroups& out) const;

    std::size_t group_count() const;  // without group 0

private:
    std::unique_ptr<Pcre2Program> program_;
    CaptureNames names_;
};

}  // namespace codescout
