// The undo journal: $XDG_STATE_HOME/codescout/undo/ (default ~/.local/state/codescout/undo/).
//
// One folder per apply, named by its id (1, 2, ...: the next id is one more than the highest
// present). In it:
//   manifest    the apply (time, pattern, replacement) and per file: where it is (root + clean
//               relative path), the temporary name the apply writes through, its original
//               metadata, the hashes of its content before and after, and where its original
//               bytes are in `originals`;
//   originals   the original bytes of every file not kept by a link, one after the other;
//   kept-<k>    a file's original itself: a hard link to the very inode the apply replaced by a
//               rename (when the journal is on the file's file system), so the original needs no
//               copy and is not freed by the rename; `kept` lists which files are held so and
//               under which k (JournalFile::kept_as: the file's index in the apply's plan, made
//               before its index in the manifest is known; in entries of older versions the
//               manifest index itself, and `kept` lists only the indices). The
//               link is removed when the file is not replaced after all (skipped, rolled back),
//               so that no file of the user's is left with a second name here. An undo
//               exchanges the link with the applied file (restore.h): afterwards `kept-<k>` holds
//               the applied content, the original is the user's file again;
//   temps       while the entry is ".partial": where the apply is about to create each temporary
//               file (appended before the file is created), so that an entry abandoned or
//               interrupted before it was published has its temporary files removed too;
//   committed   written once every file is done: which files were changed;
//   undoing / undone / rolled-back   what happened to the apply since.
// Write-ahead: the folder is written as "<id>.partial", fsynced, renamed to "<id>" and the
// journal folder fsynced — only then is any file touched. So an entry without `committed` is an
// apply that was interrupted (recovery.h finishes or rolls it back); a ".partial" folder is one
// that changed nothing (it is discarded, and the temporary files its `temps` names with it).
//
// Whoever writes or acts on the journal holds an exclusive flock on its ".lock" file for the
// whole operation: the GUI and the CLI never act at once, and a process killed mid-apply drops
// the lock with its life, so the next start can recover.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/edit/confined_path.h"
#include "core/edit/content_hash.h"
#include "core/edit/edit_steps.h"
#include "core/io/open_file.h"

namespace codescout {

struct JournalFile {
    std::string display;  // the path as the user saw it
    ConfinedLocation location;
    std::string temp_name;  // the apply's temporary file in the file's folder
    std::uint32_t mode = 0;
    std::uint32_t uid = 0;
    std::uint32_t gid = 0;
    std::int64_t atime_ns = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t size = 0;  // of the original; also its length in `originals`
    ContentHash before;
    ContentHash after;
    std::uint64_t offset = 0;  // of the original bytes in `originals`
    bool kept = false;         // the original is the entry's "kept-<kept_as>" link, not in `originals`
    std::size_t kept_as = 0;   // not in the manifest: from the `kept` record
};

struct JournalManifest {
    std::string id;
    std::int64_t time_ns = 0;  // when the apply started, since the epoch
    std::string pattern;
    std::string replacement;
    std::vector<JournalFile> files;
};

enum class EntryState {
    Interrupted,  // no `committed`: an apply that did not finish
    Committed,
    Undoing,      // an undo that did not finish
    Undone,
    RolledBack,   // an interrupted or failed apply, restored
    Unreadable,   // garbage, truncated, another format version: shown, never acted on
};

struct JournalEntry {
    std::string id;
    EntryState state = EntryState::Unreadable;
    JournalManifest manifest;
    std::vector<std::size_t> changed;  // Committed and later: the files the apply changed
    std::string error;                 // Unreadable: why
    std::uint64_t bytes = 0;           // on disk
};

std::string_view state_name(EntryState state);

class UndoJournal {
public:
    explicit UndoJournal(std::string dir) : dir_(std::move(dir)) {}
    // $XDG_STATE_HOME/codescout/undo when XDG_STATE_HOME is an absolute path, else
    // $HOME/.local/state/codescout/undo; empty when neither is set.
    static std::string default_dir();
    const std::string& dir() const { return dir_; }

    // Creates the folder if needed and takes the lock without waiting; false with `error` set
    // when another CodeScout holds it or the folder cannot be made.
    bool lock(std::string& error);
    bool locked() const { return static_cast<bool>(lock_); }
    void unlock() { lock_.reset(); dir_fd_.reset(); }

    // Every entry, oldest first (by id). Needs no lock; the folder may be missing (no entries).
    std::vector<JournalEntry> entries() const;
    std::optional<JournalEntry> entry(const std::string& id) const;
    // The entries' bytes on disk (JournalEntry::bytes summed), without reading any manifest.
    std::uint64_t total_bytes() const;
    std::string next_id() const;
    // Cheap (names and marker files only, no manifest read): is there anything recover() would
    // settle or discard?
    bool needs_recovery() const;

