// What --stats and --stats-only print after everything they printed before (the seed's block
// and the search lines stay byte for byte as they were): the process peaks, the memory
// attribution, per-phase peaks, per-strategy figures and the largest buffers; or, with
// --metrics-format prometheus, the same as metrics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/cli_args.h"
#include "core/metrics/memory_attribution.h"
#include "core/metrics/phase_peaks.h"
#include "core/metrics/process_peaks.h"
#include "core/search/strategy_stats.h"

namespace codescout::cli {

struct MemoryReport {
    ProcessPeaks peaks;
    std::optional<MemoryAttribution> attribution;
    std::vector<PhasePeak> phases;
    AllocationDetail allocations;
};

// Text: "Peak heap: N bytes", "Peak resident: N bytes", then the attribution block and the
// details. A figure whose source is missing reads "unavailable".
std::string format_memory_text(const MemoryReport& report);

// codescout_process_peak_heap_bytes, codescout_process_peak_resident_bytes,
// codescout_process_resident_bytes, codescout_memory_bytes{component="..."} and the details.
// An unavailable figure has no sample (Prometheus' way of saying "unknown"), never a 0.
std::string format_memory_prometheus(const MemoryReport& report);

}  // namespace codescout::cli
