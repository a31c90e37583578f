// The index as front ends use it: attach_index() turns a search into an indexed one when it can
// (an index of each root's folder or one above it, a pattern the index can narrow), and leaves
// it a plain scan otherwise, without a word: results are the same either way (index_gate.h).
// index_status() describes a folder's index for a status display or `--index-status`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/index/index_gate.h"
#include "core/index/index_query.h"
#include "core/index/index_reader.h"
#include "core/index/walk_replay.h"
#include "core/index/watcher_sync.h"
#include "core/search/search.h"

namespace codescout {

struct IndexUse {
    bool used = false;                 // a gate was set: some roots are served by an index
    IndexQuery query;                  // the plan (All: the pattern cannot be narrowed)
    std::vector<std::string> notes;    // why a root is scanned (no index, corrupt, ...)
    std::shared_ptr<const IndexGate> gate;  // its counters, for the memory view and tests
    std::vector<std::shared_ptr<const IndexReader>> readers;  // kept mapped by the gate
    // Set when the search replays an index's record of its walk instead of walking that root
    // (walk_replay.h); null when it walks.
    std::shared_ptr<const WalkReplay> replay;
    std::uint64_t watched_roots = 0;   // roots trusted through another process's watcher
    // Where attaching spent its time (microseconds, summed over the roots), for traces: opening
    // and verifying index files, syncing with a watcher, evaluating the query on the postings,
    // checking whether the build's walk can be replayed.
    std::uint64_t open_us = 0;
    std::uint64_t sync_us = 0;
    std::uint64_t query_us = 0;
    std::uint64_t replay_check_us = 0;
};

// A live index's state for one search (live_index.h): roots at or below its folder use its
// reader and freshness instead of opening the index file again.
struct LiveView {
    std::shared_ptr<const IndexReader> reader;
    std::shared_ptr<const Freshness> freshness;
};

// Call before search.run(). `options` must be the ones `search` was made with. With
// `watcher.enabled`, an index opened from its file is trusted through a watcher running in
// another process when one proves itself (watcher_sync.h); otherwise its files are proven by stat.
IndexUse attach_index(Search& search, const SearchOptions& options, const std::filesystem::path& index_directory,
                      const LiveView* live = nullptr, const WatcherSyncOptions& watcher = {});

struct IndexStatus {
    std::string root;                  // canonical folder
    std::filesystem::path index_file;
    IndexOpenStatus open = IndexOpenStatus::Missing;
    std::string detail;
    bool building = false;             // a builder holds the folder's lock right now
    // When open == Ok:
    std::uint64_t files = 0;
    std::uint64_t indexed_files = 0;
    std::uint64_t source_bytes = 0;
    std::uint64_t index_bytes = 0;
    std::uint64_t trigrams = 0;
    std::uint64_t documents = 0;       // posting ids: files and further chunks (index_format.h)
    std::uint64_t built_unix_ns = 0;
    // With check_files: files changed or deleted since the build, and files the build's walk
    // rules find now that the index does not know (added since).
    bool checked = false;
    std::uint64_t changed = 0;
    std::uint64_t deleted = 0;
    std::uint64_t added = 0;

    bool fresh() const { return open == IndexOpenStatus::Ok && checked && changed + deleted + added == 0; }
};

// Throws std::runtime_error when `root` is not a folder.
IndexStatus index_status(const std::string& root, const std::filesystem::path& index_directory, bool check_files);

}  // namespace codescout
