// Teddy (see literal_teddy.h): building the bucket tables, and the SSSE3 (16 bytes per block) and
// AVX2 (32 bytes) scan loops with their scalar tail.
#include "core/match/literal_teddy.h"

#include <immintrin.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string_view>

#include "core/match/byte_rank.h"

namespace codescout {

namespace {

using Needle = LiteralSearcher::Needle;
using Hit = LiteralSearcher::Hit;

constexpr bool is_ascii_letter(std::uint8_t b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

// The candidate at `pos` whose buckets are `bits`: the lowest-index needle of those buckets that
// fits and matches there.
std::optional<Hit> verify_buckets(const TeddyTables& t, const std::vector<Needle>& needles,
                                  const std::uint8_t* h, std::size_t size, std::size_t pos,
                                  unsigned bits) {
    std::size_t best = needles.size();
    while (bits != 0) {
        const unsigned bucket = static_cast<unsigned>(__builtin_ctz(bits));
        bits &= bits - 1;
        for (std::size_t j = t.start[bucket]; j < t.start[bucket + 1]; ++j) {
            const std::size_t k = t.order[j];
            if (k >= best) break;  // ascending: nothing lower left in this bucket
            const Needle& n = needles[k];
            if (n.bytes.size() <= size - pos && needle_matches(n, h + pos)) {
                best = k;
                break;
            }
        }
    }
    if (best == needles.size()) return std::nullopt;
    return Hit{pos, best};
}

// The same lookups one byte at a time, for the positions no vector block covers. Bytes past the
// end of the haystack constrain nothing: a needle that would need them fails its length check.
std::optional<Hit> scan_tail(const TeddyTables& t, const std::vector<Needle>& needles,
                             const std::uint8_t* h, std::size_t size, std::size_t pos) {
    for (; pos < size; ++pos) {
        unsigned bits = 0xff;
        for (std::size_t m = 0; m < t.masks && pos + m < size; ++m) {
            const std::uint8_t c = h[pos + m];
            bits &= t.lo[m][c & 0x0f] & t.hi[m][c >> 4];
        }
        if (bits == 0) continue;
        if (auto hit = verify_buckets(t, needles, h, size, pos, bits)) return hit;
    }
    return std::nullopt;
}

// Verifies the flagged positions of one block in order; `candidates` has bit i set when byte i
// of `bits` (the bucket bits of position base + i) is worth checking.
std::optional<Hit> verify_block(const TeddyTables& t, const std::vector<Needle>& needles,
                                const std::uint8_t* h, std::size_t size, std::size_t base,
                                std::uint32_t candidates, const std::uint8_t* bits) {
    while (candidates != 0) {
        const unsigned i = static_cast<unsigned>(__builtin_ctz(candidates));
        candidates &= candidates - 1;
        if (auto hit = verify_buckets(t, needles, h, size, base + i, bits[i])) return hit;
    }
    return std::nullopt;
}

// ---- SSSE3: 16 positions per block --------------------------------------------------------

// Ascii: no bucket accepts a byte >= 0x80 at any looked-up position, so the low-nibble lookup
// can take the byte itself: pshufb ignores bits 4..6 and yields 0 when bit 7 is set.
template <std::size_t M, bool Ascii>
__attribute__((target("ssse3"), always_inline)) inline __m128i block_ssse3(const __m128i* lo, const __m128i* hi,
                                                                          const std::uint8_t* at) {
    const __m128i nibble = _mm_set1_epi8(0x0f);
    __m128i result = _mm_set1_epi8(-1);
    for (std::size_t m = 0; m < M; ++m) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + m));
        const __m128i low = _mm_shuffle_epi8(lo[m], Ascii ? bytes : _mm_and_si128(bytes, nibble));
        const __m128i high = _mm_shuffle_epi8(hi[m], _mm_and_si128(_mm_srli_epi16(bytes, 4), nibble));
        result = _mm_and_si128(result, _mm_and_si128(low, high));
    }
    return result;
}

