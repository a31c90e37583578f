// MetricsSampler: reads the engine's MemoryMetrics at a fixed interval while a search runs and
// publishes each reading as a signal, so the memory view (or anything else) can plot it live.
// Sampling is a handful of relaxed atomic loads plus one small /proc read: cheap enough for the
// GUI thread at the default 100 ms. The memory attribution (smaps, the slow read) is measured on
// the same tick by an AttributionProbe on its own thread and arrives as attributionSampled().
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

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

public slots:
    // Samples at once, then every interval. Starting while running stops the previous run first
    // (with its final sample). A null pointer is ignored.
    void start(std::shared_ptr<codescout::MemoryMetrics> metrics);
    // Takes a final sample (so the last reading is the search's end state), then stops.
    // Does nothing when not running.
    void stop();

signals:
    // elapsedMs: milliseconds since start().
    void sampled(const codescout::MetricsSnapshot& snapshot, qint64 elapsedMs);
    // The attribution measured for the tick at elapsedMs, a little later (it is read off the GUI
    // thread; a tick is skipped while the previous measurement still runs). May arrive after
    // stopped() for the final tick.
    void attributionSampled(const codescout::MemoryAttribution& attribution, qint64 elapsedMs);
    void started();
    void stopped();

private:
    void sampleNow();

    QTimer timer_;
    QElapsedTimer clock_;
    std::shared_ptr<MemoryMetrics> metrics_;
    AttributionProbe probe_;
};

}  // namespace codescout::gui
