// Replacing many files atomically with a few disk flushes for the lot (group commit), instead of
// two per file. Each file still goes through a temporary file in its own folder that is renamed
// over it, so readers and a crash see the old file or the new one, never a mix; what is batched
// is only the waiting for the disk. A batch moves through its stages all files at a time:
//  1. stage(): per file, the new content goes to a temporary file next to it (created O_EXCL,
//     never following a link), which gets the old file's owner, permissions, extended attributes
//     and ACLs (and given times, for an undo); its writeback is started on another thread, in
//     rounds, not waited for (writeback_starter.h);
//  2. commit(): one flush round — syncfs() once per file system of the batch (see below); then per
//     file, right before its rename, a check that the name is still the very file that was read
//     (device, inode, size, mtime, ctime: a save by an editor in the meantime makes the file a
//     skip, not a lost edit), and the rename. The renames become durable at the next flush round
//     of their file system, or at sync_renames(), which the caller must call before it records
//     that the files are done. A file system flushed by a round with no temporary file written
//     on it since (the apply's, whose every temporary file is written before its first batch)
//     is not flushed again by later rounds: their renames wait for sync_renames() (a crash
//     leaves each file old or new either way; an apply's 11 rounds on the kernel tree cost 3-8
//     ms each on a journaled ext4).
// Until its rename a file is untouched. A crash leaves files wholly old or wholly new, plus
// temporary files whose names the caller recorded beforehand (the undo journal) so that recovery
// removes them. (The apply writes every temporary file in its one pass, before the batches, and
// hands them over with add_prepared(); undo and recovery stage() them batch by batch.) A failure leaves that file as it was and its
// temporary file removed; the destructor removes whatever was staged and not committed.
//
// Why syncfs() and not an fsync() per file: each fsync() ends in a flush of the disk's write
// cache, which costs milliseconds however little was written (measured: 4-6 ms on ext4 in a VM,
// where 64 new files took 378 ms to fsync one by one and 35 ms to sync at once; an fsync() per
// temporary file after all were written back still cost one cache flush each). syncfs() also
// writes what other programs left dirty on that file system; that is the price of one flush.
// File systems where syncfs() is not known to be a durability point (network and FUSE file
// systems) get an fsync() per temporary file and per folder instead.
//
// An undo whose journal kept the original inode by a link (undo_journal.h) needs no new content
// at all: stage_exchange() queues an exchange of the two names instead (renameat2 with
// RENAME_EXCHANGE, one atomic step), which puts the original inode back under the file's name and
// leaves the applied one in the journal. Nothing is written and nothing freed (a rename over a
// file frees the replaced inode: milliseconds each on a disk mounted with `discard`).
//
// Memory: nothing of the content is kept after stage(); a descriptor per distinct folder (and per
// temporary file on a file system flushed file by file): BatchLimits::descriptors bounds them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "core/edit/confined_path.h"
#include "core/edit/edit_steps.h"
#include "core/edit/skip_reason.h"
#include "core/edit/writeback_starter.h"
#include "core/io/open_file.h"

