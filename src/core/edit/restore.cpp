// restore_files (see restore.h).
#include "core/edit/restore.h"

#include <unistd.h>

#include "core/edit/atomic_replace.h"
#include "core/edit/file_io.h"

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

FileRestore restore_one(const UndoJournal& journal, const JournalEntry& entry, std::size_t index, const StepHook& hook) {
    const JournalFile& f = entry.manifest.files[index];
    FileRestore result{f.display, RestoreOutcome::Refused, std::nullopt};
    ConfinedFile file = open_confined(f.location);
    if (file.dir) ::unlinkat(file.dir.get(), f.temp_name.c_str(), 0);  // the apply's leftover, if it died mid-write
    if (file.skip) {
        result.skip = file.skip;
        if (result.skip->reason == SkipReason::Missing) result.skip->message = "it no longer exists: not recreated";
        return result;
    }
    std::string content;
    // A file that grew past twice the larger version cannot be either of them.
    if (const int error = read_to_end(file.file.get(), content, 2 * f.size + (1u << 20)); error != 0) {
        result.skip = Skip{SkipReason::ChangedSinceApply, error == EFBIG ? "it changed since the replace (it grew): left as it is"
                                                                         : "cannot read it: " + errno_message(error)};
        return result;
    }
    const ContentHash now = hash_bytes(content);
    if (now == f.before) {
        result.outcome = RestoreOutcome::AlreadyOriginal;
        return result;
    }
    if (!(now == f.after)) {
        result.skip = Skip{SkipReason::ChangedSinceApply, "it changed since the replace: left as it is"};
        return result;
    }
    if (file.status.st_nlink > 1) {
        result.skip = Skip{SkipReason::HardLinked, "it has gained hard links since the replace: restoring would split them"};
        return result;
    }
    std::string error;
    const auto original = journal.original_bytes(entry.id, f, error);
    if (!original) {
        result.skip = Skip{SkipReason::WriteFailed, error + ": not restored"};
        return result;
    }
    const struct timespec times[2] = {to_timespec(f.atime_ns), to_timespec(f.mtime_ns)};
    ReplaceRequest request{&file, temp_name_for(file.name, entry.id, index, "undo"), *original, times};
    ReplaceResult replaced = replace_atomically(request, hook);
    if (replaced.skip) {
        result.skip = replaced.skip;
        if (result.skip->reason == SkipReason::ChangedSinceSearch) result.skip->reason = SkipReason::ChangedSinceApply;
        return result;
    }
    result.outcome = RestoreOutcome::Restored;
    return result;
}

}  // namespace

std::vector<FileRestore> restore_files(const UndoJournal& journal, const JournalEntry& entry,
                                       const std::vector<std::size_t>& indices, const StepHook& hook) {
    std::vector<FileRestore> results;
    results.reserve(indices.size());
    for (std::size_t index : indices) {
        results.push_back(restore_one(journal, entry, index, hook));
        reach_step(hook, "file-restored");
    }
    return results;
}

}  // namespace codescout
