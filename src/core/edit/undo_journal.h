// The undo journal: $XDG_STATE_HOME/codescout/undo/ (default ~/.local/state/codescout/undo/).
//
// One folder per apply, named by its id (1, 2, ...: the next id is one more than the highest
// present). In it:
//   manifest    the apply (time, pattern, replacement) and per file: where it is (root + clean
//               relative path), the temporary name the apply writes through, its original
//               metadata, the hashes of its content before and after, and where its original
//               bytes are in `originals`;
//   originals   the original bytes of every file not kept by a link, one after the other;
//   links-<b>/kept-<k>   a file's original itself: a hard link to the very inode the apply
//               replaced by a rename (when the journal is on the file's file system), so the
//               original needs no copy and is not freed by the rename; `kept` lists which files
//               are held so and under which k (JournalFile::kept_as: the file's index in the
//               apply's plan, made before its index in the manifest is known), and how many
//               links a subfolder holds: link k is in subfolder b = k / that many (32,
//               kKeptLinksPerFolder), made on first need. Entries of older versions have every
//               link in the entry folder itself, as `kept-<k>` (their `kept` record has no
//               per-folder count; in the oldest, k is the manifest index itself and `kept` lists
//               only the indices): JournalFile::kept_per_folder 0, read and undone as before. The
//               link is removed when the file is not replaced after all (skipped, rolled back),
//               so that no file of the user's is left with a second name here. An undo
//               exchanges the link with the applied file (restore.h): afterwards the link's name
//               holds the applied content, the original is the user's file again;
//   temps       while the entry is ".partial": the folders where the apply creates temporary
//               files (each appended before its first one is created), so that an entry
//               abandoned or interrupted before it was published has its temporary files (the
//               names in those folders with its tag) removed too;
//   committed   written once every file is done: which files were changed;
//   link-bytes  written just before `committed`: the bytes its kept links hold, so that the
//               entry's size needs no fstat per link (record_link_bytes);
//   undoing / undone / rolled-back   what happened to the apply since.
// Write-ahead: the folder is written as "<id>.partial", made durable (its subfolders too), renamed
// to "<id>" and the journal folder fsynced — only then is any file touched. So an entry without
// `committed` is an apply that was interrupted (recovery.h finishes or rolls it back); a
// ".partial" folder is one that changed nothing (it is discarded, and its temporary files in the
// folders its `temps` names with it).
//
// Whoever writes or acts on the journal holds an exclusive flock on its ".lock" file for the
// whole operation: the GUI and the CLI never act at once, and a process killed mid-apply drops
// the lock with its life, so the next start can recover.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/edit/confined_path.h"
#include "core/edit/content_hash.h"
#include "core/edit/edit_steps.h"
#include "core/io/open_file.h"

namespace codescout {

// How many kept links one subfolder of an entry holds (see above). ext4 finds a new name's place
// (and that it is new) by scanning the folder's hash-tree leaf blocks: in one folder of the
// kernel tree's 10,922 links linkat was ~25% of the pass threads' CPU, 60% of it that scan.
// 10,922 links made (a micro-benchmark, ext4, the subfolders' mkdir included): in one folder
// 155-160 ms; in subfolders of 16 88-92 ms, of 32 83-84 ms, of 64 88 ms, of 128 104 ms, of 256
// 131 ms; again with bench/kept-links.c, each link named by its path below the entry as
// keep_original does: one folder 143-146 ms, 32 72-75 ms, 64 76-79 ms. The entry records the
// number it was written with, so changing it leaves older entries readable.
inline constexpr std::size_t kKeptLinksPerFolder = 32;

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
    bool kept = false;         // the original is the entry's link kept_as (kept_path), not in `originals`
    std::size_t kept_as = 0;   // not in the manifest: from the `kept` record
    // Not in the manifest: from the `kept` record. Links per subfolder; 0: the link is in the
    // entry folder itself (an entry of an older version).
    std::size_t kept_per_folder = 0;
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
    // Records how many bytes entry `id`'s kept links hold, for the apply to call right before
    // its `committed` marker: while the entry stays committed (no undo or roll back has moved
    // its links since), its size is that plus its own few files, and not one fstat per link
    // (10,922 of them took ~20 ms at the end of a kernel-tree apply, in the trim). Not flushed: a
    // record lost or torn by a crash only means the links are counted one by one again.
    void record_link_bytes(const std::string& id, std::uint64_t bytes);
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
    // Where a kept original is, relative to its entry's folder: "links-<b>/kept-<k>", or
    // "kept-<k>" in an entry of an older version (per_folder 0). A path, not a folder's
    // descriptor and a name: linkat, renameat2 and unlinkat take it relative to the entry
    // folder, so nobody holds a descriptor per subfolder (10,922 links: 342 subfolders).
    static std::string kept_path(std::size_t kept_as, std::size_t per_folder);
    static std::string kept_path(const JournalFile& file) { return kept_path(file.kept_as, file.kept_per_folder); }
    // The name of the entry's link subfolder `number` ("links-<number>").
    static std::string kept_folder_name(std::size_t number);
    // Removes the links of entry `id` for `links` (JournalFile::kept_as numbers, where its `kept`
    // record says; all of them, in either layout, and their subfolders, when empty), so that the
    // files they share an inode with have one name again.
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
    // its folder is noted first in the entry's `temps` (see above) — once, before the first
    // temporary file there — so that abandon() and, after a crash, recovery
    // (UndoJournal::discard_leftovers) remove every temporary file of this apply in it (named by
    // its tag). A note per file was ~6% of a kernel-tree Replace All (10,922 appends, one
    // thread at a time; ~1,500 folders). Not flushed: it is for a crash of the process (kill -9);
    // the temporary files are not flushed before publish() either. Any thread. 0 or errno.
    int note_temp(const ConfinedLocation& location, const std::string& temp_name);
    // Keeps the original of the apply's file `key` (its plan index: helper threads keep
    // originals before the journal order is known) by a hard link kept_path(key,
    // kKeptLinksPerFolder) to `file_fd`'s inode (the file just opened: never a name someone could
    // have swapped meanwhile), its subfolder made first if this is its first link; an errno
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
    std::unordered_set<std::string> noted_folders_;  // root + '\0' + folder, under temps_mutex_
    std::uint64_t written_ = 0;
    std::vector<std::pair<std::size_t, std::size_t>> kept_;  // manifest index, kept_as
    // The link subfolders made so far, by number (links-<b>): made once, under the mutex (several
    // helpers keep originals at once); publish() makes them durable (sync_kept_folders).
    std::mutex kept_folders_mutex_;
    std::vector<bool> kept_folder_made_;
    // Makes the subfolder of link `key` if it is its first: 0 or errno. Any thread.
    int make_kept_folder(std::size_t key);
    // Makes the subfolders made so far durable, their links with them: 0 or errno.
    int sync_kept_folders();
    bool published_ = false;
};

std::string serialize_manifest(const JournalManifest& manifest);
// nullopt with `error` set when the text is not a manifest this version understands.
std::optional<JournalManifest> parse_manifest(std::string_view text, std::string& error);

}  // namespace codescout
