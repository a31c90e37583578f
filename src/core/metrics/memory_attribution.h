// The process's resident memory divided into named components, each measured where it lives:
//   engine heap parts  - live bytes the engine allocated (EngineMemory), by component; the
//                        content buffers with their resident pages only (mincore): a buffer
//                        sized for a big file is touched only as far as the files it served;
//   other_heap         - the allocator's in-use bytes (mallinfo2) minus the engine's allocated;
//   heap_free_kept     - resident pages of malloc's arenas ([heap] and the per-thread arenas, from
//                        smaps) minus the bytes in use inside them (uordblks): memory the program
//                        freed and malloc keeps for reuse instead of returning it;
//   mapped_files       - resident pages (smaps Rss) of the engine's live file mappings;
//   index_mapping      - resident pages (smaps Rss) of the open trigram indexes' mappings;
//   code_and_libraries - every other file-backed resident page (executable, libraries, locale);
//   thread_stacks      - [stack] and the thread stacks (anonymous mappings above a guard page);
//   unattributed       - resident minus all of the above: PCRE2 JIT code pages, vdso, the
//                        sanitizers' shadow memory, ... Never hidden, and negative when heap
//                        blocks were handed out but never touched (in use, not resident).
// The components add up to `resident` (the sum of smaps Rss) by construction. A component whose
// source is missing (no smaps in a container, no mallinfo2 outside glibc) is unavailable, never
// zero; unattributed then holds its share.
//
// Plain data so that the CLI prints it and the GUI can chart it (stack the components in order).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/metrics/engine_memory.h"
#include "core/metrics/heap_counters.h"
#include "core/metrics/proc_source.h"
#include "core/metrics/smaps.h"

namespace codescout {

struct MemoryComponent {
    std::string name;                  // stable: "buffers_small", "other_heap", "unattributed", ...
    std::optional<std::int64_t> bytes; // nullopt: unavailable (its source could not be read)
    bool on_heap = false;              // lives inside the allocator's in-use figure
};

struct MemoryAttribution {
    std::optional<std::uint64_t> resident;  // sum of Rss over smaps, the total the components divide
    std::vector<MemoryComponent> components;
    // Measured beside the sum, not part of it:
    std::optional<std::uint64_t> mapped_size;   // bytes of live file mappings (resident or not)
    std::uint64_t index_mapped_size = 0;        // bytes of the open indexes' mappings (resident or not)
    std::uint64_t pattern_budget = 0;           // RE2 DFA memory budgets granted (may stay unused)
    std::optional<MallocFigures> malloc;        // the allocator's own figures
    std::optional<std::uint64_t> arena_resident; // Rss of malloc's arenas (smaps)
    std::uint64_t engine_heap_allocated = 0;    // the engine's heap components as allocated

    // The component called `name`, or nullptr.
    const MemoryComponent* find(const std::string& name) const;
};

// Resident bytes of [start, start + size) of this process (page_residency.h), or nullopt; tests
// pass a fake. Needed where smaps's per-region Rss is too coarse (see malloc_arena_span).
using RangeResidency = std::function<std::optional<std::uint64_t>(std::uint64_t start, std::uint64_t size)>;

// Pure computation from already-read sources (tests feed fixtures); `smaps` nullopt = unreadable.
// Without `residency`, an arena that shares its region with other memory is not counted as one.
MemoryAttribution attribute_memory(const std::optional<std::vector<SmapsRegion>>& smaps,
                                   const EngineMemorySnapshot& engine,
                                   const std::optional<MallocFigures>& malloc,
                                   const RangeResidency& residency = {});

// Reads the mappings' resident bytes from `proc` (resident_regions.h: maps + pagemap, or smaps),
// the engine's counters and mallinfo2 now. About a millisecond for the GUI's ~700 mappings
// (smaps alone took 7-12 ms): not for hot paths.
MemoryAttribution measure_memory_attribution(const ProcSource& proc = ProcSource());

// Which smaps regions are thread stacks: "[stack]", or an anonymous read-write mapping that
// starts right where a small inaccessible one ends (glibc puts the guard below each thread
// stack; a malloc arena's inaccessible part lies above its used part, and is large).
bool is_thread_stack(const std::vector<SmapsRegion>& regions, std::size_t index);

// Which part of smaps region `index` is one of malloc's arenas, as [start, end): "[heap]" (the
// main arena), a region glibc names an arena (tunable glibc.mem.decorate_maps), or an anonymous
// read-write mapping that starts on a 64 MiB boundary and is either the whole 64 MiB or followed
// by its inaccessible remainder (how glibc reserves a per-thread arena). The kernel merges
// adjacent anonymous mappings of the same protection into one region, so a per-thread arena's
// used part is often the top of a larger region that also holds malloc's mapped chunks below it:
// then the span is that top part, from the 64 MiB boundary below the inaccessible remainder.
std::optional<std::pair<std::uint64_t, std::uint64_t>> malloc_arena_span(const std::vector<SmapsRegion>& regions,
                                                                         std::size_t index);
bool is_malloc_arena(const std::vector<SmapsRegion>& regions, std::size_t index);

}  // namespace codescout
