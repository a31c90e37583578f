// -r/--replace for the printers: every match of a line replaced by the expanded template, and
// where the replacements ended up in the new text (ripgrep colours those, and -o prints them).
// The template rules and capture groups are the engine's (core/match/replacement_template.h,
// capture_finder.h); this only walks a line's matches.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/match/capture_finder.h"
#include "core/match/pattern_options.h"
#include "core/match/replacement_template.h"
#include "core/search/search_result.h"

namespace codescout {

class Replacer {
public:
    // Throws PatternError when the patterns do not compile (they compiled for the search first).
    Replacer(const PatternOptions& pattern, std::string_view replacement);

    // `line` with each of `spans` (its matches, in order) replaced; `out_spans` receives the
    // replacements' positions in `out`. Thread-safe.
    void replace(std::string_view line, const std::vector<MatchSpan>& spans, std::string& out,
                 std::vector<MatchSpan>& out_spans) const;

    // Appends the expanded template for the one match `span` of `line` to `out` (--write and
    // --dry-run make one edit per match). Thread-safe.
    void expand_match(std::string_view line, MatchSpan span, std::string& out) const;

private:
    ReplacementTemplate template_;
    // Only when the template names groups: a literal replacement or "$0" needs no regex run.
    std::unique_ptr<CaptureFinder> finder_;
};

}  // namespace codescout
