// The unified diff of one planned replacement (--dry-run, the GUI's whole-file diff): headers
// "--- a/PATH" and "+++ b/PATH" as git diff writes them, hunks with three lines of context,
// hunks closer than twice the context merged, "\ No newline at end of file" where it applies —
// the hunks are those `diff -u` prints for the same two files.
//
// Built from the edits rather than by comparing the two texts: only the lines the edits touch
// can differ, so the cost is that of those lines, not of the file. Within a run of touched lines
// equal lines at either end become context; equal lines in the middle of a multi-line
// replacement stay in the -/+ run (diff -u may show them as context there: still a correct diff).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit/apply_plan.h"

namespace codescout {

// Empty when the edits change nothing. `path` is shown without a leading "./" or "/" (as git does).
std::string unified_diff(std::string_view path, std::string_view old_content, const std::vector<TextEdit>& edits,
                         std::size_t context = 3);

}  // namespace codescout
