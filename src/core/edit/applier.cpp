// apply_plan, trim_journal (see applier.h).
#include "core/edit/applier.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <exception>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <variant>

#include <sys/stat.h>
#include <unistd.h>

#include "core/edit/file_io.h"
#include "core/edit/lending_pool.h"
#include "core/edit/ordered_prefetch.h"
#include "core/edit/replace_batch.h"
#include "core/edit/restore.h"
#include "core/edit/writeback_starter.h"

namespace codescout {

namespace {

std::int64_t to_ns(const struct timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

int helpers_for(int asked) {
    if (asked >= 0) return asked;
    return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, static_cast<unsigned>(kMaxApplyHelpers)));
}

// How many files the helpers may prepare ahead of the journal (each holds three descriptors
// until it is taken: the file, its folder, its temporary file). With 16, a helper on a large file
// held the other back at the window's end: the kernel-tree apply made 9,400 voluntary context
// switches, with 64 4,300-5,600, and its median time went from 1.17 s to 1.13 s (CPU 1.61 s to
// 1.54 s; 6 interleaved runs each on a journaled ext4, issue 9).
constexpr std::size_t kPrepareWindow = 64;

// A plan's edits_from asked for the edits of `content`: they must fit it, and an exception (the
// matcher's limits) skips the file instead of ending the apply.
std::variant<std::vector<TextEdit>, Skip> edits_from_content(const EditsFromContent& edits_from, std::string_view content) {
    std::variant<std::vector<TextEdit>, Skip> made;
    try {
        made = edits_from(content);
    } catch (const std::exception& e) {
        return Skip{SkipReason::InvalidEdits, std::string("its matches could not be found again: ") + e.what()};
    }
    if (const auto* edits = std::get_if<std::vector<TextEdit>>(&made))
        if (std::string why = validate_edits(*edits, content.size()); !why.empty())
            return Skip{SkipReason::InvalidEdits, "the planned edits do not fit it: " + why};
    return made;
}

// The process's working folder as the kernel names it (no links), or "" (locate_by_text).
std::string working_folder() {
    char name[PATH_MAX];
    return ::getcwd(name, sizeof name) != nullptr ? std::string(name) : std::string();
}

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

// Where an apply's files come from: a whole plan, or a feed filled while the search runs.
struct FileSource {
    const std::vector<FilePlan>* files = nullptr;  // a whole plan
    PlanFeed* feed = nullptr;
    // File i, once there; nullptr after the last (or when the feed failed).
    const FilePlan* wait_for(std::size_t i) const {
        if (files != nullptr) return i < files->size() ? &(*files)[i] : nullptr;
        return feed->wait_for(i);
    }
    const FilePlan& at(std::size_t i) const { return files != nullptr ? (*files)[i] : feed->at(i); }
    std::size_t available() const { return files != nullptr ? files->size() : feed->pushed(); }
    std::optional<std::string> failure() const { return feed != nullptr ? feed->failure() : std::nullopt; }
};

ApplyReport apply_files(const ApplyPlan& plan, const FileSource& source, UndoJournal& journal, const ApplyOptions& options);

}  // namespace

ApplyReport apply_plan(const ApplyPlan& plan, UndoJournal& journal, const ApplyOptions& options) {
    return apply_files(plan, FileSource{&plan.files, nullptr}, journal, options);
}

ApplyReport apply_streamed(const ApplyPlan& header, PlanFeed& feed, UndoJournal& journal, const ApplyOptions& options) {
    ApplyReport report = apply_files(header, FileSource{nullptr, &feed}, journal, options);
    feed.stop();
    return report;
}

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