namespace codescout {

// When a batch is full (whichever comes first): `files` staged, `bytes` of new content staged
// (what one flush round waits for), or `descriptors` held open. (One batch for a whole tree —
// 16,384 files, 1 GiB, half the descriptor limit — was tried and measured slower on the kernel
// tree: bench/RESULTS.md, issue 9, idle-machine section.)
struct BatchLimits {
    std::size_t files = 1024;
    std::uint64_t bytes = 64ull * 1024 * 1024;
    std::size_t descriptors = 256;
};

struct ReplaceResult {
    std::optional<Skip> skip;  // set: this file was not changed, and why
    bool owner_kept = true;    // false: changed, but its owner could not be given back
    // stage_exchange() only: the file system cannot exchange two names (EINVAL: NFS, old
    // kernels...); the file is untouched, and the caller writes it back by a copy instead.
    bool exchange_unsupported = false;
};

// A folder by identity, to open and flush each one once however many of its files a batch holds.
struct FolderId {
    dev_t dev = 0;
    ino_t ino = 0;
    bool operator==(const FolderId&) const = default;
};

// Stage 1's writing alone: the temporary file, written with its content and metadata (its
// writeback is started by add_written()). Removed again by the destructor unless handed to
// ReplaceBatch::add_written().
struct WrittenTemp {
    int dir = -1;  // the file's folder (the ConfinedFile's: keep it open meanwhile)
    std::string name;
    FileDescriptor fd;
    std::uint64_t bytes = 0;
    bool owner_kept = true;
    WrittenTemp() = default;
    WrittenTemp(WrittenTemp&& other) noexcept
        : dir(other.dir), name(std::exchange(other.name, {})), fd(std::move(other.fd)), bytes(other.bytes), owner_kept(other.owner_kept) {}
    WrittenTemp& operator=(WrittenTemp&& other) noexcept;
    ~WrittenTemp();
};

// Writes `content` to `temp_name` beside `file` (see ReplaceBatch::stage). A skip leaves nothing behind.
std::variant<WrittenTemp, Skip> write_temp(const ConfinedFile& file, const std::string& temp_name, std::string_view content,
                                           const struct timespec* times = nullptr);

class ReplaceBatch {
public:
    // `hook` is reached at the durable steps: "temp-created", "temp-written" (per file),
    // "exchange-staged" (per file), "batch-written", "file-system-synced" (per syncfs() of a
    // flush round), "batch-synced" (per batch), "renames-synced" (edit_steps.h).
    explicit ReplaceBatch(StepHook hook, BatchLimits limits = {});
    ~ReplaceBatch();
    ReplaceBatch(const ReplaceBatch&) = delete;
    ReplaceBatch& operator=(const ReplaceBatch&) = delete;

    // Stage 1 for one file (`file` from open_confined(), its content read by the caller): writes
    // `content` to `temp_name` in the file's folder. `key` comes back from commit(). A skip means
    // nothing of this file is left behind and nothing is staged.
    std::optional<Skip> stage(std::size_t key, ConfinedFile file, const std::string& temp_name, std::string_view content,
                              const struct timespec* times = nullptr);

    // stage() in two steps: write_temp() (any thread), then this, in staging order (reaches the
    // steps "temp-created" and "temp-written"); `written` is the batch's afterwards.
    void add_written(std::size_t key, ConfinedFile file, WrittenTemp& written);
    std::size_t size() const { return staged_.size(); }

    // Stage 1 done before the batch: the apply's single pass wrote `temp_name` beside `file`
    // (with its metadata, `owner_kept` telling how that went; flushed already where the file
    // system is flushed file by file, its writeback started elsewhere) while the undo journal
    // was written, and reopened the folder from its root for the renames. `file.status` is what
    // the rename is checked against; `folder` the folder the temporary file was written in: a
    // different one under that name now (moved, swapped) is a skip, and nothing is staged. On
    // success the batch owns the temporary file (commit() renames or removes it).
    std::optional<Skip> add_prepared(std::size_t key, ConfinedFile file, const std::string& temp_name, FolderId folder,
                                     std::uint64_t bytes, bool owner_kept);

    // Stage 1 of an undo by the kept original: `source_name` in `source_dir` (the journal entry's
    // folder, open until commit(); the name may be a path below it: the link's subfolder and
    // name), whose times the caller has set, is to take the place of `file`, and `file`'s inode
    // the place of `source_name`. Nothing is written; `source_status` (the source's fstat after
    // its times were set) is checked again right before the exchange. False, with `file` left to
    // the caller, where the file system is flushed file by file (network file systems: no
    // exchange there).
    bool stage_exchange(std::size_t key, ConfinedFile& file, int source_dir, const std::string& source_name,
                        const struct stat& source_status);

