// A read-only private mapping of a whole file for the large-file strategy, advised for
// sequential access, recorded in MemoryMetrics and watched for SIGBUS (io/sigbus_guard.h) for as
// long as it exists: should the file shrink under it, the lost pages read as zeros and
// truncated() says so, instead of the process dying.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/io/sigbus_guard.h"
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
    // kernel refuses or the SIGBUS guard has no free slot; the caller then reads the file
    // instead. `size` must be > 0.
    static MappedFile map(int fd, std::uint64_t size, MemoryMetrics& metrics);

    bool valid() const { return data_ != nullptr; }

    // Tells the kernel the pages before `offset` will not be needed again soon: they leave this
    // process's resident set (a later read would fault them back in from the page cache).
    // Keeps a search of huge files from counting them whole in its RSS.
    void release_pages_before(std::size_t offset);
    std::string_view bytes() const { return {data_, size_}; }

    // True once the file shrank under the mapping and a read hit the vanished part: from that
    // page on, bytes() holds zeros instead of the file's content. Check it after reading.
    bool truncated() const { return guard_.truncated(); }

    void unmap();

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t released_ = 0;  // pages before this offset were already released
    MemoryMetrics* metrics_ = nullptr;
    SigbusGuard guard_;  // released before munmap (see sigbus_guard.h)
};

// Test hook: called with the path after a file was mapped and before any of it is read, so a
// test can shrink the file at exactly that moment. Null (the default) in production.
using AfterMapHook = void (*)(const std::string& path);
void set_after_map_hook(AfterMapHook hook);
AfterMapHook after_map_hook();

}  // namespace codescout
