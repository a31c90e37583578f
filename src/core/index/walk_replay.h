// Queries without a walk (issue 12, docs/index.md): the index recorded how its build's walk came
// to its files (walk_record.h), and a search of the indexed folder with the same walk rules
// replays that record instead of walking the folder, when it provably still describes it:
//
// - the walk rules are the build's (same settings; no symbolic links followed), and so is the
//   environment that picks the user's git excludes file (HOME, the git configs);
// - every file the walk's ignore handling read or probed is unchanged (one stat each);
// - a directory whose entries may have changed since the build is read by the walker again,
//   entered as the walk would have entered it (the ignore files, filters and depth of the folders
//   above it), and whatever it holds that the record knows and that is unchanged is replayed
//   again. Without a watcher, "may have changed" is decided by a stat per directory (mtime,
//   ctime, inode, device: adding, removing or renaming an entry moves them); with a trusted live
//   index, it is the directories the watcher saw change (no stat at all). A changed directory
//   whose ignore files appeared, vanished or changed kind cannot be read again alone (the rules
//   of everything below it change): the search walks, as it did before;
// - the files of replayed directories go through the index like walked ones (candidates are
//   searched; every other file proven unchanged by a stat, or by the trusted watcher).
//
// So a replayed search visits exactly the files a walk would, with the same counts of what it
// skipped; anything the record cannot vouch for falls back to the walk.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/index/freshness.h"
#include "core/search/file_source.h"
#include "core/walk/walk_options.h"

namespace codescout {

class IndexGate;
class IndexReader;

// Whether the record of `reader`'s build walk serves a search walking `walk`'s rules from the
// indexed folder, and which of its directories must be read again.
struct ReplayPlan {
    bool usable = false;
    std::string why_not;             // when !usable: for the trace
    std::vector<std::uint8_t> reread;  // per directory id: 1 = read it again
    std::uint64_t reread_count = 0;
    std::uint64_t stats = 0;         // stat calls the check made (inputs, directories)
    std::uint64_t check_ns = 0;      // the check's wall time
};
ReplayPlan plan_walk_replay(const IndexReader& reader, const WalkOptions& walk, const Freshness* freshness);

class WalkReplay : public FileSource, public WalkOracle {
public:
    // Serves the walk's root number `root_index`, named `display_root` as the walk names it,
    // which is `reader`'s folder; files go through `gate`'s root `gate_root` (index_gate.h).
    WalkReplay(std::shared_ptr<const IndexReader> reader, ReplayPlan plan, std::size_t root_index,
               std::string display_root, std::shared_ptr<const IndexGate> gate, std::size_t gate_root);

    WalkOracle* oracle() override { return this; }
    bool serves(std::size_t root, std::string_view relative, std::vector<std::string>& still_to_read) override;
    WalkCounters list(const std::function<bool(const WalkEntry&)>& search_file, unsigned threads,
                      const std::atomic<bool>& stop) override;

    const ReplayPlan& plan() const { return plan_; }
    std::uint64_t directories_replayed() const { return replayed_dirs_; }
    std::uint64_t files_listed() const { return listed_files_; }
    std::uint64_t list_ns() const { return list_ns_; }  // list()'s wall time

private:
    std::shared_ptr<const IndexReader> reader_;
    ReplayPlan plan_;
    std::size_t root_index_;
    std::string display_prefix_;  // display root with a trailing '/'
    std::shared_ptr<const IndexGate> gate_;
    std::size_t gate_root_;
    std::vector<std::uint32_t> child_begin_;  // children of directory d: children_[child_begin_[d] .. child_begin_[d + 1])
    std::vector<std::uint32_t> children_;
    std::mutex mutex_;
    std::vector<std::uint8_t> asked_;  // under mutex_: the walk handed this directory over
    std::uint64_t replayed_dirs_ = 0;
    std::uint64_t list_ns_ = 0;
    std::atomic<std::uint64_t> listed_files_{0};
};

}  // namespace codescout
