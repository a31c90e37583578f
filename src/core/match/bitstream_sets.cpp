// BitstreamSets (see bitstream_sets.h).
#include "core/match/bitstream_sets.h"

#include <algorithm>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace codescout {

namespace {

bool has(const std::array<std::uint64_t, 2>& set, unsigned c) { return ((set[c >> 6] >> (c & 63)) & 1) != 0; }

#if defined(__x86_64__)
const bool kHasAvx2 = __builtin_cpu_supports("avx2");

// Bit i of the result: byte i of the 32 is a member; `high_bit` holds 1 << (byte >> 4) for
// ASCII bytes, 0 for the others.
__attribute__((target("avx2"), always_inline)) inline std::uint32_t members32(__m256i table, __m256i low_nibbles,
                                                                            __m256i high_bit) {
    const __m256i hit = _mm256_and_si256(_mm256_shuffle_epi8(table, low_nibbles), high_bit);
    return ~static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(hit, _mm256_setzero_si256())));
}

// The whole 64-byte blocks of `text`; returns how many words it filled.
__attribute__((target("avx2"))) std::size_t fill_avx2(const unsigned char* text, std::size_t n,
                                                     const std::vector<std::array<std::uint8_t, 16>>& tables,
                                                     std::vector<std::uint64_t>* const* out) {
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i high_bits = _mm256_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0,  //
                                               1, 2, 4, 8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0);
    __m256i table[8];
    const std::size_t sets = std::min<std::size_t>(tables.size(), 8);
    for (std::size_t s = 0; s < sets; ++s) {
        const __m128i half = _mm_loadu_si128(reinterpret_cast<const __m128i*>(tables[s].data()));
        table[s] = _mm256_broadcastsi128_si256(half);
    }
    std::size_t w = 0;
    for (; (w + 1) * 64 <= n; ++w) {
        const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text + w * 64));
        const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text + w * 64 + 32));
        const __m256i a_low = _mm256_and_si256(a, nibble);
        const __m256i b_low = _mm256_and_si256(b, nibble);
        const __m256i a_high = _mm256_shuffle_epi8(high_bits, _mm256_and_si256(_mm256_srli_epi16(a, 4), nibble));
        const __m256i b_high = _mm256_shuffle_epi8(high_bits, _mm256_and_si256(_mm256_srli_epi16(b, 4), nibble));
        for (std::size_t s = 0; s < sets; ++s) {
            (*out[s])[w] = members32(table[s], a_low, a_high) |
                           (static_cast<std::uint64_t>(members32(table[s], b_low, b_high)) << 32);
        }
    }
    return w;
}
#endif

}  // namespace

BitstreamSets::BitstreamSets(const std::vector<std::array<std::uint64_t, 2>>& members) {
    for (const auto& set : members) {
        std::array<std::uint8_t, 16> table{};
        for (unsigned c = 0; c < 128; ++c) {
            if (has(set, c)) table[c & 15] = static_cast<std::uint8_t>(table[c & 15] | (1u << (c >> 4)));
        }
        tables_.push_back(table);
        std::vector<Range> in;
        std::vector<Range> out;
        for (unsigned c = 0; c < 128; ++c) {
            const bool member = has(set, c);
            auto& runs = member ? in : out;
            if (c > 0 && has(set, c - 1) == member) runs.back().hi = static_cast<unsigned char>(c);
            else runs.push_back(Range{static_cast<unsigned char>(c), static_cast<unsigned char>(c)});
        }
        inverted_.push_back(out.size() < in.size());
        ranges_.push_back(out.size() < in.size() ? out : in);
    }
}

void BitstreamSets::fill(const unsigned char* text, std::size_t n, std::vector<std::uint64_t>* const* out,
                         Path path) const {
    std::size_t w = 0;
#if defined(__x86_64__)
    if (path == Path::Best && kHasAvx2 && tables_.size() <= 8) {
        w = fill_avx2(text, n, tables_, out);
    } else if (path != Path::Scalar) {
        for (; (w + 1) * 64 <= n; ++w) {
            __m128i bytes[4];
            for (int part = 0; part < 4; ++part) {
                bytes[part] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + w * 64 + part * 16));
            }
            for (std::size_t s = 0; s < ranges_.size(); ++s) {
                std::uint64_t bits = 0;
                for (int part = 0; part < 4; ++part) {
                    __m128i in = _mm_setzero_si128();
                    for (const Range& range : ranges_[s]) {
                        // lo <= b <= hi  as  (b - lo) <= (hi - lo), unsigned; a byte >= 0x80 is
                        // beyond every range (hi < 0x80).
                        const __m128i shifted = _mm_sub_epi8(bytes[part], _mm_set1_epi8(static_cast<char>(range.lo)));
                        const __m128i width = _mm_set1_epi8(static_cast<char>(range.hi - range.lo));
                        in = _mm_or_si128(in, _mm_cmpeq_epi8(_mm_min_epu8(shifted, width), shifted));
                    }
                    std::uint64_t part_bits = static_cast<unsigned>(_mm_movemask_epi8(in));
                    if (inverted_[s]) {
                        // Non-members of an ASCII set include the bytes >= 0x80, which stay out.
                        part_bits = ~part_bits & ~static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(bytes[part]))) & 0xFFFF;
                    }
                    bits |= part_bits << (part * 16);
                }
                (*out[s])[w] = bits;
            }
        }
    }
#endif
    const std::size_t words = n / 64 + 1;
    for (; w < words; ++w) {
        for (std::size_t s = 0; s < tables_.size(); ++s) {
            std::uint64_t bits = 0;
            for (std::size_t i = w * 64; i < std::min(n, (w + 1) * 64); ++i) {
                const unsigned char c = text[i];
                if (c < 0x80 && ((tables_[s][c & 15] >> (c >> 4)) & 1) != 0) bits |= std::uint64_t{1} << (i & 63);
            }
            (*out[s])[w] = bits;
        }
    }
}

}  // namespace codescout
