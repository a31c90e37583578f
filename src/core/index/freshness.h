// What a live index (live_index.h) knows about its folder at the moment a search starts: the
// paths the watcher saw change since the index was built, the subtrees that changed wholesale,
// and whether the watcher can be trusted for every other file. The gate (index_gate.h) reads it:
// a path in it is searched directly; with `trusted`, any other indexed file is taken to be the
// one indexed without a stat; without it (watches ran out, an overflow not yet rescanned, the
// opening comparison not done yet) each file is proven unchanged by its size and times.
// Immutable once made: one snapshot serves a whole search from every thread.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace codescout {

struct Freshness {
    bool trusted = false;
    std::unordered_set<std::string> changed;  // paths relative to the indexed folder
    std::vector<std::string> dirty_dirs;      // relative folders ("" = all of it)

    // Whether `relative` (a file below the indexed folder) must be searched whatever the index says.
    bool must_search(std::string_view relative) const {
        if (changed.contains(std::string(relative))) return true;
        for (const std::string& dir : dirty_dirs) {
            if (dir.empty()) return true;
            if (relative.size() > dir.size() && relative.starts_with(dir) && relative[dir.size()] == '/') return true;
        }
        return false;
    }
};

}  // namespace codescout
