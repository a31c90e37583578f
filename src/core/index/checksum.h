// A fast 64-bit checksum for the index file (sections, posting lists, the header) and for
// hashing relative paths into the path table. Not cryptographic: it detects torn writes, flipped
// bytes and truncation, which is what a cache file needs; the file format fixes the algorithm, so
// changing it means a new format version.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace codescout {

// Streaming: feeding bytes in any split gives the same value as one call over all of them.
class Checksum {
public:
    void update(const void* data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    std::uint64_t value() const;

private:
    void mix_block(const unsigned char* block);

    std::uint64_t lanes_[4] = {0x243F6A8885A308D3ull, 0x13198A2E03707344ull, 0xA4093822299F31D0ull,
                               0x082EFA98EC4E6C89ull};
    unsigned char pending_[32] = {};
    std::size_t pending_size_ = 0;
    std::uint64_t total_ = 0;
};

std::uint64_t checksum_of(const void* data, std::size_t size);
inline std::uint64_t checksum_of(std::string_view bytes) { return checksum_of(bytes.data(), bytes.size()); }

}  // namespace codescout
