// Trigrams as the index stores them, and the masks each (trigram, file) posting carries.
//
// The index reads a file as a stream of "index characters": its bytes with ASCII letters folded
// to lower case, and the two non-ASCII characters that PCRE2 (UTF, UCP) folds onto ASCII letters,
// the KELVIN SIGN (E2 84 AA) and the LATIN SMALL LETTER LONG S (C5 BF), folded to 'k' and 's'
// (index_text.h). One list per folded trigram then serves case-sensitive and -i queries (zoekt's
// choice); a trigram is three consecutive index characters packed into 24 bits. Trigrams holding
// '\n' are never stored: no needle a query asks for spans a line end.
//
// Each posting carries 32 bits of masks over the trigram's occurrences in the file (the idea of
// GitHub's Blackbird and Cursor's "3.5-grams", with a case mask of our own):
//   bits  0-15  position: bit (p mod 16) for every index-character offset p where it starts
//   bits 16-23  next: a one-hash bloom of the index characters that follow it ('\n' included)
//   bits 24-31  case: bit (case pattern) for every occurrence, the pattern's bit i set when
//               character i was an ASCII capital or a folded K/long s (case_bit())
// A needle's trigrams must then sit at offsets compatible with one start modulo 16, be followed
// by the needle's next characters, and (case-sensitive) appear in the needle's case pattern.
// Every mask only ever over-approximates, so a file that holds the needle always passes.
#pragma once

#include <cstdint>
#include <string_view>

namespace codescout {

inline constexpr unsigned char fold_ascii(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

inline constexpr std::uint32_t make_trigram(unsigned char a, unsigned char b, unsigned char c) {
    return (static_cast<std::uint32_t>(fold_ascii(a)) << 16) | (static_cast<std::uint32_t>(fold_ascii(b)) << 8) |
           fold_ascii(c);
}

inline constexpr bool trigram_has_newline(std::uint32_t t) {
    return ((t >> 16) & 0xFF) == '\n' || ((t >> 8) & 0xFF) == '\n' || (t & 0xFF) == '\n';
}

inline constexpr std::uint32_t kTrigramSpace = 1u << 24;

// A trigram of one file with its masks (the collector's output, the build's input).
struct Gram {
    std::uint32_t trigram = 0;
    std::uint32_t masks = 0;
};

// One entry of a trigram's posting list.
struct Posting {
    std::uint32_t id = 0;     // the file
    std::uint32_t masks = 0;  // of the trigram's occurrences in that file
    bool operator==(const Posting&) const = default;
};

// The posting masks (layout above).
inline constexpr unsigned kPositionModulus = 16;
inline constexpr std::uint32_t kPositionMask = 0xFFFFu;

inline constexpr std::uint32_t position_bit(std::uint64_t offset) {
    return std::uint32_t{1} << (offset % kPositionModulus);
}

// The next-character bloom bit of an index character (already folded).
inline constexpr std::uint32_t next_bit(unsigned char folded) {
    return std::uint32_t{1} << (16 + ((static_cast<std::uint32_t>(folded) * 0x9E3779B1u) >> 29));
}

// `pattern`: three bits, bit 2 for the trigram's first character, bit 0 for its last.
inline constexpr std::uint32_t case_bit(unsigned pattern) { return std::uint32_t{1} << (24 + (pattern & 7)); }

// The position bits of a trigram found `shift` characters into a needle, moved so that bit s
// stands for "the needle may start at an offset = s (mod 16)".
inline constexpr std::uint32_t positions_from_start(std::uint32_t masks, unsigned shift) {
    const std::uint32_t positions = masks & kPositionMask;
    shift %= kPositionModulus;
    if (shift == 0) return positions;
    return ((positions >> shift) | (positions << (kPositionModulus - shift))) & kPositionMask;
}

}  // namespace codescout
