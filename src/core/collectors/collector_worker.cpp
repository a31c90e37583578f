// One plugin's sampling thread and its time box (see collector_worker.h).
#include "core/collectors/collector_worker.h"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace codescout::collectors {
namespace {
// How long destruction waits for a worker to finish. Idle workers finish at once; a hung plugin
// must not hold up quitting the app.
constexpr std::chrono::milliseconds kShutdownWait{200};
}  // namespace

struct CollectorWorker::State {
    std::mutex mutex;
    std::condition_variable changed;
    std::unique_ptr<PluginLibrary> library;  // released on the worker thread, after its last call
    bool requested = false;
    bool stop = false;
    bool exited = false;
    std::uint64_t completed = 0;  // samples that have returned
    // The last delivered values (empty until the first sample returns).
    std::vector<codescout_value> last;
    std::int32_t last_error = 0;  // sample()'s last non-zero return, 0 when it succeeded
    bool disabled = false;
    std::string failure;  // why it was disabled
};

CollectorWorker::CollectorWorker(std::unique_ptr<PluginLibrary> library)
    : series_(library->series()), file_(library->file().string()), state_(std::make_shared<State>()) {
    state_->library = std::move(library);
    std::thread(run, state_).detach();  // joined by waiting for `exited` (see the destructor)
}

CollectorWorker::~CollectorWorker() {
    std::unique_lock lock(state_->mutex);
    state_->stop = true;
    state_->changed.notify_all();
    // A detached thread that is still inside sample() keeps `state_` (and the library) alive
    // through its own shared_ptr, and finishes the cleanup when the call returns.
    state_->changed.wait_for(lock, kShutdownWait, [this] { return state_->exited; });
}

void CollectorWorker::run(std::shared_ptr<State> state) {
    const std::uint32_t count = static_cast<std::uint32_t>(state->library->series().size());
    std::unique_lock lock(state->mutex);
    for (;;) {
        state->changed.wait(lock, [&] { return state->requested || state->stop; });
        if (state->stop) break;
        state->requested = false;
        lock.unlock();

        // Unavailable until the plugin says otherwise: an unfilled value must never read as 0.
        std::vector<codescout_value> values(count, codescout_value{0, CODESCOUT_VALUE_UNAVAILABLE});
        std::int32_t rc = 0;
        std::string thrown;
        try {
            rc = state->library->sample(values.data(), count);
        } catch (const std::exception& e) {
            thrown = std::string("sample() threw: ") + e.what();
        } catch (...) {
            thrown = "sample() threw an exception";
        }

        lock.lock();
        if (!thrown.empty()) {
            state->disabled = true;
            state->failure = std::move(thrown);
        } else {
            for (codescout_value& v : values) {
                if (rc != 0 || v.state < CODESCOUT_VALUE_OK || v.state > CODESCOUT_VALUE_UNLIMITED) {
                    v.state = CODESCOUT_VALUE_UNAVAILABLE;
                }
            }
            state->last = std::move(values);
            state->last_error = rc;
        }
        ++state->completed;
        state->changed.notify_all();
        if (state->disabled) {
            state->changed.wait(lock, [&] { return state->stop; });
            break;
        }
    }
    lock.unlock();
    state->library.reset();  // destroy() and dlclose(), after the last sample(), on this thread
    lock.lock();
    state->exited = true;
    state->changed.notify_all();
}

void CollectorWorker::request() {
    std::lock_guard lock(state_->mutex);
    if (state_->disabled || state_->completed < wanted_) return;  // failed, or the last one is still out
    wanted_ = state_->completed + 1;
    state_->requested = true;
    state_->changed.notify_all();
}

std::vector<CollectorReading> CollectorWorker::collect(std::chrono::steady_clock::time_point deadline,
                                                       std::chrono::milliseconds time_box,
                                                       std::vector<std::string>& messages) {
    std::unique_lock lock(state_->mutex);
    state_->changed.wait_until(lock, deadline, [this] { return state_->completed >= wanted_ || state_->disabled; });
    const bool late = state_->completed < wanted_ && !state_->disabled;

    std::vector<CollectorReading> readings;
    readings.reserve(series_.size());
    for (std::size_t i = 0; i < series_.size(); ++i) {
        CollectorReading r{series_[i]};
        if (!state_->disabled && i < state_->last.size()) {
            r.value = state_->last[i].value;
            r.state = state_->last[i].state == CODESCOUT_VALUE_OK          ? ValueState::Ok
                      : state_->last[i].state == CODESCOUT_VALUE_UNLIMITED ? ValueState::Unlimited
                                                                           : ValueState::Unavailable;
        }
        r.stale = late;
        readings.push_back(std::move(r));
    }

    if (state_->disabled && !reported_failure_) {
        messages.push_back(file_ + ": " + state_->failure + "; collector disabled, its series show as unavailable");
        reported_failure_ = true;
    }
    if (late && !reported_late_) {
        messages.push_back(file_ + ": sample() did not return within " + std::to_string(time_box.count()) +
                           " ms; its series are stale until it does");
        reported_late_ = true;
    } else if (!late && reported_late_ && !state_->disabled) {
        messages.push_back(file_ + ": sample() returned again; its series are current");
        reported_late_ = false;
    }
    if (!late && state_->last_error != reported_error_) {
        if (state_->last_error != 0) {
            messages.push_back(file_ + ": sample() failed (error " + std::to_string(state_->last_error) +
                               "); its series show as unavailable");
        }
        reported_error_ = state_->last_error;
    }
    return readings;
}

}  // namespace codescout::collectors
