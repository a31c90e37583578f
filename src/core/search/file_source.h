// Files a search gets without walking for them: an index that knows what a walk would find
// (core/index, docs/index.md "Queries without a walk") lists whole directories itself. The
// search hands its oracle() to the walker, which then reads only the directories the source
// does not serve; after the walk, list() gives the files of the served ones. Together they must
// be exactly the files the walk alone would have visited, and list()'s counts what it would have
// counted in those directories (ignored, hidden, special files).
// Threads: list() is called once, on the search's thread; it calls `search_file` from up to
// `threads` threads at once, and stops when it returns false or `stop` becomes true.
#pragma once

#include <atomic>
#include <functional>

#include "core/walk/walk_hooks.h"
#include "core/walk/walker.h"

namespace codescout {

class FileSource {
public:
    virtual ~FileSource() = default;
    virtual WalkOracle* oracle() = 0;
    // Files the source proves cannot match are not passed on (as a FileGate would reject them).
    virtual WalkCounters list(const std::function<bool(const WalkEntry&)>& search_file, unsigned threads,
                              const std::atomic<bool>& stop) = 0;
};

}  // namespace codescout