    // Removes the folders of dropped entries (remove_entry(id, false)), taking the lock for it
    // when it is not held (busy: left to the next start). For after an apply's report.
    void free_dropped();

    // The following need the lock.
    int dir_fd() const { return dir_fd_.get(); }
    // Writes a marker record (`committed`, `undoing`, ...) into entry `id`, durably. 0 or errno.
    int write_marker(const std::string& id, EntryState state, const std::vector<std::size_t>& files);
    // Removes entry `id` (renamed to "<id>.dropped" first, so a crash leaves no half entry).
    // `free_now` false: only that rename; the folder (and with it the kept originals, whose
    // freeing costs ~0.6 ms a file on a disk mounted with `discard`: 7 s for a kernel-tree apply)
    // is removed by free_dropped() or the next start's recovery.
    bool remove_entry(const std::string& id, bool free_now = true);
    // Discards ".partial" and ".dropped" folders (and the temporary files a partial one's `temps`
    // names); returns the ids of the partial ones.
    std::vector<std::string> discard_leftovers();
    // The original bytes of file `index` of entry `id`, checked against its `before` hash. With
    // `kept` given and the original kept by a link, the descriptor of that link (read-only) is
    // left in `kept`: an undo puts that very inode back (restore.h).
    std::optional<std::string> original_bytes(const std::string& id, std::size_t index, const JournalFile& file,
                                              std::string& error, FileDescriptor* kept = nullptr) const;
    // Entry `id`'s folder, opened (invalid when it cannot be).
    FileDescriptor entry_folder(const std::string& id) const;
    // The name of a kept original (JournalFile::kept_as) in its entry's folder.
    static std::string kept_name(std::size_t kept_as);
    // Removes the "kept-<k>" links of entry `id` for `links` (JournalFile::kept_as numbers; all
    // of them when empty), so that the files they share an inode with have one name again.
    void release_kept(const std::string& id, const std::vector<std::size_t>& links = {});

private:
    std::string dir_;
    FileDescriptor dir_fd_;
    FileDescriptor lock_;
};

// Writing a new entry, write-ahead (see above).
class EntryWriter {
public:
    // Starts "<id>.partial" in the locked journal; false with `error` set on failure.
    bool begin(UndoJournal& journal, const std::string& id, std::string& error);
    // Appends a file's original bytes; their offset goes into `file.offset`. 0 or errno.
    int add_original(std::string_view bytes, JournalFile& file);
    // The apply is about to create the temporary file `temp_name` beside the file at `location`:
    // noted first in the entry's `temps` (see above), so that abandon() and, after a crash,
    // recovery (UndoJournal::discard_leftovers) remove it. Not flushed: it is for a crash of the
    // process (kill -9); the temporary files are not flushed before publish() either. Any
    // thread. 0 or errno.
    int note_temp(const ConfinedLocation& location, const std::string& temp_name);
    // Keeps the original of the apply's file `key` (its plan index: helper threads keep
    // originals before the journal order is known) by a hard link "kept-<key>" to `file_fd`'s
    // inode (the file just opened: never a name someone could have swapped meanwhile); an errno
    // value (EXDEV: another file system, ...) when it cannot, and then the caller copies the
    // bytes with add_original(). The link is made once and never renamed (a rename would change
    // the inode's ctime, which the apply checks right before it replaces the file). Any thread.
    int keep_original(int file_fd, std::size_t key);
    // The kept original `key` is file `index` of the manifest: sets `file.kept` and `kept_as`.
    void adopt_kept(std::size_t key, std::size_t index, JournalFile& file);
    // Removes the link of `key` (its file is not journaled after all). Any thread.
    void drop_kept(std::size_t key);
    // Writes the manifest, fsyncs everything and renames the entry into place. 0 or errno.
    // `hook` is reached between the manifest's write and the rename (edit_steps.h).
    int publish(const JournalManifest& manifest, const StepHook& hook = {});
    // Removes the unpublished entry and every temporary file noted in it.
    void abandon();
    ~EntryWriter() { abandon(); }

private:
    UndoJournal* journal_ = nullptr;
    std::string id_;
    FileDescriptor entry_dir_;
    FileDescriptor originals_;
    FileDescriptor temps_;  // the `temps` list, appended to (O_APPEND: one write per record)
    std::mutex temps_mutex_;
    std::uint64_t written_ = 0;
    std::vector<std::pair<std::size_t, std::size_t>> kept_;  // manifest index, kept_as
    bool published_ = false;
};

std::string serialize_manifest(const JournalManifest& manifest);
// nullopt with `error` set when the text is not a manifest this version understands.
std::optional<JournalManifest> parse_manifest(std::string_view text, std::string& error);

}  // namespace codescout
