// EngineMemory: relaxed atomic counters per component and a small registry of mappings
// (see engine_memory.h).
#include "core/metrics/engine_memory.h"

#include <algorithm>

namespace codescout {

namespace {

constexpr auto relaxed = std::memory_order_relaxed;

// Never below zero: an unbalanced release is a bug, but the chart must stay meaningful.
void saturating_sub(std::atomic<std::uint64_t>& counter, std::uint64_t bytes) {
    std::uint64_t current = counter.load(relaxed);
    while (!counter.compare_exchange_weak(current, current >= bytes ? current - bytes : 0, relaxed)) {
    }
}

void raise_peak(std::atomic<std::uint64_t>& peak, std::uint64_t value) {
    std::uint64_t seen = peak.load(relaxed);
    while (value > seen && !peak.compare_exchange_weak(seen, value, relaxed)) {
    }
}

}  // namespace

const char* engine_component_name(EngineComponent component) {
    switch (component) {
    case EngineComponent::SmallBuffers: return "buffers_small";
    case EngineComponent::BufferedBuffers: return "buffers_buffered";
    case EngineComponent::PatternCache: return "pattern_cache";
    case EngineComponent::Scratch: return "scratch";
    case EngineComponent::Count: break;
    }
    return "?";
}

void EngineMemory::add(EngineComponent component, std::uint64_t bytes) {
    Slot& slot = slots_[static_cast<std::size_t>(component)];
    raise_peak(slot.peak, slot.bytes.fetch_add(bytes, relaxed) + bytes);
}

void EngineMemory::sub(EngineComponent component, std::uint64_t bytes) {
    saturating_sub(slots_[static_cast<std::size_t>(component)].bytes, bytes);
}

void EngineMemory::add_budget(std::uint64_t bytes) { budget_.fetch_add(bytes, relaxed); }

void EngineMemory::sub_budget(std::uint64_t bytes) { saturating_sub(budget_, bytes); }

void EngineMemory::register_mapping(const void* address, std::size_t size) {
    const auto start = reinterpret_cast<std::uintptr_t>(address);
    std::lock_guard lock(mappings_mutex_);
    mappings_.emplace_back(start, start + size);
    mapped_.fetch_add(size, relaxed);
}

void EngineMemory::unregister_mapping(const void* address, std::size_t size) {
    const auto start = reinterpret_cast<std::uintptr_t>(address);
    std::lock_guard lock(mappings_mutex_);
    const auto found = std::find(mappings_.begin(), mappings_.end(), std::pair<std::uint64_t, std::uint64_t>(start, start + size));
    if (found == mappings_.end()) return;
    mappings_.erase(found);
    saturating_sub(mapped_, size);
}

EngineMemorySnapshot EngineMemory::snapshot() const {
    EngineMemorySnapshot s;
    for (std::size_t i = 0; i < kEngineComponentCount; ++i) {
        s.bytes[i] = slots_[i].bytes.load(relaxed);
        s.peak[i] = std::max(slots_[i].peak.load(relaxed), s.bytes[i]);
    }
    s.pattern_budget_bytes = budget_.load(relaxed);
    std::lock_guard lock(mappings_mutex_);
    s.mapped_bytes = mapped_.load(relaxed);
    s.mappings = mappings_;
    return s;
}

void EngineMemory::reset_peaks() {
    for (Slot& slot : slots_) slot.peak.store(slot.bytes.load(relaxed), relaxed);
}

EngineMemory& engine_memory() {
    // Never destroyed: buffers freed by static destructors after main() may still report here.
    static EngineMemory* instance = new EngineMemory;
    return *instance;
}

}  // namespace codescout
