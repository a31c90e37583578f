// The CPU time of the calling thread, which the matchers' budgets measure: unlike wall time it
// does not grow when the machine is loaded or the process is stopped (Ctrl-Z).
#pragma once

#include <time.h>

namespace codescout {

inline double thread_cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace codescout
