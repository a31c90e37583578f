// case_shape, preserve_case (see preserve_case.h).
#include "core/match/preserve_case.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace codescout {

namespace {

// Calls `each(code_point_or_negative, begin, end)` for each UTF-8 sequence of `text`; an invalid
// byte comes as a negative code point covering that one byte.
template <typename F>
void for_each_code_point(std::string_view text, F&& each) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    while (i < length) {
        const std::int32_t begin = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        each(c, static_cast<std::size_t>(begin), static_cast<std::size_t>(i));
    }
}

void append_code_point(std::string& out, UChar32 c) {
    std::uint8_t buffer[U8_MAX_LENGTH];
    std::int32_t n = 0;
    // U8_APPEND_UNSAFE: `c` is a valid code point (from U8_NEXT, case-mapped), the buffer fits it.
    U8_APPEND_UNSAFE(buffer, n, c);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

enum class Mapping { Upper, Lower, FirstUpper };

std::string mapped(std::string_view text, Mapping mapping) {
    std::string out;
    out.reserve(text.size());
    bool first_cased_seen = false;
    for_each_code_point(text, [&](UChar32 c, std::size_t begin, std::size_t end) {
        if (c < 0) {
            out.append(text.substr(begin, end - begin));
            return;
        }
        UChar32 to = c;
        if (mapping == Mapping::Upper) {
            to = u_toupper(c);
        } else if (mapping == Mapping::Lower) {
            to = u_tolower(c);
        } else if (!first_cased_seen && u_hasBinaryProperty(c, UCHAR_CASED)) {
            to = u_toupper(c);
            first_cased_seen = true;
        }
        append_code_point(out, to);
    });
    return out;
}

}  // namespace

CaseShape case_shape(std::string_view text) {
    std::size_t upper = 0, lower = 0;
    bool first_upper = false;
    bool rest_lower = true;
    for_each_code_point(text, [&](UChar32 c, std::size_t, std::size_t) {
        if (c < 0 || !u_hasBinaryProperty(c, UCHAR_CASED)) return;
        const bool is_upper = u_isupper(c) || u_istitle(c);
        const bool is_lower = u_islower(c);
        if (upper + lower == 0) first_upper = is_upper;
        else if (!is_lower) rest_lower = false;
        upper += is_upper ? 1 : 0;
        lower += is_lower ? 1 : 0;
    });
    if (upper + lower == 0) return CaseShape::None;
    if (lower == 0 && upper >= 2) return CaseShape::Upper;
    if (upper == 0) return CaseShape::Lower;
    if (first_upper && rest_lower) return CaseShape::Title;
    return CaseShape::Mixed;
}

std::string preserve_case(std::string_view replaced, std::string_view replacement) {
    switch (case_shape(replaced)) {
    case CaseShape::Upper: return mapped(replacement, Mapping::Upper);
    case CaseShape::Lower: return mapped(replacement, Mapping::Lower);
    case CaseShape::Title: return mapped(replacement, Mapping::FirstUpper);
    case CaseShape::None:
    case CaseShape::Mixed: break;
    }
    return std::string(replacement);
}

}  // namespace codescout
