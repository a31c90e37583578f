// Edits for --write / --dry-run (see write_edits.h).
#include "cli/write_edits.h"

#include "core/match/pattern_cache.h"
#include "core/search/scanner.h"
#include "core/search/search_result.h"

namespace codescout::cli {

WriteEdits::WriteEdits(const SearchOptions& search, std::shared_ptr<const Replacer> replacer)
    : matcher_(compile_matcher(search.pattern)), scratch_(matcher_->make_scratch()), replacer_(std::move(replacer)) {
    // Only the matching lines and all their spans: context and passthru lines are not edited,
    // and -m still limits the matching lines per file as in the search.
    report_.mode = ReportMode::Lines;
    report_.max_count = search.report.max_count;
    report_.line_terminator = search.report.line_terminator;
}

std::vector<TextEdit> WriteEdits::edits(std::string_view content) const {
    FileResult result;
    FileScanner scanner(*matcher_, *scratch_, report_);
    scanner.start(result);
    scanner.scan(content, 0, 0);
    std::vector<TextEdit> edits;
    for (const LineRecord& line : result.lines) {
        for (const MatchSpan& span : line.spans) {
            TextEdit edit;
            edit.begin = line.byte_offset + span.begin;
            edit.end = line.byte_offset + span.end;
            replacer_->expand_match(line.text, span, edit.replacement);
            // An empty match replaced by nothing changes nothing: no edit, so no empty journal entry.
            if (edit.begin == edit.end && edit.replacement.empty()) continue;
            edits.push_back(std::move(edit));
        }
    }
    return edits;
}

}  // namespace codescout::cli
