// The undo commands of codescout-cli, which search nothing: `--undo-list` (the history of
// applies: id, time, state, pattern → replacement, files) and `--undo [ID]` (default: the last
// apply). They stand alone on the command line; anything else with them is a usage error. The
// texts are built here as strings (tested directly), main() prints them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/edit/undo.h"
#include "core/edit/undo_journal.h"

namespace codescout::cli {

struct UndoCommand {
    enum class Kind { List, Undo } kind = Kind::List;
    std::string id;  // Undo: empty = the last apply
};

// nullopt when the command line is not an undo command; throws UsageError when --undo or
// --undo-list comes with other arguments or a malformed ID.
std::optional<UndoCommand> parse_undo_command(int argc, const char* const* argv);

// The listing, oldest first; unreadable entries shown with their reason.
std::string undo_list_text(const std::vector<JournalEntry>& entries);

struct UndoOutput {
    std::string out;  // per file what happened, and a summary
    std::string err;  // errors and refusals
    int exit_code = 0;  // 0: every file original again; 1: nothing to undo; 2: an error or a refusal
};
UndoOutput undo_output(const UndoReport& report);

// Runs the command against `journal`; writes to stdout/stderr; returns the exit status.
int run_undo_command(const UndoCommand& command, UndoJournal& journal);

// Settles interrupted applies at startup (recovery.h) and says so on stderr, one paragraph each.
void recover_at_startup(UndoJournal& journal);

}  // namespace codescout::cli
