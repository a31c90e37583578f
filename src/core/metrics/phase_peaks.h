// Per-phase peaks of one search: the caller marks where each phase begins; at each mark the
// previous phase's peaks are recorded and a new peak window starts. Walking and matching run
// interleaved on the same threads (a worker walks a directory, then searches its files), so
// they cannot be told apart in time: the phases are the ones that do follow each other:
// compile, search (walk + match; with --sort path also the listing and the ordered delivery),
// hand-over (the summary and the report).
// The windows are process-wide (the heap tracker and EngineMemory are): two searches running at
// once each see the other's allocations in their phases. The CLI runs one.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/metrics/engine_memory.h"

namespace codescout {

struct PhasePeak {
    std::string phase;
    std::optional<std::uint64_t> heap_peak;  // allocator in-use peak in the phase (exact tracker)
    std::array<std::uint64_t, kEngineComponentCount> engine_peak{};  // per component
};

class PhasePeaks {
public:
    // Ends the current phase (if any) and starts `phase`.
    void begin(std::string phase);
    // Ends the current phase.
    void end();
    const std::vector<PhasePeak>& phases() const { return phases_; }

private:
    std::optional<std::string> current_;
    std::vector<PhasePeak> phases_;
};

}  // namespace codescout
