// A growable byte buffer for file contents whose every allocation and release is recorded in
// MemoryMetrics, so the "total allocated" counter shows exactly what the readers hold; the
// attribution counts it by its resident pages (an AttributedBlock).
#pragma once

#include <cstddef>

#include "core/metrics/attributed_block.h"
#include "core/metrics/memory_metrics.h"

namespace codescout {

class ReadBuffer {
public:
    // `component`: where the attribution counts these bytes (the strategy the buffer serves).
    ReadBuffer(MemoryMetrics& metrics, EngineComponent component) : metrics_(metrics), block_(component) {}
    ~ReadBuffer() { release(); }
    ReadBuffer(const ReadBuffer&) = delete;
    ReadBuffer& operator=(const ReadBuffer&) = delete;

    char* data() { return reinterpret_cast<char*>(block_.data()); }
    const char* data() const { return reinterpret_cast<const char*>(block_.data()); }
    std::size_t capacity() const { return block_.size(); }

    // Makes room for at least `bytes`, keeping the first `keep` bytes of the current contents.
    // Never shrinks.
    void reserve(std::size_t bytes, std::size_t keep = 0);

    // Frees the memory (and records the release).
    void release();

private:
    MemoryMetrics& metrics_;
    AttributedBlock block_;
};

}  // namespace codescout
