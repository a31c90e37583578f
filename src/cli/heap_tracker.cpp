// The CLI's exact heap tracker: this file defines malloc, free, calloc, realloc, reallocarray,
// posix_memalign, aligned_alloc, memalign, valloc and pvalloc for the codescout-cli executable
// (never for the engine library: a library must not replace its host's allocator). Each call is
// passed on to the next definition (glibc's, or a profiler preloaded with LD_PRELOAD, so that
// heaptrack still sees every call) and the bytes handed out are counted in relaxed atomics:
// in use now, the peak since start, and the peak of the current window (per-phase peaks).
// operator new/delete need no wrapper: libstdc++ implements them with malloc and free.
//
// What is counted: malloc_usable_size of each block, because free() is not told the size and
// the allocator's own answer is exact for both directions. heaptrack counts the requested sizes
// instead; the difference is the rounding to 16 bytes (at most 15 bytes per live block), see
// bench/RESULTS.md for how far apart the two peaks land.
//
// Why interposition and not the alternatives: glibc removed __malloc_hook (2.34); mallinfo2
// polled by a thread misses every peak shorter than its interval.
#include <dlfcn.h>
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/metrics/heap_counters.h"

namespace {

constexpr auto relaxed = std::memory_order_relaxed;

std::atomic<std::int64_t> g_in_use{0};
std::atomic<std::int64_t> g_peak{0};
std::atomic<std::int64_t> g_window_peak{0};

void raise(std::atomic<std::int64_t>& peak, std::int64_t value) {
    std::int64_t seen = peak.load(relaxed);
    while (value > seen && !peak.compare_exchange_weak(seen, value, relaxed)) {
    }
}

void count_alloc(void* p) {
    if (p == nullptr) return;
    const auto bytes = static_cast<std::int64_t>(::malloc_usable_size(p));
    const std::int64_t now = g_in_use.fetch_add(bytes, relaxed) + bytes;
    raise(g_peak, now);
    raise(g_window_peak, now);
}

void count_free(void* p) {
    if (p != nullptr) g_in_use.fetch_sub(static_cast<std::int64_t>(::malloc_usable_size(p)), relaxed);
}

// The next definitions, looked up once. dlsym may allocate while it looks them up (dlerror's
// buffer): those few calls are served from a static buffer and never freed.
struct Next {
    void* (*malloc)(std::size_t) = nullptr;
    void (*free)(void*) = nullptr;
    void* (*calloc)(std::size_t, std::size_t) = nullptr;
    void* (*realloc)(void*, std::size_t) = nullptr;
    int (*posix_memalign)(void**, std::size_t, std::size_t) = nullptr;
    void* (*aligned_alloc)(std::size_t, std::size_t) = nullptr;
    void* (*memalign)(std::size_t, std::size_t) = nullptr;
    void* (*valloc)(std::size_t) = nullptr;
    void* (*pvalloc)(std::size_t) = nullptr;
};
Next g_next;
std::atomic<int> g_state{0};  // 0 unresolved, 1 resolving, 2 ready

alignas(16) unsigned char g_bootstrap[8192];
std::size_t g_bootstrap_used = 0;

bool from_bootstrap(const void* p) {
    const auto* b = static_cast<const unsigned char*>(p);
    return b >= g_bootstrap && b < g_bootstrap + sizeof g_bootstrap;
}

void* bootstrap_alloc(std::size_t size) {
    const std::size_t rounded = (size + 15) / 16 * 16;
    if (g_bootstrap_used + rounded > sizeof g_bootstrap) return nullptr;
    void* p = g_bootstrap + g_bootstrap_used;
    g_bootstrap_used += rounded;
    return p;  // static storage: already zero, as calloc must return
}

template <typename F>
void lookup(F& slot, const char* name) {
    slot = reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

// The first allocation happens while the process starts, on one thread.
bool ready() {
    if (g_state.load(std::memory_order_acquire) == 2) return true;
    int expected = 0;
    if (!g_state.compare_exchange_strong(expected, 1)) return false;  // inside dlsym: bootstrap
    lookup(g_next.malloc, "malloc");
    lookup(g_next.free, "free");
    lookup(g_next.calloc, "calloc");
    lookup(g_next.realloc, "realloc");
    lookup(g_next.posix_memalign, "posix_memalign");
    lookup(g_next.aligned_alloc, "aligned_alloc");
    lookup(g_next.memalign, "memalign");
    lookup(g_next.valloc, "valloc");
    lookup(g_next.pvalloc, "pvalloc");
    g_state.store(2, std::memory_order_release);
    return true;
}

std::uint64_t in_use() {
    const std::int64_t v = g_in_use.load(relaxed);
    return v > 0 ? static_cast<std::uint64_t>(v) : 0;
}
std::uint64_t peak() { return static_cast<std::uint64_t>(g_peak.load(relaxed)); }
std::uint64_t window_peak() { return static_cast<std::uint64_t>(g_window_peak.load(relaxed)); }
void restart_window() { g_window_peak.store(g_in_use.load(relaxed), relaxed); }

// Tells the engine (process_peaks.h, phase_peaks.h) that an exact tracker is present.
[[maybe_unused]] const bool g_installed = [] {
    codescout::install_heap_tracker({&in_use, &peak, &window_peak, &restart_window});
    return true;
}();

}  // namespace

extern "C" {

void* malloc(std::size_t size) noexcept {
    if (!ready()) return bootstrap_alloc(size);
    void* p = g_next.malloc(size);
    count_alloc(p);
    return p;
}

void free(void* p) noexcept {
    if (p == nullptr || from_bootstrap(p)) return;
    if (!ready()) return;
    count_free(p);
    g_next.free(p);
}

void* calloc(std::size_t count, std::size_t size) noexcept {
    if (!ready()) {
        if (size != 0 && count > SIZE_MAX / size) return nullptr;
        return bootstrap_alloc(count * size);
    }
    void* p = g_next.calloc(count, size);
    count_alloc(p);
    return p;
}

void* realloc(void* old, std::size_t size) noexcept {
    if (!ready() || from_bootstrap(old)) {
        // Moving a bootstrap block: copy what it can hold (its size is not recorded).
        void* p = malloc(size);
        if (p != nullptr && old != nullptr) {
            const auto* o = static_cast<const unsigned char*>(old);
            std::memcpy(p, old, std::min<std::size_t>(size, static_cast<std::size_t>(g_bootstrap + sizeof g_bootstrap - o)));
        }
        return p;
    }
    // Counted as a free and an allocation: a realloc that moves holds both for a moment, but
    // heaptrack counts it the same way (one free, one allocation).
    const std::size_t before = old != nullptr ? ::malloc_usable_size(old) : 0;
    void* p = g_next.realloc(old, size);
    if (p == nullptr) {
        // glibc frees the block for size 0 and returns null; otherwise the old block is untouched.
        if (size == 0) g_in_use.fetch_sub(static_cast<std::int64_t>(before), relaxed);
        return nullptr;
    }
    g_in_use.fetch_sub(static_cast<std::int64_t>(before), relaxed);
    count_alloc(p);
    return p;
}

void* reallocarray(void* old, std::size_t count, std::size_t size) noexcept {
    if (size != 0 && count > SIZE_MAX / size) return nullptr;
    return realloc(old, count * size);
}

int posix_memalign(void** out, std::size_t alignment, std::size_t size) noexcept {
    if (!ready()) return 12;  // ENOMEM: not expected before the lookup is done
    const int rc = g_next.posix_memalign(out, alignment, size);
    if (rc == 0) count_alloc(*out);
    return rc;
}

void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept {
    if (!ready()) return nullptr;
    void* p = g_next.aligned_alloc(alignment, size);
    count_alloc(p);
    return p;
}

void* memalign(std::size_t alignment, std::size_t size) noexcept {
    if (!ready()) return nullptr;
    void* p = g_next.memalign(alignment, size);
    count_alloc(p);
    return p;
}

void* valloc(std::size_t size) noexcept {
    if (!ready()) return nullptr;
    void* p = g_next.valloc(size);
    count_alloc(p);
    return p;
}

void* pvalloc(std::size_t size) noexcept {
    if (!ready()) return nullptr;
    void* p = g_next.pvalloc(size);
    count_alloc(p);
    return p;
}

}  // extern "C"
