// restore_files (see restore.h).
#include "core/edit/restore.h"

#include <functional>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

#include "core/edit/file_io.h"
#include "core/edit/replace_batch.h"

namespace codescout {

namespace {

struct timespec to_timespec(std::int64_t ns) {
    struct timespec t {};
    t.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
    t.tv_nsec = static_cast<long>(ns % 1'000'000'000);
    if (t.tv_nsec < 0) {
        t.tv_nsec += 1'000'000'000;
        t.tv_sec -= 1;
    }
    return t;
}

// Settles `result` when the file needs nothing or cannot be restored; else returns the file,
// opened, and its original bytes. `before_read` may replace the opened file (restore_files
// commits its batch when the batch holds this very file — an entry may name a file twice — and
// opens it again, so that its state is read after that rename).
struct Needed {
    ConfinedFile file;
    std::string original;
    FileDescriptor kept;  // the kept original's link in the journal (read-only), when it is one
};

std::optional<Needed> check_one(const UndoJournal& journal, const JournalEntry& entry, std::size_t index, FileRestore& result,
                                const std::function<void(ConfinedFile&)>& before_read) {
    const JournalFile& f = entry.manifest.files[index];
    ConfinedFile file = open_confined(f.location);
    if (file.dir) {
        // Leftovers of an apply (or an undo) that died between writing and renaming: ours alone.
        ::unlinkat(file.dir.get(), f.temp_name.c_str(), 0);
        ::unlinkat(file.dir.get(), temp_name_for(file.name, entry.id, index, "undo").c_str(), 0);
    }
    if (!file.skip) before_read(file);
    if (file.skip) {
        result.skip = file.skip;
        if (result.skip->reason == SkipReason::Missing) result.skip->message = "it no longer exists: not recreated";
        return std::nullopt;
    }
    std::string content;
    // A file that grew past twice the larger version cannot be either of them.
    if (const int error = read_to_end(file.file.get(), content, 2 * f.size + (1u << 20)); error != 0) {
        result.skip = Skip{SkipReason::ChangedSinceApply, error == EFBIG ? "it changed since the replace (it grew): left as it is"
                                                                         : "cannot read it: " + errno_message(error)};
        return std::nullopt;
    }
    const ContentHash now = hash_bytes(content);
    if (now == f.before) {
        result.outcome = RestoreOutcome::AlreadyOriginal;
        return std::nullopt;
    }
    if (!(now == f.after)) {
        result.skip = Skip{SkipReason::ChangedSinceApply, "it changed since the replace: left as it is"};
        return std::nullopt;
    }
    if (file.status.st_nlink > 1) {
        result.skip = Skip{SkipReason::HardLinked, "it has gained hard links since the replace: restoring would split them"};
        return std::nullopt;
    }
    std::string error;
    FileDescriptor kept;
    auto original = journal.original_bytes(entry.id, index, f, error, &kept);
    if (!original) {
        result.skip = Skip{SkipReason::WriteFailed, error + ": not restored"};
        return std::nullopt;
    }
    return Needed{std::move(file), std::move(*original), std::move(kept)};
}

}  // namespace

std::vector<FileRestore> restore_files(const UndoJournal& journal, const JournalEntry& entry,
                                       const std::vector<std::size_t>& indices, const StepHook& hook, const BatchLimits& limits) {
    std::vector<FileRestore> results;
    results.reserve(indices.size());
    ReplaceBatch batch(hook, limits);
    // Where the original is kept by a link, that inode goes back by an exchange of names
    // (replace_batch.h): the journal shares the file's file system, so one answer for all. The
    // link is named by its path relative to the entry folder (in its subfolder, or, in an entry of
    // an older version, in the entry folder itself: UndoJournal::kept_path).
    const FileDescriptor entry_dir = journal.entry_folder(entry.id);
    bool exchange = static_cast<bool>(entry_dir);
    std::vector<std::size_t> retry;  // slots whose exchange the file system refused: copied back
    auto commit = [&] {
        batch.commit([&](std::size_t slot, const ReplaceResult& replaced) {
            FileRestore& result = results[slot];
            if (replaced.exchange_unsupported) {
                exchange = false;
                retry.push_back(slot);
                return true;
            }
            if (replaced.skip) {
                result.skip = replaced.skip;
                if (result.skip->reason == SkipReason::ChangedSinceSearch) result.skip->reason = SkipReason::ChangedSinceApply;
            } else {
                result.outcome = RestoreOutcome::Restored;
            }
            reach_step(hook, "file-restored");
            return true;
        });
    };
    auto restore_one = [&](std::size_t slot) {
        const std::size_t index = indices[slot];
        const JournalFile& f = entry.manifest.files[index];
        std::optional<Needed> needed = check_one(journal, entry, index, results[slot], [&](ConfinedFile& file) {
            if (!batch.holds(file)) return;
            commit();
            file = open_confined(f.location);
        });
        if (!needed) {
            reach_step(hook, "file-restored");
            return;
        }
        const struct timespec times[2] = {to_timespec(f.atime_ns), to_timespec(f.mtime_ns)};
        // The kept inode itself, its times set first (reading it may have moved its atime), and
        // only while it has no other name than the journal's.
        struct stat kept {};
        if (exchange && needed->kept && ::futimens(needed->kept.get(), times) == 0 && ::fstat(needed->kept.get(), &kept) == 0 &&
            kept.st_nlink == 1 && batch.stage_exchange(slot, needed->file, entry_dir.get(), UndoJournal::kept_path(f), kept)) {
            if (batch.full()) commit();
            return;
        }
        needed->kept.reset();
        const std::string temp = temp_name_for(needed->file.name, entry.id, index, "undo");
        if (std::optional<Skip> skip = batch.stage(slot, std::move(needed->file), temp, needed->original, times)) {
            results[slot].skip = std::move(skip);
            reach_step(hook, "file-restored");
        }
        if (batch.full()) commit();
    };
    for (std::size_t slot = 0; slot < indices.size(); ++slot) {
        results.push_back(FileRestore{entry.manifest.files[indices[slot]].display, RestoreOutcome::Refused, std::nullopt});
        restore_one(slot);
    }
    commit();
    while (!retry.empty()) {  // untouched: their exchange failed before anything changed
        const std::vector<std::size_t> again = std::exchange(retry, {});
        for (std::size_t slot : again) {
            results[slot] = FileRestore{results[slot].path, RestoreOutcome::Refused, std::nullopt};
            restore_one(slot);
        }
        commit();
    }
    (void)batch.sync_renames();  // before the caller marks the entry undone or rolled back
    return results;
}

}  // namespace codescout
