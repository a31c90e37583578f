// Reads the resident set size from /proc/self/statm with plain POSIX calls (no iostreams:
// the GUI sampler calls this ten times a second).
#include "core/metrics/process_memory.h"

#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace codescout {

std::uint64_t process_resident_bytes() {
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char buf[128];
    const ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0) return 0;
    buf[n] = '\0';
    // Fields: size resident shared text lib data dt, in pages.
    char* end = nullptr;
    std::strtoull(buf, &end, 10);
    const unsigned long long resident_pages = std::strtoull(end, nullptr, 10);
    const long page = ::sysconf(_SC_PAGESIZE);
    return resident_pages * static_cast<std::uint64_t>(page > 0 ? page : 4096);
}

}  // namespace codescout
