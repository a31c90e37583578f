// Literal search (see literal_search.h): needle preparation, the choice of prefilter, and the
// packed pair's scalar reference loop and SSE2 and AVX2 scan loops, chosen at run time. Teddy
// lives in literal_teddy.cpp.
#include "core/match/literal_search.h"

#include <immintrin.h>

#include <algorithm>
#include <stdexcept>

#include "core/match/byte_rank.h"
#include "core/match/literal_teddy.h"

namespace codescout {

namespace {

using Needle = LiteralSearcher::Needle;
using Hit = LiteralSearcher::Hit;

constexpr bool is_ascii_letter(std::uint8_t b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }
constexpr std::uint8_t ascii_lower(std::uint8_t b) { return ascii_lower_byte(b); }

// How common the byte at this needle position is: for a folded letter both cases can occur.
int position_rank(std::uint8_t b, bool caseless) {
    if (caseless && is_ascii_letter(b)) {
        return std::max(byte_rank(ascii_lower(b)), byte_rank(static_cast<std::uint8_t>(b & ~0x20)));
    }
    return byte_rank(b);
}

Needle prepare(const LiteralNeedle& in) {
    Needle n;
    n.caseless = in.ascii_caseless;
    n.bytes = in.bytes;
    if (n.caseless) {
        for (char& c : n.bytes) c = static_cast<char>(ascii_lower(static_cast<std::uint8_t>(c)));
    }
    const auto byte_at = [&](std::size_t i) { return static_cast<std::uint8_t>(n.bytes[i]); };
    std::size_t best = 0;
    for (std::size_t i = 1; i < n.bytes.size(); ++i) {
        if (position_rank(byte_at(i), n.caseless) < position_rank(byte_at(best), n.caseless)) best = i;
    }
    // Second offset: the rarest remaining position, preferring a different byte value, which
    // rejects more positions than testing the same byte twice.
    std::size_t second = best;
    for (std::size_t i = 0; i < n.bytes.size(); ++i) {
        if (i == best) continue;
        if (second == best) {
            second = i;
            continue;
        }
        const bool i_differs = byte_at(i) != byte_at(best);
        const bool s_differs = byte_at(second) != byte_at(best);
        if (i_differs != s_differs) {
            if (i_differs) second = i;
            continue;
        }
        if (position_rank(byte_at(i), n.caseless) < position_rank(byte_at(second), n.caseless)) second = i;
    }
    n.off1 = static_cast<std::uint32_t>(std::min(best, second));
    n.off2 = static_cast<std::uint32_t>(std::max(best, second));
    n.byte1 = byte_at(n.off1);
    n.byte2 = byte_at(n.off2);
    n.fold1 = n.caseless && is_ascii_letter(n.byte1);
    n.fold2 = n.caseless && is_ascii_letter(n.byte2);
    return n;
}

bool verify(const Needle& n, const std::uint8_t* at) { return needle_matches(n, at); }

// Tries every needle at `pos` in order; the first that fits and verifies wins.
std::optional<Hit> verify_all(const std::vector<Needle>& needles, const std::uint8_t* h,
                              std::size_t size, std::size_t pos) {
    for (std::size_t k = 0; k < needles.size(); ++k) {
        const Needle& n = needles[k];
        if (n.bytes.size() <= size - pos && verify(n, h + pos)) return Hit{pos, k};
    }
    return std::nullopt;
}

// Every position from `pos` up to the last one where the shortest needle fits, one at a time.
std::optional<Hit> scan_scalar(const std::vector<Needle>& needles, const std::uint8_t* h,
                               std::size_t size, std::size_t pos, std::size_t min_len) {
    for (; pos + min_len <= size; ++pos) {
        for (std::size_t k = 0; k < needles.size(); ++k) {
            const Needle& n = needles[k];
            if (n.bytes.size() > size - pos) continue;
            const std::uint8_t b1 = h[pos + n.off1];
            if ((n.fold1 ? (b1 | 0x20) : b1) != n.byte1) continue;
            if (verify(n, h + pos)) return Hit{pos, k};
        }
    }
    return std::nullopt;
}

// The vector loops below process blocks at positions p where every needle fits entirely
// (p + width - 1 + max_len <= size), and leave the rest to scan_scalar.
std::optional<Hit> scan_sse2(const std::vector<Needle>& needles, const std::uint8_t* h,
                             std::size_t size, std::size_t pos, std::size_t min_len,
                             std::size_t max_len) {
    constexpr std::size_t width = 16;
    const std::size_t count = needles.size();
    __m128i want1[LiteralSearcher::kMaxNeedles], want2[LiteralSearcher::kMaxNeedles];
    __m128i fold1[LiteralSearcher::kMaxNeedles], fold2[LiteralSearcher::kMaxNeedles];
    for (std::size_t k = 0; k < count; ++k) {
        want1[k] = _mm_set1_epi8(static_cast<char>(needles[k].byte1));
        want2[k] = _mm_set1_epi8(static_cast<char>(needles[k].byte2));
        fold1[k] = _mm_set1_epi8(needles[k].fold1 ? 0x20 : 0);
        fold2[k] = _mm_set1_epi8(needles[k].fold2 ? 0x20 : 0);
    }
    if (size >= max_len + width - 1) {
        const std::size_t last_block = size - max_len - (width - 1);
        for (; pos <= last_block; pos += width) {
            __m128i any = _mm_setzero_si128();
            for (std::size_t k = 0; k < count; ++k) {
                const auto* base = h + pos;
                const __m128i a = _mm_or_si128(
                    _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + needles[k].off1)), fold1[k]);
                const __m128i b = _mm_or_si128(
                    _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + needles[k].off2)), fold2[k]);
                any = _mm_or_si128(any, _mm_and_si128(_mm_cmpeq_epi8(a, want1[k]), _mm_cmpeq_epi8(b, want2[k])));
            }
            auto mask = static_cast<std::uint32_t>(_mm_movemask_epi8(any));
            while (mask != 0) {
                const std::size_t at = pos + static_cast<std::size_t>(__builtin_ctz(mask));
                if (auto hit = verify_all(needles, h, size, at)) return hit;
                mask &= mask - 1;
            }
        }
    }
    return scan_scalar(needles, h, size, pos, min_len);
}

