// One line of ripgrep's standard output, as rg 14's printer writes it (grep-printer's
// StandardImpl: sink_fast / sink_slow, write_line, write_colored_matches, write_exceeded_line),
// including its quirks: which options make it look at single matches, -o and --vimgrep lines per
// match, columns and byte offsets counted in the replaced text with -r, --trim, -M and its
// preview, -0 after the path, and NUL-terminated records. The file-level parts (headings, -c, -l,
// binary notes) are standard_format.cpp's.
#pragma once

#include <string>
#include <string_view>

#include "core/print/output_plan.h"
#include "core/search/search_result.h"

namespace codescout {

// Appends `line` of the file shown as `path` to `out`. `terminated`: the line had a terminator
// in the file (only a file's last line may lack one; rg prints one anyway).
void format_standard_line(const LineRecord& line, bool terminated, std::string_view path, const OutputPlan& plan,
                          std::string& out);

// Whether rg's printer looks at the single matches of a line under `plan` (grep-printer's
// needs_match_granularity): colour, --column, -r, --vimgrep, -o, --stats. Otherwise it prints a line
// without knowing them, which changes what -M prints ("[Omitted long line with 0 matches]"
// never counts them), and the search need not find them (ReportOptions::match_spans).
bool needs_match_granularity(const OutputPlan& plan);

// The byte length of the first `count` user-perceived characters of `text` (extended grapheme
// clusters, approximated: a code point with the combining marks, variation selectors, emoji
// modifiers and zero-width-joiner sequences that follow it; "\r\n" is one). An invalid UTF-8
// byte counts as one character.
std::size_t grapheme_prefix_length(std::string_view text, std::size_t count);

}  // namespace codescout
