// A gate in front of the file searcher: asked for every file the walk finds, before the file is
// opened, whether the file can hold a match at all. An index layer (src/core/index) implements it;
// the search stays exact because a gate may only say "no" for files it knows cannot match, and
// every "yes" (or a gate that is unsure) is decided by the normal searcher.
// Threads: may_match() is called concurrently from every walk thread; implementations are
// thread-safe. Files named explicitly (explicit roots) and standard input never pass a gate.
#pragma once

#include "core/walk/walker.h"

namespace codescout {

class FileGate {
public:
    virtual ~FileGate() = default;
    // false: the file cannot match; it is skipped without being opened and counts nowhere.
    virtual bool may_match(const WalkEntry& entry) const = 0;
};

}  // namespace codescout