// Blocks start at positions p with p + 16 + M - 1 <= size (every byte looked up is inside);
// the last positions are covered by one block ending at the haystack end, the final M - 1 by
// scan_tail.
template <std::size_t M, bool Ascii>
__attribute__((target("ssse3")))
std::optional<Hit> scan_ssse3(const TeddyTables& t, const std::vector<Needle>& needles, const std::uint8_t* h,
                              std::size_t size, std::size_t pos) {
    constexpr std::size_t width = 16;
    __m128i lo[M], hi[M];
    for (std::size_t m = 0; m < M; ++m) {
        lo[m] = _mm_load_si128(reinterpret_cast<const __m128i*>(t.lo[m]));
        hi[m] = _mm_load_si128(reinterpret_cast<const __m128i*>(t.hi[m]));
    }
    if (size >= width + M - 1) {
        const std::size_t last_block = size - width - (M - 1);
        alignas(16) std::uint8_t bits[width];
        for (; pos <= last_block; pos += width) {
            const __m128i result = block_ssse3<M, Ascii>(lo, hi, h + pos);
            const auto zero = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(result, _mm_setzero_si128())));
            if (zero == 0xffff) continue;
            _mm_store_si128(reinterpret_cast<__m128i*>(bits), result);
            if (auto hit = verify_block(t, needles, h, size, pos, ~zero & 0xffffu, bits)) return hit;
        }
        if (pos < last_block + width) {
            const __m128i result = block_ssse3<M, Ascii>(lo, hi, h + last_block);
            const auto zero = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(result, _mm_setzero_si128())));
            _mm_store_si128(reinterpret_cast<__m128i*>(bits), result);
            const std::uint32_t unseen = (0xffffu << (pos - last_block)) & 0xffffu;  // before pos: done
            if (auto hit = verify_block(t, needles, h, size, last_block, ~zero & unseen, bits)) return hit;
            pos = last_block + width;
        }
    }
    return scan_tail(t, needles, h, size, pos);
}

// ---- AVX2: 32 positions per block -----------------------------------------------------------

template <std::size_t M, bool Ascii>
__attribute__((target("avx2"), always_inline)) inline __m256i block_avx2(const __m256i* lo, const __m256i* hi,
                                                                        const std::uint8_t* at) {
    const __m256i nibble = _mm256_set1_epi8(0x0f);
    __m256i result = _mm256_set1_epi8(-1);
    for (std::size_t m = 0; m < M; ++m) {
        const __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at + m));
        const __m256i low = _mm256_shuffle_epi8(lo[m], Ascii ? bytes : _mm256_and_si256(bytes, nibble));
        const __m256i high = _mm256_shuffle_epi8(hi[m], _mm256_and_si256(_mm256_srli_epi16(bytes, 4), nibble));
        result = _mm256_and_si256(result, _mm256_and_si256(low, high));
    }
    return result;
}

// As scan_ssse3, 32 positions per block; haystacks too short for one block go to scan_ssse3.
template <std::size_t M, bool Ascii>
__attribute__((target("avx2")))
std::optional<Hit> scan_avx2(const TeddyTables& t, const std::vector<Needle>& needles, const std::uint8_t* h,
                             std::size_t size, std::size_t pos) {
    constexpr std::size_t width = 32;
    __m256i lo[M], hi[M];
    for (std::size_t m = 0; m < M; ++m) {
        // vpshufb looks up within each 128-bit lane: both lanes get the same table.
        lo[m] = _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(t.lo[m])));
        hi[m] = _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(t.hi[m])));
    }
    if (size >= width + M - 1) {
        const std::size_t last_block = size - width - (M - 1);
        alignas(32) std::uint8_t bits[width];
        const __m256i zero = _mm256_setzero_si256();
        // Two blocks per iteration and one test for "no candidate in either" (most of them).
        for (; pos + width <= last_block; pos += 2 * width) {
            const __m256i first = block_avx2<M, Ascii>(lo, hi, h + pos);
            const __m256i second = block_avx2<M, Ascii>(lo, hi, h + pos + width);
            const __m256i any = _mm256_or_si256(first, second);
            if (_mm256_testz_si256(any, any)) continue;
            _mm256_store_si256(reinterpret_cast<__m256i*>(bits), first);
            auto empty = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(first, zero)));
            if (auto hit = verify_block(t, needles, h, size, pos, ~empty, bits)) return hit;
            _mm256_store_si256(reinterpret_cast<__m256i*>(bits), second);
            empty = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(second, zero)));
            if (auto hit = verify_block(t, needles, h, size, pos + width, ~empty, bits)) return hit;
        }
        for (; pos <= last_block; pos += width) {
            const __m256i result = block_avx2<M, Ascii>(lo, hi, h + pos);
            if (_mm256_testz_si256(result, result)) continue;
            _mm256_store_si256(reinterpret_cast<__m256i*>(bits), result);
            const auto empty = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(result, zero)));
            if (auto hit = verify_block(t, needles, h, size, pos, ~empty, bits)) return hit;
        }
        if (pos < last_block + width) {
            const __m256i result = block_avx2<M, Ascii>(lo, hi, h + last_block);
            _mm256_store_si256(reinterpret_cast<__m256i*>(bits), result);
            const auto empty = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(result, zero)));
            const std::uint32_t unseen = ~0u << (pos - last_block);  // positions before pos are done
            if (auto hit = verify_block(t, needles, h, size, last_block, ~empty & unseen, bits)) return hit;
            pos = last_block + width;
        }
    }
    return scan_ssse3<M, Ascii>(t, needles, h, size, pos);
}

