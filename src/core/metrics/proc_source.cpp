// ProcSource: whole-file reads of /proc entries (see proc_source.h).
#include "core/metrics/proc_source.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace codescout {

int ProcSource::open(std::string_view name) const {
    std::string path = self_dir_;
    path += '/';
    path += name;
    return ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
}

std::optional<std::string> ProcSource::read(std::string_view name) const {
    const int fd = open(name);
    if (fd < 0) return std::nullopt;
    std::string text;
    char chunk[16384];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        text.append(chunk, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return text;
}

}  // namespace codescout
