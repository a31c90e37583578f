// MetricsSampler: reads the engine's MemoryMetrics at a fixed interval while a search runs and
// publishes each reading as a signal, so the memory view (or anything else) can plot it live.
// Sampling is a handful of relaxed atomic loads plus one small /proc read: cheap enough for the
// GUI thread at the default 100 ms. The memory attribution (smaps, the slow read) and the
// collector plugins are measured on the same tick by an AttributionProbe on its own thread and
// arrive as probed(); the GUI thread only queues the request.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <filesystem>
#include <memory>
#include <vector>

#include "gui/memory/attribution_probe.h"
#include "gui/memory/metrics_metatype.h"

namespace codescout::gui {

class MetricsSampler : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultInterval{100};

    explicit MetricsSampler(QObject* parent = nullptr);

    // Takes effect at once, also while running. Values below 1 ms are raised to 1 ms.
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;
    bool isRunning() const;
    // The metrics being sampled (null when stopped).
    std::shared_ptr<const MemoryMetrics> metrics() const;

    // Whether each tick also asks the probe for the attribution and the collectors (default on).
    // Off, only the engine's counters are sampled: the baseline of the overhead benchmark.
    void setProbing(bool on) { probing_ = on; }
    bool isProbing() const { return probing_; }
    // See AttributionProbe::setRestFactor (0: probe at every idle tick, for tests).
    void setProbeRestFactor(int factor) { probe_.setRestFactor(factor); }
    // The probe thread's CPU time for its last reading (0 before the first).
    std::chrono::nanoseconds probeCost() const { return probe_.lastCost(); }
    // Where the probe looks for collector plugins (default: collector_paths.h's search path).
    void setCollectorSearchPath(const std::vector<std::filesystem::path>& path);
    // The longest a tick took on the GUI thread since start() (its own work: the counters'
    // snapshot and queueing the probe; not the receivers of sampled()), for the benchmark: as
    // the thread's CPU time, and as wall-clock time (which also counts waiting for a core).
    std::chrono::microseconds longestTick() const { return longest_tick_; }
    std::chrono::microseconds longestTickWall() const { return longest_tick_wall_; }

public slots:
    // Samples at once, then every interval. The probe's first reading of the run waits
    // (AttributionProbe::restFromNow): only a run longer than that is probed while it runs.
    // Starting while running stops the previous run first (with its final sample). A null
    // pointer is ignored.
    void start(std::shared_ptr<codescout::MemoryMetrics> metrics);
    // Takes a final sample (so the last reading is the search's end state), then stops.
    // Does nothing when not running.
    void stop();

signals:
    // elapsedMs: milliseconds since start().
    void sampled(const codescout::MetricsSnapshot& snapshot, qint64 elapsedMs);
    // The attribution and collector readings for the tick at elapsedMs, a little later (read off
    // the GUI thread; a tick is skipped while the previous measurement still runs). May arrive
    // after stopped() for the final tick.
    void probed(const codescout::gui::ProbeReading& reading, qint64 elapsedMs);
    void started();
    void stopped();

private:
    // `lastTick`: the run's last tick, whose probe reading is forced (the end state).
    void sampleNow(bool lastTick);

    QTimer timer_;
    QElapsedTimer clock_;
    std::shared_ptr<MemoryMetrics> metrics_;
    AttributionProbe probe_;
    bool probing_ = true;
    std::chrono::microseconds longest_tick_{0};
    std::chrono::microseconds longest_tick_wall_{0};
};

}  // namespace codescout::gui