template <bool Ascii>
std::optional<Hit> scan_masks(const TeddyTables& t, const std::vector<Needle>& needles, SimdLevel level,
                              const std::uint8_t* h, std::size_t size, std::size_t pos) {
    const bool avx2 = level == SimdLevel::Avx2;
    switch (t.masks) {
    case 1: return avx2 ? scan_avx2<1, Ascii>(t, needles, h, size, pos) : scan_ssse3<1, Ascii>(t, needles, h, size, pos);
    case 2: return avx2 ? scan_avx2<2, Ascii>(t, needles, h, size, pos) : scan_ssse3<2, Ascii>(t, needles, h, size, pos);
    case 3: return avx2 ? scan_avx2<3, Ascii>(t, needles, h, size, pos) : scan_ssse3<3, Ascii>(t, needles, h, size, pos);
    default: return avx2 ? scan_avx2<4, Ascii>(t, needles, h, size, pos) : scan_ssse3<4, Ascii>(t, needles, h, size, pos);
    }
}

// How often a bucket holding these needles flags a position of typical source text: the product
// over the looked-up bytes of the share of text bytes whose two nibbles both pass, with byte
// frequencies estimated from byte_rank (2^(rank/16): the most common byte 65536 times the rarest).
double bucket_pass_rate(const std::vector<Needle>& needles, const std::vector<std::size_t>& members,
                        std::size_t masks) {
    static const std::array<double, 256> weight = [] {
        std::array<double, 256> w{};
        double total = 0;
        for (std::size_t x = 0; x < 256; ++x) total += w[x] = std::exp2(byte_rank(static_cast<std::uint8_t>(x)) / 16.0);
        for (double& v : w) v /= total;
        return w;
    }();
    double rate = 1;
    for (std::size_t m = 0; m < masks; ++m) {
        std::uint16_t low = 0, high = 0;  // nibble sets
        for (std::size_t k : members) {
            const Needle& n = needles[k];
            if (m >= n.bytes.size()) {
                low = high = 0xffff;
                break;
            }
            const auto c = static_cast<std::uint8_t>(n.bytes[m]);
            low = static_cast<std::uint16_t>(low | 1u << (c & 0x0f));
            high = static_cast<std::uint16_t>(high | 1u << (c >> 4));
            if (n.caseless && is_ascii_letter(c)) high = static_cast<std::uint16_t>(high | 1u << ((c ^ 0x20) >> 4));
        }
        double share = 0;
        for (std::size_t x = 0; x < 256; ++x) {
            if ((low >> (x & 0x0f) & 1u) != 0 && (high >> (x >> 4) & 1u) != 0) share += weight[x];
        }
        rate *= share;
    }
    return rate;
}

// The fingerprint bucketing sorts by: the first `masks` bytes, folded when caseless.
std::string_view fingerprint(const Needle& n, std::size_t masks) {
    return std::string_view(n.bytes).substr(0, masks);
}

}  // namespace

bool teddy_supported(SimdLevel level) {
    static const bool ssse3 = __builtin_cpu_supports("ssse3");
    switch (level) {
    case SimdLevel::Avx2: return true;  // AVX2 implies SSSE3
    case SimdLevel::Sse2: return ssse3;
    case SimdLevel::Scalar: return false;
    }
    return false;
}

