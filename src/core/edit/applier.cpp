// apply_plan, trim_journal (see applier.h).
#include "core/edit/applier.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <variant>

#include "core/edit/file_io.h"
#include "core/edit/ordered_prefetch.h"
#include "core/edit/replace_batch.h"
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
    std::uint64_t links = 1;  // the names the file has: 2 while the journal keeps its original by a link
};

// Rolls back what was changed so far; marks the entry rolled back. Fills the outcomes.
void roll_back(UndoJournal& journal, const std::string& id, const std::vector<Planned>& changed, ApplyReport& report,
               const StepHook& hook, const BatchLimits& limits) {
    const auto entry = journal.entry(id);
    if (!entry) {
        report.error += "; the undo journal entry " + id + " cannot be read back to roll back (run --undo " + id + " later)";
        return;
    }
    std::vector<std::size_t> indices;
    for (const Planned& p : changed) indices.push_back(p.journal_index);
    const std::vector<FileRestore> restored = restore_files(journal, *entry, indices, hook, limits);
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
    if (all && journal.write_marker(id, EntryState::RolledBack, {}) == 0) {
        report.rolled_back = true;
        journal.release_kept(id);  // the files are their originals again: one name each
    }
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
    // The checks and reads on helper threads (ordered_prefetch.h); the journal, in plan order,
    // here. Two names allowed by the gate, the second checked below: a file named twice in the
    // plan has the link this entry keeps of its first naming. A plan that carries the edited
    // content's hash needs no read here: the writing pass reads each file anyway and checks it
    // against the fingerprint, and what it writes against that hash, before anything is written.
    struct Journaling {
        GatedFile gated;
        ContentHash after;
    };
    // The folders of the previous file, reused (confined_path.h) by the one thread that opens the
    // files (this one or the one helper; with more helpers each opens from the root). This pass
    // writes nothing in them (the journal links each file by its descriptor), so the chain may
    // live for the whole pass.
    FolderChain journal_chain;
    FolderChain* const journal_folders = options.helper_threads <= 1 ? &journal_chain : nullptr;
    OrderedPrefetch<Journaling> journaling(
        plan.files.size(),
        [&](std::size_t i) {
            const FilePlan& fp = plan.files[i];
            Journaling j;
            if (fp.replaced) {
                Located located = locate_confined(fp.path, plan.roots);
                if (located.location)
                    j.gated = gate_located(fp, std::move(*located.location), options.max_file_size, 2, false, journal_folders);
                else j.gated.skip = std::move(located.skip);
            } else {
                j.gated = gate_file(fp, plan.roots, options.max_file_size, 2);
            }
            if (!j.gated.skip) j.after = fp.replaced ? *fp.replaced : hash_bytes(apply_edits(j.gated.content, fp.edits));
            return j;
        },
        [&](std::size_t i) { return plan.files[i].replaced ? 0 : plan.files[i].searched.size; }, SIZE_MAX, options.helper_threads);
    std::set<std::pair<dev_t, ino_t>> kept_inodes;  // a set: asked for every file (a vector was quadratic)
    for (std::size_t i = 0; i < plan.files.size(); ++i) {
        if (options.cancelled && options.cancelled()) {
            report.error = "cancelled";
            for (auto& f : report.files) f.skip = Skip{SkipReason::Cancelled, "not written: the apply was cancelled"};
            return report;  // writer's destructor discards the unpublished entry: nothing was touched
        }
        if (i > 0) report_progress(ApplyProgress::Stage::Journaling, i, plan.files.size());
        const FilePlan& fp = plan.files[i];
        Journaling journaled = journaling.take(i);
        GatedFile& gated = journaled.gated;
        if (!gated.skip) {
            const struct stat& st = gated.file.status;
            const bool ours = kept_inodes.contains(std::pair{st.st_dev, st.st_ino});
            gated.skip = hard_link_skip(st, ours ? 2 : 1);
        }
        if (gated.skip) {
            report.files[i].skip = gated.skip;
            continue;
        }
        const ContentHash after = journaled.after;
        if (after == fp.searched.hash) continue;  // the replacement equals what it replaces
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
        jf.size = fp.searched.size;
        jf.before = fp.searched.hash;
        jf.after = after;
        // The original itself kept by a link where the journal shares its file system: no copy,
        // and the rename does not free it (undo_journal.h). A file named twice in the plan is
        // linked once (a second link would count as a foreign one); the rest copy their bytes.
        const std::pair<dev_t, ino_t> inode{st.st_dev, st.st_ino};
        const bool linked_already = kept_inodes.contains(inode);
        const bool keep = !linked_already && writer.keep_original(gated.file.file.get(), manifest.files.size(), jf) == 0;
        if (keep) kept_inodes.insert(inode);
        if (!keep && fp.replaced) {  // not read yet: the copy needs the bytes, as searched
            if (const int error = read_to_end(gated.file.file.get(), gated.content, options.max_file_size); error != 0 ||
                !(hash_bytes(gated.content) == fp.searched.hash)) {
                report.files[i].skip = error == 0 || error == EFBIG ? Skip{SkipReason::ChangedSinceSearch, "its content changed since it was searched"}
                                                                    : Skip{SkipReason::WriteFailed, "cannot read it: " + errno_message(error)};
                continue;
            }
        }
        if (const int error = keep ? 0 : writer.add_original(gated.content, jf); error != 0) {
            report.error = "cannot write the undo journal in " + journal.dir() + ": " + errno_message(error) +
                           "; no file was changed";
            for (auto& f : report.files) f.skip = Skip{SkipReason::Cancelled, "not written: the undo journal could not be written"};
            return report;
        }
        planned.push_back({i, manifest.files.size(), keep || linked_already ? 2u : 1u});
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

    // Pass 2: replace the files in batches (group commit, replace_batch.h), each gated again.
    std::vector<Planned> changed;
    std::vector<std::size_t> changed_indices;
    std::size_t settled = 0;  // files of `planned` replaced or skipped
    enum class Stop { No, Cancelled, AtError } stop = Stop::No;
    auto cancelled = [&] {
        if (stop == Stop::No && options.cancelled && options.cancelled()) stop = Stop::Cancelled;
        return stop == Stop::Cancelled;
    };
    auto is_write_error = [](const Skip& skip) {
        return skip.reason == SkipReason::WriteFailed || skip.reason == SkipReason::MetadataNotKept;
    };
    // One file settled: true to go on with the next.
    auto settle = [&](const Planned& p, const ReplaceResult* result, const std::optional<Skip>& skip) {
        FileApplyOutcome& outcome = report.files[p.plan_index];
        if (skip) {
            outcome.skip = skip;
            if (is_write_error(*skip) && options.on_error == OnError::StopAndRollBack) {
                report.error = outcome.path + ": " + skip->message;
                stop = Stop::AtError;
                return false;
            }
        } else {
            outcome.changed = true;
            outcome.owner_kept = result == nullptr || result->owner_kept;
            changed.push_back(p);
            changed_indices.push_back(p.journal_index);
            reach_step(options.hook, "file-replaced");
        }
        ++settled;
        if (settled < planned.size()) report_progress(ApplyProgress::Stage::Writing, settled, planned.size());
        return !cancelled();
    };
    // Each file gated again, read, its new content made and written to its temporary file on
    // helper threads, ahead — but never past the files the current batch can still take, so a
    // crash finds temporary files of one batch only; added to the batch, flushed and renamed
    // here, in order. Temporary files not added are removed (WrittenTemp).
    struct Writing {
        GatedFile gated;
        WrittenTemp temp;  // after `gated`: removed while its folder is still open
    };
    const std::size_t batch_files = std::max<std::size_t>(options.batch.files, 1);
    // As in the journaling pass, but cleared every batch's worth of files: a folder this pass
    // writes in is held about as long as a batch holds it anyway.
    FolderChain write_chain;
    FolderChain* const write_folders = options.helper_threads <= 1 ? &write_chain : nullptr;
    auto prepare = [&](std::size_t n, FolderChain* chain) {
        if (chain != nullptr && n % batch_files == 0) chain->clear();
        const Planned& p = planned[n];
        const FilePlan& fp = plan.files[p.plan_index];
        const JournalFile& jf = manifest.files[p.journal_index];
        // A kept original is the journal's second name of this very file. Where it is was
        // resolved by the journaling pass: it is opened again from its root, never following a
        // link (gate_located).
        Writing w{gate_located(fp, jf.location, options.max_file_size, p.links, true, chain), {}};
        if (w.gated.skip) return w;
        const std::string replaced = apply_edits(w.gated.content, fp.edits);
        w.gated.content = std::string();
        if (!(hash_bytes(replaced) == jf.after)) {  // a plan whose `replaced` hash was wrong
            w.gated.skip = Skip{SkipReason::InvalidEdits, "its edits do not give the content the plan announced: not written"};
            return w;
        }
        std::variant<WrittenTemp, Skip> written = write_temp(w.gated.file, jf.temp_name, replaced);
        if (Skip* skip = std::get_if<Skip>(&written)) w.gated.skip = std::move(*skip);
        else w.temp = std::move(std::get<WrittenTemp>(written));
        return w;
    };
    OrderedPrefetch<Writing> writing(
        planned.size(), [&](std::size_t n) { return prepare(n, write_folders); },
        [&](std::size_t n) { return 2 * plan.files[planned[n].plan_index].searched.size; }, batch_files, options.helper_threads);
    ReplaceBatch batch(options.hook, options.batch);
    auto commit_batch = [&] {
        batch.commit([&](std::size_t n, const ReplaceResult& result) {
            return settle(planned[n], &result, result.skip);
        });
    };
    for (std::size_t n = 0; n < planned.size() && stop == Stop::No; ++n) {
        if (cancelled()) break;
        const Planned& p = planned[n];
        writing.allow(n + batch_files - std::min(batch.size(), batch_files - 1));  // the room left in this batch
        Writing w = writing.take(n);
        if (!w.gated.skip && batch.holds(w.gated.file)) {  // the same file twice: the first one's rename first
            commit_batch();
            if (stop != Stop::No) break;
            w.temp = WrittenTemp();  // removed while its folder is open (members are assigned in order)
            w = prepare(n, options.helper_threads == 0 ? write_folders : nullptr);  // read after that rename
        }
        if (w.gated.skip) {
            if (!settle(p, nullptr, w.gated.skip)) break;
            continue;
        }
        batch.add_written(n, std::move(w.gated.file), w.temp);
        if (batch.full()) commit_batch();
    }
    if (stop == Stop::No) commit_batch();
    if (stop != Stop::No) {
        batch.discard();  // staged, not renamed: those files keep their old content
        if (stop == Stop::Cancelled) report.error = "cancelled";
        const char* why = stop == Stop::Cancelled ? "not written: the apply was cancelled" : "not written: the apply stopped at an error";
        for (const Planned& p : planned) {
            FileApplyOutcome& f = report.files[p.plan_index];
            if (!f.changed && !f.skip) f.skip = Skip{SkipReason::Cancelled, why};
        }
        roll_back(journal, manifest.id, changed, report, options.hook, options.batch);
        return report;
    }
    // The renames durable before the entry says they are done (a failure: each file is whole,
    // old or new, after a power cut; undo and recovery tell which by its hash).
    (void)batch.sync_renames();
    // Files not replaced after all get their one name back.
    std::vector<std::size_t> unreplaced;
    for (const Planned& p : planned)
        if (!report.files[p.plan_index].changed && manifest.files[p.journal_index].kept) unreplaced.push_back(p.journal_index);
    if (!unreplaced.empty()) journal.release_kept(manifest.id, unreplaced);
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
