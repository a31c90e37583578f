// How a posting list stores its postings (index_format.h's Postings): per posting, a varint of
// (file id delta << 1 | compact), then its masks (trigram.h) in one of two forms:
//   compact (2 bytes): the trigram occurs in the file with one position bit, at most one next
//     bit and one case bit, which is most postings of a tree of source files (a trigram met once
//     in a file): bits 0-3 the position, bit 4 "has a next character", bits 5-7 its bloom bit,
//     bits 8-10 the case pattern;
//   full (4 bytes): the masks as they are, little-endian.
// The compact form halves the masks' share of the index without losing a bit of them.
#pragma once

#include <bit>
#include <cstdint>
#include <string>

#include "core/index/trigram.h"
#include "core/index/varint.h"

namespace codescout {

inline void append_posting(std::string& out, std::uint32_t id_delta, std::uint32_t masks) {
    const std::uint32_t positions = masks & kPositionMask;
    const std::uint32_t next = (masks >> 16) & 0xFF;
    const std::uint32_t cases = masks >> 24;
    const bool compact = std::popcount(positions) == 1 && std::popcount(next) <= 1 && std::popcount(cases) == 1;
    append_varint(out, (std::uint64_t{id_delta} << 1) | (compact ? 1u : 0u));
    if (compact) {
        const auto code = static_cast<std::uint32_t>(std::countr_zero(positions)) |
                          (next != 0 ? (0x10u | static_cast<std::uint32_t>(std::countr_zero(next)) << 5) : 0u) |
                          static_cast<std::uint32_t>(std::countr_zero(cases)) << 8;
        out.push_back(static_cast<char>(code & 0xFF));
        out.push_back(static_cast<char>(code >> 8));
        return;
    }
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((masks >> shift) & 0xFF));
}

// Reads one posting from [p, end); false when the bytes do not hold one (a damaged list).
inline bool read_posting(const unsigned char*& p, const unsigned char* end, std::uint64_t& id_delta, std::uint32_t& masks) {
    std::uint64_t head = 0;
    if (!read_varint(p, end, head)) return false;
    id_delta = head >> 1;
    if ((head & 1) != 0) {
        if (end - p < 2) return false;
        const std::uint32_t code = p[0] | static_cast<std::uint32_t>(p[1]) << 8;
        p += 2;
        if ((code >> 11) != 0) return false;
        masks = (std::uint32_t{1} << (code & 15)) | ((code & 0x10) != 0 ? std::uint32_t{1} << (16 + ((code >> 5) & 7)) : 0u) |
                std::uint32_t{1} << (24 + ((code >> 8) & 7));
        return true;
    }
    if (end - p < 4) return false;
    masks = p[0] | static_cast<std::uint32_t>(p[1]) << 8 | static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
    p += 4;
    return true;
}

}  // namespace codescout
