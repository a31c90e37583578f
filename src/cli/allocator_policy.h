// How the CLI asks glibc's malloc to treat the blocks a search allocates per file.
#pragma once

namespace codescout::cli {

// Serves allocations up to 32 MiB from malloc's heaps instead of fresh mmap()s. A file with tens
// of thousands of matching lines holds them in 1 MiB blocks (core/search/line_list.h) that are
// freed when the file is printed; glibc maps blocks that size afresh for each file (its dynamic
// threshold moves, but the heap is trimmed again), and every page of them faults in again: on 20
// generated register headers (bench/many-lines.sh, 900,000 printed lines) 36,000 minor faults and
// 1.2 s of CPU against 4,000 faults and 0.5 s with the heap (rg: 3,700), measured. Peak RSS does
// not grow (22.5 MB against 22.0): the same bytes are reused instead of returned and mapped again.
// The GUI, a long-running process that shows its heap's free pages, keeps glibc's default.
void keep_file_blocks_in_heap();

}  // namespace codescout::cli
