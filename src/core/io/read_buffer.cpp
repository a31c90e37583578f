// ReadBuffer: metrics-accounted growth and release (see read_buffer.h).
#include "core/io/read_buffer.h"

#include <cstring>

namespace codescout {

void ReadBuffer::reserve(std::size_t bytes, std::size_t keep) {
    if (bytes <= capacity_) return;
    // Exactly what was asked: the callers pick sizes (page multiples in production; tiny ones in
    // tests, to put chunk boundaries everywhere).
    const std::size_t rounded = bytes;
    // new char[] leaves the bytes uninitialised: they are overwritten by read() anyway.
    std::unique_ptr<char[]> grown(new char[rounded]);
    // Recorded before the old buffer goes: while copying both exist, and the peak should say so.
    metrics_.record_allocation(rounded);
    engine_memory().add(component_, rounded);
    engine_memory().register_block(component_, grown.get(), rounded);
    if (keep > 0) std::memcpy(grown.get(), data_.get(), keep < capacity_ ? keep : capacity_);
    release();
    data_ = std::move(grown);
    capacity_ = rounded;
}

void ReadBuffer::release() {
    if (!data_) return;
    engine_memory().unregister_block(data_.get());
    data_.reset();
    metrics_.record_deallocation(capacity_);
    engine_memory().sub(component_, capacity_);
    capacity_ = 0;
}

}  // namespace codescout
