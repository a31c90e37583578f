// ProbeReading: what the sampler's probe measures off the GUI thread on one tick: the memory
// attribution (engine + GUI components) and the collector plugins' readings, with any messages
// the plugins caused (load rejections, failures, late samples), each naming the plugin's file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/collectors/collector_reading.h"
#include "core/metrics/memory_attribution.h"

namespace codescout::gui {

struct ProbeReading {
    MemoryAttribution attribution;
    collectors::CollectorSnapshot collectors;
    std::vector<std::string> collectorMessages;
    // What this reading cost the probe's thread (smaps + collectors): wall clock, and CPU time
    // (without waiting for a core or a slow plugin). For the overhead figures in bench/RESULTS.md.
    std::int64_t probeMicroseconds = 0;
    std::int64_t probeCpuMicroseconds = 0;
};

}  // namespace codescout::gui