__attribute__((target("avx2")))
std::optional<Hit> scan_avx2(const std::vector<Needle>& needles, const std::uint8_t* h,
                             std::size_t size, std::size_t pos, std::size_t min_len,
                             std::size_t max_len) {
    constexpr std::size_t width = 32;
    const std::size_t count = needles.size();
    __m256i want1[LiteralSearcher::kMaxNeedles], want2[LiteralSearcher::kMaxNeedles];
    __m256i fold1[LiteralSearcher::kMaxNeedles], fold2[LiteralSearcher::kMaxNeedles];
    for (std::size_t k = 0; k < count; ++k) {
        want1[k] = _mm256_set1_epi8(static_cast<char>(needles[k].byte1));
        want2[k] = _mm256_set1_epi8(static_cast<char>(needles[k].byte2));
        fold1[k] = _mm256_set1_epi8(needles[k].fold1 ? 0x20 : 0);
        fold2[k] = _mm256_set1_epi8(needles[k].fold2 ? 0x20 : 0);
    }
    if (size >= max_len + width - 1) {
        const std::size_t last_block = size - max_len - (width - 1);
        for (; pos <= last_block; pos += width) {
            __m256i any = _mm256_setzero_si256();
            for (std::size_t k = 0; k < count; ++k) {
                const auto* base = h + pos;
                const __m256i a = _mm256_or_si256(
                    _mm256_loadu_si256(reinterpret_cast<const __m256i*>(base + needles[k].off1)), fold1[k]);
                const __m256i b = _mm256_or_si256(
                    _mm256_loadu_si256(reinterpret_cast<const __m256i*>(base + needles[k].off2)), fold2[k]);
                any = _mm256_or_si256(
                    any, _mm256_and_si256(_mm256_cmpeq_epi8(a, want1[k]), _mm256_cmpeq_epi8(b, want2[k])));
            }
            auto mask = static_cast<std::uint32_t>(_mm256_movemask_epi8(any));
            while (mask != 0) {
                const std::size_t at = pos + static_cast<std::size_t>(__builtin_ctz(mask));
                if (auto hit = verify_all(needles, h, size, at)) return hit;
                mask &= mask - 1;
            }
        }
    }
    return scan_scalar(needles, h, size, pos, min_len);
}

__attribute__((target("avx2"))) inline __m256i load32(const std::uint8_t* at, bool fold) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at));
    return fold ? _mm256_or_si256(v, _mm256_set1_epi8(0x20)) : v;
}

