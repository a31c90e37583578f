// Collects the distinct trigrams of one file fed in chunks of any size (the two bytes before a
// chunk carry over). Dedup uses a 2 MiB bitmap over the 24-bit trigram space, cleared through
// the list of trigrams set rather than wholesale, so a small file costs only its own trigrams.
// One per indexing thread; reused for every file.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/metrics/attributed_bytes.h"

namespace codescout {

class TrigramCollector {
public:
    TrigramCollector();

    void feed(std::string_view bytes);
    // The file's distinct trigrams, in order of first appearance.
    const std::vector<std::uint32_t>& trigrams() const { return trigrams_; }
    // Forgets the file: ready for the next one.
    void reset();

private:
    std::unique_ptr<std::uint64_t[]> seen_;
    std::vector<std::uint32_t> trigrams_;
    AttributedBytes memory_{EngineComponent::IndexBuild};  // the bitmap and the list's capacity
    std::uint32_t window_ = 0;  // the last bytes fed, folded, in the low 16 bits
    unsigned filled_ = 0;       // how many bytes the window holds (0..2)
};

}  // namespace codescout
