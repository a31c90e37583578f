// MetricsSampler: a QTimer-driven reader of MemoryMetrics.
#include "gui/memory/metrics_sampler.h"

#include <algorithm>

namespace codescout::gui {

MetricsSampler::MetricsSampler(QObject* parent) : QObject(parent) {
    // Needed once per process so queued connections can copy the snapshot between threads.
    qRegisterMetaType<codescout::MetricsSnapshot>();
    // Precise: at 100 ms the default coarse timer may drift by 5%, which shows in the charts.
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(kDefaultInterval);
    connect(&timer_, &QTimer::timeout, this, &MetricsSampler::sampleNow);
    connect(&probe_, &AttributionProbe::measured, this, &MetricsSampler::probed);
}

void MetricsSampler::setInterval(std::chrono::milliseconds interval) {
    timer_.setInterval(std::max(interval, std::chrono::milliseconds{1}));
}

std::chrono::milliseconds MetricsSampler::interval() const { return timer_.intervalAsDuration(); }

bool MetricsSampler::isRunning() const { return metrics_ != nullptr; }

std::shared_ptr<const MemoryMetrics> MetricsSampler::metrics() const { return metrics_; }

void MetricsSampler::start(std::shared_ptr<codescout::MemoryMetrics> metrics) {
    if (!metrics) return;
    if (isRunning()) stop();
    metrics_ = std::move(metrics);
    longest_tick_ = std::chrono::microseconds{0};
    clock_.start();
    emit started();
    sampleNow();
    timer_.start();
}

void MetricsSampler::stop() {
    if (!isRunning()) return;
    timer_.stop();
    sampleNow();
    metrics_.reset();
    emit stopped();
}

void MetricsSampler::setCollectorSearchPath(const std::vector<std::filesystem::path>& path) {
    probe_.setCollectorSearchPath(path);
}

void MetricsSampler::sampleNow() {
    if (!metrics_) return;
    QElapsedTimer busy;
    busy.start();
    const qint64 elapsed = clock_.elapsed();
    if (probing_) probe_.request(elapsed);
    const MetricsSnapshot snapshot = metrics_->snapshot(true);
    longest_tick_ = std::max(longest_tick_, std::chrono::microseconds(busy.nsecsElapsed() / 1000));
    emit sampled(snapshot, elapsed);
}

}  // namespace codescout::gui
