// EngineMemory: relaxed atomic counters per component and a small registry of mappings
// (see engine_memory.h).
#include "core/metrics/engine_memory.h"

#include "core/metrics/atomic_counter_ops.h"
#include "core/metrics/page_residency.h"

#include <algorithm>


namespace codescout {

namespace {

constexpr auto relaxed = std::memory_order_relaxed;

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
    case EngineComponent::DecodeBuffers: return "buffers_decode";
    case EngineComponent::PatternCache: return "pattern_cache";
    case EngineComponent::Scratch: return "scratch";
    case EngineComponent::Walker: return "walker";
    case EngineComponent::IndexBuild: return "index_build";
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

void EngineMemory::register_block(EngineComponent component, const void* address, std::size_t size) {
    std::lock_guard lock(mappings_mutex_);
    blocks_.push_back({component, reinterpret_cast<std::uintptr_t>(address), size});
}

void EngineMemory::unregister_block(const void* address) {
    const auto start = reinterpret_cast<std::uintptr_t>(address);
    std::lock_guard lock(mappings_mutex_);
    const auto found = std::find_if(blocks_.begin(), blocks_.end(), [&](const Block& b) { return b.start == start; });
    if (found != blocks_.end()) blocks_.erase(found);
}

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

void EngineMemory::register_index_mapping(const void* address, std::size_t size) {
    const auto start = reinterpret_cast<std::uintptr_t>(address);
    std::lock_guard lock(mappings_mutex_);
    index_mappings_.emplace_back(start, start + size);
    index_mapped_ += size;
}

void EngineMemory::unregister_index_mapping(const void* address, std::size_t size) {
    const auto start = reinterpret_cast<std::uintptr_t>(address);
    std::lock_guard lock(mappings_mutex_);
    const auto found = std::find(index_mappings_.begin(), index_mappings_.end(),
                                 std::pair<std::uint64_t, std::uint64_t>(start, start + size));
    if (found == index_mappings_.end()) return;
    index_mappings_.erase(found);
    index_mapped_ -= size;
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
    s.index_mapped_bytes = index_mapped_;
    s.index_mappings = index_mappings_;
    // Under the lock: a buffer cannot be freed (unregistered first) while its pages are probed.
    std::array<bool, kEngineComponentCount> failed{};
    std::array<std::uint64_t, kEngineComponentCount> in_blocks{};
    for (const Block& block : blocks_) {
        const auto index = static_cast<std::size_t>(block.component);
        const std::optional<std::uint64_t> bytes = resident_bytes(block.start, block.size);
        if (!bytes) failed[index] = true;
        s.resident[index] = s.resident[index].value_or(0) + bytes.value_or(0);
        in_blocks[index] += block.size;
        if (bytes && *bytes < block.size) s.untouched_blocks.push_back({block.start, block.size - *bytes});
    }
    for (std::size_t i = 0; i < kEngineComponentCount; ++i) {
        if (failed[i]) s.resident[i].reset();
        // A component may also hold bytes outside blocks (the index build's bitmaps beside its
        // pair buffers): those count as allocated. (The counts were read before the lock, so a
        // block registered since may exceed them: never below the blocks' own pages.)
        if (s.resident[i] && s.bytes[i] > in_blocks[i]) *s.resident[i] += s.bytes[i] - in_blocks[i];
    }
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
