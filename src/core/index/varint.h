// LEB128-style variable-length integers for posting lists: ascending file ids are stored as
// deltas, most of which fit in one byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace codescout {

inline void append_varint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

// Reads one varint from [p, end); false on truncation or a value longer than 64 bits (corrupt
// input is expected here: the caller rejects the list).
inline bool read_varint(const unsigned char*& p, const unsigned char* end, std::uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64 && p < end; shift += 7) {
        const unsigned char byte = *p++;
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) return true;
    }
    return false;
}

}  // namespace codescout
