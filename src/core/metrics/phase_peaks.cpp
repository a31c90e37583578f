// PhasePeaks: peak windows of the heap tracker and the engine components (see phase_peaks.h).
#include "core/metrics/phase_peaks.h"

#include "core/metrics/heap_counters.h"

namespace codescout {

void PhasePeaks::begin(std::string phase) {
    end();
    const HeapTracker* tracker = heap_tracker();
    if (tracker) tracker->restart_window();
    engine_memory().reset_peaks();
    current_ = std::move(phase);
}

void PhasePeaks::end() {
    if (!current_) return;
    PhasePeak peak;
    peak.phase = std::move(*current_);
    current_.reset();
    if (const HeapTracker* tracker = heap_tracker()) peak.heap_peak = tracker->window_peak();
    peak.engine_peak = engine_memory().snapshot().peak;
    phases_.push_back(std::move(peak));
}

}  // namespace codescout
