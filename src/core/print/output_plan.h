// What ripgrep's printers are asked to print (ripgrep's printer configuration, which its "high
// args" build from the command line): the output mode and every per-line option. The CLI's
// options builder fills it from the flags; the GUI fills it for Copy and Export. The formatters
// that follow it are this layer's standard_format.h, standard_line.h and json_format.h.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/search/replacer.h"

namespace codescout {

// --metrics-format: how --stats shows the engine's memory figures.
enum class MetricsFormat { Text, Prometheus };

enum class OutputMode {
    Lines,             // rg's standard format
    Count,             // -c: PATH:COUNT
    FilesWithMatches,  // -l: PATH
    FilesWithoutMatch, // --files-without-match: PATH of each searched file without a match
    Json,              // --json: JSON Lines
    Quiet,             // -q: nothing, stop at the first match
    StatsOnly,         // --stats-only: search, print only the statistics
    ListFiles          // --files: walk only, print the paths
};

struct OutputPlan {
    OutputMode mode = OutputMode::Lines;
    bool line_numbers = true;
    bool heading = false;          // path on its own line above each file's lines
    bool color = false;            // ANSI colours like ripgrep's defaults
    bool with_filename = true;     // false when a single file was named (rg prints LINE:TEXT)
    bool strip_dot_slash = false;  // no PATH given: show "a/b.c", not "./a/b.c", as rg does
    bool context = false;          // -A/-B/-C > 0: "--" between groups and between files
    bool sort_by_path = false;     // --sort path
    bool stats = false;            // --stats or --stats-only
    bool json_summary = false;     // -q with --json: rg prints its summary message all the same
    MetricsFormat metrics_format = MetricsFormat::Text;

    // ripgrep's per-line options (standard_line.h follows rg's printer for them).
    bool only_matching = false;     // -o: each match on its own line
    bool per_match = false;         // --vimgrep: each match on its own line, with the whole line
    bool column = false;            // --column (and --vimgrep): column of the (first) match
    bool byte_offset = false;       // -b: byte offset of the line (of the match with -o)
    bool trim = false;              // --trim: no leading ASCII whitespace
    std::uint64_t max_columns = 0;  // -M: longer lines are omitted (0: no limit)
    bool max_columns_preview = false;  // --max-columns-preview: their start is shown instead
    std::optional<char> path_terminator;  // -0: '\0' after each path instead of ':' or a line end
    char line_terminator = '\n';    // --null-data: records end with '\0', and so does the output
    bool include_zero = false;      // --include-zero: -c lists files with no match too
    bool count_matches = false;     // Count mode prints FileResult::matches, not matched_lines
    bool invert = false;            // -v
    // -U with a pattern that can match '\n' (core/match/newline_analysis.h): lines come in
    // blocks that may hold several lines, printed as rg's multi-line printer does; -c counts matches.
    bool multi_line = false;
    bool text = false;              // -a, -uuu, --null-data: no binary detection
    bool no_messages = false;       // --no-messages: file errors are counted, not printed
    std::optional<std::string> replacement;    // -r TEXT
    std::shared_ptr<const Replacer> replacer;  // -r, compiled by the search runner once the patterns compiled
};

// Whether the output of `mode` comes from rg's "summary" printer (-c, -l, ...), not its line printer.
bool is_summary_mode(OutputMode mode);

}  // namespace codescout
