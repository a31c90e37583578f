// Opening a file for searching: one open() and one fstat(), refusing anything that is not a
// regular file (a FIFO given on the command line must never make the search hang); or, for a
// reader that learns the size by reading, the open() alone (open_without_stat_at).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <fcntl.h>
#include <sys/types.h>

namespace codescout {

// An owned file descriptor, closed on destruction.
class FileDescriptor {
public:
    FileDescriptor() = default;
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() { reset(); }
    FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    FileDescriptor& operator=(FileDescriptor&& other) noexcept;
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    void reset();

private:
    int fd_ = -1;
};

struct OpenedFile {
    FileDescriptor fd;
    std::uint64_t size = 0;  // as fstat reported it when opened (0 for many /proc files)
    std::int64_t mtime_ns = 0;  // st_mtim as fstat reported it when opened (Replace compares it later)
    std::string error;       // non-empty: the file could not be opened; fd is invalid
    bool stream = false;     // a FIFO or device (open_explicit_input only): read until EOF
};

// How every file to search is opened: non-blocking, so that a FIFO swapped in since the listing
// (or a blocking pseudo-file) fails or reads as empty instead of hanging the search.
inline constexpr int kSearchOpenFlags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;

// Opens `path` read-only. `check_type_first` stats the path before opening it, so that a FIFO or
// a device named explicitly is refused without being opened (opening a tape device rewinds it);
// the walker's own entries are already known to be regular files and skip that syscall.
// Non-blocking mode makes a FIFO or a blocking pseudo-file fail instead of hanging.
OpenedFile open_for_search(const std::string& path, bool check_type_first);

// The same for a file the walker listed (no type check first), by its `name` in the open
// directory `dir_fd`: the kernel resolves one path component instead of all of them.
OpenedFile open_for_search_at(int dir_fd, const char* name);

// Opens a walked file like open_for_search_at (or `name` as a path when `dir_fd` is AT_FDCWD),
// without the fstat: no size, no mtime, and the type is not checked. For a reader that finds the
// size by reading and checks the type when a read says something is off (FileRun::run_unsized).
OpenedFile open_without_stat_at(int dir_fd, const char* name);

// Why a file of this st_mode is not searched as a regular file; empty for a regular file.
std::string non_regular_reason(mode_t mode);

// For a path the user named: a FIFO or a character/block device is opened too (blocking, as rg
// does: a FIFO waits for its writer) and marked `stream`: it has no size and is read until EOF.
// Directories and sockets are still refused.
OpenedFile open_explicit_input(const std::string& path);

// Reads `length` bytes at `offset` into `data`, retrying short reads and EINTR. Returns how many
// were read: fewer than `length` at the file's end (error 0) or at a failed read (its errno).
struct PreadResult {
    std::size_t read = 0;
    int error = 0;
};
PreadResult pread_fully(int fd, char* data, std::size_t length, std::uint64_t offset);

// "Resource temporarily unavailable" style text for an errno value.
std::string errno_message(int error);

}  // namespace codescout
