// The SIMD literal finder: finds the leftmost occurrence of any of a few byte strings ("needles").
// Two prefilters pick the candidate positions that are then verified with a full comparison:
// - "packed pair": for each needle the two rarest bytes (by byte_rank) are picked; 32 (AVX2) or
//   16 (SSE2) haystack positions are tested at once by comparing the bytes at both offsets. Its
//   cost grows with the needle count (two compares per needle per block); used for one needle.
// - Teddy (literal_teddy.h): the needles are spread over 8 buckets and the nibbles of their first
//   1..4 bytes index byte shuffles, so a block costs the same for 2 needles or 32. Used for two
//   or more needles when the CPU has SSSE3 (pshufb).
// Needles may be ASCII case-insensitive: letters are compared after folding to lower case.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codescout {

enum class SimdLevel { Scalar, Sse2, Avx2 };

// The best level this CPU supports (AVX2 when __builtin_cpu_supports says so, else SSE2).
SimdLevel best_simd_level();
const char* simd_level_name(SimdLevel level);

// How candidates are found; Auto picks by needle count and CPU (see the file comment).
enum class LiteralStrategy { Auto, PackedPair, Teddy };
const char* literal_strategy_name(LiteralStrategy strategy);

struct TeddyTables;  // literal_teddy.h

struct LiteralNeedle {
    std::string bytes;           // non-empty
    bool ascii_caseless = false; // fold ASCII letters; other bytes compare exactly
};

class LiteralSearcher {
public:
    // At most kMaxNeedles needles (Teddy holds them in 8 buckets; the packed pair costs two
    // compares per needle per block).
    static constexpr std::size_t kMaxNeedles = 32;

    // Throws std::invalid_argument for no needles, an empty needle or too many needles.
    // `level` above what the CPU supports is lowered to best_simd_level(). `strategy` Teddy
    // falls back to the packed pair where Teddy cannot run (scalar level, no SSSE3).
    explicit LiteralSearcher(std::vector<LiteralNeedle> needles, SimdLevel level = best_simd_level(),
                             LiteralStrategy strategy = LiteralStrategy::Auto);

    struct Hit {
        std::size_t pos = 0;     // start of the occurrence
        std::size_t needle = 0;  // index of the needle; the lowest index wins at equal positions
        bool operator==(const Hit&) const = default;
    };

    // Leftmost occurrence starting at or after `from`.
    std::optional<Hit> find(std::string_view haystack, std::size_t from) const;

    // Whether needle `needle` occurs at `pos` (with its case folding).
    bool matches_at(std::size_t needle, std::string_view haystack, std::size_t pos) const;

    std::size_t needle_count() const { return needles_.size(); }
    std::size_t needle_length(std::size_t i) const { return needles_[i].bytes.size(); }
    std::size_t max_needle_length() const { return max_len_; }
    SimdLevel level() const { return level_; }
    // The prefilter in use: PackedPair or Teddy, never Auto.
    LiteralStrategy strategy() const { return teddy_ ? LiteralStrategy::Teddy : LiteralStrategy::PackedPair; }
    std::size_t memory_bytes() const;

    // For tests and diagnostics: the two offsets the prefilter compares for needle i.
    std::pair<std::size_t, std::size_t> pair_offsets(std::size_t i) const {
        return {needles_[i].off1, needles_[i].off2};
    }

    // Compiled-matcher internals shared by the scan loops (public so the per-ISA functions in
    // literal_search.cpp can take them; not part of the interface).
    struct Needle {
        std::string bytes;  // lower-cased when caseless
        std::uint32_t off1 = 0, off2 = 0;
        std::uint8_t byte1 = 0, byte2 = 0;  // expected bytes at the offsets (lower-cased if folded)
        bool fold1 = false, fold2 = false;  // compare (b | 0x20) at this offset: an ASCII letter
        bool caseless = false;
    };

private:
    std::vector<Needle> needles_;
    std::size_t min_len_ = 0;
    std::size_t max_len_ = 0;
    SimdLevel level_;
    std::shared_ptr<const TeddyTables> teddy_;  // null: the packed pair runs
};

}  // namespace codescout
