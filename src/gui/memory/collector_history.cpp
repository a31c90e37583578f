// CollectorHistory: fixed-capacity ring of collector readings.
#include "gui/memory/collector_history.h"

#include <algorithm>

#include "core/metrics/attributed_bytes.h"

namespace codescout::gui {

CollectorHistory::CollectorHistory(std::size_t capacity) : ring_(capacity) {}

void CollectorHistory::push(std::int64_t elapsedMs, const collectors::CollectorSnapshot& snapshot) {
    const bool sameSeries =
        snapshot.size() == series_.size() &&
        std::equal(snapshot.begin(), snapshot.end(), series_.begin(),
                   [](const collectors::CollectorReading& r, const collectors::SeriesInfo& s) { return r.series == s; });
    if (!sameSeries) {
        clear();
        for (const collectors::CollectorReading& r : snapshot) series_.push_back(r.series);
    }
    Row row;
    row.elapsedMs = elapsedMs;
    row.values.reserve(snapshot.size());
    for (const collectors::CollectorReading& r : snapshot) row.values.push_back({r.value, r.state, r.stale});
    ring_.push(std::move(row));
}

void CollectorHistory::clear() {
    clearReadings();
    series_.clear();
}

void CollectorHistory::clearReadings() { ring_.clear(); }

void CollectorHistory::setCapacity(std::size_t capacity) { ring_.setCapacity(capacity); }

std::int64_t CollectorHistory::elapsedMs(std::size_t i) const { return row(i).elapsedMs; }

const CollectorValue& CollectorHistory::value(std::size_t i, std::size_t series) const {
    return row(i).values.at(series);
}

collectors::CollectorSnapshot CollectorHistory::latest() const {
    collectors::CollectorSnapshot out;
    if (empty()) return out;
    const Row& last = ring_.latest();
    out.reserve(series_.size());
    for (std::size_t s = 0; s < series_.size(); ++s) {
        const CollectorValue& v = last.values[s];
        out.push_back({series_[s], v.value, v.state, v.stale});
    }
    return out;
}

std::size_t CollectorHistory::heapBytes() const {
    std::size_t bytes = ring_.storageBytes() + series_.capacity() * sizeof(collectors::SeriesInfo);
    for (const Row& r : ring_.storage()) bytes += r.values.capacity() * sizeof(CollectorValue);
    for (const collectors::SeriesInfo& s : series_) {
        for (const std::string* text : {&s.name, &s.help, &s.unit, &s.collector, &s.file})
            bytes += static_cast<std::size_t>(string_heap_bytes(*text));
    }
    return bytes;
}

}  // namespace codescout::gui
