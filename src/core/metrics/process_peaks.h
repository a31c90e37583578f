// Peaks of the whole process: the kernel's high-water mark of the resident set (VmHWM in
// /proc/self/status) and the allocator's peak in-use bytes from the installed exact heap tracker
// (heap_counters.h). Each is nullopt when its source is missing: unavailable, never zero.
#pragma once

#include <cstdint>
#include <optional>

#include "core/metrics/proc_source.h"

namespace codescout {

struct ProcessPeaks {
    std::optional<std::uint64_t> resident;       // VmRSS now
    std::optional<std::uint64_t> peak_resident;  // VmHWM
    std::optional<std::uint64_t> peak_heap;      // exact tracker's peak since start
};

ProcessPeaks measure_process_peaks(const ProcSource& proc = ProcSource());

}  // namespace codescout
