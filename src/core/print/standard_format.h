// ripgrep's standard output format for one file's results, as bytes: "PATH:LINE:TEXT" matches,
// "PATH-LINE-TEXT" context, "--" between non-contiguous context groups, "PATH:COUNT" for -c,
// "PATH" for -l; headings and ANSI colours (rg's defaults) when the plan asks for them.
#pragma once

#include <string>
#include <string_view>

#include "core/print/format_drain.h"
#include "core/print/output_plan.h"
#include "core/search/search_result.h"

namespace codescout {

// Appends the output for `result` to `out` (mode Lines, Count or FilesWithMatches); with a
// `drain`, hands it over in parts as it grows (the last part stays in `out`).
void format_standard(const FileResult& result, const OutputPlan& plan, std::string& out, const FormatDrain& drain = {});

// Whether the Lines output of `result` prints a line (not only a binary note). rg puts the file
// separator (and heading) before a file's first line, so a file that prints only its note gets none.
bool prints_a_line(const FileResult& result);

// What goes between two files' blocks: "--\n" with context lines, "\n" under headings, else "".
std::string_view file_separator(const OutputPlan& plan);

}  // namespace codescout
