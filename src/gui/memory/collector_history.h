// CollectorHistory: a bounded ring of the collector plugins' readings (issue 8, item 4), for the
// memory view's collector chart and its CSV export. The series (names, units, plugin) are kept
// once; a row is the tick's time and one small value per series. A reading keeps its state:
// unavailable, unlimited and stale readings are plotted as gaps and exported as such, never as 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/collectors/collector_reading.h"
#include "gui/memory/bounded_ring.h"

namespace codescout::gui {

struct CollectorValue {
    double value = 0;
    collectors::ValueState state = collectors::ValueState::Unavailable;
    bool stale = false;

    // A current, finite reading: what a chart may plot.
    bool plottable() const { return state == collectors::ValueState::Ok && !stale; }
    bool operator==(const CollectorValue&) const = default;
};

class CollectorHistory {
public:
    explicit CollectorHistory(std::size_t capacity = 3000);

    // Appends; when full, the oldest row is overwritten. A snapshot whose series differ from the
    // kept ones (another set of plugins) starts the history anew.
    void push(std::int64_t elapsedMs, const collectors::CollectorSnapshot& snapshot);
    void clear();
    // Drops the rows but keeps the series (the same plugins stay loaded between searches).
    void clearReadings();
    // Keeps the newest rows that fit. A capacity of 0 is raised to 1.
    void setCapacity(std::size_t capacity);

    std::size_t size() const { return ring_.size(); }
    bool empty() const { return ring_.empty(); }
    const std::vector<collectors::SeriesInfo>& series() const { return series_; }
    // i = 0 is the oldest row kept.
    std::int64_t elapsedMs(std::size_t i) const;
    const CollectorValue& value(std::size_t i, std::size_t series) const;
    // The newest readings as the collectors delivered them (empty before the first push).
    collectors::CollectorSnapshot latest() const;
    // Heap bytes held (the ring and each row's values), for the attribution's chart samples.
    std::size_t heapBytes() const;

private:
    struct Row {
        std::int64_t elapsedMs = 0;
        std::vector<CollectorValue> values;
    };
    const Row& row(std::size_t i) const { return ring_.at(i); }

    std::vector<collectors::SeriesInfo> series_;
    BoundedRing<Row> ring_;
};

}  // namespace codescout::gui
