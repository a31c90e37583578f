// See pair_buffer.h.
#include "core/index/pair_buffer.h"

#include <algorithm>
#include <utility>

namespace codescout {

namespace {
constexpr std::size_t kFirstPairs = std::size_t{1} << 16;  // 768 KiB: small trees stay small
}

PairBuffer& PairBuffer::operator=(PairBuffer&& other) noexcept {
    if (this == &other) return *this;
    block_ = std::move(other.block_);
    size_ = std::exchange(other.size_, 0);
    capacity_ = other.capacity_;
    return *this;
}

void PairBuffer::reserve_for(std::size_t count) {
    if (size_ + count > allocated()) grow(size_ + count);
}

void PairBuffer::grow(std::size_t needed) {
    std::size_t pairs = std::max(kFirstPairs, allocated() * 2);
    pairs = std::max(std::min(pairs, capacity_), needed);
    block_.reallocate(pairs * sizeof(RunEntry), size_ * sizeof(RunEntry));
}

void PairBuffer::release() {
    block_.release();
    size_ = 0;
}

}  // namespace codescout
