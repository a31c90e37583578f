// sample_process_io (see process_io.h).
#include "core/walk/process_io.h"

#include <chrono>
#include <cstdio>

#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace codescout {

namespace {

std::uint64_t nanoseconds(const timeval& t) {
    return static_cast<std::uint64_t>(t.tv_sec) * 1'000'000'000u + static_cast<std::uint64_t>(t.tv_usec) * 1000u;
}

// The second field of /proc/self/task/<tid>/schedstat (run time, run-queue wait, time slices; ns),
// summed over the process's threads; 0 where the kernel has no schedstat (CONFIG_SCHED_INFO off).
std::uint64_t run_queue_wait_ns() {
    DIR* tasks = ::opendir("/proc/self/task");
    if (tasks == nullptr) return 0;
    std::uint64_t total = 0;
    char path[sizeof(dirent::d_name) + sizeof "/schedstat"];
    char text[96];
    while (const dirent* entry = ::readdir(tasks)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        std::snprintf(path, sizeof path, "%s/schedstat", entry->d_name);
        const int fd = ::openat(::dirfd(tasks), path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;  // the thread ended meanwhile
        const ssize_t n = ::read(fd, text, sizeof text - 1);
        ::close(fd);
        if (n <= 0) continue;
        text[n] = '\0';
        unsigned long long run = 0;
        unsigned long long wait = 0;
        if (std::sscanf(text, "%llu %llu", &run, &wait) == 2) total += wait;
    }
    ::closedir(tasks);
    return total;
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
    sample.cpu_wait_ns = run_queue_wait_ns();
    return sample;
}

}  // namespace codescout
