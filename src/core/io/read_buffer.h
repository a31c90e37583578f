// A growable byte buffer for file contents whose every allocation and release is recorded in
// MemoryMetrics, so the "total allocated" counter shows exactly what the readers hold.
#pragma once

#include <cstddef>
#include <memory>

#include "core/metrics/engine_memory.h"
#include "core/metrics/memory_metrics.h"

namespace codescout {

class ReadBuffer {
public:
    // `component`: where the attribution counts these bytes (the strategy the buffer serves).
    ReadBuffer(MemoryMetrics& metrics, EngineComponent component) : metrics_(metrics), component_(component) {}
    ~ReadBuffer() { release(); }
    ReadBuffer(const ReadBuffer&) = delete;
    ReadBuffer& operator=(const ReadBuffer&) = delete;

    char* data() { return data_.get(); }
    const char* data() const { return data_.get(); }
    std::size_t capacity() const { return capacity_; }

    // Makes room for at least `bytes`, keeping the first `keep` bytes of the current contents.
    // Never shrinks.
    void reserve(std::size_t bytes, std::size_t keep = 0);

    // Frees the memory (and records the release).
    void release();

private:
    MemoryMetrics& metrics_;
    EngineComponent component_;
    std::unique_ptr<char[]> data_;
    std::size_t capacity_ = 0;
};

}  // namespace codescout
