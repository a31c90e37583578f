// MatchEdits (see match_edits.h).
#include "core/edit/match_edits.h"

#include "core/match/newline_analysis.h"
#include "core/match/pattern_cache.h"
#include "core/search/multiline_scanner.h"
#include "core/search/scanner.h"
#include "core/search/search_result.h"

namespace codescout {

MatchEdits::MatchEdits(const SearchOptions& search, std::shared_ptr<const Replacer> replacer)
    : matcher_(compile_matcher(search.pattern)), scratch_(matcher_->make_scratch()), replacer_(std::move(replacer)) {
    // Only the matching lines and all their spans: context and passthru lines are not edited,
    // and -m still limits the matching lines per file as in the search.
    report_.mode = ReportMode::Lines;
    report_.max_count = search.report.max_count;
    terminator_ = search.pattern.line_terminator;
    // A -U pattern that can match '\n': its matches are found as the search found them, over the
    // whole text (the line scanner would look for each within one line, and find none).
    spans_lines_ = search_spans_lines(search.pattern);
}

std::vector<LocatedEdit> MatchEdits::located(std::string_view content) const {
    FileResult result;
    // A scanner per call: it holds a reference to report_, which moves with this object.
    if (spans_lines_) {
        MultilineScanner scanner(*matcher_, *scratch_, report_, terminator_);
        scanner.scan(content, WholeTextRule{}, result);
    } else {
        FileScanner scanner(*matcher_, *scratch_, report_, terminator_);
        scanner.start(result);
        scanner.scan(content, 0, 0);
    }
    std::vector<LocatedEdit> edits;
    for (const LineRecord& line : result.lines) {
        // The text the replacement's captures are taken from, as the -r printer takes them: a
        // line, or a -U block with its last terminator (a match may end after it).
        const std::string_view subject =
            spans_lines_ ? content.substr(line.byte_offset, line.text.size() + 1) : std::string_view(line.text);
        std::uint32_t ordinal = 0;
        for (const MatchSpan& span : line.spans) {
            LocatedEdit located;
            located.edit.begin = line.byte_offset + span.begin;
            located.edit.end = line.byte_offset + span.end;
            replacer_->expand_match(subject, span, located.edit.replacement);
            located.line = line.number;
            located.ordinal = ordinal++;
            edits.push_back(std::move(located));
        }
    }
    return edits;
}

std::vector<TextEdit> MatchEdits::edits(std::string_view content) const { return effective_edits(located(content)); }

std::vector<TextEdit> effective_edits(std::vector<LocatedEdit>&& located) {
    std::vector<TextEdit> edits;
    edits.reserve(located.size());
    for (LocatedEdit& l : located) {
        // An empty match replaced by nothing changes nothing: no edit, so no empty journal entry.
        if (l.edit.begin == l.edit.end && l.edit.replacement.empty()) continue;
        edits.push_back(std::move(l.edit));
    }
    return edits;
}

}  // namespace codescout
