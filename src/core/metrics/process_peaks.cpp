// measure_process_peaks (see process_peaks.h).
#include "core/metrics/process_peaks.h"

#include "core/metrics/heap_counters.h"
#include "core/metrics/smaps.h"

namespace codescout {

ProcessPeaks measure_process_peaks(const ProcSource& proc) {
    ProcessPeaks peaks;
    if (const auto status = proc.read("status")) {
        peaks.resident = parse_status_kb(*status, "VmRSS");
        peaks.peak_resident = parse_status_kb(*status, "VmHWM");
    }
    if (const HeapTracker* tracker = heap_tracker()) peaks.peak_heap = tracker->peak();
    return peaks;
}

}  // namespace codescout
