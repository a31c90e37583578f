// Detailed allocation tracking of one search: files, bytes searched and content bytes per
// strategy, and the largest content buffers (top N by size) with the files they held. Filled by
// the workers (one lock only for a file that enters the top N), read once the search is over.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "core/search/file_strategy.h"

namespace codescout {

struct StrategyStats {
    std::uint64_t files = 0;
    std::uint64_t bytes_searched = 0;
    std::uint64_t largest_buffer = 0;  // the most content bytes one file of this strategy needed
};

struct LargestBuffer {
    std::string path;
    FileStrategy strategy = FileStrategy::Small;
    std::uint64_t bytes = 0;
    bool operator==(const LargestBuffer&) const = default;
};

struct AllocationDetail {
    std::array<StrategyStats, 3> by_strategy{};  // indexed by FileStrategy
    std::vector<LargestBuffer> largest;           // biggest first, at most kLargestBuffers

    const StrategyStats& operator[](FileStrategy s) const { return by_strategy[static_cast<std::size_t>(s)]; }
};

inline constexpr std::size_t kLargestBuffers = 5;

const char* strategy_name(FileStrategy strategy);  // "small", "buffered", "mmap"

class AllocationRecorder {
public:
    // From any worker thread, once per searched file.
    void record(const std::string& path, FileStrategy strategy, std::uint64_t bytes_searched,
                std::uint64_t buffer_bytes);
    AllocationDetail detail() const;

private:
    struct alignas(64) Counters {
        std::atomic<std::uint64_t> files{0};
        std::atomic<std::uint64_t> bytes{0};
        std::atomic<std::uint64_t> largest{0};
    };
    std::array<Counters, 3> counters_;
    // The smallest size in a full top list: most files are below it and skip the lock.
    std::atomic<std::uint64_t> entry_bar_{0};
    mutable std::mutex mutex_;
    std::vector<LargestBuffer> largest_;
};

}  // namespace codescout
