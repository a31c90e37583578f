// When a walk adds threads. A walker thread reads a directory and then searches its files one by
// one, so the number of threads is the number of reads in flight. With a warm page cache one
// thread per core keeps the cores busy; with a cold one every thread waits for the disk most of
// the time, and the disk (a virtio or NVMe queue) answers many requests at once about as fast as
// one: more threads than cores then finish several times sooner (on the kernel tree, 2 threads
// 5 s, 16 threads 2.2 s). Nothing tells in advance which case a search meets, so the walk starts
// with one thread per core and a supervisor samples the process every tick: when the disk was
// read and the threads neither computed nor waited for a core meanwhile, the reads were waiting,
// and the threads double. Waiting for a core counts as busy: on a machine that other processes
// keep busy our threads get little CPU time although none waits for the disk, and more threads
// would only queue behind the same cores.
//
// This file is the decision alone, a pure function of two samples and the walk's load, so that
// it can be tested without a disk or a clock; process_io.h takes the samples.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace codescout {

// Cumulative counters of the whole process, as process_io.h samples them.
struct IoSample {
    std::uint64_t disk_read_bytes = 0;  // bytes the process had the block layer read (not cache hits)
    std::uint64_t cpu_ns = 0;           // user + system CPU time of all its threads
    std::uint64_t wall_ns = 0;          // a monotonic clock
    // Time its threads were runnable but waited for a core that other processes held (the run
    // queue), summed over the threads alive when sampled: it may go back when a thread ends.
    std::uint64_t cpu_wait_ns = 0;
};

// The walk between two ticks, read under its lock.
struct WalkLoad {
    std::size_t queued = 0;  // directories waiting for a thread
    unsigned busy = 0;       // threads reading a directory or searching its files
    unsigned idle = 0;       // threads waiting for a directory
    unsigned threads = 0;    // threads started so far (busy + idle + those between the two)
};

struct ThreadGrowthPolicy {
    unsigned cores = 1;        // what the walk started with: one thread per core
    unsigned max_threads = 1;  // never more than this (default_max_threads)
    // Below this share of `cores` kept busy, the threads are waiting rather than computing.
    double busy_share = 0.75;
    // Less disk reading than this within a tick is a few stray misses (evicted files), not a cold
    // tree: a cold walk reads megabytes per tick even while it reads only directories and inodes.
    std::uint64_t min_disk_bytes = 256 * 1024;
};

// Adding threads while a walk runs (Walker). Off by default: a caller that asks for N threads gets N.
struct ThreadGrowth {
    unsigned max_threads = 0;  // at most this many in all; not above the starting count: never grow
    std::chrono::milliseconds tick{20};  // how often the supervisor samples and decides
    // Where the samples come from; empty: sample_process_io() (process_io.h). Tests inject theirs.
    std::function<IoSample()> sample;
};

// The ceiling for a machine with `cores` hardware threads: eight reads in flight per core, at
// least 16 (where a 2-core machine's disk stops gaining) and at most 64 (each thread keeps its own
// read buffers, so threads cost memory).
unsigned default_max_threads(unsigned cores);

// How many threads the walk should have after a tick from `before` to `after` under `load`: the
// current count, or twice it (up to the ceiling) when reads waited for the disk and a new thread
// would find a directory to take. The count never shrinks: a thread is cheap while it waits, and
// a tree that was cold in one part is likely cold in the next.
unsigned grown_thread_count(const ThreadGrowthPolicy& policy, const IoSample& before, const IoSample& after,
                            const WalkLoad& load);

}  // namespace codescout
