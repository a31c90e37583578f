// What the build's walk tells the index about how it came to its files (walk_hooks.h's observer):
// each directory it read (identity and times taken before its entries were read, the ignore files
// it holds, what the walk skipped in it) and each file its ignore handling read or probed. Turned
// into the index's Dirs and Inputs sections, which let a later search with the same rules replay
// the walk instead of walking (walk_replay.h).
// Threads: the observer methods are called concurrently by the walk's threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "core/index/index_format.h"
#include "core/walk/walk_hooks.h"

namespace codescout {

class WalkRecord : public WalkObserver {
public:
    // `root`: the walk's (canonical) root; `racy_window`: as IndexBuildOptions::racy_window.
    WalkRecord(std::string root, std::chrono::nanoseconds racy_window);

    void directory_opened(const std::string& path, int fd) override;
    void directory_done(const std::string& path, const IgnoreFilesPresent& present, const WalkCounters& skipped) override;
    void ignore_input(int dirfd, const std::string& name, const std::string& path, bool presence_only) override;
    // The walk reported an error or a warning: its outcome is not a plain function of the tree.
    void walk_problem();

    // After the walk. Directories sorted by path, parents set; false when the record is not
    // complete (a problem, a directory opened but never finished): the index is then not
    // replayable, and the sections are written empty.
    struct Sections {
        bool replayable = false;
        std::vector<index_format::DirRecord> dirs;
        std::vector<std::string> dir_paths;       // relative, in the order of `dirs`
        std::vector<index_format::InputRecord> inputs;
        std::vector<std::string> input_paths;
    };
    Sections finish();

private:
    struct Dir {
        std::string relative;
        index_format::DirRecord record;
        bool done = false;
    };
    std::string relative_of(const std::string& path) const;

    std::string root_;
    std::int64_t racy_ns_;
    std::mutex mutex_;
    std::vector<Dir> dirs_;
    std::vector<std::pair<std::string, index_format::InputRecord>> inputs_;
    bool problem_ = false;
};

// The stat fields an InputRecord keeps, from a stat() of its path (errno-free: a failed stat is
// "missing"). Shared by the record and the replay's check.
index_format::InputRecord input_state(int stat_result, const struct stat& st, bool presence_only);

}  // namespace codescout
