// Trigrams as the index stores them: three consecutive bytes packed into 24 bits, with ASCII
// letters folded to lower case (zoekt's choice: one list serves case-sensitive and -i queries;
// a case-sensitive query then gets a few more candidates, which verification removes). Trigrams
// holding '\n' are never stored: no needle a query asks for spans a line end.
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

}  // namespace codescout
