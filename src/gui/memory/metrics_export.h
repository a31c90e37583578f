// Text exports of the memory view: the sampled series as CSV (one row per sample) and the
// current counters as Prometheus text (codescout::format_prometheus), optionally followed by the
// collector plugins' series. Pure functions, so the formats are tested without widgets.
#pragma once

#include <QByteArray>

#include "core/collectors/collector_reading.h"
#include "gui/memory/sample_buffer.h"

namespace codescout::gui {

// Header row, then one row per sample (oldest first): elapsed_ms and every counter, plain
// integers without separators, '\n' line ends.
QByteArray samplesToCsv(const SampleBuffer& samples);
QByteArray csvHeader();

// The Prometheus text exposition of one snapshot.
QByteArray snapshotToPrometheus(const MetricsSnapshot& snapshot);
// The same, followed by the collector plugins' series exactly as the CLI prints them
// (codescout::collectors::format_prometheus: # HELP/# TYPE, unavailable and stale ones as comments).
QByteArray snapshotToPrometheus(const MetricsSnapshot& snapshot, const collectors::CollectorSnapshot& collectors);

}  // namespace codescout::gui
