// An uninitialised heap array counted in one engine component of the attribution and registered
// with it as a block, so that the attribution counts it by its resident pages rather than its
// size (a buffer is in the allocator's in-use figure whole, but resident only as far as it was
// written). The one place where an engine buffer grows, keeps a prefix and is let go with its
// accounting: the read buffers (io) and the index builder's pair buffers (index) build on it.
#pragma once

#include <cstddef>
#include <memory>

#include "core/metrics/engine_memory.h"

namespace codescout {

class AttributedBlock {
public:
    explicit AttributedBlock(EngineComponent component) : component_(component) {}
    ~AttributedBlock() { release(); }
    AttributedBlock(AttributedBlock&& other) noexcept;
    AttributedBlock& operator=(AttributedBlock&& other) noexcept;
    AttributedBlock(const AttributedBlock&) = delete;
    AttributedBlock& operator=(const AttributedBlock&) = delete;

    std::byte* data() const { return data_.get(); }
    std::size_t size() const { return size_; }  // bytes

    // Replaces the array by one of `bytes` bytes holding the first `keep` bytes of the old one.
    // The new array is counted before the old one goes: while copying both exist.
    void reallocate(std::size_t bytes, std::size_t keep);
    // Frees the array; the component and the block list forget it.
    void release();

private:
    EngineComponent component_;
    std::unique_ptr<std::byte[]> data_;
    std::size_t size_ = 0;
};

}  // namespace codescout