    // True when this very file (same folder, same name) is staged: commit first, then look again.
    bool holds(const ConfinedFile& file) const;
    bool full() const;
    bool empty() const { return staged_.empty(); }

    // Stage 2 for every staged file: in staging order, or for a large batch on a few threads
    // (see commit() for when and why). `done` is called once per file with its result (the skip
    // of a file that failed its flush, its check or its rename), one call at a time, though not
    // always on the calling thread; returning false stops the batch: the files not yet renamed
    // keep their old content and are not reported (every file renamed is). The batch is empty
    // afterwards.
    void commit(const std::function<bool(std::size_t key, const ReplaceResult& result)>& done);

    // Makes every rename done so far durable (one flush per file system). 0 or an errno value:
    // after a failure the renamed files are whole, old or new, after a power cut.
    int sync_renames();

    // Removes every staged temporary file: the files keep their old content.
    void discard();

private:
    struct Folder {
        FolderId id;
        FileDescriptor fd;
        bool flush_each = false;  // no syncfs() on its file system: fsync per file and folder
    };
    struct Staged {
        std::size_t key;
        std::size_t folder;  // in folders_
        std::string name;
        struct stat status {};  // the file's, when it was read: what the rename is checked against
        std::string temp_name;
        FileDescriptor temp;    // open only where the file system is flushed file by file
        bool owner_kept = true;
        int source_dir = -1;    // an exchange (stage_exchange): temp_name is the source in this folder,
        struct stat source_status {};  // never removed by the batch
    };
    // File systems with renames not yet flushed: one descriptor on each (a folder's duplicate),
    // and whether it is flushed folder by folder (then one per such folder).
    struct Pending {
        dev_t dev;
        FileDescriptor fd;
        bool flush_each;
    };

    std::size_t add_folder(FileDescriptor& dir);  // its index in folders_; `dir` moved in when new
    std::size_t add_folder(FileDescriptor& dir, FolderId id);
    // One file's check and rename (or exchange); its temporary file renamed or removed.
    ReplaceResult replace_one(Staged& s, int flush_error);
    ReplaceResult exchange(const Staged& s, int dir);
    std::size_t descriptors() const;
    void forget_staged();

    StepHook hook_;
    BatchLimits limits_;
    // Indexed, not searched: a batch may hold a whole tree's files (10,923 on the kernel tree)
    // and is asked about each new one; scans of staged_ and folders_ per file were quadratic
    // (5% of a kernel-tree apply's samples in strcmp, holds() and full()).
    struct FolderIdHash {
        std::size_t operator()(const FolderId& id) const noexcept {
            return std::hash<std::uint64_t>{}(static_cast<std::uint64_t>(id.ino) * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(id.dev));
        }
    };
    std::vector<Folder> folders_;
    std::unordered_map<FolderId, std::size_t, FolderIdHash> folder_index_;  // into folders_
    std::vector<Staged> staged_;
    std::unordered_map<std::string, std::size_t> staged_names_;  // how many staged files have each name
    std::size_t open_temps_ = 0;  // staged temporary files still open (file systems flushed file by file)
    std::vector<Pending> pending_;
    // File systems flushed by a round with no temporary file written on them since (stage(),
    // add_written()): a later round need not flush them again (see above).
    std::vector<dev_t> clean_;
    bool is_clean(dev_t dev) const;
    void written_on(dev_t dev);
    std::uint64_t bytes_ = 0;
    WritebackStarter writeback_;  // last: joined first, while the rest is still there
};

// True where syncfs() is not a durability point (network and FUSE file systems, see above): the
// files and folders in `dir` are fsynced one by one.
bool flushed_file_by_file(int dir);

// The temporary name for `name` in an apply or undo: hidden, tagged, unique per journal entry,
// file and purpose ("replace", "undo").
std::string temp_name_for(const std::string& name, const std::string& entry_id, std::size_t index, std::string_view purpose);

}  // namespace codescout
