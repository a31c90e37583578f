// A gate in front of the file searcher: asked for every file the walk finds, before the file is
// opened, whether the file can hold a match at all. An index layer (src/core/index) implements it;
// the search stays exact because a gate may only say "no" for files it knows cannot match, and
// every "yes" (or a gate that is unsure) is decided by the normal searcher.
// Threads: may_match() is called concurrently from every walk thread; implementations are
// thread-safe. Files named explicitly (explicit roots) and standard input never pass a gate.
#pragma once

#include <cstdint>
#include <memory>

#include "core/search/line_ranges.h"
#include "core/walk/walker.h"

namespace codescout {

// How a search's summary counts the files a gate rejected (SearchSummary), summed over them.
struct GateRejections {
    std::uint64_t files_searched = 0;  // counted as searched without a match ...
    std::uint64_t bytes_searched = 0;  // ... with these bytes (their sizes)
    std::uint64_t too_large = 0;       // counted as skipped for their size (max_file_size)
};

class FileGate {
public:
    virtual ~FileGate() = default;
    // false: the file cannot match; it is skipped without being opened and counts only as
    // counted_rejections() says.
    virtual bool may_match(const WalkEntry& entry) const = 0;
    // The rejected files to count in the summary: a gate that proves files cannot match (an
    // index) counts them as the scan would have (searched, no match, their bytes), so that the
    // counts do not depend on whether it was used; a gate that only narrows what the caller wants
    // (an export of chosen files) counts them nowhere, which is the default.
    virtual GateRejections counted_rejections() const { return {}; }
    // For a file may_match() let through: the only parts of it that can hold a match within a
    // line (line_ranges.h), or null when any part may (the default).
    virtual std::shared_ptr<const LineRanges> match_ranges(const WalkEntry& entry) const {
        (void)entry;
        return nullptr;
    }
};

}  // namespace codescout
