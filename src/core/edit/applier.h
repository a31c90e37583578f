// Applying a plan: the one entry point that writes users' files.
//
// Order of events, each step durable before the next (edit_steps.h names them):
//  1. the journal is locked; every file passes the gate (file_gate.h) and its original (kept by
//     a hard link where the journal shares its file system, else copied), metadata and
//     before/after hashes go into a new journal entry, which is fsynced and published — before
//     any file is touched;
//  2. the files are replaced in batches (group commit, replace_batch.h): each file is gated again
//     (it may have changed meanwhile) and its new content written to a temporary file beside it;
//     one flush round for the batch; each temporary file renamed over its file after a last
//     check that the file is still the one read. A file that fails the gate or the check is
//     skipped, untouched (and its kept original released);
//  3. a last flush makes the renames durable; the entry is marked committed with the files that
//     changed; the journal is trimmed to its size bound, oldest applies first, each drop reported.
// A write error (disk full, EIO, EACCES) leaves that file as it was and, by default, stops the
// apply and rolls back the files already changed (OnError::Continue goes on with the next file).
// A crash anywhere leaves every file wholly old or wholly new; recover() (recovery.h) settles it
// at the next start (docs/replace-engine.md, "Durability", has the states and what recovery does
// with each). Memory: one file (old and new content) at a time; a batch keeps only descriptors.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/edit/apply_plan.h"
#include "core/edit/edit_steps.h"
#include "core/edit/file_gate.h"
#include "core/edit/replace_batch.h"
#include "core/edit/skip_reason.h"
#include "core/edit/undo_journal.h"

namespace codescout {

enum class OnError { StopAndRollBack, Continue };

// 512 MiB of undo history by default (a setting in the GUI).
inline constexpr std::uint64_t kDefaultJournalMaxBytes = 512ull * 1024 * 1024;

// How far an apply is, for a progress display: `done` of `total` files in the current stage.
struct ApplyProgress {
    enum class Stage { Journaling, Writing } stage = Stage::Journaling;
    std::size_t done = 0;
    std::size_t total = 0;
};

struct ApplyOptions {
    std::uint64_t max_file_size = kDefaultMaxRewriteSize;
    OnError on_error = OnError::StopAndRollBack;
    std::uint64_t journal_max_bytes = kDefaultJournalMaxBytes;
    // Polled between files: while journaling, stop with nothing changed; while writing, stop
    // and roll back the files already written.
    std::function<bool()> cancelled;
    std::function<void(const ApplyProgress&)> progress;  // after each file of each stage
    StepHook hook;
    BatchLimits batch;  // how many files (and bytes) share one flush round
    // Threads that check, read and write the temporary files ahead of the journal and the
    // batches (ordered_prefetch.h); 0: none, this thread does all. One by default: the passes are
    // system calls per file at one thread's speed, and a helper takes the opening, checking,
    // reading and writing off the thread that journals and renames — measured on the 2-core
    // benchmark machine under load, apply/search 3.0 against 4.0 without (bench/RESULTS.md,
    // issue 9). One, not more: a single helper opens every file in turn and so keeps the folder
    // chain (confined_path.h), which more helpers (each file on another thread) cannot.
    int helper_threads = 1;
};

struct FileApplyOutcome {
    std::string path;
    bool changed = false;
    std::size_t edits = 0;
    std::optional<Skip> skip;  // set: the file was not changed, and why
    bool owner_kept = true;    // false: changed, but this process could not give it back its owner
};

struct ApplyReport {
    std::string journal_id;  // empty: nothing was changed, nothing journaled
    std::vector<FileApplyOutcome> files;  // in plan order
    std::string error;        // the apply stopped: why (the files say which were rolled back)
    bool rolled_back = false;
    std::vector<std::string> notices;  // e.g. older applies dropped from the undo history

    std::size_t changed_files() const;
    std::size_t skipped_files() const;
};

ApplyReport apply_plan(const ApplyPlan& plan, UndoJournal& journal, const ApplyOptions& options);

// Drops the oldest entries until the journal fits `max_bytes` (the newest entry always stays);
// one notice per entry dropped. The journal must be locked.
std::vector<std::string> trim_journal(UndoJournal& journal, std::uint64_t max_bytes);

}  // namespace codescout
