// Formatting of the memory report (see memory_report.h).
#include "cli/memory_report.h"

#include <string_view>

#include "core/metrics/metrics_format.h"

namespace codescout::cli {
namespace {

std::string signed_with_separators(std::int64_t value) {
    if (value >= 0) return with_thousands_separators(static_cast<std::uint64_t>(value));
    return "-" + with_thousands_separators(static_cast<std::uint64_t>(-(value + 1)) + 1);
}

std::string bytes_or_unavailable(const std::optional<std::uint64_t>& value) {
    return value ? with_thousands_separators(*value) + " bytes" : "unavailable";
}

std::string bytes_or_unavailable(const std::optional<std::int64_t>& value) {
    return value ? signed_with_separators(*value) + " bytes" : "unavailable";
}

void help_and_type(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out.append("# HELP codescout_").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE codescout_").append(name).append(" ").append(type).append("\n");
}

void sample(std::string& out, std::string_view name, std::string_view labels, const std::string& value) {
    out.append("codescout_").append(name).append(labels).append(" ").append(value).append("\n");
}

void gauge(std::string& out, std::string_view name, std::string_view help, const std::optional<std::uint64_t>& value) {
    help_and_type(out, name, "gauge", help);
    if (value) sample(out, name, "", std::to_string(*value));
}

std::string label(std::string_view key, std::string_view value) {
    return "{" + std::string(key) + "=\"" + std::string(value) + "\"}";
}

}  // namespace

std::string format_memory_text(const MemoryReport& r) {
    const auto n = with_thousands_separators;
    std::string out;
    out += "Peak heap: " + bytes_or_unavailable(r.peaks.peak_heap) + "\n";
    out += "Peak resident: " + bytes_or_unavailable(r.peaks.peak_resident) + "\n";
    if (r.attribution) {
        const MemoryAttribution& a = *r.attribution;
        out += "Memory attribution (resident " + bytes_or_unavailable(a.resident) + "):\n";
        for (const MemoryComponent& c : a.components) out += "  " + c.name + ": " + bytes_or_unavailable(c.bytes) + "\n";
        out += "  (beside the sum) mapped files size: " + bytes_or_unavailable(a.mapped_size) + "\n";
        out += "  (beside the sum) RE2 DFA budget: " + n(a.pattern_budget) + " bytes\n";
        out += "  (beside the sum) engine heap allocated: " + n(a.engine_heap_allocated) + " bytes\n";
        const std::optional<std::uint64_t> held = a.malloc ? std::optional(a.malloc->held) : std::nullopt;
        out += "  (beside the sum) heap held by malloc: " + bytes_or_unavailable(held) + "\n";
    }
    for (const PhasePeak& p : r.phases) {
        out += "Phase " + p.phase + ": peak heap " + bytes_or_unavailable(p.heap_peak) + ", allocated: buffers small/buffered " +
               n(p.engine_peak[static_cast<std::size_t>(EngineComponent::SmallBuffers)]) + "/" +
               n(p.engine_peak[static_cast<std::size_t>(EngineComponent::BufferedBuffers)]) + ", walker " +
               n(p.engine_peak[static_cast<std::size_t>(EngineComponent::Walker)]) + " bytes\n";
    }
    for (FileStrategy s : {FileStrategy::Small, FileStrategy::Buffered, FileStrategy::Mmap}) {
        const StrategyStats& st = r.allocations[s];
        out += std::string("Strategy ") + strategy_name(s) + ": " + n(st.files) + " files, " + n(st.bytes_searched) +
               " bytes searched, largest buffer " + n(st.largest_buffer) + " bytes\n";
    }
    for (const LargestBuffer& b : r.allocations.largest) {
        out += std::string("Largest buffer: ") + n(b.bytes) + " bytes (" + strategy_name(b.strategy) + ") " + b.path + "\n";
    }
    return out;
}

std::string format_memory_prometheus(const MemoryReport& r) {
    std::string out;
    gauge(out, "process_peak_heap_bytes", "Highest heap in use (allocator figure, whole process).", r.peaks.peak_heap);
    gauge(out, "process_peak_resident_bytes", "Highest resident set size (VmHWM).", r.peaks.peak_resident);
    const MemoryAttribution* a = r.attribution ? &*r.attribution : nullptr;
    gauge(out, "process_resident_bytes", "Resident set size the memory components divide (sum of smaps Rss).",
          a ? a->resident : std::nullopt);
    help_and_type(out, "memory_bytes", "gauge", "Resident memory by component; the components sum to process_resident_bytes.");
    if (a) {
        for (const MemoryComponent& c : a->components) {
            if (c.bytes) sample(out, "memory_bytes", label("component", c.name), std::to_string(*c.bytes));
        }
    }
    help_and_type(out, "phase_peak_heap_bytes", "gauge", "Highest heap in use during each phase of the search.");
    for (const PhasePeak& p : r.phases) {
        if (p.heap_peak) sample(out, "phase_peak_heap_bytes", label("phase", p.phase), std::to_string(*p.heap_peak));
    }
    help_and_type(out, "strategy_searched_bytes_total", "counter", "Bytes searched, by file strategy.");
    for (FileStrategy s : {FileStrategy::Small, FileStrategy::Buffered, FileStrategy::Mmap}) {
        sample(out, "strategy_searched_bytes_total", label("strategy", strategy_name(s)),
               std::to_string(r.allocations[s].bytes_searched));
    }
    help_and_type(out, "strategy_largest_buffer_bytes", "gauge", "Most content bytes one file of the strategy needed.");
    for (FileStrategy s : {FileStrategy::Small, FileStrategy::Buffered, FileStrategy::Mmap}) {
        sample(out, "strategy_largest_buffer_bytes", label("strategy", strategy_name(s)),
               std::to_string(r.allocations[s].largest_buffer));
    }
    return out;
}

}  // namespace codescout::cli
