// An anonymous scratch file for the index build (sorted runs, the trigram table while postings
// are written): created in a directory on the cache's file system and unlinked at once, so a
// killed build leaves nothing behind. Buffered writes, then buffered reads from the start.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string_view>

namespace codescout {

class TempFile {
public:
    // Throws std::runtime_error (with the OS's reason) when the file cannot be created.
    explicit TempFile(const std::filesystem::path& directory, std::size_t buffer_bytes = 1 << 20);
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    void write(std::string_view bytes);  // throws std::runtime_error on a write error (disk full)
    // Switches from writing to reading from the first byte.
    void rewind_for_reading();
    // Reads up to `size` bytes; returns how many (0 at the end). Throws on a read error.
    std::size_t read(void* data, std::size_t size);
    std::uint64_t size() const { return written_; }

private:
    std::FILE* file_ = nullptr;
    std::uint64_t written_ = 0;
};

}  // namespace codescout
