// The edits of a replace for one file: the matches are found again in the very bytes the edit
// layer read and fingerprinted (plan_file's callback), by the same compiled matcher and line
// scanner as the search (so -w, -x, -i, -F, several -e and -m mean what they mean there), and
// each match becomes one edit whose text is the expanded replacement (replacer.h). The CLI's
// --write / --dry-run take every edit; the GUI takes the ones the user left checked, each known
// by its line and its place among the line's matches (match_selection.h). A -U search's matches
// are found as it found them (multiline_scanner.h): each known by its block's first line.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/edit/apply_plan.h"
#include "core/search/replacer.h"
#include "core/match/matcher.h"
#include "core/search/search_options.h"

namespace codescout {

// One match of a file and its edit. `edit` is a no-op (begin == end, empty replacement) for an
// empty match replaced by nothing; it still counts in the line's ordinals.
struct LocatedEdit {
    TextEdit edit;
    std::uint64_t line = 0;     // 1-based
    std::uint32_t ordinal = 0;  // 0-based, among the matches of its line
};

class MatchEdits {
public:
    // Throws PatternError when the patterns do not compile.
    MatchEdits(const SearchOptions& search, std::shared_ptr<const Replacer> replacer);

    // Every match of `content`, in order. Throws MatchLimitError from the matcher. Not
    // thread-safe (one scratch): one MatchEdits per thread.
    std::vector<LocatedEdit> located(std::string_view content) const;

    // Sorted, non-overlapping edits for every match that changes something; empty when nothing
    // matches.
    std::vector<TextEdit> edits(std::string_view content) const;

private:
    std::shared_ptr<const Matcher> matcher_;
    std::unique_ptr<MatchScratch> scratch_;
    ReportOptions report_;
    char terminator_ = '\n';  // PatternOptions::line_terminator
    std::shared_ptr<const Replacer> replacer_;
    bool spans_lines_ = false;  // -U with a pattern that can match '\n' (multiline_scanner.h)
};

// The edits of `located` that change something (no-ops dropped), in order.
std::vector<TextEdit> effective_edits(std::vector<LocatedEdit>&& located);

}  // namespace codescout
