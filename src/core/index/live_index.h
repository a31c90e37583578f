// An index kept fresh while a folder is open (the GUI's; issue 12): the folder's index file,
// an inotify watcher over the directories of the files it holds (tree_watcher.h), and an
// overlay of the paths changed since the build, so that a search is correct at once and cheap:
//
// - Queries: attach() first drains the watcher (every write that finished before it is then in
//   the overlay), then gates the search with the index and the overlay (freshness.h): files in
//   the overlay, and in subtrees that appeared or moved, are searched directly (deleted ones are
//   not walked, added ones are unknown to the index and searched); while the watcher is trusted,
//   every other indexed file is skipped or searched on the index's word, without a stat.
// - Opening: the watches are set first, then every indexed file is compared (size, mtime,
//   ctime, inode) and the folder walked for files the index does not know: what changed while
//   CodeScout was closed joins the overlay. Until that is done, files are proven by stat.
// - Overflow (IN_Q_OVERFLOW, events lost): the same comparison of the whole folder (one
//   inotify instance per folder, so the overflowed subtree is the folder), with stats until done.
// - Watch limit reached (fs.inotify.max_user_watches): the watcher stops; every search proves
//   files by stat (the index's pre-watcher behaviour), and status().note says so.
// - Background update: a full rebuild at idle priority once the overlay holds
//   rebuild_after_changes paths or has been quiet for rebuild_quiet. Then the overlay drops what
//   the new index covers (changes seen before the rebuild started). Chosen over delta segments:
//   the builder is already bounded in memory and atomic, and searching a few hundred overlay
//   files directly costs a query less than merging a second index would; docs/index.md says
//   when that would change.
//
// - Other processes: the live index publishes what it knows beside the index file (a lock and
//   a change log, watch_journal.h), so that the CLI's --index trusts it by a sync cookie
//   (watcher_sync.h) instead of proving every file by stat. One process per folder publishes
//   (the lock); a second live index works for itself and says so in status().publish_note.
//   The background thread answers cookies at the caller's priority; setting the watches and
//   comparing the folder run on a helper thread at idle priority.
//
// Threads: every method may be called from any thread; the work runs on one thread of its own
// (plus the rebuild's). on_change is called on those threads, never under a lock.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/index/indexed_search.h"

namespace codescout {

struct LiveIndexOptions {
    std::string root;                           // the indexed folder (any spelling of it)
    std::filesystem::path index_directory;      // empty: default_index_directory()
    std::size_t rebuild_after_changes = 512;
    std::chrono::milliseconds rebuild_quiet{std::chrono::minutes(1)};
    bool rebuild = true;                        // false: keep the overlay, never rebuild
    std::uint64_t max_index_bytes = 0;          // for rebuilds (index_builder.h)
    std::chrono::nanoseconds racy_window = std::chrono::seconds(2);  // for rebuilds
    std::size_t watch_limit = 0;                // tests: TreeWatchOptions::watch_limit
    bool publish = true;                        // the change log for other processes (above)
    std::function<void()> on_change;            // status() changed (from a background thread)
};

struct LiveIndexStatus {
    bool checked = false;      // the opening comparison is done
    bool trusted = false;      // searches skip files without a stat
    bool exhausted = false;    // the watch limit was reached: stat fallback for good
    std::string note;          // why files are proven by stat, or why a rebuild failed
    std::uint64_t changed_files = 0;  // paths in the overlay
    std::uint64_t dirty_dirs = 0;
    bool rebuilding = false;
    double rebuild_fraction = 0;
    std::uint64_t rebuilds = 0;       // finished and swapped in
    std::uint64_t rescans = 0;        // overflow comparisons done
    std::uint64_t watches = 0;
    std::uint64_t files = 0;          // in the index
    std::uint64_t index_bytes = 0;
    std::uint64_t events_applied = 0; // watcher batches applied (tests wait on it)
    bool publishing = false;          // holds the watcher lock: other processes may trust it
    bool log_active = false;          // its change log is trusted right now
    std::string publish_note;         // why it does not publish, or why the log stopped
    bool stale() const { return changed_files + dirty_dirs > 0; }
};

class LiveIndex {
public:
    // Opens `options.root`'s index and starts watching. Returns null and fills `error` (and
    // `open_status`) when there is no usable index: the caller builds one (index_builder.h).
    static std::unique_ptr<LiveIndex> open(LiveIndexOptions options, std::string& error,
                                           IndexOpenStatus* open_status = nullptr);
    ~LiveIndex();
    LiveIndex(const LiveIndex&) = delete;
    LiveIndex& operator=(const LiveIndex&) = delete;

    // Before search.run(): the search through the index and the overlay (see above).
    IndexUse attach(Search& search, const SearchOptions& options);
    // Applies every queued watcher event now.
    void sync();
    LiveIndexStatus status() const;
    std::shared_ptr<const IndexReader> reader() const;
    const std::string& root() const;

    // Blocks until `done(status())` holds or `timeout` passes; returns whether it held.
    bool wait_for(const std::function<bool(const LiveIndexStatus&)>& done, std::chrono::milliseconds timeout) const;

    // Tests: what the kernel does when its queue overflows (events dropped, IN_Q_OVERFLOW).
    void inject_overflow();
    // Tests: while held, the background thread applies no events and runs no rescan (searches
    // still drain the watcher themselves), so a test can tell what a search alone does.
    void hold_background_for_test(bool hold);

private:
    struct State;
    explicit LiveIndex(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace codescout
