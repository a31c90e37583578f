// See attributed_block.h.
#include "core/metrics/attributed_block.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace codescout {

AttributedBlock::AttributedBlock(AttributedBlock&& other) noexcept : component_(other.component_) {
    *this = std::move(other);
}

AttributedBlock& AttributedBlock::operator=(AttributedBlock&& other) noexcept {
    if (this == &other) return *this;
    release();
    component_ = other.component_;
    data_ = std::move(other.data_);  // the registered block moves with its address
    size_ = std::exchange(other.size_, 0);
    return *this;
}

void AttributedBlock::reallocate(std::size_t bytes, std::size_t keep) {
    // new[] of a trivial type leaves the bytes uninitialised: a page is touched (and resident)
    // only when its owner writes to it.
    std::unique_ptr<std::byte[]> grown(new std::byte[bytes]);
    engine_memory().add(component_, bytes);
    engine_memory().register_block(component_, grown.get(), bytes);
    keep = std::min({keep, size_, bytes});
    if (keep > 0) std::memcpy(grown.get(), data_.get(), keep);
    release();
    data_ = std::move(grown);
    size_ = bytes;
}

void AttributedBlock::release() {
    if (!data_) return;
    engine_memory().unregister_block(data_.get());
    engine_memory().sub(component_, size_);
    data_.reset();
    size_ = 0;
}

}  // namespace codescout
