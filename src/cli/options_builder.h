// The one place that interprets the command line (ripgrep's "high args"): turns CliArgs plus what
// we know about the terminal into the engine's SearchOptions and the output plan the printers
// follow. Conflicting flags are rejected here.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/cli_args.h"
#include "core/search/replacer.h"
#include "core/print/output_plan.h"
#include "core/search/search_options.h"

namespace codescout::cli {

// -r TEXT --write / --dry-run: the matches are replaced in the files (write_command.h).
enum class WriteMode { None, DryRun, Write };

struct Plan {
    SearchOptions search;
    OutputPlan output;
    WriteMode write = WriteMode::None;
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
