// Lock-free updates shared by the metrics counters (MemoryMetrics, EngineMemory).
#pragma once

#include <atomic>
#include <cstdint>

namespace codescout {

// Subtracts without wrapping below zero: an unbalanced release is a bug, but the counter must
// stay meaningful for the charts rather than jump to 2^64.
inline void saturating_sub(std::atomic<std::uint64_t>& counter, std::uint64_t bytes) {
    std::uint64_t current = counter.load(std::memory_order_relaxed);
    while (!counter.compare_exchange_weak(current, current >= bytes ? current - bytes : 0,
                                          std::memory_order_relaxed)) {
    }
}

}  // namespace codescout
