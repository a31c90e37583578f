// ripgrep's standard output format for one file's results, as bytes: "PATH:LINE:TEXT" matches,
// "PATH-LINE-TEXT" context, "--" between non-contiguous context groups, "PATH:COUNT" for -c,
// "PATH" for -l; headings and ANSI colours (rg's defaults) when the plan asks for them.
#pragma once

#include <string>
#include <string_view>

#include "core/print/output_plan.h"
#include "core/search/search_result.h"

namespace codescout {

// Appends the output for `result` to `out` (mode Lines, Count or FilesWithMatches).
void format_standard(const FileResult& result, const OutputPlan& plan, std::string& out);

// What goes between two files' blocks: "--\n" with context lines, "\n" under headings, else "".
std::string_view file_separator(const OutputPlan& plan);

}  // namespace codescout
