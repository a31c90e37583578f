// Formatting of MetricsSnapshot for people (the seed's block) and for Prometheus scrapers.
#include "core/metrics/metrics_format.h"

#include <string_view>

namespace codescout {

std::string with_thousands_separators(std::uint64_t value) {
    std::string digits = std::to_string(value);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

std::string format_stats_block(const MetricsSnapshot& s) {
    const auto n = with_thousands_separators;
    std::string out = "Memory usage stats:\n";
    out += "Total allocated: " + n(s.total_allocated) + " bytes\n";
    out += "Peak allocated: " + n(s.peak_allocated) + " bytes\n";
    out += "Memory mapped: " + n(s.mmap_allocated) + " bytes\n";
    out += "Cache size: " + n(s.cache_size) + " bytes\n";
    out += "Cache hits/misses: " + n(s.cache_hits) + "/" + n(s.cache_misses) + "\n";
    out += "Files processed (small/buffered/mmap): " + n(s.small_files_processed) + "/" +
           n(s.buffered_files_processed) + "/" + n(s.mmap_files_processed) + "\n";
    return out;
}

namespace {
void metric(std::string& out, std::string_view name, std::string_view type, std::string_view help,
            std::uint64_t value, std::string_view labels = {}) {
    out.append("# HELP codescout_").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE codescout_").append(name).append(" ").append(type).append("\n");
    out.append("codescout_").append(name).append(labels).append(" ").append(std::to_string(value)).append("\n");
}
}  // namespace

std::string format_prometheus(const MetricsSnapshot& s) {
    std::string out;
    metric(out, "memory_allocated_bytes", "gauge", "Bytes of content buffers currently allocated by the engine.",
           s.total_allocated);
    metric(out, "memory_peak_allocated_bytes", "gauge", "Highest value memory_allocated_bytes has reached.",
           s.peak_allocated);
    metric(out, "memory_mapped_bytes", "gauge", "Bytes of files currently memory-mapped.", s.mmap_allocated);
    metric(out, "pattern_cache_size_bytes", "gauge", "Estimated bytes held by compiled patterns in the cache.",
           s.cache_size);
    metric(out, "pattern_cache_hits_total", "counter", "Pattern cache lookups that found a compiled pattern.",
           s.cache_hits);
    metric(out, "pattern_cache_misses_total", "counter", "Pattern cache lookups that had to compile.",
           s.cache_misses);
    out += "# HELP codescout_files_processed_total Files searched, by processing strategy.\n";
    out += "# TYPE codescout_files_processed_total counter\n";
    out += "codescout_files_processed_total{strategy=\"small\"} " + std::to_string(s.small_files_processed) + "\n";
    out += "codescout_files_processed_total{strategy=\"buffered\"} " + std::to_string(s.buffered_files_processed) + "\n";
    out += "codescout_files_processed_total{strategy=\"mmap\"} " + std::to_string(s.mmap_files_processed) + "\n";
    metric(out, "process_resident_memory_bytes", "gauge", "Resident set size of the process.", s.resident_bytes);
    return out;
}

}  // namespace codescout