std::shared_ptr<const TeddyTables> build_teddy(const std::vector<Needle>& needles) {
    auto t = std::make_shared<TeddyTables>();
    std::size_t longest = 0;
    for (const Needle& n : needles) longest = std::max(longest, n.bytes.size());
    // Three bytes filter well enough while each bucket holds one needle. With shared buckets
    // (more than 8 needles) or case-folded letters (two high nibbles each) the fingerprints of a
    // bucket combine into many more false candidates, and a fourth lookup costs less than
    // verifying them (bench_match on kernel sources: 16 needles 4.6 -> 7.5 GB/s, 4 caseless
    // 7.2 -> 9.9 GB/s; but 4 exact needles 15 -> 12 GB/s).
    const bool any_caseless = std::any_of(needles.begin(), needles.end(), [](const Needle& n) { return n.caseless; });
    const std::size_t wanted = needles.size() > TeddyTables::kBuckets || any_caseless ? 4 : 3;
    t->masks = std::min(wanted, longest);

    // Needles with the same leading bytes share a bucket (and so its false positives): sort by
    // fingerprint, then put each needle where it adds the least to the expected number of false
    // candidates (bucket_pass_rate); with up to 8 distinct fingerprints each gets its own bucket.
    std::vector<std::size_t> sorted(needles.size());
    std::iota(sorted.begin(), sorted.end(), std::size_t{0});
    std::stable_sort(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b) {
        return fingerprint(needles[a], t->masks) < fingerprint(needles[b], t->masks);
    });
    std::vector<std::vector<std::size_t>> members(TeddyTables::kBuckets);
    std::vector<double> rate(TeddyTables::kBuckets, 0.0);
    for (std::size_t k : sorted) {
        std::size_t best = 0;
        double best_increase = 0, best_rate = 0;
        for (std::size_t b = 0; b < TeddyTables::kBuckets; ++b) {
            members[b].push_back(k);
            const double with = bucket_pass_rate(needles, members[b], t->masks);
            members[b].pop_back();
            const double increase = with - rate[b];
            if (b == 0 || increase < best_increase ||
                (increase == best_increase && members[b].size() < members[best].size())) {
                best = b;
                best_increase = increase;
                best_rate = with;
            }
        }
        members[best].push_back(k);
        rate[best] = best_rate;
    }

    std::size_t next = 0;
    for (std::size_t b = 0; b < TeddyTables::kBuckets; ++b) {
        std::sort(members[b].begin(), members[b].end());
        t->start[b] = static_cast<std::uint8_t>(next);
        const auto bit = static_cast<std::uint8_t>(1u << b);
        for (std::size_t k : members[b]) {
            t->order[next++] = static_cast<std::uint8_t>(k);
            const Needle& n = needles[k];
            for (std::size_t m = 0; m < t->masks; ++m) {
                if (m >= n.bytes.size()) {  // past the needle's end: any byte
                    for (std::size_t x = 0; x < 16; ++x) {
                        t->lo[m][x] |= bit;
                        t->hi[m][x] |= bit;
                    }
                    continue;
                }
                const auto c = static_cast<std::uint8_t>(n.bytes[m]);  // lower case when caseless
                t->lo[m][c & 0x0f] |= bit;
                t->hi[m][c >> 4] |= bit;
                if (n.caseless && is_ascii_letter(c)) t->hi[m][(c ^ 0x20) >> 4] |= bit;  // upper case
            }
        }
    }
    t->start[TeddyTables::kBuckets] = static_cast<std::uint8_t>(next);
    t->ascii = true;
    for (std::size_t m = 0; m < t->masks; ++m) {
        for (std::size_t x = 8; x < 16; ++x) t->ascii = t->ascii && t->hi[m][x] == 0;
    }
    return t;
}

std::optional<Hit> teddy_find(const TeddyTables& t, const std::vector<Needle>& needles, SimdLevel level,
                              const std::uint8_t* h, std::size_t size, std::size_t pos) {
    return t.ascii ? scan_masks<true>(t, needles, level, h, size, pos)
                   : scan_masks<false>(t, needles, level, h, size, pos);
}

}  // namespace codescout
