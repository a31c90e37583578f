// open_for_search, open_explicit_input: open + fstat with type checks; open_without_stat_at (see
// open_file.h).
#include "core/io/open_file.h"

#include <cerrno>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace codescout {

namespace {

bool is_stream(mode_t mode) { return S_ISFIFO(mode) || S_ISCHR(mode) || S_ISBLK(mode); }

int open_retrying(int dir_fd, const char* path, int flags) {
    int fd = -1;
    do {
        fd = ::openat(dir_fd, path, flags);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

// Opens `path` (relative to `dir_fd`) and reads the status of what was opened (which the path
// may no longer name); false with `error` set when either fails.
bool open_and_stat(int dir_fd, const char* path, int flags, FileDescriptor& fd, struct stat& st, std::string& error) {
    FileDescriptor opened(open_retrying(dir_fd, path, flags));
    if (!opened || ::fstat(opened.get(), &st) != 0) {
        error = errno_message(errno);
        return false;
    }
    fd = std::move(opened);
    return true;
}

// Opens a file expected to be regular (non-blocking, so that a FIFO swapped in meanwhile
// cannot hang the search) and refuses anything else.
OpenedFile open_regular(int dir_fd, const char* path) {
    OpenedFile result;
    struct stat st {};
    FileDescriptor owned;
    if (!open_and_stat(dir_fd, path, kSearchOpenFlags, owned, st, result.error)) return result;
    // Also after the walker's own check: the path may have been replaced since it was listed.
    if (std::string reason = non_regular_reason(st.st_mode); !reason.empty()) {
        result.error = std::move(reason);
        return result;
    }
    result.fd = std::move(owned);
    result.size = st.st_size > 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
    result.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    return result;
}

}  // namespace

std::string non_regular_reason(mode_t mode) {
    if (S_ISREG(mode)) return {};
    if (S_ISFIFO(mode)) return "not a regular file (FIFO)";
    if (S_ISCHR(mode)) return "not a regular file (character device)";
    if (S_ISBLK(mode)) return "not a regular file (block device)";
    if (S_ISSOCK(mode)) return "not a regular file (socket)";
    if (S_ISDIR(mode)) return "is a directory";
    return "not a regular file";
}

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
    if (this != &other) {
        reset();
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

void FileDescriptor::reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

std::string errno_message(int error) { return std::generic_category().message(error); }

PreadResult pread_fully(int fd, char* data, std::size_t length, std::uint64_t offset) {
    PreadResult result;
    while (result.read < length) {
        const ssize_t n = ::pread(fd, data + result.read, length - result.read, static_cast<off_t>(offset + result.read));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) result.error = errno;
        if (n <= 0) break;
        result.read += static_cast<std::size_t>(n);
    }
    return result;
}

OpenedFile open_for_search(const std::string& path, bool check_type_first) {
    OpenedFile result;
    struct stat st {};
    if (check_type_first) {
        if (::stat(path.c_str(), &st) != 0) {
            result.error = errno_message(errno);
            return result;
        }
        if (std::string reason = non_regular_reason(st.st_mode); !reason.empty()) {
            result.error = std::move(reason);
            return result;
        }
    }
    return open_regular(AT_FDCWD, path.c_str());
}

OpenedFile open_for_search_at(int dir_fd, const char* name) { return open_regular(dir_fd, name); }

OpenedFile open_without_stat_at(int dir_fd, const char* name) {
    OpenedFile result;
    // Non-blocking as in open_regular: a FIFO swapped in meanwhile reads as empty, not forever.
    FileDescriptor opened(open_retrying(dir_fd, name, kSearchOpenFlags));
    if (!opened) result.error = errno_message(errno);
    result.fd = std::move(opened);
    return result;
}

OpenedFile open_explicit_input(const std::string& path) {
    OpenedFile result;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        result.error = errno_message(errno);
        return result;
    }
    if (!is_stream(st.st_mode)) return open_for_search(path, true);
    FileDescriptor owned;
    if (!open_and_stat(AT_FDCWD, path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY, owned, st, result.error)) return result;
    if (S_ISREG(st.st_mode)) {
        // Replaced by a regular file between stat and open: an ordinary file after all.
        result.size = st.st_size > 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
        result.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    } else if (is_stream(st.st_mode)) {
        result.stream = true;
    } else {
        result.error = non_regular_reason(st.st_mode);
        return result;
    }
    result.fd = std::move(owned);
    return result;
}

}  // namespace codescout
