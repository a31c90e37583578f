// The thread growth decision (see thread_growth.h).
#include "core/walk/thread_growth.h"

#include <algorithm>

namespace codescout {

unsigned default_max_threads(unsigned cores) { return std::clamp(8 * std::max(cores, 1u), 16u, 64u); }

unsigned grown_thread_count(const ThreadGrowthPolicy& policy, const IoSample& before, const IoSample& after,
                            const WalkLoad& load) {
    const unsigned current = load.threads;
    if (current >= policy.max_threads) return current;
    // Counters only grow; a sample out of order (or a clock that did not move) decides nothing.
    if (after.wall_ns <= before.wall_ns || after.disk_read_bytes < before.disk_read_bytes ||
        after.cpu_ns < before.cpu_ns) {
        return current;
    }
    // Everything came from the page cache: more threads would only share the same cores.
    if (after.disk_read_bytes - before.disk_read_bytes < policy.min_disk_bytes) return current;
    // Threads already wait for directories, or none is queued: a new one would wait too.
    if (load.idle > 0 || load.queued == 0) return current;
    // The threads kept the cores busy, or waited for cores other processes held: the disk kept
    // up, and the work is computing. (The wait sum drops when a thread ends: then it adds nothing.)
    const double wall = static_cast<double>(after.wall_ns - before.wall_ns);
    const double cpu = static_cast<double>(after.cpu_ns - before.cpu_ns);
    const double waited = after.cpu_wait_ns > before.cpu_wait_ns ? static_cast<double>(after.cpu_wait_ns - before.cpu_wait_ns) : 0.0;
    if (cpu + waited >= policy.busy_share * static_cast<double>(std::max(policy.cores, 1u)) * wall) return current;
    return std::min(policy.max_threads, std::max(current, 1u) * 2);
}

}  // namespace codescout
