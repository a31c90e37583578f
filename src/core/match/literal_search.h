// The SIMD literal finder: finds the leftmost occurrence of any of a few byte strings ("needles")
// with a "packed pair" prefilter. For each needle the two rarest bytes (by byte_rank) are picked;
// 32 (AVX2) or 16 (SSE2) haystack positions are tested at once by comparing the bytes at both
// offsets, and only positions where both agree are verified with a full comparison. Needles may
// be ASCII case-insensitive: letters are compared after folding to lower case.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codescout {

enum class SimdLevel { Scalar, Sse2, Avx2 };

// The best level this CPU supports (AVX2 when __builtin_cpu_supports says so, else SSE2).
SimdLevel best_simd_level();
const char* simd_level_name(SimdLevel level);

struct LiteralNeedle {
    std::string bytes;           // non-empty
    bool ascii_caseless = false; // fold ASCII letters; other bytes compare exactly
};

class LiteralSearcher {
public:
    // At most kMaxNeedles needles: each one costs two compares per block in the scan loop.
    static constexpr std::size_t kMaxNeedles = 32;

    // Throws std::invalid_argument for no needles, an empty needle or too many needles.
    // `level` above what the CPU supports is lowered to best_simd_level().
    explicit LiteralSearcher(std::vector<LiteralNeedle> needles, SimdLevel level = best_simd_level());

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
};

}  // namespace codescout
