// Teddy, the multi-needle prefilter of LiteralSearcher (the idea is from Hyperscan; written anew).
// The needles are spread over 8 buckets, one bit each. For each of the first `masks` (1..4) bytes
// of a candidate, two 16-entry tables map the byte's low and high nibble to the buckets whose
// needles may have that nibble there; a byte shuffle (pshufb) looks up 16 or 32 haystack bytes at
// once, and the AND of all lookups says, per position, which buckets may start there. A block costs
// the same for 2 needles or 32; only the needles of the flagged buckets are then compared in full.
// ASCII case-insensitive letters set the bucket bit under both cases' high nibbles; needles
// shorter than `masks` match any byte at the positions past their end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "core/match/literal_search.h"

namespace codescout {

constexpr std::uint8_t ascii_lower_byte(std::uint8_t b) {
    return (b >= 'A' && b <= 'Z') ? static_cast<std::uint8_t>(b | 0x20) : b;
}

// Whether needle `n` occurs at `at`; the caller has checked that it fits. Shared by the packed
// pair and Teddy so that both verify candidates alike.
inline bool needle_matches(const LiteralSearcher::Needle& n, const std::uint8_t* at) {
    if (!n.caseless) return std::memcmp(at, n.bytes.data(), n.bytes.size()) == 0;
    for (std::size_t i = 0; i < n.bytes.size(); ++i) {
        if (ascii_lower_byte(at[i]) != static_cast<std::uint8_t>(n.bytes[i])) return false;
    }
    return true;
}

struct TeddyTables {
    static constexpr std::size_t kBuckets = 8;
    static constexpr std::size_t kMaxMasks = 4;

    std::size_t masks = 0;  // how many leading bytes of a candidate are looked up (1..4)
    bool ascii = false;     // no bucket accepts a byte >= 0x80 at any of them
    alignas(16) std::uint8_t lo[kMaxMasks][16] = {};  // [byte][low nibble] -> bucket bits
    alignas(16) std::uint8_t hi[kMaxMasks][16] = {};  // [byte][high nibble] -> bucket bits
    // Needle indices by bucket, ascending within each bucket so that the first verified needle
    // of a bucket is its lowest index: bucket b holds order[start[b]] .. order[start[b + 1] - 1].
    std::uint8_t start[kBuckets + 1] = {};
    std::uint8_t order[LiteralSearcher::kMaxNeedles] = {};
};

// Whether Teddy can run at `level` on this CPU: SSE2 needs SSSE3 for pshufb; scalar never.
bool teddy_supported(SimdLevel level);

// The tables for these (prepared) needles; masks is 3 or 4 (see build_teddy), at most the
// longest needle's length.
std::shared_ptr<const TeddyTables> build_teddy(const std::vector<LiteralSearcher::Needle>& needles);

// Leftmost occurrence at or after `pos` (lowest needle index at equal positions), as
// LiteralSearcher::find. `level` must satisfy teddy_supported.
std::optional<LiteralSearcher::Hit> teddy_find(const TeddyTables& tables,
                                               const std::vector<LiteralSearcher::Needle>& needles,
                                               SimdLevel level, const std::uint8_t* haystack,
                                               std::size_t size, std::size_t pos);

}  // namespace codescout
