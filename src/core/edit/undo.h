// Undoing an apply, and settling interrupted ones at startup.
//
// undo_apply(): restores every file an apply changed, by id (default: the newest apply not yet
// undone); per file refused with the reason when it changed since (restore.h). Running it again
// retries what is left. recover(): what the GUI and the CLI call when they start — discards
// entries that never got published (no file was touched), and for each apply or undo that a
// crash, kill -9 or full disk interrupted: completes it when every file already is new (an apply)
// or restores (an apply: rolls back; an undo: finishes it), and says so. Both lock the journal;
// recover() quietly does nothing while another CodeScout holds the lock (it is working on it).
// Entries that cannot be read are never acted on.
#pragma once

#include <string>
#include <vector>

#include "core/edit/edit_steps.h"
#include "core/edit/restore.h"
#include "core/edit/undo_journal.h"

namespace codescout {

struct UndoReport {
    std::string id;     // the apply undone
    std::string error;  // the undo could not run at all: why
    bool nothing_to_undo = false;
    std::vector<FileRestore> files;
    bool complete() const;  // every file is original again
};

// `batch`: how many files share one flush round (replace_batch.h).
UndoReport undo_apply(UndoJournal& journal, const std::string& id, const StepHook& hook = {}, const BatchLimits& batch = {});

struct RecoveryReport {
    std::vector<std::string> messages;  // one paragraph per entry settled; empty: nothing to do
};

RecoveryReport recover(UndoJournal& journal, const StepHook& hook = {}, const BatchLimits& batch = {});

// "2025-03-01 14:05:09" in local time.
std::string format_apply_time(std::int64_t time_ns);

}  // namespace codescout
