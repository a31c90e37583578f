// Implementation of the MemoryMetrics counters (see memory_metrics.h).
#include "core/metrics/memory_metrics.h"

#include "core/metrics/atomic_counter_ops.h"
#include "core/metrics/process_memory.h"

#include <initializer_list>

namespace codescout {

namespace {
constexpr auto relaxed = std::memory_order_relaxed;

}  // namespace

MemoryMetrics::MemoryMetrics(std::uint64_t small_file_threshold, std::uint64_t large_file_threshold) {
    set_thresholds(small_file_threshold, large_file_threshold);
}

void MemoryMetrics::record_allocation(std::uint64_t bytes) {
    const std::uint64_t total = total_allocated_.value.fetch_add(bytes, relaxed) + bytes;
    std::uint64_t peak = peak_allocated_.value.load(relaxed);
    while (total > peak && !peak_allocated_.value.compare_exchange_weak(peak, total, relaxed)) {
    }
}

void MemoryMetrics::record_deallocation(std::uint64_t bytes) {
    saturating_sub(total_allocated_.value, bytes);
}

void MemoryMetrics::record_mmap(std::uint64_t bytes) { mmap_allocated_.value.fetch_add(bytes, relaxed); }

void MemoryMetrics::record_munmap(std::uint64_t bytes) { saturating_sub(mmap_allocated_.value, bytes); }

void MemoryMetrics::record_small_file() { small_files_processed_.value.fetch_add(1, relaxed); }

void MemoryMetrics::record_buffered_file() { buffered_files_processed_.value.fetch_add(1, relaxed); }

void MemoryMetrics::record_mmap_file() { mmap_files_processed_.value.fetch_add(1, relaxed); }

void MemoryMetrics::record_cache_operation(std::int64_t size_delta, bool hit) {
    record_cache_size_change(size_delta);
    (hit ? cache_hits_ : cache_misses_).value.fetch_add(1, relaxed);
}

void MemoryMetrics::record_cache_size_change(std::int64_t size_delta) {
    if (size_delta > 0) {
        cache_size_.value.fetch_add(static_cast<std::uint64_t>(size_delta), relaxed);
    } else if (size_delta < 0) {
        saturating_sub(cache_size_.value, static_cast<std::uint64_t>(-size_delta));
    }
}

void MemoryMetrics::set_thresholds(std::uint64_t small_file_threshold, std::uint64_t large_file_threshold) {
    small_threshold_.store(small_file_threshold, relaxed);
    large_threshold_.store(large_file_threshold, relaxed);
}

std::uint64_t MemoryMetrics::small_file_threshold() const { return small_threshold_.load(relaxed); }
std::uint64_t MemoryMetrics::large_file_threshold() const { return large_threshold_.load(relaxed); }

MetricsSnapshot MemoryMetrics::snapshot(bool sample_process_memory) const {
    MetricsSnapshot s;
    s.total_allocated = total_allocated_.value.load(relaxed);
    s.peak_allocated = peak_allocated_.value.load(relaxed);
    s.mmap_allocated = mmap_allocated_.value.load(relaxed);
    s.cache_size = cache_size_.value.load(relaxed);
    s.cache_hits = cache_hits_.value.load(relaxed);
    s.cache_misses = cache_misses_.value.load(relaxed);
    s.small_files_processed = small_files_processed_.value.load(relaxed);
    s.buffered_files_processed = buffered_files_processed_.value.load(relaxed);
    s.mmap_files_processed = mmap_files_processed_.value.load(relaxed);
    s.small_file_threshold = small_threshold_.load(relaxed);
    s.large_file_threshold = large_threshold_.load(relaxed);
    if (sample_process_memory) s.resident_bytes = process_resident_bytes();
    return s;
}

void MemoryMetrics::reset_search_counters() {
    for (Counter* c : {&total_allocated_, &peak_allocated_, &mmap_allocated_, &small_files_processed_,
                       &buffered_files_processed_, &mmap_files_processed_}) {
        c->value.store(0, relaxed);
    }
}

}  // namespace codescout
