// apply_plan, trim_journal (see applier.h).
#include "core/edit/applier.h"

#include <chrono>

#include "core/edit/atomic_replace.h"
#include "core/edit/restore.h"

namespace codescout {

namespace {

std::int64_t to_ns(const struct timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

struct Planned {
    std::size_t plan_index;  // in plan.files
    std::size_t journal_index;
};

// Rolls back what was changed so far; marks the entry rolled back. Fills the outcomes.
void roll_back(UndoJournal& journal, const std::string& id, const std::vector<Planned>& changed, ApplyReport& report,
               const StepHook& hook) {
    const auto entry = journal.entry(id);
    if (!entry) {
        report.error += "; the undo journal entry " + id + " cannot be read back to roll back (run --undo " + id + " later)";
        return;
    }
    std::vector<std::size_t> indices;
    for (const Planned& p : changed) indices.push_back(p.journal_index);
    const std::vector<FileRestore> restored = restore_files(journal, *entry, indices, hook);
    bool all = true;
    for (std::size_t i = 0; i < changed.size(); ++i) {
        FileApplyOutcome& outcome = report.files[changed[i].plan_index];
        if (restored[i].outcome == RestoreOutcome::Refused) {
            all = false;
            report.error += "; " + outcome.path + " could not be rolled back: " + restored[i].skip->message;
            continue;
        }
        outcome.changed = false;
        outcome.skip = Skip{SkipReason::Cancelled, "rolled back: the apply stopped"};
    }
    // Not all restored: leave the entry uncommitted, so the next start tries again.
    if (all && journal.write_marker(id, EntryState::RolledBack, {}) == 0) report.rolled_back = true;
}

}  // namespace

std::size_t ApplyReport::changed_files() const {
    std::size_t n = 0;
    for (const auto& f : files) n += f.changed ? 1 : 0;
    return n;
}

std::size_t ApplyReport::skipped_files() const {
    std::size_t n = 0;
    for (const auto& f : files) n += f.skip ? 1 : 0;
    return n;
}

ApplyReport apply_plan(const ApplyPlan& plan, UndoJournal& journal, const ApplyOptions& options) {
    ApplyReport report;
    for (const FilePlan& f : plan.files) report.files.push_back({f.path, false, f.edits.size(), std::nullopt, true});
    if (!journal.lock(report.error)) {
        for (auto& f : report.files) f.skip = Skip{SkipReason::Cancelled, "not written: " + report.error};
        return report;
    }
    struct Unlock {
        UndoJournal& j;
        ~Unlock() { j.unlock(); }
    } unlock{journal};

    // Pass 1: gate every file and journal its original, write-ahead.
    JournalManifest manifest;
    manifest.id = journal.next_id();
    manifest.time_ns = now_ns();
    manifest.pattern = plan.pattern;
    manifest.replacement = plan.replacement;
    std::vector<Planned> planned;
    EntryWriter writer;
    if (!writer.begin(journal, manifest.id, report.error)) {
        for (auto& f : report.files) f.skip = Skip{SkipReason::Cancelled, "not written: " + report.error};
        return report;
    }
    auto report_progress = [&options](ApplyProgress::Stage stage, std::size_t done, std::size_t total) {
        if (options.progress) options.progress(ApplyProgress{stage, done, total});
    };
    for (std::size_t i = 0; i < plan.files.size(); ++i) {
        if (options.cancelled && options.cancelled()) {
            report.error = "cancelled";
            for (auto& f : report.files) f.skip = Skip{SkipReason::Cancelled, "not written: the apply was cancelled"};
            return report;  // writer's destructor discards the unpublished entry: nothing was touched
        }
        if (i > 0) report_progress(ApplyProgress::Stage::Journaling, i, plan.files.size());
        const FilePlan& fp = plan.files[i];
        GatedFile gated = gate_file(fp, plan.roots, options.max_file_size);
        if (gated.skip) {
            report.files[i].skip = gated.skip;
            continue;
        }
        const std::string replaced = apply_edits(gated.content, fp.edits);
        if (replaced == gated.content) continue;  // the replacement equals what it replaces
        const struct stat& st = gated.file.status;
        JournalFile jf;
        jf.display = fp.path;
        jf.location = gated.location;
        jf.temp_name = temp_name_for(gated.file.name, manifest.id, manifest.files.size(), "replace");
        jf.mode = st.st_mode & 07777;
        jf.uid = st.st_uid;
        jf.gid = st.st_gid;
        jf.atime_ns = to_ns(st.st_atim);
        jf.mtime_ns = to_ns(st.st_mtim);
        jf.size = gated.content.size();
        jf.before = fp.searched.hash;
        jf.after = hash_bytes(replaced);
        if (const int error = writer.add_original(gated.content, jf); error != 0) {
            report.error = "cannot write the undo journal in " + journal.dir() + ": " + errno_message(error) +
                           "; no file was changed";
            for (auto& f : report.files) f.skip = Skip{SkipReason::Cancelled, "not written: the undo journal could not be written"};
            return report;
        }
        planned.push_back({i, manifest.files.size()});
        manifest.files.push_back(std::move(jf));
    }
    report_progress(ApplyProgress::Stage::Journaling, plan.files.size(), plan.files.size());
    if (planned.empty()) return report;  // writer's destructor discards the empty entry
    reach_step(options.hook, "originals-written");
    if (const int error = writer.publish(manifest, options.hook); error != 0) {
        report.error = "cannot write the undo journal in " + journal.dir() + ": " + errno_message(error) + "; no file was changed";
        for (auto& f : report.files) f.skip = Skip{SkipReason::Cancelled, "not written: the undo journal could not be written"};
        return report;
    }
    report.journal_id = manifest.id;
    reach_step(options.hook, "journal-published");

    // Pass 2: replace each file, gated again.
    std::vector<Planned> changed;
    std::vector<std::size_t> changed_indices;
    for (std::size_t n = 0; n < planned.size(); ++n) {
        const Planned& p = planned[n];
        FileApplyOutcome& outcome = report.files[p.plan_index];
        if (n > 0) report_progress(ApplyProgress::Stage::Writing, n, planned.size());
        if (options.cancelled && options.cancelled()) {
            report.error = "cancelled";
            for (std::size_t rest = n; rest < planned.size(); ++rest)
                report.files[planned[rest].plan_index].skip = Skip{SkipReason::Cancelled, "not written: the apply was cancelled"};
            roll_back(journal, manifest.id, changed, report, options.hook);
            return report;
        }
        const FilePlan& fp = plan.files[p.plan_index];
        GatedFile gated = gate_file(fp, plan.roots, options.max_file_size);
        if (gated.skip) {
            outcome.skip = gated.skip;
            continue;
        }
        const std::string replaced = apply_edits(gated.content, fp.edits);
        ReplaceRequest request{&gated.file, manifest.files[p.journal_index].temp_name, replaced, nullptr};
        ReplaceResult result = replace_atomically(request, options.hook);
        if (result.skip) {
            outcome.skip = result.skip;
            const bool write_error = result.skip->reason == SkipReason::WriteFailed || result.skip->reason == SkipReason::MetadataNotKept;
            if (write_error && options.on_error == OnError::StopAndRollBack) {
                report.error = fp.path + ": " + result.skip->message;
                for (std::size_t rest = n + 1; rest < planned.size(); ++rest)
                    report.files[planned[rest].plan_index].skip = Skip{SkipReason::Cancelled, "not written: the apply stopped at an error"};
                roll_back(journal, manifest.id, changed, report, options.hook);
                return report;
            }
            continue;
        }
        outcome.changed = true;
        outcome.owner_kept = result.owner_kept;
        changed.push_back(p);
        changed_indices.push_back(p.journal_index);
        reach_step(options.hook, "file-replaced");
    }
    report_progress(ApplyProgress::Stage::Writing, planned.size(), planned.size());
    if (const int error = journal.write_marker(manifest.id, EntryState::Committed, changed_indices); error != 0) {
        // The files are whole and new; without the marker the next start settles the entry.
        report.notices.push_back("the undo journal could not mark apply " + manifest.id + " as done (" + errno_message(error) +
                                 "); the next start will settle it");
        return report;
    }
    reach_step(options.hook, "committed");
    if (changed.empty()) {
        journal.remove_entry(manifest.id);  // nothing to undo
        report.journal_id.clear();
        return report;
    }
    report.notices = trim_journal(journal, options.journal_max_bytes);
    return report;
}

std::vector<std::string> trim_journal(UndoJournal& journal, std::uint64_t max_bytes) {
    std::vector<std::string> notices;
    std::vector<JournalEntry> entries = journal.entries();
    std::uint64_t total = 0;
    for (const JournalEntry& e : entries) total += e.bytes;
    for (std::size_t i = 0; i + 1 < entries.size() && total > max_bytes; ++i) {
        const JournalEntry& e = entries[i];
        // Never drop what still needs settling, nor what we cannot read (it is not ours to judge).
        if (e.state == EntryState::Interrupted || e.state == EntryState::Undoing || e.state == EntryState::Unreadable) continue;
        if (!journal.remove_entry(e.id)) continue;
        total -= e.bytes;
        notices.push_back("undo history over its size limit (" + std::to_string(max_bytes) + " bytes): dropped the oldest apply, " +
                          e.id + " (\"" + e.manifest.pattern + "\" → \"" + e.manifest.replacement + "\", " +
                          std::to_string(e.changed.size()) + " files); it can no longer be undone");
    }
    return notices;
}

}  // namespace codescout