namespace {

ApplyReport apply_files(const ApplyPlan& plan, const FileSource& source, UndoJournal& journal, const ApplyOptions& options) {
    ApplyReport report;
    // An outcome per file known so far (a whole plan: every file at once).
    auto add_outcomes = [&](std::size_t end) {
        for (std::size_t k = report.files.size(); k < end; ++k) {
            const FilePlan& f = source.at(k);
            report.files.push_back({f.path, false, f.edits.size(), std::nullopt, true});
        }
    };
    add_outcomes(source.available());
    if (source.wait_for(0) == nullptr) {  // nothing to apply (a feed: nothing found, or the search failed)
        if (const std::optional<std::string> failure = source.failure()) report.error = *failure;
        return report;
    }
    add_outcomes(source.available());
    if (!journal.lock(report.error)) {
        for (auto& f : report.files) f.skip = Skip{SkipReason::Cancelled, "not written: " + report.error};
        return report;
    }
    struct Unlock {
        UndoJournal& j;
        ~Unlock() { j.unlock(); }
    } unlock{journal};

    // One pass over the files (helper threads ahead, ordered_prefetch.h), then the renames.
    JournalManifest manifest;
    manifest.id = journal.next_id();
    manifest.time_ns = now_ns();
    manifest.pattern = plan.pattern;
    manifest.replacement = plan.replacement;
    EntryWriter writer;
    if (!writer.begin(journal, manifest.id, report.error)) {
        for (auto& f : report.files) f.skip = Skip{SkipReason::Cancelled, "not written: " + report.error};
        return report;
    }
    auto report_progress = [&options](ApplyProgress::Stage stage, std::size_t done, std::size_t total) {
        if (options.progress) options.progress(ApplyProgress{stage, done, total});
    };
    const std::size_t batch_files = std::max<std::size_t>(options.batch.files, 1);

    // Per file, on a helper: gate it (the gate's checks, file_gate.h), keep its original by a
    // link named by its plan index (the journal index is the consumer's; the entry's `kept`
    // record maps one to the other, undo_journal.h), take its status after that link (what the
    // rename is checked against: a change after this point shows in ctime),
    // read it and check the content against the searched hash (so a change between the search
    // and the link is caught too) — or, for a plan with edits_from, have the edits made from
    // these bytes, which judges them instead — make the new content, note the temporary file's
    // folder in the entry and write it. Nothing is renamed before the entry is published; a crash
    // before that leaves temporary files in the folders the entry's `temps` names.
    struct Prepared {
        GatedFile gated;
        ContentHash before;  // of the bytes read
        std::uint64_t size = 0;  // how many
        ContentHash after;
        std::size_t edit_count = 0;
        FolderId folder;
        bool pending = false;    // the original kept by the entry's link for i, adopted in plan order
        bool unchanged = false;  // the replacement equals what it replaces
        int journal_error = 0;   // the entry could not be written: stop, nothing changed
        bool write_error = false;  // `gated.skip` is a failure to write its temporary file
        WrittenTemp temp;        // after `gated`: removed while its folder is still open
    };
    // A file named twice in the plan (overlapping roots, or -L): the first naming to reach the
    // link keeps and rewrites it; the second is refused, as changed since it was searched.
    std::mutex claims_mutex;
    std::set<std::pair<dev_t, ino_t>> claimed;
    // What a helper reuses from one file to the next, one per helper at a time (a pool): the
    // folders of the previous file (confined_path.h), cleared every batch's worth of files (a
    // folder is held open about as long as a batch would hold it), and the buffers of the
    // content read and written (no allocation per file: freeing one a file made the allocator
    // give its pages back and take them again, ~10% of an apply's system time).
    struct Workspace {
        FolderChain chain;
        std::size_t epoch = 0;
        std::string read;  // its first `length` bytes: the content (file_io.h, read_into)
        std::string replaced;
    };
    const LendingPool<Workspace> workspaces;
    const std::string cwd = working_folder();
    std::mutex flush_mutex;
    std::vector<std::pair<dev_t, bool>> flush_each_by_dev;  // flushed_file_by_file(), per file system
    auto prepare = [&](std::size_t i) {
        const FilePlan& fp = source.at(i);
        const auto work = workspaces.borrow();
        struct DropLarge {  // before the workspace goes back, however this file ends
            Workspace& work;
            ~DropLarge() {
                drop_if_large(work.read);
                drop_if_large(work.replaced);
            }
        } const drop_large{*work};
        if (work->epoch != i / batch_files + 1) {
            work->chain.clear();
            work->epoch = i / batch_files + 1;
        }
        Prepared p;
        // By the path's text first; through a link (or a path changed meanwhile) resolved as before.
        std::optional<ConfinedLocation> by_text = locate_by_text(fp.path, plan.roots, cwd);
        if (by_text) p.gated = gate_located(fp, std::move(*by_text), options.max_file_size, 2, false, &work->chain);
        if (!by_text || (p.gated.skip && p.gated.skip->reason == SkipReason::PathChanged)) {
            p.gated = GatedFile{};
            Located located = locate_confined(fp.path, plan.roots);
            if (located.location)
                p.gated = gate_located(fp, std::move(*located.location), options.max_file_size, 2, false, &work->chain);
            else p.gated.skip = std::move(located.skip);
        }
        if (p.gated.skip) return p;
        const int fd = p.gated.file.file.get();
        struct stat& st = p.gated.file.status;
        {
            const std::lock_guard lock(claims_mutex);
            if (!claimed.insert({st.st_dev, st.st_ino}).second) {
                p.gated.skip = Skip{SkipReason::ChangedSinceSearch, "it is named twice in this apply and was rewritten under its other name"};
                return p;
            }
        }
        p.pending = writer.keep_original(fd, i) == 0;
        auto fail = [&](Skip skip) {
            if (p.pending) writer.drop_kept(i);
            p.pending = false;
            p.gated.skip = std::move(skip);
            return std::move(p);
        };
        const struct stat before = st;
        if (::fstat(fd, &st) != 0) return fail(Skip{SkipReason::WriteFailed, "cannot read its status: " + errno_message(errno)});
        if (st.st_size != before.st_size || st.st_mtim.tv_sec != before.st_mtim.tv_sec || st.st_mtim.tv_nsec != before.st_mtim.tv_nsec)
            return fail(Skip{SkipReason::ChangedSinceSearch, "it changed since it was searched (while it was being checked)"});
        if (std::optional<Skip> skip = hard_link_skip(st, p.pending ? 2 : 1)) return fail(std::move(*skip));
        std::size_t length = 0;
        if (const int error = read_into(fd, work->read, length, options.max_file_size, static_cast<std::uint64_t>(st.st_size)); error != 0)
            return fail(error == EFBIG ? Skip{SkipReason::ChangedSinceSearch, "it grew while it was read"}
                                       : Skip{SkipReason::WriteFailed, "cannot read it: " + errno_message(error)});
        const std::string_view content(work->read.data(), length);
        p.before = hash_bytes(content);
        p.size = length;
        if (!fp.edits_from && !(p.before == fp.searched.hash))
            return fail(Skip{SkipReason::ChangedSinceSearch, "its content changed since it was searched"});
        if (looks_binary(content)) return fail(Skip{SkipReason::Binary, "it is binary (holds a NUL byte)"});
        const std::vector<TextEdit>* edits = &fp.edits;
        std::variant<std::vector<TextEdit>, Skip> made;
        if (fp.edits_from) {  // made from these very bytes: they are what the journal keeps
            made = edits_from_content(fp.edits_from, content);
            if (Skip* skip = std::get_if<Skip>(&made)) return fail(std::move(*skip));
            edits = &std::get<std::vector<TextEdit>>(made);
        }
        p.edit_count = edits->size();
        const std::string& replaced = work->replaced;
        apply_edits_into(content, *edits, work->replaced);
        p.after = hash_bytes(replaced);
        if (p.after == p.before) {
            p.unchanged = true;
            return fail(Skip{});
        }
        if (!p.pending) p.gated.content = content;  // the journal copies it
        struct stat dir_status {};
        if (::fstat(p.gated.file.dir.get(), &dir_status) != 0)
            return fail(Skip{SkipReason::WriteFailed, "cannot read its folder's status: " + errno_message(errno)});
        p.folder = FolderId{dir_status.st_dev, dir_status.st_ino};
        const std::string temp_name = temp_name_for(p.gated.file.name, manifest.id, i, "replace");
        if ((p.journal_error = writer.note_temp(p.gated.location, temp_name)) != 0) return fail(Skip{});
        std::variant<WrittenTemp, Skip> written = write_temp(p.gated.file, temp_name, replaced);
        p.write_error = std::holds_alternative<Skip>(written);
        if (Skip* skip = std::get_if<Skip>(&written)) return fail(std::move(*skip));
        p.temp = std::move(std::get<WrittenTemp>(written));
        bool flush_each = false;
        {
            const std::lock_guard lock(flush_mutex);
            const auto known = std::find_if(flush_each_by_dev.begin(), flush_each_by_dev.end(),
                                            [&](const auto& d) { return d.first == dir_status.st_dev; });
            if (known != flush_each_by_dev.end()) flush_each = known->second;
            else flush_each_by_dev.emplace_back(dir_status.st_dev, flush_each = flushed_file_by_file(p.gated.file.dir.get()));
        }
        if (flush_each) {  // no syncfs() for this file system: this file's own flush, now
            p.write_error = true;
            if (const int error = sync_fd(p.temp.fd.get()); error != 0)
                return fail(Skip{SkipReason::WriteFailed, "cannot flush its new content to disk: " + errno_message(error) + "; the file is unchanged"});
            p.temp.fd.reset();
            p.write_error = false;
        }
        return p;
    };
    // What the renames need of each journaled file (its descriptors are closed meanwhile: the
    // folder is opened again from its root, and must be the one the temporary file is in).
    struct Staged {
        Planned planned;
        std::string name;
        struct stat status {};
        FolderId folder;
        std::uint64_t bytes = 0;
        bool owner_kept = true;
    };
    std::vector<Staged> staged;
    {
        WritebackStarter writeback;  // the temporary files written back in rounds, off this thread
        // A feed's files are made only once there: the consumer allows each as it arrives.
        const bool whole_plan = source.files != nullptr;
        OrderedPrefetch<Prepared> preparing(
            whole_plan ? source.files->size() : SIZE_MAX, prepare, [&](std::size_t i) { return 2 * source.at(i).searched.size; },
            whole_plan ? SIZE_MAX : 0, helpers_for(options.helper_threads), kPrepareWindow);
        auto stop_before_publish = [&](const std::string& error, const char* why) {
            add_outcomes(source.available());
            report.error = error;
            for (auto& f : report.files) f.skip = Skip{SkipReason::Cancelled, why};
            return report;  // the writer's destructor removes the entry, its links and the noted temporary files
        };
        for (std::size_t i = 0; source.wait_for(i) != nullptr; ++i) {
            preparing.allow(source.available());
            add_outcomes(source.available());
            if (options.cancelled && options.cancelled())
                return stop_before_publish("cancelled", "not written: the apply was cancelled");
            if (i > 0) report_progress(ApplyProgress::Stage::Journaling, i, source.available());
            const FilePlan& fp = source.at(i);
            Prepared p = preparing.take(i);
            if (p.journal_error != 0)
                return stop_before_publish("cannot write the undo journal in " + journal.dir() + ": " + errno_message(p.journal_error) +
                                               "; no file was changed",
                                           "not written: the undo journal could not be written");
            if (p.unchanged) continue;
            if (p.gated.skip) {
                report.files[i].skip = p.gated.skip;
                if (p.write_error && options.on_error == OnError::StopAndRollBack) {
                    // Disk full, EIO...: nothing was renamed yet, so there is nothing to roll back.
                    report.error = fp.path + ": " + p.gated.skip->message + "; no file was changed";
                    for (std::size_t k = 0; k < report.files.size(); ++k)
                        if (k != i) report.files[k].skip = Skip{SkipReason::Cancelled, "not written: the apply stopped at an error"};
                    return report;  // the writer's destructor removes the entry and the noted temporary files
                }
                continue;
            }
            report.files[i].edits = p.edit_count;
            const struct stat& st = p.gated.file.status;
            JournalFile jf;
            jf.display = fp.path;
            jf.location = p.gated.location;
            jf.temp_name = p.temp.name;
            jf.mode = st.st_mode & 07777;
            jf.uid = st.st_uid;
            jf.gid = st.st_gid;
            jf.atime_ns = to_ns(st.st_atim);
            jf.mtime_ns = to_ns(st.st_mtim);
            jf.size = p.size;
            jf.before = p.before;
            jf.after = p.after;
            const std::size_t index = manifest.files.size();
            // The original itself kept by a link where the journal shares its file system (no
            // copy, and the rename does not free it: undo_journal.h); else its bytes copied.
            if (p.pending) writer.adopt_kept(i, index, jf);
            const int error = p.pending ? 0 : writer.add_original(p.gated.content, jf);
            if (error != 0)
                return stop_before_publish("cannot write the undo journal in " + journal.dir() + ": " + errno_message(error) +
                                               "; no file was changed",
                                           "not written: the undo journal could not be written");
            reach_step(options.hook, "temp-created");
            staged.push_back(Staged{{i, index, p.pending ? 2u : 1u}, p.gated.file.name, st, p.folder, p.temp.bytes, p.temp.owner_kept});
            manifest.files.push_back(std::move(jf));
            if (p.temp.fd) writeback.start(std::move(p.temp.fd), p.temp.bytes);
            p.temp.name.clear();  // the entry's now: removed by the writer, recovery or the renames below
            reach_step(options.hook, "temp-written");
        }
        // The search failed after some files were prepared: nothing is published.
        if (const std::optional<std::string> failure = source.failure())
            return stop_before_publish(*failure + "; no file was changed", "not written: the search stopped at an error");
        // Cancelled while the pass waited for a feed (whose producer then stopped and closed it).
        if (options.cancelled && options.cancelled())
            return stop_before_publish("cancelled", "not written: the apply was cancelled");
    }
    add_outcomes(source.available());
    report_progress(ApplyProgress::Stage::Journaling, report.files.size(), report.files.size());
    if (staged.empty()) return report;  // writer's destructor discards the empty entry
    reach_step(options.hook, "originals-written");
    if (const int error = writer.publish(manifest, options.hook); error != 0) {
        report.error = "cannot write the undo journal in " + journal.dir() + ": " + errno_message(error) + "; no file was changed";
        for (auto& f : report.files) f.skip = Skip{SkipReason::Cancelled, "not written: the undo journal could not be written"};
        return report;
    }
    report.journal_id = manifest.id;
    reach_step(options.hook, "journal-published");

    // The renames, in batches (group commit, replace_batch.h): the first flush round makes every
    // temporary file durable, each later one the previous batch's renames.
    std::vector<Planned> changed;
    std::vector<std::size_t> changed_indices;
    std::size_t settled = 0;  // files of `staged` replaced or skipped
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
        if (settled < staged.size()) report_progress(ApplyProgress::Stage::Writing, settled, staged.size());
        return !cancelled();
    };
    ReplaceBatch batch(options.hook, options.batch);
    auto commit_batch = [&] {
        batch.commit([&](std::size_t n, const ReplaceResult& result) { return settle(staged[n].planned, &result, result.skip); });
    };
    FolderChain rename_chain;
    std::size_t next = 0;  // the first file of `staged` not handed to a batch
    for (; next < staged.size() && stop == Stop::No; ++next) {
        if (cancelled()) break;
        if (batch.empty()) rename_chain.clear();  // as in the pass: folders held about a batch long
        Staged& s = staged[next];
        const JournalFile& jf = manifest.files[s.planned.journal_index];
        ConfinedFile folder = open_confined_folder(jf.location, &rename_chain);
        std::optional<Skip> skip = folder.skip;
        if (!skip) {
            folder.status = s.status;
            skip = batch.add_prepared(next, std::move(folder), jf.temp_name, s.folder, s.bytes, s.owner_kept);
        }
        if (skip) {  // its temporary file cannot be reached through its folder any more
            if (!settle(s.planned, nullptr, skip)) {
                ++next;
                break;
            }
            continue;
        }
        if (batch.full()) commit_batch();
    }
    if (stop == Stop::No) commit_batch();
    if (stop != Stop::No) {
        batch.discard();  // staged, not renamed: those files keep their old content
        // The temporary files not handed to a batch yet (the rollback removes the others').
        FolderChain cleanup_chain;
        for (std::size_t n = next; n < staged.size(); ++n) {
            const JournalFile& jf = manifest.files[staged[n].planned.journal_index];
            const ConfinedFile folder = open_confined_folder(jf.location, &cleanup_chain);
            if (!folder.skip) ::unlinkat(folder.dir.get(), jf.temp_name.c_str(), 0);
        }
        if (stop == Stop::Cancelled) report.error = "cancelled";
        const char* why = stop == Stop::Cancelled ? "not written: the apply was cancelled" : "not written: the apply stopped at an error";
        for (const Staged& s : staged) {
            FileApplyOutcome& f = report.files[s.planned.plan_index];
            if (!f.changed && !f.skip) f.skip = Skip{SkipReason::Cancelled, why};
        }
        roll_back(journal, manifest.id, changed, report, options.hook, options.batch);
        return report;
    }
    // In the order of the entry (a large batch's renames settle in the order they finish).
    std::sort(changed_indices.begin(), changed_indices.end());
    // The renames durable before the entry says they are done (a failure: each file is whole,
    // old or new, after a power cut; undo and recovery tell which by its hash).
    (void)batch.sync_renames();
    // Files not replaced after all get their one name back.
    std::vector<std::size_t> unreplaced;
    for (const Staged& s : staged)
        if (!report.files[s.planned.plan_index].changed && manifest.files[s.planned.journal_index].kept) unreplaced.push_back(manifest.files[s.planned.journal_index].kept_as);
    if (!unreplaced.empty()) journal.release_kept(manifest.id, unreplaced);
    report_progress(ApplyProgress::Stage::Writing, staged.size(), staged.size());
    std::uint64_t link_bytes = 0;  // the originals of the files changed, kept by their links
    for (std::size_t index : changed_indices)
        if (manifest.files[index].kept) link_bytes += manifest.files[index].size;
    journal.record_link_bytes(manifest.id, link_bytes);
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
    report.notices = trim_journal(journal, options.journal_max_bytes, !options.free_dropped_later);
    return report;
}

}  // namespace

