// MemoryMetrics: the thread-safe counters that explain what a search costs in memory.
// The nine counters and their meaning are RustScout's (docs/memory-metrics.md); every content
// buffer, mapping and cached pattern the engine creates is recorded here and released again.
#pragma once

#include <atomic>
#include <cstdint>

namespace codescout {

// A plain copy of every counter at one moment, plus what the OS says the process really uses.
struct MetricsSnapshot {
    std::uint64_t total_allocated = 0;
    std::uint64_t peak_allocated = 0;
    std::uint64_t mmap_allocated = 0;
    std::uint64_t cache_size = 0;
    std::uint64_t cache_hits = 0;
    std::uint64_t cache_misses = 0;
    std::uint64_t small_files_processed = 0;
    std::uint64_t buffered_files_processed = 0;
    std::uint64_t mmap_files_processed = 0;
    std::uint64_t resident_bytes = 0;  // process RSS when the snapshot was taken (0 if unknown)
    // The thresholds the last search ran with (0 before any was recorded): context for the
    // three file counters, which the searcher fills by the strategy it chose.
    std::uint64_t small_file_threshold = 0;
    std::uint64_t large_file_threshold = 0;

    bool operator==(const MetricsSnapshot&) const = default;
};

class MemoryMetrics {
public:
    MemoryMetrics() = default;
    MemoryMetrics(std::uint64_t small_file_threshold, std::uint64_t large_file_threshold);
    MemoryMetrics(const MemoryMetrics&) = delete;
    MemoryMetrics& operator=(const MemoryMetrics&) = delete;

    void record_allocation(std::uint64_t bytes);
    void record_deallocation(std::uint64_t bytes);
    void record_mmap(std::uint64_t bytes);
    void record_munmap(std::uint64_t bytes);
    // One file read whole, read in chunks, or mapped: the searcher decides which, metrics counts.
    void record_small_file();
    void record_buffered_file();
    void record_mmap_file();
    // size_delta may be negative (an eviction); hit says whether the lookup found an entry.
    void record_cache_operation(std::int64_t size_delta, bool hit);
    // A cache size change that is not a lookup (PatternCache::clear): counts neither hit nor miss.
    void record_cache_size_change(std::int64_t size_delta);

    void set_thresholds(std::uint64_t small_file_threshold, std::uint64_t large_file_threshold);
    std::uint64_t small_file_threshold() const;
    std::uint64_t large_file_threshold() const;

    // Counters are read one by one (relaxed): each value is exact, the set is not a transaction.
    // With sample_process_memory, resident_bytes is read from the OS (a syscall: not for hot paths).
    MetricsSnapshot snapshot(bool sample_process_memory = true) const;

    // Zeroes the per-search counters (allocations, peak, mmap, files). Cache counters survive
    // because the pattern cache itself survives between searches.
    void reset_search_counters();

private:
    // Each counter on its own cache line: the workers hammer different counters concurrently.
    struct alignas(64) Counter {
        std::atomic<std::uint64_t> value{0};
    };
    Counter total_allocated_;
    Counter peak_allocated_;
    Counter mmap_allocated_;
    Counter cache_size_;
    Counter cache_hits_;
    Counter cache_misses_;
    Counter small_files_processed_;
    Counter buffered_files_processed_;
    Counter mmap_files_processed_;
    std::atomic<std::uint64_t> small_threshold_{0};
    std::atomic<std::uint64_t> large_threshold_{0};
};

}  // namespace codescout
