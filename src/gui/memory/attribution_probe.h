// AttributionProbe: measures the memory attribution (engine + GUI components, see gui_memory.h)
// and samples the collector plugins on a thread of its own. Reading /proc/self/smaps takes about
// a millisecond per few hundred mappings and may stall behind the kernel's mmap lock while a
// search maps files, and a plugin may take up to its time box: the GUI thread must never wait
// for either. The sampler asks on its tick; the probe answers with a queued signal.
//
// The plugins are loaded on the probe's thread at its first measurement (loading runs their
// constructors: never on the GUI thread), from the search path given, or else the default one
// (collector_paths.h).
#pragma once

#include <QObject>
#include <QThread>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "gui/memory/metrics_metatype.h"

namespace codescout::gui {

class AttributionProbe : public QObject {
    Q_OBJECT
public:
    // Starts its own thread; the destructor stops it (waiting for a measurement in progress,
    // which a hung plugin cannot prolong beyond the collectors' time box).
    explicit AttributionProbe(QObject* parent = nullptr);
    ~AttributionProbe() override;

    // GUI thread, before or between measurements: where to look for collector plugins. The
    // plugins are (re)loaded at the next measurement. An empty list loads none.
    void setCollectorSearchPath(const std::vector<std::filesystem::path>& path);

    // GUI thread. Queues one measurement stamped `elapsedMs`, unless one is still running (a
    // slow /proc read or plugin skips ticks rather than piling them up) or the probe is resting:
    // after a measurement that cost the probe's thread T of CPU time, the next one waits until
    // restFactor x T has passed, so measuring never takes more than 1 / (restFactor + 1) of a
    // core, however large the process (smaps grows with its mappings) or slow the machine.
    // (Waiting for a slow plugin costs no CPU and is not counted.) `force` skips the rest (a
    // search's final tick: its end state). Returns whether it was queued.
    bool request(qint64 elapsedMs, bool force = false);
    // GUI thread, as a search starts: its first reading waits kFirstReadingFactor x the last
    // reading's cost (kAssumedCost before the first; never longer than the rest factor says).
    // A reading costs milliseconds of CPU while the search's threads want every core: a search
    // shorter than that wait (~0.5 s) gets no reading while it runs, only its forced final one,
    // after it; a longer one gets its first when that reading is at most 1/150 of its time so far.
    void restFromNow();
    static constexpr std::chrono::nanoseconds kAssumedCost = std::chrono::milliseconds{5};
    static constexpr int kFirstReadingFactor = 150;
    static constexpr int kDefaultRestFactor = 199;  // at most 0.5% of one core
    // 0: measure at every tick that finds the probe idle (tests that count readings). Ends the
    // current rest: the new factor applies from the next measurement on.
    void setRestFactor(int factor) {
        rest_factor_.store(factor);
        rest_until_ns_.store(0);
    }
    // The thread CPU time of the last reading, without loading the plugins (0 before the first).
    std::chrono::nanoseconds lastCost() const { return std::chrono::nanoseconds{last_cost_ns_.load()}; }
    bool isBusy() const { return busy_.load(); }

signals:
    // Emitted on the probe's thread; connect with the default (queued) connection.
    void measured(const codescout::gui::ProbeReading& reading, qint64 elapsedMs);

private:
    class Worker;
    QThread thread_;
    Worker* worker_;
    std::atomic<bool> busy_{false};
    // When the last measurement ended plus its rest, steady clock nanoseconds (set by the worker).
    std::atomic<std::int64_t> rest_until_ns_{0};
    std::atomic<std::int64_t> last_cost_ns_{0};
    std::atomic<int> rest_factor_{kDefaultRestFactor};
};

}  // namespace codescout::gui
