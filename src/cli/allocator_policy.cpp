// The CLI's malloc settings (see allocator_policy.h).
#include "cli/allocator_policy.h"

#include <malloc.h>

namespace codescout::cli {

namespace {

// Above the largest LineList block (1 MiB) and a large file's printed block (a few MiB), below
// glibc's own ceiling for the dynamic threshold (32 MiB on 64-bit), so huge buffers (a mapped
// multi-line file's copy, say) still go to mmap and back to the system when freed.
constexpr int kMmapThreshold = 32 * 1024 * 1024;

}  // namespace

void keep_file_blocks_in_heap() { mallopt(M_MMAP_THRESHOLD, kMmapThreshold); }

}  // namespace codescout::cli
