// malloc_figures and the heap tracker slot (see heap_counters.h).
#include "core/metrics/heap_counters.h"

#include <atomic>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CODESCOUT_SANITIZER_ALLOCATOR 1
#include <cstddef>
// The sanitizer runtimes export these (compiler-rt's sanitizer/allocator_interface.h); GCC ships
// no header declaring them.
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
extern "C" std::size_t __sanitizer_get_heap_size();
#elif defined(__GLIBC__)
#include <malloc.h>
#endif

namespace codescout {

namespace {
HeapTracker g_tracker;
std::atomic<bool> g_installed{false};
}  // namespace

std::optional<MallocFigures> malloc_figures() {
#if defined(CODESCOUT_SANITIZER_ALLOCATOR)
    // ASan and TSan replace malloc with their own allocator: glibc's mallinfo2 then describes an
    // arena nothing allocates from. The sanitizer's own figures are the same two quantities.
    return MallocFigures{__sanitizer_get_current_allocated_bytes(), __sanitizer_get_heap_size(), std::nullopt};
#elif defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    const struct mallinfo2 info = ::mallinfo2();
    return MallocFigures{info.uordblks + info.hblkhd, info.arena + info.hblkhd, info.uordblks};
#else
    return std::nullopt;
#endif
}

void install_heap_tracker(const HeapTracker& tracker) {
    g_tracker = tracker;
    g_installed.store(tracker.in_use && tracker.peak && tracker.window_peak && tracker.restart_window,
                      std::memory_order_release);
}

const HeapTracker* heap_tracker() { return g_installed.load(std::memory_order_acquire) ? &g_tracker : nullptr; }

}  // namespace codescout