// One needle, the common case: 64 bytes per iteration and one test for "no candidate at all",
// with the case folding compiled in or out.
template <bool Fold1, bool Fold2>
__attribute__((target("avx2")))
std::optional<Hit> scan_avx2_single(const std::vector<Needle>& needles, const std::uint8_t* h,
                                    std::size_t size, std::size_t pos) {
    const Needle& n = needles.front();
    const std::size_t len = n.bytes.size();
    const __m256i want1 = _mm256_set1_epi8(static_cast<char>(n.byte1));
    const __m256i want2 = _mm256_set1_epi8(static_cast<char>(n.byte2));
    if (size >= len + 63) {
        const std::size_t last_block = size - len - 63;
        for (; pos <= last_block; pos += 64) {
            const std::uint8_t* a = h + pos + n.off1;
            const std::uint8_t* b = h + pos + n.off2;
            const __m256i m0 = _mm256_and_si256(_mm256_cmpeq_epi8(load32(a, Fold1), want1),
                                                _mm256_cmpeq_epi8(load32(b, Fold2), want2));
            const __m256i m1 = _mm256_and_si256(_mm256_cmpeq_epi8(load32(a + 32, Fold1), want1),
                                                _mm256_cmpeq_epi8(load32(b + 32, Fold2), want2));
            const __m256i any = _mm256_or_si256(m0, m1);
            if (_mm256_testz_si256(any, any)) continue;
            std::uint64_t mask = static_cast<std::uint32_t>(_mm256_movemask_epi8(m0)) |
                                 (static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(m1))) << 32);
            while (mask != 0) {
                const std::size_t at = pos + static_cast<std::size_t>(__builtin_ctzll(mask));
                if (verify(n, h + at)) return Hit{at, 0};
                mask &= mask - 1;
            }
        }
    }
    return scan_avx2(needles, h, size, pos, len, len);
}

}  // namespace

SimdLevel best_simd_level() {
    static const SimdLevel level = __builtin_cpu_supports("avx2") ? SimdLevel::Avx2 : SimdLevel::Sse2;
    return level;
}

const char* simd_level_name(SimdLevel level) {
    switch (level) {
    case SimdLevel::Scalar: return "scalar";
    case SimdLevel::Sse2: return "sse2";
    case SimdLevel::Avx2: return "avx2";
    }
    return "?";
}

const char* literal_strategy_name(LiteralStrategy strategy) {
    switch (strategy) {
    case LiteralStrategy::Auto: return "auto";
    case LiteralStrategy::PackedPair: return "packed-pair";
    case LiteralStrategy::Teddy: return "teddy";
    }
    return "?";
}

LiteralSearcher::LiteralSearcher(std::vector<LiteralNeedle> needles, SimdLevel level, LiteralStrategy strategy)
    : level_(std::min(level, best_simd_level())) {
    if (needles.empty() || needles.size() > kMaxNeedles) {
        throw std::invalid_argument("LiteralSearcher: needs 1 to 32 needles");
    }
    min_len_ = needles.front().bytes.size();
    for (const LiteralNeedle& in : needles) {
        if (in.bytes.empty()) throw std::invalid_argument("LiteralSearcher: empty needle");
        needles_.push_back(prepare(in));
        min_len_ = std::min(min_len_, in.bytes.size());
        max_len_ = std::max(max_len_, in.bytes.size());
    }
    // One needle: the packed pair's dedicated AVX2 loop beats Teddy (bench_match). Two or more:
    // Teddy's cost per block does not grow with the needle count, the packed pair's does.
    if (strategy == LiteralStrategy::Auto) {
        strategy = needles_.size() >= 2 ? LiteralStrategy::Teddy : LiteralStrategy::PackedPair;
    }
    if (strategy == LiteralStrategy::Teddy && teddy_supported(level_)) teddy_ = build_teddy(needles_);
}

std::optional<LiteralSearcher::Hit> LiteralSearcher::find(std::string_view haystack,
                                                          std::size_t from) const {
    const auto* h = reinterpret_cast<const std::uint8_t*>(haystack.data());
    const std::size_t size = haystack.size();
    if (from > size || size - from < min_len_) return std::nullopt;
    if (teddy_) return teddy_find(*teddy_, needles_, level_, h, size, from);
    switch (level_) {
    case SimdLevel::Avx2:
        if (needles_.size() == 1) {
            const Needle& n = needles_.front();
            if (n.fold1) {
                return n.fold2 ? scan_avx2_single<true, true>(needles_, h, size, from)
                               : scan_avx2_single<true, false>(needles_, h, size, from);
            }
            return n.fold2 ? scan_avx2_single<false, true>(needles_, h, size, from)
                           : scan_avx2_single<false, false>(needles_, h, size, from);
        }
        return scan_avx2(needles_, h, size, from, min_len_, max_len_);
    case SimdLevel::Sse2: return scan_sse2(needles_, h, size, from, min_len_, max_len_);
    case SimdLevel::Scalar: break;
    }
    return scan_scalar(needles_, h, size, from, min_len_);
}

bool LiteralSearcher::matches_at(std::size_t needle, std::string_view haystack, std::size_t pos) const {
    const Needle& n = needles_[needle];
    return pos <= haystack.size() && n.bytes.size() <= haystack.size() - pos &&
           verify(n, reinterpret_cast<const std::uint8_t*>(haystack.data()) + pos);
}

std::size_t LiteralSearcher::memory_bytes() const {
    std::size_t bytes = sizeof(*this) + needles_.capacity() * sizeof(Needle);
    for (const Needle& n : needles_) bytes += n.bytes.capacity();
    if (teddy_) bytes += sizeof(TeddyTables);
    return bytes;
}

}  // namespace codescout
