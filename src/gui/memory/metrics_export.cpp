// CSV and Prometheus renderings of the memory view's data.
#include "gui/memory/metrics_export.h"

#include "core/collectors/collector_format.h"
#include "core/metrics/metrics_format.h"

namespace codescout::gui {

QByteArray csvHeader() {
    return QByteArrayLiteral(
        "elapsed_ms,total_allocated_bytes,peak_allocated_bytes,mmap_allocated_bytes,"
        "cache_size_bytes,cache_hits,cache_misses,small_files,buffered_files,mmap_files,"
        "resident_bytes,small_file_threshold_bytes,large_file_threshold_bytes\n");
}

QByteArray samplesToCsv(const SampleBuffer& samples) {
    QByteArray out = csvHeader();
    out.reserve(out.size() + static_cast<qsizetype>(samples.size()) * 96);
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

}  // namespace codescout::gui
