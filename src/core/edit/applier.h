// Applying a plan: the one entry point that writes users' files.
//
// Order of events:
//  1. the journal is locked and a new entry started (".partial", undo_journal.h). One pass over
//     the files, helper threads ahead of this one (ordered_prefetch.h): each file passes the gate
//     (file_gate.h), its original is kept by a hard link into the entry (made once, under its
//     final name: where the journal shares its file system; else its bytes are copied), its
//     status taken after that link (what the rename is checked against), its content read and
//     checked against the search's hash (so a change before the link is caught too, and one
//     after it shows in the status) — or, for a plan with edits_from (the GUI's), judged and
//     edited by it, from those very bytes — its new content made and written to a temporary file
//     beside it — noted in the entry first, so that an entry abandoned or interrupted before it
//     is published has its temporary files removed (abandon, recovery). Metadata and before/after hashes go into the entry in plan order;
//  2. the entry is published (fsynced, renamed into place) — before any rename;
//  3. the renames, in batches (group commit, replace_batch.h): each file's folder opened again
//     from its root (it must be the folder written in), one flush round per batch (the first
//     makes every temporary file durable), each file checked to be still the very file read,
//     renamed. A file that fails a check is skipped, untouched (its temporary file removed, its
//     kept original released);
//  4. a last flush makes the renames durable; the entry is marked committed with the files that
//     changed; the journal is trimmed to its size bound, oldest applies first, each drop reported.
// apply_streamed() makes the same steps over files that arrive while the search runs (step 1
// overlaps the search; step 2 waits for its end).
// Why one pass (bench/RESULTS.md, issue 9): the journaling and writing passes each opened, checked
// and (the second) read every file, at one core's speed; now each file is opened once.
// A write error (disk full, EIO, EACCES) while the temporary files are written leaves every file
// as it was and, by default, stops the apply before anything is renamed (OnError::Continue skips
// that file); during the renames it stops and rolls back the files already changed.
// A crash anywhere leaves every file wholly old or wholly new; recover() (recovery.h) settles it
// at the next start (docs/replace-engine.md, "Durability", has the states and what recovery does
// with each). Memory: the files being prepared (a window of them, ordered_prefetch.h), their old
// and new content; nothing of the content after a temporary file is written; a record per file.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/edit/apply_plan.h"
#include "core/edit/edit_steps.h"
#include "core/edit/file_gate.h"
#include "core/edit/plan_feed.h"
#include "core/edit/replace_batch.h"
#include "core/edit/skip_reason.h"
#include "core/edit/undo_journal.h"

namespace codescout {

enum class OnError { StopAndRollBack, Continue };

// 512 MiB of undo history by default (a setting in the GUI).
inline constexpr std::uint64_t kDefaultJournalMaxBytes = 512ull * 1024 * 1024;

// How far an apply is, for a progress display: `done` of `total` files in the current stage.
// Journaling: the pass that keeps each original and writes its new content aside (most of the
// time); Writing: the renames that replace the files.
struct ApplyProgress {
    enum class Stage { Journaling, Writing } stage = Stage::Journaling;
    std::size_t done = 0;
    std::size_t total = 0;
};

// More helpers than this only queue on the locks of the folders they all write to (the undo
// journal's entry, where every original is linked).
inline constexpr int kMaxApplyHelpers = 4;

struct ApplyOptions {
    std::uint64_t max_file_size = kDefaultMaxRewriteSize;
    OnError on_error = OnError::StopAndRollBack;
    std::uint64_t journal_max_bytes = kDefaultJournalMaxBytes;
    // Polled between files: while preparing, stop with nothing changed; while renaming, stop
    // and roll back the files already replaced.
    std::function<bool()> cancelled;
    std::function<void(const ApplyProgress&)> progress;  // after each file of each stage
    StepHook hook;
    BatchLimits batch;  // how many files (and bytes) share one flush round
    // Threads that check, keep, read and write the temporary files ahead of the journal
    // (ordered_prefetch.h); 0: none, this thread does all; -1 (the default): one per core, at
    // most kMaxApplyHelpers. Each takes a folder chain (confined_path.h) and its buffers from a
    // small pool. The pass is system calls per file; once the search that feeds it has ended,
    // one helper left the second core of the 2-core benchmark machine idle: two made the
    // kernel-tree apply 20-27% faster on a quiet machine (bench/RESULTS.md, issue 9).
    int helper_threads = -1;
    // True: the entries the size bound drops are only renamed away ("<id>.dropped"); freeing
    // them (their kept originals: ~7 s for a kernel-tree apply on a `discard` mount) is left to
    // UndoJournal::free_dropped(), which the caller runs after it has reported the apply (or
    // to the next start). The CLI does so; false frees them before apply_plan() returns.
    bool free_dropped_later = false;
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
    std::vector<FileApplyOutcome> files;  // in plan order (apply_streamed(): order of arrival)
    std::string error;        // the apply stopped: why (the files say which were rolled back)
    bool rolled_back = false;
    std::vector<std::string> notices;  // e.g. older applies dropped from the undo history

    std::size_t changed_files() const;
    std::size_t skipped_files() const;
};

ApplyReport apply_plan(const ApplyPlan& plan, UndoJournal& journal, const ApplyOptions& options);

// apply_plan() of the files `feed` receives while the search runs (plan_feed.h): `header` gives
// the roots, pattern and replacement (its `files` are ignored). Each file's pass starts as soon
// as it arrives; the entry is published, and anything renamed, only after the feed is closed —
// a feed that failed leaves every file as it was (the entry abandoned, `error` the failure's).
// Nothing found: nothing locked, an empty report. The journal's order, and the report's, is
// the order of arrival. The feed is stopped when this returns.
ApplyReport apply_streamed(const ApplyPlan& header, PlanFeed& feed, UndoJournal& journal, const ApplyOptions& options);

// Drops the oldest entries until the journal fits `max_bytes` (the newest entry always stays);
// one notice per entry dropped. The journal must be locked. `free_now` false: see
// ApplyOptions::free_dropped_later.
std::vector<std::string> trim_journal(UndoJournal& journal, std::uint64_t max_bytes, bool free_now = true);

}  // namespace codescout
