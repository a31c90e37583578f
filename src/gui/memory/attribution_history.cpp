// AttributionHistory: fixed-capacity ring of attribution samples.
#include "gui/memory/attribution_history.h"

#include "core/metrics/attributed_bytes.h"

#include <algorithm>
#include <stdexcept>

namespace codescout::gui {

AttributionHistory::AttributionHistory(std::size_t capacity)
    : capacity_(std::max<std::size_t>(capacity, 1))
{
}

void AttributionHistory::push(std::int64_t elapsedMs, const MemoryAttribution& attribution)
{
    std::vector<std::string> names;
    names.reserve(attribution.components.size());
    for (const MemoryComponent& c : attribution.components)
        names.push_back(c.name);
    if (names != names_) {
        clear();
        names_ = std::move(names);
    }
    Row row;
    row.elapsedMs = elapsedMs;
    if (attribution.resident)
        row.resident = static_cast<std::int64_t>(*attribution.resident);
    if (attribution.malloc)
        row.heapInUse = static_cast<std::int64_t>(attribution.malloc->in_use);
    row.values.reserve(attribution.components.size());
    for (const MemoryComponent& c : attribution.components)
        row.values.push_back(c.bytes);
    if (ring_.size() < capacity_) {
        ring_.push_back(std::move(row));
        size_ = ring_.size();
        return;
    }
    ring_[head_] = std::move(row);
    head_ = (head_ + 1) % capacity_;
}

void AttributionHistory::clear()
{
    ring_.clear();
    names_.clear();
    head_ = 0;
    size_ = 0;
}

void AttributionHistory::setCapacity(std::size_t capacity)
{
    capacity = std::max<std::size_t>(capacity, 1);
    if (capacity == capacity_)
        return;
    const std::size_t keep = std::min(size_, capacity);
    std::vector<Row> ordered;
    ordered.reserve(keep);
    for (std::size_t i = size_ - keep; i < size_; ++i)
        ordered.push_back(row(i));
    ring_ = std::move(ordered);
    capacity_ = capacity;
    head_ = 0;
    size_ = ring_.size();
}

const AttributionHistory::Row& AttributionHistory::row(std::size_t i) const
{
    if (i >= size_)
        throw std::out_of_range("AttributionHistory: index out of range");
    return ring_[(head_ + i) % ring_.size()];
}

std::int64_t AttributionHistory::elapsedMs(std::size_t i) const { return row(i).elapsedMs; }

std::optional<std::int64_t> AttributionHistory::resident(std::size_t i) const
{
    return row(i).resident;
}

std::optional<std::int64_t> AttributionHistory::heapInUse(std::size_t i) const
{
    return row(i).heapInUse;
}

std::optional<std::int64_t> AttributionHistory::value(std::size_t i, std::size_t component) const
{
    const Row& r = row(i);
    return component < r.values.size() ? r.values[component] : std::nullopt;
}

std::size_t AttributionHistory::heapBytes() const
{
    std::size_t bytes = ring_.capacity() * sizeof(Row);
    for (const Row& r : ring_)
        bytes += r.values.capacity() * sizeof(std::optional<std::int64_t>);
    for (const std::string& name : names_)
        bytes += string_heap_bytes(name);
    return bytes;
}

}  // namespace codescout::gui
