// --files: walks like a search would (same ignore rules, globs, hidden files, depth) and prints
// each file that would be searched, one per line, without reading any.
#pragma once

#include "cli/error_reporter.h"
#include "cli/options_builder.h"
#include "cli/output_writer.h"

namespace codescout::cli {

// Returns the exit status: 0 if a file was listed (and no error happened), 1 if none, 2 on error.
int list_files(const Plan& plan, OutputWriter& out, ErrorReporter& errors);

}  // namespace codescout::cli
