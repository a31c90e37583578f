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
    // How long the probe's thread spent on this reading (smaps + collectors), for the overhead
    // figures in bench/RESULTS.md; never on the GUI thread.
    std::int64_t probeMicroseconds = 0;
};

}  // namespace codescout::gui
