// The edits of -r TEXT --write / --dry-run for one file: the matches are found again in the very
// bytes the edit layer read and fingerprinted (plan_file's callback), by the same compiled
// matcher and line scanner as the search (so -w, -x, -i, -F, several -e and -m mean what they
// mean there), and each match becomes one edit whose text is the expanded replacement template.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/print/replacer.h"
#include "core/edit/apply_plan.h"
#include "core/match/matcher.h"
#include "core/search/search_options.h"

namespace codescout::cli {

class WriteEdits {
public:
    // Throws PatternError when the patterns do not compile.
    WriteEdits(const SearchOptions& search, std::shared_ptr<const Replacer> replacer);

    // Sorted, non-overlapping edits over `content`; empty when nothing matches. Throws
    // MatchLimitError from the matcher. Not thread-safe (one scratch).
    std::vector<TextEdit> edits(std::string_view content) const;

private:
    std::shared_ptr<const Matcher> matcher_;
    std::unique_ptr<MatchScratch> scratch_;
    ReportOptions report_;
    std::shared_ptr<const Replacer> replacer_;
};

}  // namespace codescout::cli
