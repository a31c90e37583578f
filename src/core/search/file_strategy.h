// How the searcher reads a file, chosen by its size: the seed's hybrid strategy and its default
// thresholds. A search policy, so it lives in the search layer; metrics only counts the outcome.
#pragma once

#include <cstdint>

namespace codescout {

inline constexpr std::uint64_t kDefaultSmallFileThreshold = 32 * 1024;        // 32 KiB
inline constexpr std::uint64_t kDefaultLargeFileThreshold = 10 * 1024 * 1024; // 10 MiB
// How much text a multi-line search may read into memory for one file (search_options.h).
inline constexpr std::uint64_t kDefaultMultilineMaxBytes = 256ull * 1024 * 1024;  // 256 MiB

enum class FileStrategy { Small, Buffered, Mmap };

// Which strategy a file of `size` bytes gets: below small -> read whole; at or above large -> mmap.
FileStrategy strategy_for_size(std::uint64_t size, std::uint64_t small_threshold,
                               std::uint64_t large_threshold);

}  // namespace codescout
