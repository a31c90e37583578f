// The engine's live memory by component, process-wide: every content buffer, cached pattern,
// per-thread scratch and walker structure adds its bytes here when it is created and takes them
// away when it is freed, and every file mapping registers its address range. Process-wide (not
// per search) because attribution explains the whole process: the GUI runs several searches and
// keeps one pattern cache, and all of them share one heap.
//
// The byte counts are what the engine asked the allocator for (buffer capacities, PCRE2's own
// size reports), so they live inside the allocator's "in use" figure; mappings live outside the
// heap and are measured by the kernel (their Rss in smaps), the registry only says which they are.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace codescout {

// The heap-resident parts of the engine, in display order.
enum class EngineComponent : std::size_t {
    SmallBuffers,     // read-whole buffers of the small strategy
    BufferedBuffers,  // chunk buffers of the buffered strategy (and streams)
    DecodeBuffers,    // raw bytes of files being decoded (BOM, -E; core/search/decoded_source.h)
    PatternCache,     // compiled matchers held by pattern caches (PCRE2 code + JIT, RE2, tables)
    Scratch,          // per-thread match scratch: PCRE2 match data
    Walker,           // the walker's directory stack and ignore rule sets
    IndexBuild,       // an index build's pair buffers, read buffers, trigram bitmaps and path
                      // tables (src/core/index), for as long as the build runs
    Count
};

inline constexpr std::size_t kEngineComponentCount = static_cast<std::size_t>(EngineComponent::Count);

// The stable name used in output and Prometheus labels ("buffers_small", ...).
const char* engine_component_name(EngineComponent component);

struct EngineMemorySnapshot {
    std::array<std::uint64_t, kEngineComponentCount> bytes{};  // live bytes per component
    std::array<std::uint64_t, kEngineComponentCount> peak{};   // highest value since reset_peaks()
    // Resident bytes of the components with registered blocks (the content buffers, the index
    // build's pair buffers): mincore over the blocks' pages, plus the component's bytes outside
    // blocks as allocated; nullopt for the components without blocks or when mincore fails.
    std::array<std::optional<std::uint64_t>, kEngineComponentCount> resident{};
    // Registered blocks with pages never touched: [start, start + size) and how many of its
    // bytes are not resident. A block inside a malloc arena is in the arena's in-use figure
    // whole, so the attribution takes these bytes out of it too (see memory_attribution.cpp).
    struct UntouchedBlock {
        std::uint64_t start = 0;
        std::uint64_t untouched = 0;
    };
    std::vector<UntouchedBlock> untouched_blocks;
    std::uint64_t pattern_budget_bytes = 0;  // RE2 DFA memory budgets (max_mem) of cached matchers
    std::uint64_t mapped_bytes = 0;          // size of the live file mappings
    std::vector<std::pair<std::uint64_t, std::uint64_t>> mappings;  // live [start, end) ranges
    std::uint64_t index_mapped_bytes = 0;    // size of the live index mappings (src/core/index)
    std::vector<std::pair<std::uint64_t, std::uint64_t>> index_mappings;

    std::uint64_t operator[](EngineComponent c) const { return bytes[static_cast<std::size_t>(c)]; }
};

class EngineMemory {
public:
    void add(EngineComponent component, std::uint64_t bytes);
    void sub(EngineComponent component, std::uint64_t bytes);
    void add_budget(std::uint64_t bytes);
    void sub_budget(std::uint64_t bytes);

    // Large heap blocks (content buffers) whose resident pages the snapshot measures: a buffer
    // sized for the largest file may be touched only as far as the files it served.
    void register_block(EngineComponent component, const void* address, std::size_t size);
    void unregister_block(const void* address);

    void register_mapping(const void* address, std::size_t size);
    void unregister_mapping(const void* address, std::size_t size);
    // The trigram index's mapping (one per open index, for as long as it is open): attributed
    // apart from the searched files' mappings, which come and go with each large file.
    void register_index_mapping(const void* address, std::size_t size);
    void unregister_index_mapping(const void* address, std::size_t size);

    EngineMemorySnapshot snapshot() const;
    // Starts a new peak window (per-phase peaks): every peak becomes the current value.
    void reset_peaks();

private:
    struct alignas(64) Slot {
        std::atomic<std::uint64_t> bytes{0};
        std::atomic<std::uint64_t> peak{0};
    };
    std::array<Slot, kEngineComponentCount> slots_;
    std::atomic<std::uint64_t> budget_{0};
    std::atomic<std::uint64_t> mapped_{0};
    // Mappings come and go once per large file: a mutex is cheap at that rate.
    mutable std::mutex mappings_mutex_;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> mappings_;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> index_mappings_;  // under mappings_mutex_
    std::uint64_t index_mapped_ = 0;                                       // under mappings_mutex_
    struct Block {
        EngineComponent component;
        std::uintptr_t start;
        std::size_t size;
    };
    std::vector<Block> blocks_;  // under mappings_mutex_ too: as rare (one per buffer growth)
};

// The one instance of the process.
EngineMemory& engine_memory();

}  // namespace codescout
