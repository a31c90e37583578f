// Samples what thread_growth.h decides on: how much the process had read from the disk and how
// much CPU time it used, from one getrusage() call (ru_inblock counts the 512-byte blocks the
// block layer read for the process, so page cache hits add nothing), a monotonic clock, and how
// long its threads waited in the run queue (/proc/self/task/*/schedstat: one small read per thread
// per tick: about 22 us with 4 threads, 0.1% of a core at one tick per 20 ms).
// File systems that bypass the block layer (NFS, FUSE) read no blocks: there the walk keeps its
// starting threads, as before.
#pragma once

#include "core/walk/thread_growth.h"

namespace codescout {

// The calling process's counters now; all zero but the clock if getrusage fails.
IoSample sample_process_io();

}  // namespace codescout
