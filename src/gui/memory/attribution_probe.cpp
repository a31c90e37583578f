// AttributionProbe: a QThread-owned worker that measures the attribution and samples the plugins.
#include "gui/memory/attribution_probe.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>

#include "core/collectors/collector_paths.h"
#include "core/collectors/collector_registry.h"
#include "core/match/thread_cpu_clock.h"
#include "gui/memory/gui_memory.h"

namespace codescout::gui {

namespace {

std::int64_t steadyNanoseconds(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

}  // namespace

class AttributionProbe::Worker : public QObject {
public:
    explicit Worker(AttributionProbe* probe) : probe_(probe) {}

    void setSearchPath(std::vector<std::filesystem::path> path) {
        searchPath_ = std::move(path);
        registry_.reset();
    }

    void measure(qint64 elapsedMs) {
        const auto start = std::chrono::steady_clock::now();
        const std::int64_t cpuStart = thread_cpu_nanoseconds();
        ProbeReading reading;
        if (!registry_) {
            registry_ = std::make_unique<collectors::CollectorRegistry>(
                searchPath_ ? *searchPath_ : collectors::default_collector_search_path());
        }
        // Loading the plugins happens once per search path: the rests follow the reading's own cost.
        const std::int64_t cpuLoaded = thread_cpu_nanoseconds();
        // Collectors first: their time box bounds the wait, and the attribution then describes
        // the moment the reading is delivered.
        if (registry_->collector_count() > 0) reading.collectors = registry_->sample_all();
        reading.collectorMessages = registry_->take_messages();
        reading.attribution = attributeWithGui(measure_memory_attribution(), guiMemory().snapshot());
        const auto end = std::chrono::steady_clock::now();
        reading.probeMicroseconds = std::chrono::duration_cast<std::chrono::microseconds>(end - start).count();
        const std::int64_t cpuEnd = thread_cpu_nanoseconds();
        reading.probeCpuMicroseconds = (cpuEnd - cpuStart) / 1000;
        const std::int64_t readingCost = cpuEnd - cpuLoaded;
        probe_->last_cost_ns_.store(readingCost);
        probe_->rest_until_ns_.store(steadyNanoseconds(end) + readingCost * probe_->rest_factor_.load());
        probe_->busy_.store(false);
        emit probe_->measured(reading, elapsedMs);
    }

private:
    AttributionProbe* probe_;
    std::optional<std::vector<std::filesystem::path>> searchPath_;  // nullopt: the default one
    std::unique_ptr<collectors::CollectorRegistry> registry_;
};

AttributionProbe::AttributionProbe(QObject* parent) : QObject(parent), worker_(new Worker(this)) {
    qRegisterMetaType<codescout::gui::ProbeReading>();
    thread_.setObjectName(QStringLiteral("codescout-attribution"));
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start(QThread::LowPriority);
}

AttributionProbe::~AttributionProbe() {
    thread_.quit();
    thread_.wait();
}

void AttributionProbe::setCollectorSearchPath(const std::vector<std::filesystem::path>& path) {
    QMetaObject::invokeMethod(worker_, [worker = worker_, path] { worker->setSearchPath(path); },
                              Qt::QueuedConnection);
}

bool AttributionProbe::request(qint64 elapsedMs, bool force) {
    if (!force && steadyNanoseconds(std::chrono::steady_clock::now()) < rest_until_ns_.load()) return false;
    if (busy_.exchange(true)) return false;
    QMetaObject::invokeMethod(worker_, [worker = worker_, elapsedMs] { worker->measure(elapsedMs); },
                              Qt::QueuedConnection);
    return true;
}

void AttributionProbe::restFromNow() {
    const std::int64_t cost = last_cost_ns_.load();
    const std::int64_t rest = (cost > 0 ? cost : std::chrono::nanoseconds{kAssumedCost}.count()) *
                              std::min(rest_factor_.load(), kFirstReadingFactor);
    // Never shortens a rest in progress (a reading that just ended keeps its own).
    const std::int64_t until = steadyNanoseconds(std::chrono::steady_clock::now()) + rest;
    std::int64_t current = rest_until_ns_.load();
    while (current < until && !rest_until_ns_.compare_exchange_weak(current, until)) {
    }
}

}  // namespace codescout::gui
