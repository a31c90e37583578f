// Two optional hooks into a walk, for a caller that keeps what a walk found (the index layer,
// docs/index.md "Queries without a walk"): an observer that learns how the walk came to its files,
// and an oracle that lists whole directories itself so that the walk reads only the others.
// Without them the walker does what it always does.
// Threads: both are called concurrently from every walk thread; implementations are thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/walk/ignore_stack.h"
#include "core/walk/walker.h"

namespace codescout {

class WalkObserver : public IgnoreInputLog {
public:
    // A directory was opened as `fd` (its display path), before any of its entries is read.
    virtual void directory_opened(const std::string& path, int fd) = 0;
    // Its entries were all processed: the ignore files it holds, and what the walk skipped in it
    // (the counts it added to Walker::counters(); errors are reported to the error handler).
    virtual void directory_done(const std::string& path, const IgnoreFilesPresent& present,
                                const WalkCounters& skipped) = 0;
};

class WalkOracle {
public:
    virtual ~WalkOracle() = default;
    // Asked for every directory the walk is about to read: `relative` below the root
    // WalkOptions::roots[root] ("" is the root itself). true: the oracle lists that directory's
    // files, and those of the directories below it, itself; the walk reads none of them but the
    // ones put in `still_to_read` (relative to the root, below `relative`), which it enters as it
    // would have, through the directories above them (their ignore files, filters and depth).
    virtual bool serves(std::size_t root, std::string_view relative, std::vector<std::string>& still_to_read) = 0;
};

}  // namespace codescout
