// Walker: compiles the filters (failing fast on a bad glob), then runs the walk on the calling
// thread plus threads - 1 workers, and more if the growth supervisor adds them (see walk_run.h
// for the walk itself, growth_supervisor.h for the growth).
#include "core/walk/walker.h"

#include <algorithm>
#include <system_error>
#include <thread>
#include <vector>

#include "core/walk/growth_supervisor.h"
#include "core/walk/path_filters.h"
#include "core/walk/walk_hooks.h"
#include "core/walk/walk_run.h"

namespace codescout {

struct Walker::State {
    WalkSharedCounters counters;
    std::atomic<unsigned> threads_used{0};
};

Walker::Walker(WalkOptions options, unsigned threads, ThreadGrowth growth)
    : options_(std::move(options)), threads_(threads), growth_(std::move(growth)), state_(std::make_shared<State>()) {}

void Walker::run(const Visitor& visit, const ErrorHandler& on_error, const std::atomic<bool>& cancelled) {
    run_with(&visit, nullptr, on_error, cancelled);
}

void Walker::run_batched(const BatchVisitor& visit, const ErrorHandler& on_error, const std::atomic<bool>& cancelled) {
    run_with(nullptr, &visit, on_error, cancelled);
}

void Walker::run_with(const Visitor* visit, const BatchVisitor* batch_visit, const ErrorHandler& on_error,
                      const std::atomic<bool>& cancelled) {
    const PathFilters filters(options_);  // throws std::invalid_argument before anything is read

    auto& c = state_->counters;
    c.ignored = 0;
    c.hidden = 0;
    c.special = 0;
    c.errors = 0;

    WalkRun walk(options_, filters, visit, batch_visit, on_error, cancelled, c, observer_, oracle_);
    walk.seed_roots();

    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned threads = threads_ != 0 ? threads_ : cores;
    // Touched by this thread until the supervisor starts, then by the supervisor alone until
    // stop() has joined it.
    std::vector<std::thread> workers;
    const auto add_worker = [&workers, &walk] {
        try {
            workers.emplace_back([&walk] { walk.work(); });
            return true;
        } catch (const std::system_error&) {
            return false;  // fewer threads than asked for still finishes the walk
        }
    };
    // Room for every thread the supervisor may add: it then never reallocates (nor throws).
    workers.reserve(std::max(threads, growth_.max_threads) - 1);
    for (unsigned i = 1; i < threads && add_worker(); ++i) {
    }
    unsigned used = static_cast<unsigned>(workers.size()) + 1;
    {
        GrowthSupervisor supervisor(growth_, cores, used, [&walk] { return walk.load(); }, add_worker);
        walk.work();
        used = supervisor.stop();
    }
    for (auto& t : workers) t.join();
    state_->threads_used.store(used, std::memory_order_relaxed);
    if (auto failure = walk.failure()) std::rethrow_exception(failure);
}

unsigned Walker::threads_used() const { return state_->threads_used.load(std::memory_order_relaxed); }

WalkCounters Walker::counters() const {
    const auto& c = state_->counters;
    return WalkCounters{c.ignored.load(std::memory_order_relaxed), c.hidden.load(std::memory_order_relaxed),
                        c.special.load(std::memory_order_relaxed), c.errors.load(std::memory_order_relaxed)};
}

}  // namespace codescout
