// The parallel directory walker: knows ignore files, filters, hidden entries and symlinks, and
// nothing about searching. It hands each file that passes to a visitor on a worker thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/search/search_options.h"
#include "core/search/search_result.h"

namespace codescout {

struct WalkEntry {
    std::string path;             // display path: root as given + relative path ("./a/b.c" for root ".")
    unsigned depth = 0;           // 0 for a root given explicitly as a file
    bool explicit_root = false;   // named on the command line: searched even if ignored/hidden
};

struct WalkCounters {
    std::uint64_t ignored = 0;   // ignore files, globs, extensions, --ignore
    std::uint64_t hidden = 0;
    std::uint64_t special = 0;   // FIFOs, sockets, devices seen and skipped
    std::uint64_t errors = 0;    // unreadable directories, broken links, link loops
};

class Walker {
public:
    // Return false from a visitor to stop the walk.
    using Visitor = std::function<bool(const WalkEntry&)>;
    using ErrorHandler = std::function<void(const SearchError&)>;

    Walker(WalkOptions options, unsigned threads);

    // Walks all roots with `threads` threads (the calling thread is one of them) and calls
    // `visit` for every regular file that passes, concurrently. Returns when every directory is
    // done, a visitor returned false, or `cancelled` became true (checked between entries).
    // Throws std::invalid_argument for an invalid glob before walking.
    void run(const Visitor& visit, const ErrorHandler& on_error, const std::atomic<bool>& cancelled);

    // Exact, and safe to read from any thread while run() is going on.
    WalkCounters counters() const;

private:
    struct State;
    WalkOptions options_;
    unsigned threads_;
    std::shared_ptr<State> state_;
};

}  // namespace codescout
