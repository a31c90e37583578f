// A line's matches replaced by an expanded template: the -r of the CLI's printers, the edits of
// --write and of the GUI's Replace, and the GUI's inline preview. The template rules and capture
// groups are the match layer's (replacement_template.h, capture_finder.h); with preserve_case
// each expanded replacement then takes the letter case of the text it replaces
// (preserve_case.h). This only walks a line's matches.
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

struct ReplaceOptions {
    bool preserve_case = false;  // foo→bar, Foo→Bar, FOO→BAR (not in rg: the CLI leaves it off)
};

class Replacer {
public:
    // Throws PatternError when the patterns do not compile (they compiled for the search first).
    Replacer(const PatternOptions& pattern, std::string_view replacement, ReplaceOptions options = {});

    // `line` with each of `spans` (its matches, in order) replaced; `out_spans` receives the
    // replacements' positions in `out`. Thread-safe.
    void replace(std::string_view line, std::span<const MatchSpan> spans, std::string& out,
                 std::vector<MatchSpan>& out_spans) const;

    // Appends the replacement for the one match `span` of `line` to `out` (--write and the GUI
    // make one edit per match). Thread-safe.
    void expand_match(std::string_view line, MatchSpan span, std::string& out) const;

private:
    ReplacementTemplate template_;
    ReplaceOptions options_;
    // Only when the template names groups: a literal replacement or "$0" needs no regex run.
    std::unique_ptr<CaptureFinder> finder_;
};

}  // namespace codescout
