// strategy_for_size: the hybrid strategy's size rule (see file_strategy.h).
#include "core/search/file_strategy.h"

namespace codescout {

FileStrategy strategy_for_size(std::uint64_t size, std::uint64_t small_threshold,
                               std::uint64_t large_threshold) {
    if (size < small_threshold) return FileStrategy::Small;
    if (size >= large_threshold) return FileStrategy::Mmap;
    return FileStrategy::Buffered;
}

}  // namespace codescout
