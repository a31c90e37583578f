// Four independent multiply-rotate lanes over 32-byte blocks (so the multiplies overlap in the
// pipeline), folded together with the length at the end (see checksum.h).
#include "core/index/checksum.h"

#include <algorithm>
#include <cstring>

namespace codescout {

namespace {

constexpr std::uint64_t kPrime1 = 0x9E3779B185EBCA87ull;
constexpr std::uint64_t kPrime2 = 0xC2B2AE3D27D4EB4Full;
constexpr std::uint64_t kPrime3 = 0x165667B19E3779F9ull;

std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

std::uint64_t load64(const unsigned char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;  // little-endian hosts only (the format records the byte order it was written in)
}

std::uint64_t round(std::uint64_t lane, std::uint64_t input) {
    lane += input * kPrime2;
    lane = rotl(lane, 31);
    return lane * kPrime1;
}

std::uint64_t avalanche(std::uint64_t h) {
    h ^= h >> 33;
    h *= kPrime2;
    h ^= h >> 29;
    h *= kPrime3;
    h ^= h >> 32;
    return h;
}

}  // namespace

void Checksum::mix_block(const unsigned char* block) {
    for (int i = 0; i < 4; ++i) lanes_[i] = round(lanes_[i], load64(block + 8 * i));
}

void Checksum::update(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    total_ += size;
    if (pending_size_ > 0) {
        const std::size_t take = std::min(size, sizeof pending_ - pending_size_);
        std::memcpy(pending_ + pending_size_, p, take);
        pending_size_ += take;
        p += take;
        size -= take;
        if (pending_size_ < sizeof pending_) return;
        mix_block(pending_);
        pending_size_ = 0;
    }
    while (size >= 32) {
        mix_block(p);
        p += 32;
        size -= 32;
    }
    if (size > 0) std::memcpy(pending_, p, size);  // p may be null when nothing was given
    pending_size_ = size;
}

std::uint64_t Checksum::value() const {
    std::uint64_t h = rotl(lanes_[0], 1) + rotl(lanes_[1], 7) + rotl(lanes_[2], 12) + rotl(lanes_[3], 18);
    h ^= total_ * kPrime3;
    for (std::size_t i = 0; i < pending_size_; ++i) h = rotl(h ^ (pending_[i] * kPrime1), 11) * kPrime2;
    return avalanche(h);
}

std::uint64_t checksum_of(const void* data, std::size_t size) {
    Checksum sum;
    sum.update(data, size);
    return sum.value();
}

}  // namespace codescout
