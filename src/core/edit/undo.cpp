// undo_apply, recover (see undo.h).
#include "core/edit/undo.h"

#include <ctime>

#include "core/edit/file_io.h"

namespace codescout {

namespace {

// A refusal the next attempt may overcome (an I/O error), unlike a file someone changed.
bool transient(const FileRestore& r) {
    return r.outcome == RestoreOutcome::Refused && r.skip &&
           (r.skip->reason == SkipReason::WriteFailed || r.skip->reason == SkipReason::MetadataNotKept);
}

std::vector<std::size_t> all_files(const JournalEntry& entry) {
    std::vector<std::size_t> indices(entry.manifest.files.size());
    for (std::size_t i = 0; i < indices.size(); ++i) indices[i] = i;
    return indices;
}

std::string describe(const JournalEntry& e) {
    return "apply " + e.id + " of " + format_apply_time(e.manifest.time_ns) + " (\"" + e.manifest.pattern + "\" → \"" +
           e.manifest.replacement + "\")";
}

// Counts and the refused files' reasons, for a report.
std::string summarize(const std::vector<FileRestore>& files) {
    std::size_t restored = 0, original = 0, refused = 0;
    std::string details;
    for (const FileRestore& f : files) {
        if (f.outcome == RestoreOutcome::Restored) ++restored;
        else if (f.outcome == RestoreOutcome::AlreadyOriginal) ++original;
        else {
            ++refused;
            details += "\n  " + f.path + ": " + (f.skip ? f.skip->message : std::string("refused"));
        }
    }
    return std::to_string(restored) + " restored, " + std::to_string(original) + " untouched, " + std::to_string(refused) +
           " left as they are" + details;
}

// True when every file of the entry holds its applied content.
bool all_new(const JournalEntry& entry) {
    for (const JournalFile& f : entry.manifest.files) {
        ConfinedFile file = open_confined(f.location);
        std::string content;
        if (file.skip || read_to_end(file.file.get(), content, f.size * 2 + (1u << 20)) != 0 || !(hash_bytes(content) == f.after))
            return false;
    }
    return true;
}

}  // namespace

bool UndoReport::complete() const {
    if (!error.empty()) return false;
    for (const FileRestore& f : files)
        if (f.outcome == RestoreOutcome::Refused) return false;
    return true;
}

std::string format_apply_time(std::int64_t time_ns) {
    const std::time_t seconds = static_cast<std::time_t>(time_ns / 1'000'000'000);
    struct tm local {};
    char text[32] = "?";
    if (::localtime_r(&seconds, &local) != nullptr) std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

UndoReport undo_apply(UndoJournal& journal, const std::string& id, const StepHook& hook, const BatchLimits& batch) {
    UndoReport report;
    if (!journal.lock(report.error)) return report;
    struct Unlock {
        UndoJournal& j;
        ~Unlock() { j.unlock(); }
    } unlock{journal};

    std::vector<JournalEntry> entries = journal.entries();
    const JournalEntry* chosen = nullptr;
    if (id.empty()) {
        for (auto it = entries.rbegin(); it != entries.rend() && chosen == nullptr; ++it)
            if (it->state == EntryState::Committed || it->state == EntryState::Undoing) chosen = &*it;
        if (chosen == nullptr) {
            report.nothing_to_undo = true;
            report.error = "there is no apply to undo in " + journal.dir();
            return report;
        }
    } else {
        for (const JournalEntry& e : entries)
            if (e.id == id) chosen = &e;
        if (chosen == nullptr) {
            report.error = "there is no apply " + id + " in the undo history (" + journal.dir() + ")";
            return report;
        }
    }
    report.id = chosen->id;
    switch (chosen->state) {
    case EntryState::Unreadable:
        report.error = "apply " + chosen->id + " cannot be undone: its journal entry is unreadable (" + chosen->error + "); nothing was changed";
        return report;
    case EntryState::RolledBack:
        report.error = "apply " + chosen->id + " was rolled back already; there is nothing to undo";
        report.nothing_to_undo = true;
        return report;
    case EntryState::Interrupted:
        report.error = "apply " + chosen->id + " was interrupted and is not settled yet; start CodeScout again to recover it";
        return report;
    case EntryState::Committed:
    case EntryState::Undoing:
    case EntryState::Undone:
        break;
    }
    if (const int error = journal.write_marker(chosen->id, EntryState::Undoing, chosen->changed); error != 0) {
        report.error = "cannot write the undo journal: " + errno_message(error) + "; nothing was changed";
        return report;
    }
    reach_step(hook, "undo-started");
    report.files = restore_files(journal, *chosen, chosen->changed, hook, batch);
    bool settled = true;
    for (const FileRestore& f : report.files) settled = settled && !transient(f);
    if (settled) (void)journal.write_marker(chosen->id, EntryState::Undone, chosen->changed);
    reach_step(hook, "undo-finished");
    return report;
}

RecoveryReport recover(UndoJournal& journal, const StepHook& hook, const BatchLimits& batch) {
    RecoveryReport report;
    if (!journal.needs_recovery()) return report;  // the common start: a few stat calls, no lock
    std::string error;
    if (!journal.lock(error)) return report;  // busy (another CodeScout) or no journal folder
    struct Unlock {
        UndoJournal& j;
        ~Unlock() { j.unlock(); }
    } unlock{journal};

    for (const std::string& id : journal.discard_leftovers())
        report.messages.push_back("discarded apply " + id + ", interrupted before it changed any file");
    for (const JournalEntry& e : journal.entries()) {
        if (e.state == EntryState::Interrupted) {
            if (all_new(e)) {
                if (journal.write_marker(e.id, EntryState::Committed, all_files(e)) == 0)
                    report.messages.push_back("completed the interrupted " + describe(e) + ": all " +
                                              std::to_string(e.manifest.files.size()) + " files had been replaced");
                continue;
            }
            const std::vector<FileRestore> files = restore_files(journal, e, all_files(e), hook, batch);
            bool settled = true;
            for (const FileRestore& f : files) settled = settled && !transient(f);
            if (settled && journal.write_marker(e.id, EntryState::RolledBack, {}) == 0) journal.release_kept(e.id);
            reach_step(hook, "recovered");
            report.messages.push_back("rolled back the interrupted " + describe(e) + ": " + summarize(files) +
                                      (settled ? "" : "\n  (the next start tries again)"));
        } else if (e.state == EntryState::RolledBack) {
            journal.release_kept(e.id);  // killed between the marker and the links' removal
        } else if (e.state == EntryState::Undoing) {
            const std::vector<FileRestore> files = restore_files(journal, e, e.changed, hook, batch);
            bool settled = true;
            for (const FileRestore& f : files) settled = settled && !transient(f);
            if (settled) (void)journal.write_marker(e.id, EntryState::Undone, e.changed);
            reach_step(hook, "recovered");
            report.messages.push_back("finished the interrupted undo of " + describe(e) + ": " + summarize(files) +
                                      (settled ? "" : "\n  (the next start tries again)"));
        }
    }
    return report;
}

}  // namespace codescout
