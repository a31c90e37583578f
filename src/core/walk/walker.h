// The parallel directory walker: knows ignore files, filters, hidden entries and symlinks, and
// nothing about searching. It hands each file that passes to a visitor on a worker thread.
//
// Choices worth knowing (ripgrep's unless said otherwise):
// - Roots are followed even when they are symlinks; a root that is not a directory is visited as
//   given (explicit_root), whatever it is: hidden, ignored, or a FIFO such as `<(cmd)`.
// - Without follow_links a symlink met during the walk is skipped silently and counted nowhere.
//   With it, links are resolved; a broken link and a link to an ancestor directory are errors.
// - Only regular files reach the visitor; FIFOs, sockets and devices are counted as special and
//   never opened. The walker itself opens directories only (and regular ignore files).
// - `.git` directories are never walked, even with include_hidden (ripgrep 14 walks them).
// - .gitignore, .git/info/exclude and core.excludesFile apply inside a git working tree (a `.git`
//   at or above the directory), .ignore everywhere, also in the directories above a root. A
//   malformed ignore line matches nothing and is reported through on_error (and counted).
// - on_error is called by one thread at a time; the visitor concurrently from all threads. An
//   exception thrown by the visitor stops the walk and is rethrown by run().
// - run_batched() hands a directory's files over together, while the directory is still open:
//   the search opens and reads them in batches, a system call for many files (io/batch_opener.h).
// - With ThreadGrowth the walk may add threads while it runs, when reads wait for the disk
//   (thread_growth.h): a cold page cache needs more reads in flight than there are cores.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "core/walk/path_error.h"
#include "core/walk/thread_growth.h"
#include "core/walk/walk_options.h"

namespace codescout {

class WalkObserver;
class WalkOracle;

struct WalkEntry {
    std::string path;             // display path: root as given + relative path ("./a/b.c" for root ".")
    unsigned depth = 0;           // 0 for a root given explicitly as a file
    bool explicit_root = false;   // named on the command line: searched even if ignored/hidden
    // The open directory the file was listed from (-1 for a root named as a file), valid only
    // during the visit, and where the file's name starts in `path`: openat(dir_fd, path.c_str() +
    // name_offset) has the kernel resolve one name instead of the whole path again.
    int dir_fd = -1;
    std::size_t name_offset = 0;
    // With WalkOptions::check_read_semantics: the file's directory is on a file system where
    // read() of a regular file comes back short only at its end (read_semantics.h). Else false.
    bool short_read_is_end = false;
};

struct WalkCounters {
    std::uint64_t ignored = 0;   // ignore files, globs, extensions, --ignore
    std::uint64_t hidden = 0;
    std::uint64_t special = 0;   // FIFOs, sockets, devices seen and skipped
    std::uint64_t errors = 0;    // unreadable directories, broken links, link loops
};

class Walker {
public:
    // Return false from a visitor to stop the walk. The entry is reused by the calling thread:
    // copy what you keep.
    using Visitor = std::function<bool(const WalkEntry&)>;
    // All files of one directory that pass, in listing order, while the directory is still open
    // (at most kBatchFiles at a time): the visitor can open them together (io/batch_opener.h).
    // A root named as a file comes alone. Return false to stop the walk.
    using BatchVisitor = std::function<bool(std::span<const WalkEntry>)>;
    static constexpr std::size_t kBatchFiles = 256;
    using ErrorHandler = std::function<void(const PathError&)>;

    Walker(WalkOptions options, unsigned threads, ThreadGrowth growth = {});

    // Walks all roots with `threads` threads (the calling thread is one of them) and calls
    // `visit` for every regular file that passes, concurrently. Returns when every directory is
    // done, a visitor returned false, or `cancelled` became true (checked between entries).
    // Throws std::invalid_argument for an invalid glob before walking.
    void run(const Visitor& visit, const ErrorHandler& on_error, const std::atomic<bool>& cancelled);
    // The same walk, the files handed over per directory (see BatchVisitor).
    void run_batched(const BatchVisitor& visit, const ErrorHandler& on_error, const std::atomic<bool>& cancelled);

    // Exact, and safe to read from any thread while run() is going on.
    WalkCounters counters() const;

    // Before run(), optional (walk_hooks.h): who learns how the walk came to its files, and who
    // lists directories itself. Not owned; they must outlive run(). No oracle with follow_links.
    void set_observer(WalkObserver* observer) { observer_ = observer; }
    void set_oracle(WalkOracle* oracle) { oracle_ = oracle; }
    // Threads the last run() used, the calling thread included (more than asked if it grew).
    unsigned threads_used() const;

private:
    struct State;
    void run_with(const Visitor* visit, const BatchVisitor* batch_visit, const ErrorHandler& on_error,
                  const std::atomic<bool>& cancelled);
    WalkOptions options_;
    unsigned threads_;
    WalkObserver* observer_ = nullptr;
    WalkOracle* oracle_ = nullptr;
    ThreadGrowth growth_;
    std::shared_ptr<State> state_;
};

}  // namespace codescout
