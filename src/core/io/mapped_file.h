// A read-only private mapping of a whole file for the large-file strategy, advised for
// sequential access and recorded in MemoryMetrics for as long as it exists.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/metrics/memory_metrics.h"

namespace codescout {

class MappedFile {
public:
    MappedFile() = default;
    ~MappedFile() { unmap(); }
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    // Maps `size` bytes of `fd`. Returns an empty MappedFile (check with valid()) when the
    // kernel refuses; the caller then reads the file instead. `size` must be > 0.
    static MappedFile map(int fd, std::uint64_t size, MemoryMetrics& metrics);

    bool valid() const { return data_ != nullptr; }

    // Tells the kernel the pages before `offset` will not be needed again soon: they leave this
    // process's resident set (a later read would fault them back in from the page cache).
    // Keeps a search of huge files from counting them whole in its RSS.
    void release_pages_before(std::size_t offset);
    std::string_view bytes() const { return {data_, size_}; }
    void unmap();

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t released_ = 0;  // pages before this offset were already released
    MemoryMetrics* metrics_ = nullptr;
};

// Test hook: called with the path after a file was mapped and before any of it is read, so a
// test can shrink the file at exactly that moment. Null (the default) in production.
using AfterMapHook = void (*)(const std::string& path);
void set_after_map_hook(AfterMapHook hook);
AfterMapHook after_map_hook();

}  // namespace codescout
