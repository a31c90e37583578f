// Walker: compiles the filters (failing fast on a bad glob), then runs the walk on the calling
// thread plus threads - 1 workers (see walk_run.h for the walk itself).
#include "core/walk/walker.h"

#include <system_error>
#include <thread>
#include <vector>

#include "core/walk/path_filters.h"
#include "core/walk/walk_hooks.h"
#include "core/walk/walk_run.h"

namespace codescout {

struct Walker::State {
    WalkSharedCounters counters;
};

Walker::Walker(WalkOptions options, unsigned threads)
    : options_(std::move(options)), threads_(threads), state_(std::make_shared<State>()) {}

void Walker::run(const Visitor& visit, const ErrorHandler& on_error, const std::atomic<bool>& cancelled) {
    const PathFilters filters(options_);  // throws std::invalid_argument before anything is read

    auto& c = state_->counters;
    c.ignored = 0;
    c.hidden = 0;
    c.special = 0;
    c.errors = 0;

    WalkRun walk(options_, filters, visit, on_error, cancelled, c, observer_, oracle_);
    walk.seed_roots();

    unsigned threads = threads_ != 0 ? threads_ : std::thread::hardware_concurrency();
    if (threads == 0) threads = 1;
    std::vector<std::thread> workers;
    workers.reserve(threads - 1);
    for (unsigned i = 1; i < threads; ++i) {
        try {
            workers.emplace_back([&walk] { walk.work(); });
        } catch (const std::system_error&) {
            break;  // fewer threads than asked for still finishes the walk
        }
    }
    walk.work();
    for (auto& t : workers) t.join();
    if (auto failure = walk.failure()) std::rethrow_exception(failure);
}

WalkCounters Walker::counters() const {
    const auto& c = state_->counters;
    return WalkCounters{c.ignored.load(std::memory_order_relaxed), c.hidden.load(std::memory_order_relaxed),
                        c.special.load(std::memory_order_relaxed), c.errors.load(std::memory_order_relaxed)};
}

}  // namespace codescout
