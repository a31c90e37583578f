// CSV and Prometheus renderings of the memory view's data.
#include "gui/memory/metrics_export.h"

#include "core/collectors/collector_format.h"
#include "core/metrics/metrics_format.h"

namespace codescout::gui {

namespace {

QByteArray optionalNumber(const std::optional<std::int64_t>& value) {
    return value ? QByteArray::number(static_cast<qlonglong>(*value)) : QByteArray();
}

// The same HELP texts and names as the CLI's --metrics-format prometheus (src/cli/memory_report.cpp),
// so a scraper sees one vocabulary from both programs.
std::string attributionToPrometheus(const MemoryAttribution& a) {
    std::string out;
    out += "# HELP codescout_process_resident_bytes Resident set size the memory components divide (sum of smaps Rss).\n";
    out += "# TYPE codescout_process_resident_bytes gauge\n";
    if (a.resident) out += "codescout_process_resident_bytes " + std::to_string(*a.resident) + "\n";
    out += "# HELP codescout_memory_bytes Resident memory by component; the components sum to process_resident_bytes.\n";
    out += "# TYPE codescout_memory_bytes gauge\n";
    for (const MemoryComponent& c : a.components) {
        if (c.bytes) out += "codescout_memory_bytes{component=\"" + c.name + "\"} " + std::to_string(*c.bytes) + "\n";
    }
    return out;
}

}  // namespace

QByteArray csvHeader() {
    return QByteArrayLiteral(
        "elapsed_ms,total_allocated_bytes,peak_allocated_bytes,mmap_allocated_bytes,"
        "cache_size_bytes,cache_hits,cache_misses,small_files,buffered_files,mmap_files,"
        "resident_bytes,small_file_threshold_bytes,large_file_threshold_bytes\n");
}

QByteArray samplesToCsv(const SampleBuffer& samples) {
    return samplesToCsv(samples, AttributionHistory{}, CollectorHistory{});
}

QByteArray samplesToCsv(const SampleBuffer& samples, const AttributionHistory& attribution,
                        const CollectorHistory& collectors) {
    QByteArray out = csvHeader();
    out.chop(1);
    const bool withAttribution = !attribution.names().empty();
    if (withAttribution) {
        out += ",attributed_resident_bytes";
        for (const std::string& name : attribution.names()) out += QByteArray::fromStdString(",memory_" + name + "_bytes");
    }
    for (const collectors::SeriesInfo& s : collectors.series()) {
        out += QByteArray::fromStdString("," + s.name + "," + s.name + "_stale");
    }
    out += '\n';
    out.reserve(out.size() + static_cast<qsizetype>(samples.size()) * 160);
    std::size_t a = 0;  // merge-join cursors: all three are in tick order
    std::size_t c = 0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const MetricsSample& sample = samples.at(i);
        const MetricsSnapshot& s = sample.snapshot;
        out += QByteArray::number(static_cast<qlonglong>(sample.elapsed_ms));
        for (std::uint64_t value :
             {s.total_allocated, s.peak_allocated, s.mmap_allocated, s.cache_size, s.cache_hits,
              s.cache_misses, s.small_files_processed, s.buffered_files_processed,
              s.mmap_files_processed, s.resident_bytes, s.small_file_threshold,
              s.large_file_threshold}) {
            out += ',';
            out += QByteArray::number(static_cast<qulonglong>(value));
        }
        if (withAttribution) {
            while (a < attribution.size() && attribution.elapsedMs(a) < sample.elapsed_ms) ++a;
            const bool here = a < attribution.size() && attribution.elapsedMs(a) == sample.elapsed_ms;
            out += ',';
            if (here) out += optionalNumber(attribution.resident(a));
            for (std::size_t k = 0; k < attribution.names().size(); ++k) {
                out += ',';
                if (here) out += optionalNumber(attribution.value(a, k));
            }
        }
        if (!collectors.series().empty()) {
            while (c < collectors.size() && collectors.elapsedMs(c) < sample.elapsed_ms) ++c;
            const bool here = c < collectors.size() && collectors.elapsedMs(c) == sample.elapsed_ms;
            for (std::size_t k = 0; k < collectors.series().size(); ++k) {
                out += ',';
                if (!here) {
                    out += ',';
                    continue;
                }
                const CollectorValue& v = collectors.value(c, k);
                out += QByteArray::fromStdString(
                    collectors::format_cell({collectors.series()[k], v.value, v.state, v.stale}));
                out += v.stale ? ",1" : ",0";
            }
        }
        out += '\n';
    }
    return out;
}

QByteArray snapshotToPrometheus(const MetricsSnapshot& snapshot) {
    return QByteArray::fromStdString(format_prometheus(snapshot));
}

QByteArray snapshotToPrometheus(const MetricsSnapshot& snapshot, const collectors::CollectorSnapshot& collectors) {
    return QByteArray::fromStdString(format_prometheus(snapshot) + collectors::format_prometheus(collectors));
}

QByteArray snapshotToPrometheus(const MetricsSnapshot& snapshot, const std::optional<MemoryAttribution>& attribution,
                                const collectors::CollectorSnapshot& collectors) {
    std::string out = format_prometheus(snapshot);
    if (attribution) out += attributionToPrometheus(*attribution);
    out += collectors::format_prometheus(collectors);
    return QByteArray::fromStdString(out);
}

}  // namespace codescout::gui
