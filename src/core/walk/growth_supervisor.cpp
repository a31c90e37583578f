// GrowthSupervisor: sample, decide, add threads, every tick until the walk ends (see
// growth_supervisor.h).
#include "core/walk/growth_supervisor.h"

#include <system_error>

#include "core/walk/process_io.h"

namespace codescout {

GrowthSupervisor::GrowthSupervisor(const ThreadGrowth& growth, unsigned cores, unsigned started, LoadReader load,
                                   ThreadAdder add_thread)
    : tick_(growth.tick), sample_(growth.sample ? growth.sample : std::function<IoSample()>(sample_process_io)), load_(std::move(load)),
      add_thread_(std::move(add_thread)), threads_(started) {
    policy_.cores = cores;
    policy_.max_threads = growth.max_threads;
    if (growth.max_threads <= started) return;
    try {
        thread_ = std::thread([this] { loop(); });
    } catch (const std::system_error&) {
        // No supervisor: the walk runs with the threads it has, as without growth.
    }
}

GrowthSupervisor::~GrowthSupervisor() { stop(); }

unsigned GrowthSupervisor::stop() {
    {
        std::lock_guard lock(mutex_);
        done_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    return threads_;
}

void GrowthSupervisor::loop() {
    IoSample before = sample_();
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, tick_, [this] { return done_; })) {
        lock.unlock();
        const IoSample after = sample_();
        WalkLoad load = load_();
        load.threads = threads_;
        const unsigned target = grown_thread_count(policy_, before, after, load);
        bool can_add = true;
        while (threads_ < target && (can_add = add_thread_())) ++threads_;
        before = after;
        lock.lock();
        // The system refused a thread: it would refuse the next ones too.
        if (!can_add) break;
    }
}

}  // namespace codescout
