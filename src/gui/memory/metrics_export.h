// Text exports of the memory view: the sampled series as CSV (one row per sample) and the
// current counters as Prometheus text (codescout::format_prometheus), followed by the memory
// attribution and the collector plugins' series. Pure functions, so the formats are tested
// without widgets.
#pragma once

#include <QByteArray>

#include <optional>

#include "core/collectors/collector_reading.h"
#include "core/metrics/memory_attribution.h"
#include "gui/memory/attribution_history.h"
#include "gui/memory/collector_history.h"
#include "gui/memory/sample_buffer.h"

namespace codescout::gui {

// Header row, then one row per sample (oldest first): elapsed_ms and every counter, plain
// integers without separators, '\n' line ends.
QByteArray samplesToCsv(const SampleBuffer& samples);
QByteArray csvHeader();

// The same, with more columns after the counters, joined on the tick's elapsed_ms:
//  - attributed_resident_bytes and memory_<component>_bytes for each attribution component;
//  - for each collector series, <series name> (the number, "unlimited", or empty when
//    unavailable) and <series name>_stale (1 when the plugin missed that tick's time box and
//    the value is its last one, else 0).
// A tick the probe skipped (the previous measurement still ran) leaves its cells empty, as does
// an unavailable component: never 0.
QByteArray samplesToCsv(const SampleBuffer& samples, const AttributionHistory& attribution,
                        const CollectorHistory& collectors);

// The Prometheus text exposition of one snapshot.
QByteArray snapshotToPrometheus(const MetricsSnapshot& snapshot);
// The same, followed by the collector plugins' series exactly as the CLI prints them
// (codescout::collectors::format_prometheus: # HELP/# TYPE, unavailable and stale ones as comments).
QByteArray snapshotToPrometheus(const MetricsSnapshot& snapshot, const collectors::CollectorSnapshot& collectors);
// The engine's counters, then the attribution under the CLI's names
// (codescout_process_resident_bytes, codescout_memory_bytes{component="..."}; an unavailable
// component has no sample line), then the collectors.
QByteArray snapshotToPrometheus(const MetricsSnapshot& snapshot, const std::optional<MemoryAttribution>& attribution,
                                const collectors::CollectorSnapshot& collectors);

}  // namespace codescout::gui
