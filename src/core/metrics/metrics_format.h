// Text renderings of a MetricsSnapshot: the seed's "Memory usage stats:" block and the
// Prometheus text exposition format. Shared by the CLI (--stats-only, --metrics-format) and the
// GUI (status summary, export).
#pragma once

#include <cstdint>
#include <string>

#include "core/metrics/memory_metrics.h"

namespace codescout {

// 1234567 -> "1,234,567".
std::string with_thousands_separators(std::uint64_t value);

// Exactly the seed's seven lines, each ending in '\n':
//   Memory usage stats:
//   Total allocated: 1,234,567 bytes
//   ...
//   Files processed (small/buffered/mmap): 789/456/123
std::string format_stats_block(const MetricsSnapshot& snapshot);

// Prometheus text exposition format (version 0.0.4): # HELP / # TYPE lines, codescout_ prefix,
// _bytes for sizes, _total for counters.
std::string format_prometheus(const MetricsSnapshot& snapshot);

}  // namespace codescout
