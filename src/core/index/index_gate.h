// The FileGate (search/file_gate.h) an index provides: for a walked file it answers from the
// index whether the file can match, but only when the file is provably the one indexed (size,
// mtime, ctime, inode and device unchanged: one stat). A file the index does not know (added
// since the build, or outside what the build walked), a changed file, and a file recorded
// without trigrams are always let through to the searcher; a deleted file is never walked.
// So the search's results are the scan's, whatever happened to the tree since the build.
// A live index (live_index.h) adds a Freshness: the files its watcher saw change are searched,
// and while the watcher is trusted the others need no stat.
// Threads: may_match() is called concurrently; the counters are atomics.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/index/freshness.h"
#include "core/search/file_gate.h"

namespace codescout {

class IndexReader;

struct IndexGateCounters {
    std::uint64_t walked = 0;      // files asked about
    std::uint64_t skipped = 0;     // proven not to match: never opened
    std::uint64_t skipped_bytes = 0;  // their sizes as indexed (those not over max_file_size)
    std::uint64_t candidates = 0;  // indexed, unchanged and holding the query's trigrams
    std::uint64_t unknown = 0;     // not in the index (new, or outside what it covers)
    std::uint64_t changed = 0;     // in the index, but changed since the build (stat or watcher)
    std::uint64_t unproven = 0;    // skipped without a stat: the watcher vouched for them (of skipped)
    std::uint64_t unindexed = 0;   // recorded without trigrams (binary, too large, racy ...)
    std::uint64_t ranged = 0;      // candidates to be read in their candidate chunks only
    std::uint64_t ranged_bytes = 0;  // ... the bytes of those chunks
    std::uint64_t ranged_file_bytes = 0;  // ... and of those files
};

class IndexGate : public FileGate {
public:
    // One search root served by an index: walked paths that start with `display_root` (the root
    // as the walk was given it) are looked up in `reader` under `index_prefix` ("" when the
    // root is the indexed folder itself, else the root's path below it, "src/lib").
    struct Root {
        std::string display_root;
        std::string index_prefix;
        std::shared_ptr<const IndexReader> reader;
        std::vector<bool> candidates;  // per file id, from evaluate_index_query()
        std::shared_ptr<const Freshness> freshness;  // null: prove each file unchanged by a stat
        // The candidate documents (evaluate_index_query()), when the query gave them: a chunked
        // candidate file is then read in its candidate chunks only (match_ranges()).
        std::vector<std::uint32_t> documents;
    };

    // `max_file_size`: the search's (ProcessingOptions::max_file_size), for counted_rejections().
    explicit IndexGate(std::vector<Root> roots, std::optional<std::uint64_t> max_file_size = std::nullopt);
    ~IndexGate() override;

    bool may_match(const WalkEntry& entry) const override;
    // The skipped files as the scan counts them: one searched without a match, its size in bytes
    // searched (a text file without a match is read to its end, whatever the mode), or "too
    // large" when over max_file_size (the scan skips it unread). Binary files (a NUL), those with
    // a byte order mark, unreadable and changed ones are never skipped: the searcher counts them.
    GateRejections counted_rejections() const override;
    // The same for a file a replayed walk lists (walk_replay.h): its id in root `root`'s index and
    // its path as the walk would name it. Files there are in the index and outside the overlay.
    // With `name`, the stat that proves it unchanged is fstatat(dirfd, name): its folder is open.
    // `path` is read only to stat the file by it (no `name`, no trusted watcher), so a caller
    // that passes `name` or has a trusted watcher may pass a path not yet filled in.
    bool may_match_listed(std::size_t root, std::uint32_t id, const std::string& path, int dirfd = -1,
                          const char* name = nullptr) const;
    // A chunked candidate file, unchanged as far as the gate knows: the byte ranges of its
    // candidate chunks (index_format.h), each from its start to the next chunk's, with the file's
    // size, times, inode and device as indexed (the searcher reads the ranges only while fstat
    // agrees). Null for any other file, or when the ranges would be the whole file.
    std::shared_ptr<const LineRanges> match_ranges(const WalkEntry& entry) const override;
    IndexGateCounters counters() const;
    const std::vector<Root>& roots() const { return roots_; }

private:
    struct Counters;
    struct Located {
        const Root* root = nullptr;
        std::string key;  // the path in the root's index
    };
    // The root a walked path belongs to, and its path in that root's index.
    std::optional<Located> locate(const std::string& path) const;
    // Per root: a chunked candidate file's further chunk documents, [first, last].
    std::vector<std::unordered_map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>>> chunked_;
    bool may_match_indexed(const Root& root, std::uint32_t id, const std::string& path, int dirfd = -1,
                           const char* name = nullptr) const;
    void count_skip(std::uint64_t size) const;
    std::vector<Root> roots_;
    std::optional<std::uint64_t> max_file_size_;
    std::unique_ptr<Counters> counters_;
};

}  // namespace codescout
