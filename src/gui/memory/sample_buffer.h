// SampleBuffer: a bounded ring of (elapsed, snapshot) samples. The memory view keeps the most
// recent `capacity` readings; older ones are dropped so a long search cannot grow memory or slow
// the charts without limit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/metrics/memory_metrics.h"

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

    std::size_t capacity() const { return capacity_; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // i = 0 is the oldest sample kept.
    const MetricsSample& at(std::size_t i) const;
    const MetricsSample& latest() const { return at(size_ - 1); }
    // Samples ever pushed since the last clear (including dropped ones).
    std::uint64_t totalPushed() const { return total_pushed_; }
    // Heap bytes of the ring as allocated (capacity x sizeof), for the attribution.
    std::size_t heapBytes() const { return ring_.capacity() * sizeof(MetricsSample); }

private:
    std::vector<MetricsSample> ring_;
    std::size_t capacity_;
    std::size_t head_ = 0;  // index of the oldest sample
    std::size_t size_ = 0;
    std::uint64_t total_pushed_ = 0;
};

}  // namespace codescout::gui
