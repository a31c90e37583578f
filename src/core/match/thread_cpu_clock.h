// The CPU time of the calling thread, which the matchers' budgets measure: unlike wall time it
// does not grow when the machine is loaded or the process is stopped (Ctrl-Z). The GUI's memory
// probe and sampler measure their own cost with it too.
#pragma once

#include <time.h>

#include <cstdint>

namespace codescout {

inline std::int64_t thread_cpu_nanoseconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return std::int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
}

inline double thread_cpu_seconds() { return static_cast<double>(thread_cpu_nanoseconds()) * 1e-9; }

}  // namespace codescout
