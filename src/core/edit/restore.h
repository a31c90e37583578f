// Putting files of a journal entry back to their original content: the one operation behind an
// undo, the roll-back of a failed apply and the recovery of an interrupted one. Per file, by what
// it holds now: the applied content → the original is put back atomically (its mtime and atime
// too): the kept inode itself by an exchange of names where the journal keeps it by a link
// (replace_batch.h, stage_exchange), else its bytes through a temporary file; the original content → nothing to do; anything else → someone changed it since:
// left exactly as it is, with the reason. So it is idempotent: running it again after a crash
// in the middle finishes the job, and nothing anyone wrote since is ever overwritten. The files
// are written back in batches (group commit, replace_batch.h); a crash leaves each file wholly
// original or wholly applied, and the next run's check above tells which.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/edit/edit_steps.h"
#include "core/edit/replace_batch.h"
#include "core/edit/skip_reason.h"
#include "core/edit/undo_journal.h"

namespace codescout {

enum class RestoreOutcome { Restored, AlreadyOriginal, Refused };

struct FileRestore {
    std::string path;  // as the user saw it
    RestoreOutcome outcome = RestoreOutcome::Refused;
    std::optional<Skip> skip;  // Refused: why
};

// Restores files `indices` of `entry` (the journal must be locked); the results in that order.
std::vector<FileRestore> restore_files(const UndoJournal& journal, const JournalEntry& entry,
                                       const std::vector<std::size_t>& indices, const StepHook& hook,
                                       const BatchLimits& limits = {});

}  // namespace codescout
