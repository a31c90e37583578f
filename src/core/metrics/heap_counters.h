// What the allocator says about the heap, whole process.
//  - mallinfo2 (glibc): bytes in use now (uordblks + hblkhd) and bytes the heap holds from the
//    system (arena + hblkhd). A polled figure: it has no peak. Built with ASan or TSan, whose
//    allocators replace glibc's, the sanitizer's allocator figures stand in for it.
//  - An exact tracker, when the executable installs one (the CLI interposes malloc and friends,
//    see src/cli/heap_tracker.cpp): in-use bytes counted on every allocation and free, so its peak
//    is a real peak, as heaptrack's "peak heap memory consumption" is. The engine never installs
//    one itself: a library must not replace the allocator of the application that links it.
#pragma once

#include <cstdint>
#include <optional>

namespace codescout {

struct MallocFigures {
    std::uint64_t in_use = 0;  // uordblks + hblkhd: handed out to the program
    std::uint64_t held = 0;    // arena + hblkhd: taken from the system by malloc
    // uordblks: the part of in_use that lies inside malloc's arenas (the heap and the per-thread
    // arenas), not in the large blocks it maps one by one. glibc only: a sanitizer's allocator
    // has no arenas in this sense.
    std::optional<std::uint64_t> in_arenas;
};

// nullopt where neither mallinfo2 (glibc) nor a sanitizer's allocator figures exist.
std::optional<MallocFigures> malloc_figures();

// The interface of an exact heap tracker. All three must be safe from any thread.
struct HeapTracker {
    std::uint64_t (*in_use)() = nullptr;
    std::uint64_t (*peak)() = nullptr;         // since the process started
    std::uint64_t (*window_peak)() = nullptr;  // since the last restart_window()
    void (*restart_window)() = nullptr;        // window peak := in use now
};

// Installed once, at startup, by the executable that owns the allocator hooks.
void install_heap_tracker(const HeapTracker& tracker);
// The installed tracker, or nullptr (GUI, tests without interposition).
const HeapTracker* heap_tracker();

}  // namespace codescout
