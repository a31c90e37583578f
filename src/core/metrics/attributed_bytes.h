// A holding of bytes counted in one engine component of the attribution (engine_memory.h): its
// owner sets what it holds whenever that changes, and the destructor takes it all back, so the
// component follows the owner's lifetime without a matching "release" call to forget.
#pragma once

#include <cstdint>
#include <string>

#include "core/metrics/engine_memory.h"

namespace codescout {

class AttributedBytes {
public:
    explicit AttributedBytes(EngineComponent component) : component_(component) {}
    ~AttributedBytes() { set(0); }
    AttributedBytes(const AttributedBytes&) = delete;
    AttributedBytes& operator=(const AttributedBytes&) = delete;

    void set(std::uint64_t bytes) {
        if (bytes > bytes_) engine_memory().add(component_, bytes - bytes_);
        if (bytes < bytes_) engine_memory().sub(component_, bytes_ - bytes);
        bytes_ = bytes;
    }
    std::uint64_t bytes() const { return bytes_; }

private:
    EngineComponent component_;
    std::uint64_t bytes_ = 0;
};

// Heap bytes a string owns: none while its text fits in the object itself (small string
// optimisation), else its capacity plus the terminator.
inline std::uint64_t string_heap_bytes(const std::string& s) {
    const auto* self = reinterpret_cast<const char*>(&s);
    const bool inline_text = s.data() >= self && s.data() < self + sizeof s;
    return inline_text ? 0 : s.capacity() + 1;
}

}  // namespace codescout
