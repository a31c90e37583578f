// AttributionHistory: a bounded ring of attribution samples (elapsed time, resident, and each
// component's bytes) for the stacked memory chart. Component names are kept once, not per
// sample: the attribution's component list is fixed for a process, and a row is then a plain
// vector of numbers whose capacity the attribution can count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/metrics/memory_attribution.h"
#include "gui/memory/bounded_ring.h"

namespace codescout::gui {

class AttributionHistory {
public:
    explicit AttributionHistory(std::size_t capacity = 3000);

    // Appends; when full, the oldest sample is overwritten. A sample whose component names differ
    // from the kept ones starts the history anew (it cannot be stacked with them).
    void push(std::int64_t elapsedMs, const MemoryAttribution& attribution);
    void clear();
    // Changes the bound, keeping the newest samples that fit. A capacity of 0 is raised to 1.
    void setCapacity(std::size_t capacity);

    std::size_t size() const { return ring_.size(); }
    bool empty() const { return ring_.empty(); }
    const std::vector<std::string>& names() const { return names_; }
    // i = 0 is the oldest sample kept.
    std::int64_t elapsedMs(std::size_t i) const;
    std::optional<std::int64_t> resident(std::size_t i) const;
    // The allocator's in-use bytes at that sample (mallinfo2), nullopt without allocator figures.
    std::optional<std::int64_t> heapInUse(std::size_t i) const;
    // nullopt: the component was unavailable in that sample.
    std::optional<std::int64_t> value(std::size_t i, std::size_t component) const;
    // Heap bytes held (the ring's capacity x row size, and each row's values), for the attribution.
    std::size_t heapBytes() const;

private:
    struct Row {
        std::int64_t elapsedMs = 0;
        std::optional<std::int64_t> resident;
        std::optional<std::int64_t> heapInUse;
        std::vector<std::optional<std::int64_t>> values;
    };
    const Row& row(std::size_t i) const { return ring_.at(i); }

    std::vector<std::string> names_;
    BoundedRing<Row> ring_;
};

}  // namespace codescout::gui
