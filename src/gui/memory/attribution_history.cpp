// AttributionHistory: fixed-capacity ring of attribution samples.
#include "gui/memory/attribution_history.h"

#include "core/metrics/attributed_bytes.h"

namespace codescout::gui {

AttributionHistory::AttributionHistory(std::size_t capacity) : ring_(capacity) {}

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
    ring_.push(std::move(row));
}

void AttributionHistory::clear()
{
    ring_.clear();
    names_.clear();
}

void AttributionHistory::setCapacity(std::size_t capacity) { ring_.setCapacity(capacity); }

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
    std::size_t bytes = ring_.storageBytes();
    for (const Row& r : ring_.storage())
        bytes += r.values.capacity() * sizeof(std::optional<std::int64_t>);
    for (const std::string& name : names_)
        bytes += string_heap_bytes(name);
    return bytes;
}

}  // namespace codescout::gui
