// The CLI's side of the index (issue 12): --index-build, --index-status, and --index, which
// attaches the roots' indexes to a search (a root without a usable index is scanned; the output
// is the same either way). CODESCOUT_INDEX_TRACE=1 in the environment makes --index say on
// standard error what it did (for the bench and for curious users), never on standard output;
// CODESCOUT_INDEX_TRACE=candidates also lists the files the index lets through.
#pragma once

#include <string>
#include <vector>

#include "cli/error_reporter.h"
#include "cli/options_builder.h"
#include "cli/output_writer.h"
#include "core/search/search.h"

namespace codescout::cli {

// Builds the index of each path (default "."), with the walk rules of `plan`. Exit status.
int build_indexes(const std::vector<std::string>& paths, const Plan& plan, OutputWriter& out, ErrorReporter& errors);

// One paragraph per path (default "."). Exit status 0, or 2 when a path is not a folder.
int report_index_status(const std::vector<std::string>& paths, OutputWriter& out, ErrorReporter& errors);

// Runs a live index of the path (default ".") in the foreground until SIGINT, SIGTERM or SIGHUP,
// publishing its changes for --index searches (watch_journal.h). Exit status 0 when stopped by a
// signal, 2 when the folder has no usable index or another process already watches it.
int watch_index(const std::vector<std::string>& paths, OutputWriter& out, ErrorReporter& errors);

// Before search.run(): makes it an indexed search where an index exists, trusting a running
// watcher (--index-watch or the window) when one proves itself by a sync cookie.
void use_indexes(Search& search, const SearchOptions& options, ErrorReporter& errors);

}  // namespace codescout::cli
