// The thread that watches a running walk and adds walker threads to it when reads wait for the
// disk (the decision is thread_growth.h's). It lives as long as the walk: it samples every tick,
// and stop() wakes it at once, so a warm search never waits for a tick to end.
//
// Threads: the supervisor calls `load` and `add_thread` from its own thread only, and never after
// stop() returned; whatever `add_thread` touches is the caller's again once stop() returns.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/walk/thread_growth.h"

namespace codescout {

class GrowthSupervisor {
public:
    using LoadReader = std::function<WalkLoad()>;
    using ThreadAdder = std::function<bool()>;  // starts one more walker thread; false if it could not

    // Starts supervising a walk that runs `started` threads, unless `growth` allows no more than
    // that (or the supervisor's own thread cannot start: the walk then keeps its threads).
    GrowthSupervisor(const ThreadGrowth& growth, unsigned cores, unsigned started, LoadReader load, ThreadAdder add_thread);
    ~GrowthSupervisor();
    GrowthSupervisor(const GrowthSupervisor&) = delete;
    GrowthSupervisor& operator=(const GrowthSupervisor&) = delete;

    // Stops and joins the supervisor (idempotent); returns how many threads the walk has now.
    unsigned stop();

private:
    void loop();

    ThreadGrowthPolicy policy_;
    std::chrono::milliseconds tick_;
    std::function<IoSample()> sample_;
    LoadReader load_;
    ThreadAdder add_thread_;
    unsigned threads_;  // the supervisor's own until stop() has joined it

    std::mutex mutex_;
    std::condition_variable wake_;
    bool done_ = false;
    std::thread thread_;
};

}  // namespace codescout
