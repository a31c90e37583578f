// AllocationRecorder (see strategy_stats.h).
#include "core/search/strategy_stats.h"

#include <algorithm>

namespace codescout {

namespace {
constexpr auto relaxed = std::memory_order_relaxed;
}

const char* strategy_name(FileStrategy strategy) {
    switch (strategy) {
    case FileStrategy::Small: return "small";
    case FileStrategy::Buffered: return "buffered";
    case FileStrategy::Mmap: return "mmap";
    }
    return "?";
}

void AllocationRecorder::record(const std::string& path, FileStrategy strategy, std::uint64_t bytes_searched,
                                std::uint64_t buffer_bytes) {
    Counters& c = counters_[static_cast<std::size_t>(strategy)];
    c.files.fetch_add(1, relaxed);
    c.bytes.fetch_add(bytes_searched, relaxed);
    std::uint64_t seen = c.largest.load(relaxed);
    while (buffer_bytes > seen && !c.largest.compare_exchange_weak(seen, buffer_bytes, relaxed)) {
    }
    if (buffer_bytes == 0 || buffer_bytes <= entry_bar_.load(relaxed)) return;
    std::lock_guard lock(mutex_);
    largest_.push_back({path, strategy, buffer_bytes});
    std::sort(largest_.begin(), largest_.end(), [](const LargestBuffer& a, const LargestBuffer& b) {
        return a.bytes != b.bytes ? a.bytes > b.bytes : a.path < b.path;
    });
    if (largest_.size() > kLargestBuffers) largest_.resize(kLargestBuffers);
    if (largest_.size() == kLargestBuffers) entry_bar_.store(largest_.back().bytes, relaxed);
}

AllocationDetail AllocationRecorder::detail() const {
    AllocationDetail out;
    for (std::size_t i = 0; i < counters_.size(); ++i) {
        out.by_strategy[i] = {counters_[i].files.load(relaxed), counters_[i].bytes.load(relaxed),
                              counters_[i].largest.load(relaxed)};
    }
    std::lock_guard lock(mutex_);
    out.largest = largest_;
    return out;
}

}  // namespace codescout
