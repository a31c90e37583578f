// See background_priority.h.
#include "core/index/background_priority.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace codescout {

void lower_this_thread_priority() {
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    ::setpriority(PRIO_PROCESS, tid, 19);
    constexpr int kIoprioClassIdle = 3;
    constexpr int kIoprioClassShift = 13;
    constexpr int kIoprioWhoProcess = 1;
    ::syscall(SYS_ioprio_set, kIoprioWhoProcess, static_cast<int>(tid), kIoprioClassIdle << kIoprioClassShift);
}

}  // namespace codescout
