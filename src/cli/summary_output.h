// What --stats and --stats-only print after a search: the seed's "Memory usage stats:" block
// (format_stats_block, unchanged) or its Prometheus exposition (format_prometheus), plus the
// search's own numbers (files, matches, bytes, skipped by reason, elapsed).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "cli/cli_args.h"
#include "core/search/search_result.h"

namespace codescout::cli {

// --stats after the results: a blank line, ripgrep's stats lines, a blank line, the memory block
// (or, with prometheus, the exposition instead of all of that).
std::string format_stats_report(const SearchSummary& summary, std::uint64_t bytes_printed,
                                std::chrono::nanoseconds elapsed_total, MetricsFormat format);

// --stats-only: the seed's block first, exactly, then one line per search number.
std::string format_stats_only(const SearchSummary& summary, MetricsFormat format);

// The metrics in Prometheus text format, followed by the search counters
// (codescout_search_*, codescout_files_skipped_total{reason=...}).
std::string format_prometheus_report(const SearchSummary& summary);

// "0.012345 seconds" style, as rg prints durations.
std::string format_seconds(std::chrono::nanoseconds elapsed);

}  // namespace codescout::cli
