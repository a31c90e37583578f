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
    connect(&probe_, &AttributionProbe::measured, this, &MetricsSampler::attributionSampled);
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

void MetricsSampler::sampleNow() {
    if (!metrics_) return;
    const qint64 elapsed = clock_.elapsed();
    probe_.request(elapsed);
    emit sampled(metrics_->snapshot(true), elapsed);
}

}  // namespace codescout::gui
