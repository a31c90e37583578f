// What both halves of the standard printer write (standard_format.cpp: headings, -c, -l, binary
// notes; standard_line.cpp: one line): rg's default colour escapes and plain decimal numbers.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace codescout {

inline constexpr std::string_view kPathColor = "\x1b[0m\x1b[35m";  // magenta
inline constexpr std::string_view kReset = "\x1b[0m";

inline void append_number(std::string& out, std::uint64_t n) {
    char digits[24];
    const auto [end, error] = std::to_chars(digits, digits + sizeof digits, n);
    (void)error;  // 24 characters hold any 64-bit number
    out.append(digits, end);
}

}  // namespace codescout
