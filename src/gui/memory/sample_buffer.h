// SampleBuffer: a bounded ring of (elapsed, snapshot) samples. The memory view keeps the most
// recent `capacity` readings; older ones are dropped so a long search cannot grow memory or slow
// the charts without limit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/metrics/memory_metrics.h"
#include "gui/memory/bounded_ring.h"

namespace codescout::gui {

struct MetricsSample {
    std::int64_t elapsed_ms = 0;
    MetricsSnapshot snapshot;

    bool operator==(const MetricsSample&) const = default;
};

class SampleBuffer {
public:
    static constexpr std::size_t kDefaultCapacity = 3000;

    explicit SampleBuffer(std::size_t capacity = kDefaultCapacity);

    // Appends; when full, the oldest sample is overwritten.
    void push(const MetricsSample& sample);
    void clear();
    // Changes the bound, keeping the newest samples that fit. A capacity of 0 is raised to 1.
    void setCapacity(std::size_t capacity);

    std::size_t capacity() const { return ring_.capacity(); }
    std::size_t size() const { return ring_.size(); }
    bool empty() const { return ring_.empty(); }
    // i = 0 is the oldest sample kept.
    const MetricsSample& at(std::size_t i) const { return ring_.at(i); }
    const MetricsSample& latest() const { return ring_.latest(); }
    // Samples ever pushed since the last clear (including dropped ones).
    std::uint64_t totalPushed() const { return total_pushed_; }
    // Heap bytes of the ring as allocated (capacity x sizeof), for the attribution.
    std::size_t heapBytes() const { return ring_.storageBytes(); }

private:
    BoundedRing<MetricsSample> ring_;
    std::uint64_t total_pushed_ = 0;
};

}  // namespace codescout::gui
