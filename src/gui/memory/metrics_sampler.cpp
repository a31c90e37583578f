// MetricsSampler: a QTimer-driven reader of MemoryMetrics.
#include "gui/memory/metrics_sampler.h"

#include <algorithm>
#include <utility>

#include "core/match/thread_cpu_clock.h"

namespace codescout::gui {

MetricsSampler::MetricsSampler(QObject* parent) : QObject(parent) {
    // Needed once per process so queued connections can copy the snapshot between threads.
    qRegisterMetaType<codescout::MetricsSnapshot>();
    // Precise: at 100 ms the default coarse timer may drift by 5%, which shows in the charts.
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(kDefaultInterval);
    connect(&timer_, &QTimer::timeout, this, [this] { sampleNow(false); });
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
    longest_tick_ = longest_tick_wall_ = std::chrono::microseconds{0};
    probe_.restFromNow();
    clock_.start();
    emit started();
    sampleNow(false);
    timer_.start();
}

void MetricsSampler::stop() {
    if (!isRunning()) return;
    timer_.stop();
    sampleNow(true);  // the final reading is always probed: it is the search's end state
    metrics_.reset();
    emit stopped();
}

void MetricsSampler::setCollectorSearchPath(const std::vector<std::filesystem::path>& path) {
    probe_.setCollectorSearchPath(path);
}

void MetricsSampler::sampleNow(bool lastTick) {
    if (!metrics_) return;
    QElapsedTimer wall;
    wall.start();
    // CPU time of this thread: what the tick itself costs, without the time it waited for a core
    // on a loaded machine.
    const std::int64_t cpuBefore = thread_cpu_nanoseconds();
    const qint64 elapsed = clock_.elapsed();
    if (probing_) probe_.request(elapsed, lastTick);
    const MetricsSnapshot snapshot = metrics_->snapshot(true);
    longest_tick_ = std::max(longest_tick_, std::chrono::microseconds((thread_cpu_nanoseconds() - cpuBefore) / 1000));
    longest_tick_wall_ = std::max(longest_tick_wall_, std::chrono::microseconds(wall.nsecsElapsed() / 1000));
    emit sampled(snapshot, elapsed);
}

}  // namespace codescout::gui
