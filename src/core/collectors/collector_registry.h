// CollectorRegistry: the loaded collector plugins of one process and the one call that samples
// them all. The CLI creates one for its Prometheus output; the GUI's sampler is meant to own one
// and call sample_all() on its tick, off the GUI thread.
//
// Contract:
//  - Loading never throws and never stops at a bad plugin: each rejection (garbage file, wrong
//    interface version, missing symbol, invalid descriptor, a series another plugin already
//    provides) becomes one message naming the file, and the rest load.
//  - sample_all() returns within its time box (plus scheduling noise) whatever the plugins do:
//    each runs on its own thread (collector_worker.h). It may be called from any thread, one
//    call at a time (calls are serialised).
//  - The snapshot lists every series of every loaded collector in the same order at every call.
//  - Loading runs the plugins' static constructors and entry functions: do it off the GUI thread.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/collectors/collector_reading.h"

namespace codescout::collectors {

class CollectorWorker;

// Long enough for a /proc read on a busy machine, short enough for a 100 ms GUI tick.
inline constexpr std::chrono::milliseconds kDefaultSampleTimeBox{80};

class CollectorRegistry {
public:
    // Loads every candidate of `search_path` (collector_paths.h).
    explicit CollectorRegistry(const std::vector<std::filesystem::path>& search_path);
    ~CollectorRegistry();
    CollectorRegistry(const CollectorRegistry&) = delete;
    CollectorRegistry& operator=(const CollectorRegistry&) = delete;

    std::size_t collector_count() const { return workers_.size(); }
    // Every series of every loaded collector, in snapshot order.
    std::vector<SeriesInfo> series() const;

    // Asks every collector for a sample and waits at most `time_box` for all of them together.
    CollectorSnapshot sample_all(std::chrono::milliseconds time_box = kDefaultSampleTimeBox);

    // Messages since the last call (load rejections, then failures and late samples as they
    // happen), each "FILE: what happened". For stderr or the GUI's log.
    std::vector<std::string> take_messages();

private:
    std::vector<std::unique_ptr<CollectorWorker>> workers_;
    std::mutex sample_mutex_;
    std::mutex messages_mutex_;
    std::vector<std::string> messages_;
};

}  // namespace codescout::collectors
