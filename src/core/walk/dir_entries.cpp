// getdents64 reading (see dir_entries.h). Records are parsed with memcpy, so nothing depends on
// the buffer's alignment.
#include "core/walk/dir_entries.h"

#include <cerrno>
#include <cstdint>
#include <cstring>

#include <dirent.h>

namespace codescout {

namespace {

// struct linux_dirent64: u64 d_ino, s64 d_off, u16 d_reclen, u8 d_type, char d_name[].
constexpr std::size_t kReclenOffset = 16;
constexpr std::size_t kTypeOffset = 18;
constexpr std::size_t kNameOffset = 19;
constexpr std::size_t kChunk = 32 * 1024;

std::uint16_t record_length(const char* record) {
    std::uint16_t len = 0;
    std::memcpy(&len, record + kReclenOffset, sizeof len);
    return len;
}

}  // namespace

int DirEntries::read_all(int fd) {
    used_ = 0;
    for (;;) {
        if (capacity_ - used_ < kChunk) {
            const std::size_t grown = capacity_ == 0 ? 2 * kChunk : capacity_ * 2;
            auto bigger = std::make_unique_for_overwrite<char[]>(grown);
            if (used_ > 0) std::memcpy(bigger.get(), buffer_.get(), used_);
            buffer_ = std::move(bigger);
            capacity_ = grown;
        }
        const ssize_t got = ::getdents64(fd, buffer_.get() + used_, capacity_ - used_);
        if (got < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        if (got == 0) return 0;
        used_ += static_cast<std::size_t>(got);
    }
}

DirEntries::Entry DirEntries::Iterator::operator*() const {
    const char* record = data_ + pos_;
    const std::size_t max_name = record_length(record) - kNameOffset;
    const char* name = record + kNameOffset;
    return {std::string_view(name, ::strnlen(name, max_name)), static_cast<unsigned char>(record[kTypeOffset])};
}

DirEntries::Iterator& DirEntries::Iterator::operator++() {
    pos_ += record_length(data_ + pos_);
    return *this;
}

}  // namespace codescout