std::vector<std::string> trim_journal(UndoJournal& journal, std::uint64_t max_bytes, bool free_now) {
    std::vector<std::string> notices;
    // Within the bound (the usual case): no manifest read. Reading them all took ~15 ms after a
    // kernel-tree apply (a 4 MB manifest), at the end of every apply.
    if (journal.total_bytes() <= max_bytes) return notices;
    std::vector<JournalEntry> entries = journal.entries();
    std::uint64_t total = 0;
    for (const JournalEntry& e : entries) total += e.bytes;
    for (std::size_t i = 0; i + 1 < entries.size() && total > max_bytes; ++i) {
        const JournalEntry& e = entries[i];
        // Never drop what still needs settling, nor what we cannot read (it is not ours to judge).
        if (e.state == EntryState::Interrupted || e.state == EntryState::Undoing || e.state == EntryState::Unreadable) continue;
        if (!journal.remove_entry(e.id, free_now)) continue;
        total -= e.bytes;
        notices.push_back("undo history over its size limit (" + std::to_string(max_bytes) + " bytes): dropped the oldest apply, " +
                          e.id + " (\"" + e.manifest.pattern + "\" → \"" + e.manifest.replacement + "\", " +
                          std::to_string(e.changed.size()) + " files); it can no longer be undone");
    }
    return notices;
}

}  // namespace codescout
