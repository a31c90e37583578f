// Text exports of the memory view: the sampled series as CSV (one row per sample) and the
// current counters as Prometheus text (codescout::format_prometheus). Pure functions, so the
// formats are tested without widgets.
#pragma once

#include <QByteArray>

#include "gui/memory/sample_buffer.h"

namespace codescout::gui {

// Header row, then one row per sample (oldest first): elapsed_ms and every counter, plain
// integers without separators, '\n' line ends.
QByteArray samplesToCsv(const SampleBuffer& samples);
QByteArray csvHeader();

// The Prometheus text exposition of one snapshot.
QByteArray snapshotToPrometheus(const MetricsSnapshot& snapshot);

}  // namespace codescout::gui
