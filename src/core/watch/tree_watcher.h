// Recursive inotify watches over one folder, read into coalesced batches. Which directories are
// watched is the caller's choice (watch_directories(): an index watches the directories of the
// files it holds, and their ancestors, which is where the walk's ignore rules led its build);
// a directory that appears inside a watched one (created, moved in) is walked with the same
// rules and its directories watched too.
//
// What a batch promises: every change to a file in a watched directory that happened before
// poll() was called is in it (or in an earlier batch), as the file's path, or as a directory
// path ("dirty") covering it when a whole subtree appeared, vanished or moved, or as
// `overflow` when the kernel's queue overflowed and events were lost (the caller must then
// compare the whole folder again). inotify queues an event when the write happens, so draining
// the queue at the start of a search accounts for every write that finished before it.
//
// Sync cookies (walk/sync_cookie.h) are not changes: a cookie created in the root is reported in
// `cookies` (in the batch that also holds every change queued before it), and every other event
// on a cookie name is dropped.
//
// When the kernel's watch limit (fs.inotify.max_user_watches) is reached, the watcher says so
// (exhausted(), note()) and watches nothing more: the caller must then check files itself.
// Threads: all methods are thread-safe; poll() and watch_directories() serialise on one mutex.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/walk/walk_options.h"

namespace codescout {

struct TreeWatchOptions {
    std::string root;            // canonical absolute folder
    WalkOptions walk;            // rules for subtrees that appear (roots ignored)
    // Tests: behave as if the kernel's watch limit were reached once this many watches exist
    // (0: only the kernel's limit applies).
    std::size_t watch_limit = 0;
};

struct WatchBatch {
    std::vector<std::string> files;  // relative paths of files created, changed, deleted, moved
    std::vector<std::string> dirs;   // relative directories whose whole subtree changed ("" = root)
    bool overflow = false;           // events were lost: everything may have changed
    std::vector<std::string> cookies;  // names of sync cookies created in the root, in order
    bool has_changes() const { return !files.empty() || !dirs.empty() || overflow; }
    bool empty() const { return !has_changes() && cookies.empty(); }
};

class TreeWatcher {
public:
    explicit TreeWatcher(TreeWatchOptions options);
    ~TreeWatcher();
    TreeWatcher(const TreeWatcher&) = delete;
    TreeWatcher& operator=(const TreeWatcher&) = delete;

    // Watches each directory (relative to the root, "" = the root itself); already watched ones
    // cost one system call. Returns the directories newly watched (their files may have changed
    // unseen before now). Stops at the watch limit (exhausted()).
    std::vector<std::string> watch_directories(const std::vector<std::string>& relative_dirs);

    // Every event queued until now, coalesced (never blocks). Directories that appeared are
    // watched (walked with the options' rules) before it returns.
    WatchBatch poll();

    // Blocks until events are queued, wake() is called or `timeout` passes; true if events are.
    bool wait(std::chrono::milliseconds timeout);
    void wake();

    bool exhausted() const;
    // Why files must be checked another way ("" while watching works).
    std::string note() const;
    std::size_t watch_count() const;

    // Tests: drops every queued event and makes the next poll() report an overflow, as the
    // kernel does when its queue (fs.inotify.max_queued_events) is full.
    void inject_overflow();

private:
    bool add_watch(const std::string& relative);  // under mutex_; false at the limit
    void watch_subtree(const std::string& relative);
    std::string absolute(const std::string& relative) const;

    TreeWatchOptions options_;
    int fd_ = -1;
    int wake_fd_ = -1;
    mutable std::mutex mutex_;
    std::unordered_map<int, std::string> dirs_by_wd_;
    std::unordered_map<std::string, int> wd_by_dir_;
    bool exhausted_ = false;
    bool injected_overflow_ = false;
    std::string note_;
};

}  // namespace codescout
