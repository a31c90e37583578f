// See pair_buffer.h.
#include "core/index/pair_buffer.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "core/metrics/engine_memory.h"

namespace codescout {

namespace {
constexpr std::size_t kFirstPairs = std::size_t{1} << 16;  // 512 KiB: small trees stay small
}

PairBuffer& PairBuffer::operator=(PairBuffer&& other) noexcept {
    if (this == &other) return *this;
    release();
    data_ = std::move(other.data_);  // the registered block moves with its pointer
    size_ = std::exchange(other.size_, 0);
    allocated_ = std::exchange(other.allocated_, 0);
    capacity_ = other.capacity_;
    return *this;
}

void PairBuffer::reserve_for(std::size_t count) {
    if (size_ + count > allocated_) grow(size_ + count);
}

void PairBuffer::grow(std::size_t needed) {
    std::size_t pairs = std::max(kFirstPairs, allocated_ * 2);
    pairs = std::max(std::min(pairs, capacity_), needed);
    // Uninitialised: a page is touched (and resident) only when pairs are written to it.
    std::unique_ptr<std::uint64_t[]> grown(new std::uint64_t[pairs]);
    const std::uint64_t bytes = pairs * sizeof(std::uint64_t);
    engine_memory().add(EngineComponent::IndexBuild, bytes);
    engine_memory().register_block(EngineComponent::IndexBuild, grown.get(), bytes);
    if (size_ > 0) std::memcpy(grown.get(), data_.get(), size_ * sizeof(std::uint64_t));
    const std::size_t size = size_;
    release();
    data_ = std::move(grown);
    allocated_ = pairs;
    size_ = size;
}

void PairBuffer::release() {
    if (!data_) return;
    engine_memory().unregister_block(data_.get());
    engine_memory().sub(EngineComponent::IndexBuild, allocated_ * sizeof(std::uint64_t));
    data_.reset();
    size_ = 0;
    allocated_ = 0;
}

}  // namespace codescout
