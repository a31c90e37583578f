// The (trigram, file id, masks) entries PostingRuns collects before sorting them into a run
// (called pairs: a posting and the trigram it belongs to): an array that grows on demand (doubling, never past its capacity), held in an AttributedBlock of
// the "index_build" component. The attribution counts a block by its resident pages, not its
// size: a grown array is in malloc's in-use figure whole but touched only as far as it is
// filled, and counted by size that difference would be memory nobody holds (a vector doubling to
// 64 MiB for 48 MiB of pairs read as 16 MiB of negative "unattributed").
//
// An entry is 12 bytes (no 64-bit member, so no padding); runs are sorted by trigram, then file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "core/metrics/attributed_block.h"

namespace codescout {

struct RunEntry {
    std::uint32_t trigram = 0;
    std::uint32_t id = 0;
    std::uint32_t masks = 0;
    bool operator<(const RunEntry& other) const {
        return trigram != other.trigram ? trigram < other.trigram : id < other.id;
    }
};
static_assert(sizeof(RunEntry) == 12);

class PairBuffer {
public:
    explicit PairBuffer(std::size_t capacity = 0) : capacity_(capacity) {}
    PairBuffer(PairBuffer&& other) noexcept { *this = std::move(other); }
    PairBuffer& operator=(PairBuffer&& other) noexcept;
    PairBuffer(const PairBuffer&) = delete;
    PairBuffer& operator=(const PairBuffer&) = delete;

    bool empty() const { return size_ == 0; }
    std::size_t size() const { return size_; }
    std::size_t capacity() const { return capacity_; }
    // Room for `count` more pairs without passing the capacity (growing the array if needed).
    bool fits(std::size_t count) const { return size_ + count <= capacity_; }
    // Appends; the caller checked fits() (or the buffer is empty: one file may exceed the
    // capacity, and then the array grows past it for that file alone).
    void append(const RunEntry& pair) {
        if (size_ == allocated()) grow(size_ + 1);
        pairs()[size_++] = pair;
    }
    void reserve_for(std::size_t count);

    RunEntry* begin() { return pairs(); }
    RunEntry* end() { return pairs() + size_; }
    const RunEntry& operator[](std::size_t i) const { return pairs()[i]; }

    // Frees the array (the attribution forgets it); capacity stays.
    void release();

private:
    void grow(std::size_t needed);
    std::size_t allocated() const { return block_.size() / sizeof(RunEntry); }
    // new[] aligns for any fundamental type, and a byte array gives its storage to the pairs.
    RunEntry* pairs() const { return reinterpret_cast<RunEntry*>(block_.data()); }

    AttributedBlock block_{EngineComponent::IndexBuild};
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;  // pairs it may grow to
};

}  // namespace codescout
