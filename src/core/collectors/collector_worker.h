// CollectorWorker: runs one plugin's sample() on a thread of its own, so that a slow or hung
// plugin can delay nobody. The caller asks for a sample (request) and then waits for it no longer
// than a deadline (collect); a sample that misses the deadline leaves the collector's series
// stale, and no new sample is asked for until the late one returns.
//
// Contract:
//  - request() and collect() are called by one thread at a time (CollectorRegistry serialises
//    them); they never wait for the plugin beyond collect()'s deadline.
//  - The plugin's sample() and destroy() run only on the worker thread, never concurrently.
//  - A sample() that throws disables the collector for good: its series stay in the readings,
//    Unavailable, and one message says why.
//  - Destruction waits briefly for an idle worker to finish; a worker still inside a hung
//    sample() is detached and cleans up (destroy, dlclose) by itself when the call returns.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "core/collectors/collector_reading.h"
#include "core/collectors/plugin_library.h"

namespace codescout::collectors {

class CollectorWorker {
public:
    explicit CollectorWorker(std::unique_ptr<PluginLibrary> library);
    ~CollectorWorker();
    CollectorWorker(const CollectorWorker&) = delete;
    CollectorWorker& operator=(const CollectorWorker&) = delete;

    const std::vector<SeriesInfo>& series() const { return series_; }
    const std::string& file() const { return file_; }

    // Starts a sample unless the previous one is still running or the collector is disabled.
    void request();
    // Waits until `deadline` at most for the requested sample; returns one reading per series.
    // Messages about this collector (failed, late, answering again) are appended to `messages`;
    // `time_box` only words the "late" message.
    std::vector<CollectorReading> collect(std::chrono::steady_clock::time_point deadline,
                                          std::chrono::milliseconds time_box, std::vector<std::string>& messages);

private:
    struct State;
    static void run(std::shared_ptr<State> state);

    std::vector<SeriesInfo> series_;
    std::string file_;
    std::shared_ptr<State> state_;
    std::uint64_t wanted_ = 0;     // the sample number collect() waits for
    bool reported_late_ = false;    // "late" said, "answering again" not yet
    bool reported_failure_ = false; // disabled, and said so
    std::int32_t reported_error_ = 0;
};

}  // namespace codescout::collectors
