// count_byte: 32 bytes at a time with AVX2 where the CPU has it, else 16 with SSE2 (see
// line_counter.h). The compare results (0xFF per matching byte) are subtracted into byte
// counters, which are summed with psadbw every 255 blocks before they could wrap: no popcount per
// block, which without -mpopcnt is a libgcc call (measured: 57% of a search's instructions on
// large headers went to it).
#include "core/search/line_counter.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define CODESCOUT_COUNT_AVX2 1
#endif

namespace codescout {

namespace {

#if defined(CODESCOUT_COUNT_AVX2)
// Counts in whole 32-byte blocks; returns how many bytes it covered.
__attribute__((target("avx2"))) std::size_t count_blocks_avx2(const char* data, std::size_t size, char terminator,
                                                              std::uint64_t& count) {
    const __m256i wanted = _mm256_set1_epi8(terminator);
    const __m256i zero = _mm256_setzero_si256();
    constexpr std::size_t kBlocksPerRound = 255;
    std::size_t i = 0;
    while (i + 32 <= size) {
        const std::size_t blocks = std::min(kBlocksPerRound, (size - i) / 32);
        __m256i counters = zero;
        for (std::size_t b = 0; b < blocks; ++b, i += 32) {
            const __m256i block = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + i));
            counters = _mm256_sub_epi8(counters, _mm256_cmpeq_epi8(block, wanted));
        }
        const __m256i sums = _mm256_sad_epu8(counters, zero);  // four 64-bit lanes of byte sums
        count += static_cast<std::uint64_t>(_mm256_extract_epi64(sums, 0)) + static_cast<std::uint64_t>(_mm256_extract_epi64(sums, 1)) +
                 static_cast<std::uint64_t>(_mm256_extract_epi64(sums, 2)) + static_cast<std::uint64_t>(_mm256_extract_epi64(sums, 3));
    }
    return i;
}

const bool kHasAvx2 = __builtin_cpu_supports("avx2");
#endif

}  // namespace

std::uint64_t count_newlines(const char* data, std::size_t size) { return count_byte(data, size, '\n'); }

std::uint64_t count_byte(const char* data, std::size_t size, char terminator) {
    std::uint64_t count = 0;
    std::size_t i = 0;
#if defined(CODESCOUT_COUNT_AVX2)
    if (kHasAvx2) i = count_blocks_avx2(data, size, terminator, count);
#endif
#if defined(__SSE2__)
    const __m128i wanted = _mm_set1_epi8(terminator);
    const __m128i zero = _mm_setzero_si128();
    constexpr std::size_t kBlocksPerRound = 255;  // a byte counter holds at most 255
    while (i + 16 <= size) {
        const std::size_t blocks = std::min(kBlocksPerRound, (size - i) / 16);
        __m128i counters = zero;
        for (std::size_t b = 0; b < blocks; ++b, i += 16) {
            __m128i block;
            std::memcpy(&block, data + i, sizeof block);
            counters = _mm_sub_epi8(counters, _mm_cmpeq_epi8(block, wanted));
        }
        const __m128i sums = _mm_sad_epu8(counters, zero);  // two 64-bit lanes of byte sums
        count += static_cast<std::uint64_t>(_mm_cvtsi128_si64(sums)) +
                 static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
    }
#endif
    for (; i < size; ++i) count += data[i] == terminator;
    return count;
}

}  // namespace codescout
