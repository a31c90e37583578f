// sample_process_io (see process_io.h).
#include "core/walk/process_io.h"

#include <chrono>

#include <sys/resource.h>

namespace codescout {

namespace {

std::uint64_t nanoseconds(const timeval& t) {
    return static_cast<std::uint64_t>(t.tv_sec) * 1'000'000'000u + static_cast<std::uint64_t>(t.tv_usec) * 1000u;
}

}  // namespace

IoSample sample_process_io() {
    IoSample sample;
    sample.wall_ns = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
    rusage usage {};
    if (::getrusage(RUSAGE_SELF, &usage) != 0) return sample;
    constexpr std::uint64_t kBlockBytes = 512;  // ru_inblock's unit, whatever the device's block size
    sample.disk_read_bytes = static_cast<std::uint64_t>(usage.ru_inblock) * kBlockBytes;
    sample.cpu_ns = nanoseconds(usage.ru_utime) + nanoseconds(usage.ru_stime);
    return sample;
}

}  // namespace codescout
