// -r TEXT --write and -r TEXT --dry-run: the search finds the files with matches (same walk,
// globs, case rules and binary handling as a plain search); each file with a match is read once
// more by the edit layer (plan_file) on the search's worker thread as soon as the search found it,
// its matches found again in exactly those bytes (core/edit/match_edits.h), and
// either previewed as a unified diff (--dry-run, changing nothing) or applied — journaled, atomic,
// undoable with --undo (--write). Files are handled in path order, so the output is stable.
// Environment, for the benchmark (bench/replace-ab.sh): CODESCOUT_APPLY_TRACE=1 prints the time of
// each phase of an apply on standard error; CODESCOUT_APPLY_HELPERS=N sets the apply's helper
// threads (ApplyOptions::helper_threads).
#pragma once

#include "cli/error_reporter.h"
#include "cli/options_builder.h"
#include "cli/output_writer.h"
#include "core/edit/undo_journal.h"

namespace codescout::cli {

// Exit status: 0 if something was (or would be) replaced, 1 if nothing matched, 2 on an error
// or a file the edit layer refused.
int run_write(const Plan& plan, UndoJournal& journal, OutputWriter& out, ErrorReporter& errors);

}  // namespace codescout::cli
