// Background work at the lowest priority: nice 19 and the idle I/O class for the calling thread
// (on Linux both are per thread). An unprivileged thread cannot raise them again: call it on a
// thread of its own.
#pragma once

namespace codescout {

void lower_this_thread_priority();

}  // namespace codescout
