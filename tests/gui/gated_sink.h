// For tests that must act on a search that provably has not finished: a ResultSink decorator
// whose on_file() waits at a Gate until the test opens it. While the gate is closed the search
// can neither deliver a match nor end (run() waits for its workers), so "replace it" or "switch
// folders during it" really happens mid-search. Install with SearchController::setSinkDecorator.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

#include "core/search/result_sink.h"
#include "gui/search/search_controller.h"

namespace codescout::gui::testing {

class Gate {
public:
    // Worker threads: waits while the gate is closed. Gives up after kLimit, so that a failing
    // test ends with its own message instead of hanging until CTest kills it.
    void pass()
    {
        std::unique_lock lock(mutex_);
        ++arrived_;
        opened_.wait_for(lock, kLimit, [this] { return open_; });
    }
    void open()
    {
        {
            std::lock_guard lock(mutex_);
            open_ = true;
        }
        opened_.notify_all();
    }
    // How many on_file() calls reached the gate so far.
    int arrived() const
    {
        std::lock_guard lock(mutex_);
        return arrived_;
    }

private:
    static constexpr std::chrono::seconds kLimit{60};
    mutable std::mutex mutex_;
    std::condition_variable opened_;
    bool open_ = false;
    int arrived_ = 0;
};

class GatedSink : public ResultSink {
public:
    GatedSink(ResultSink& inner, std::shared_ptr<Gate> gate) : inner_(inner), gate_(std::move(gate)) {}
    bool on_file(FileResult&& result) override
    {
        gate_->pass();
        return inner_.on_file(std::move(result));
    }
    void on_error(const SearchError& error) override { inner_.on_error(error); }

private:
    ResultSink& inner_;
    std::shared_ptr<Gate> gate_;  // shared: workers may still be inside pass() when the test ends
};

// A decorator that puts every run started while it is installed behind `gate`.
inline SearchController::SinkDecorator gatedBy(std::shared_ptr<Gate> gate)
{
    return [gate](ResultSink& inner) -> std::unique_ptr<ResultSink> {
        return std::make_unique<GatedSink>(inner, gate);
    };
}

}  // namespace codescout::gui::testing
