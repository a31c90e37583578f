// Collects the distinct trigrams of one file, with their posting masks (trigram.h), from the
// file fed in chunks of any size (the index characters before a chunk carry over, and so does a
// K or long-s sequence cut by the chunk's end). Trigrams are found through a small open-addressing
// table sized to the file, not a bitmap of the 24-bit space: a file's trigrams fit in the cache,
// and its masks need a place per trigram anyway. One per indexing thread; reused for every file.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/index/index_text.h"
#include "core/index/trigram.h"
#include "core/metrics/attributed_bytes.h"

namespace codescout {

class TrigramCollector {
public:
    TrigramCollector();

    void feed(std::string_view bytes);
    // The file's distinct trigrams with their masks, in order of first appearance. Call after
    // the last feed(): it completes a sequence cut off at the end of the file.
    const std::vector<Gram>& grams();
    // Forgets the file: ready for the next one.
    void reset();

private:
    void add(IndexChar c);
    std::uint32_t find_or_insert(std::uint32_t trigram);
    void grow();
    void note_memory();

    IndexTextReader reader_;
    std::vector<Gram> grams_;
    std::vector<std::uint32_t> slots_of_;  // per gram: its slot in table_
    std::vector<std::uint32_t> table_;     // gram index + 1; 0 = empty
    unsigned table_bits_ = 0;
    AttributedBytes memory_{EngineComponent::IndexBuild};
    std::uint64_t position_ = 0;           // index characters read
    std::uint32_t window_ = 0;             // the last three, in the low 24 bits
    unsigned cases_ = 0;                   // their upper flags, the latest in bit 0
    std::uint32_t previous_ = UINT32_MAX;  // the gram that ended at the last character, if stored
    bool finished_ = false;
};

}  // namespace codescout
