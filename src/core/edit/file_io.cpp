// read_to_end, write_all, sync_fd, write_new_file, replace_small_file (see file_io.h).
#include "core/edit/file_io.h"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

namespace codescout {

int read_to_end(int fd, std::string& out, std::uint64_t limit) {
    out.clear();
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) return EAGAIN;
            return errno;
        }
        if (got == 0) return 0;
        if (out.size() + static_cast<std::uint64_t>(got) > limit) return EFBIG;
        out.append(buffer, static_cast<std::size_t>(got));
    }
}

int read_into(int fd, std::string& buffer, std::size_t& length, std::uint64_t limit, std::uint64_t expected) {
    length = 0;
    std::size_t want = static_cast<std::size_t>(std::min(expected, limit)) + 1;
    for (;;) {
        if (buffer.size() < length + want) buffer.resize(length + want);
        const ssize_t got = ::read(fd, buffer.data() + length, want);
        if (got < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        if (got == 0) return 0;
        length += static_cast<std::size_t>(got);
        if (length > limit) return EFBIG;
        if (length == expected && static_cast<std::size_t>(got) < want) return 0;
        want = length < expected ? static_cast<std::size_t>(expected) - length + 1 : 64 * 1024;  // short, or grown
    }
}

void drop_if_large(std::string& buffer) {
    if (buffer.capacity() > (std::size_t{4} << 20)) buffer = std::string();
}

int write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t put = ::write(fd, bytes.data(), bytes.size());
        if (put < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        if (put == 0) return EIO;
        bytes.remove_prefix(static_cast<std::size_t>(put));
    }
    return 0;
}

int sync_fd(int fd) {
    while (::fsync(fd) != 0) {
        if (errno != EINTR) return errno;
    }
    return 0;
}

int sync_file_system(int fd) {
    while (::syncfs(fd) != 0) {
        if (errno != EINTR) return errno;
    }
    return 0;
}

int write_new_file(int dir, const std::string& name, std::string_view bytes, int mode) {
    const int fd = ::openat(dir, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0) return errno;
    int error = write_all(fd, bytes);
    if (error == 0) error = sync_fd(fd);
    ::close(fd);
    if (error != 0) ::unlinkat(dir, name.c_str(), 0);
    return error;
}

int replace_small_file(int dir, const std::string& name, std::string_view bytes) {
    const std::string temp = name + ".tmp";
    ::unlinkat(dir, temp.c_str(), 0);  // a leftover of an earlier crash
    int error = write_new_file(dir, temp, bytes);
    if (error != 0) return error;
    if (::renameat(dir, temp.c_str(), dir, name.c_str()) != 0) {
        error = errno;
        ::unlinkat(dir, temp.c_str(), 0);
        return error;
    }
    return sync_fd(dir);
}

}  // namespace codescout
