// The one place that interprets the command line (ripgrep's "high args"): turns CliArgs plus what
// we know about the terminal into the engine's SearchOptions and the output plan the printers
// follow. Conflicting flags are rejected here.
#pragma once

#include "cli/cli_args.h"
#include "core/search/search_options.h"

namespace codescout::cli {

enum class OutputMode {
    Lines,             // rg's standard format
    Count,             // -c: PATH:COUNT
    FilesWithMatches,  // -l: PATH
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
    MetricsFormat metrics_format = MetricsFormat::Text;
};

struct Plan {
    SearchOptions search;
    OutputPlan output;
    bool use_index = false;  // --index: attach the roots' indexes to the search (search_runner)
};

// What the environment says about where output goes.
struct Terminal {
    bool stdout_is_tty = false;
    bool color_allowed = true;  // false when TERM is unset/"dumb" or NO_COLOR is set
    // Standard input is a file, a pipe or a socket: with no PATH, rg searches it instead of ".".
    bool stdin_readable = false;
};

Terminal detect_terminal();

// Throws UsageError for combinations that make no sense (e.g. --metrics-format without stats).
// Looks at the file system once: a single PATH that is not a directory hides file names.
Plan build_plan(const CliArgs& args, const Terminal& terminal);

}  // namespace codescout::cli
