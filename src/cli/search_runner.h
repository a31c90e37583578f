// Runs one search for the CLI: compiles the patterns (an invalid one fails before any file is
// read), picks the printer for the output mode, runs the engine, prints the summary and decides
// the exit status.
#pragma once

#include <chrono>

#include "cli/error_reporter.h"
#include "cli/options_builder.h"
#include "cli/output_writer.h"

namespace codescout::cli {

// Returns the exit status (0 match, 1 none, 2 error). `started` is when the program started, for
// the total elapsed time rg reports.
int run_search(const Plan& plan, OutputWriter& out, ErrorReporter& errors,
               std::chrono::steady_clock::time_point started);

}  // namespace codescout::cli
