// ReadBuffer: metrics-accounted growth and release (see read_buffer.h).
#include "core/io/read_buffer.h"

namespace codescout {

void ReadBuffer::reserve(std::size_t bytes, std::size_t keep) {
    if (bytes <= capacity()) return;
    // Exactly what was asked: the callers pick sizes (page multiples in production; tiny ones in
    // tests, to put chunk boundaries everywhere). Recorded before the old buffer goes: while
    // copying both exist, and the peak should say so.
    const std::size_t old = capacity();
    metrics_.record_allocation(bytes);
    block_.reallocate(bytes, keep);
    if (old > 0) metrics_.record_deallocation(old);
}

void ReadBuffer::release() {
    const std::size_t old = capacity();
    if (old == 0) return;
    block_.release();
    metrics_.record_deallocation(old);
}

}  // namespace codescout
