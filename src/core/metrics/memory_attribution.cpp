// attribute_memory: the sum-to-resident division of the process (see memory_attribution.h).
#include "core/metrics/memory_attribution.h"

#include <algorithm>

namespace codescout {

namespace {

// glibc's default guard is one page; anything up to this is taken for a guard.
constexpr std::uint64_t kMaxGuardBytes = 1 << 20;

// glibc reserves each per-thread arena as one HEAP_MAX_SIZE block aligned to its size
// (2 x DEFAULT_MMAP_THRESHOLD_MAX: 64 MiB on 64-bit), read-write up to what it uses and
// inaccessible above.
constexpr std::uint64_t kArenaReserve = std::uint64_t(64) << 20;

bool overlaps(const SmapsRegion& region, const std::vector<std::pair<std::uint64_t, std::uint64_t>>& ranges) {
    return std::any_of(ranges.begin(), ranges.end(), [&](const auto& range) {
        return region.start < range.second && range.first < region.end;
    });
}

}  // namespace

bool is_malloc_arena(const std::vector<SmapsRegion>& regions, std::size_t index) {
    const SmapsRegion& region = regions[index];
    if (region.name == "[heap]") return true;  // the main arena (brk)
    if (region.name.find("malloc arena") != std::string::npos) return true;  // glibc.mem.decorate_maps
    if (region.file_backed() || region.guard() || !region.name.empty()) return false;
    if (region.start % kArenaReserve != 0 || is_thread_stack(regions, index)) return false;
    if (region.end - region.start == kArenaReserve) return true;  // grown to the whole reserve
    if (index + 1 >= regions.size()) return false;
    const SmapsRegion& above = regions[index + 1];
    return above.guard() && !above.file_backed() && above.start == region.end &&
           above.end - region.start <= kArenaReserve;
}

const MemoryComponent* MemoryAttribution::find(const std::string& name) const {
    for (const MemoryComponent& c : components) {
        if (c.name == name) return &c;
    }
    return nullptr;
}

bool is_thread_stack(const std::vector<SmapsRegion>& regions, std::size_t index) {
    const SmapsRegion& region = regions[index];
    if (region.name == "[stack]") return true;
    if (region.file_backed() || region.guard()) return false;
    // glibc's tunable glibc.mem.decorate_maps names them outright.
    if (region.name.find("pthread stack") != std::string::npos) return true;
    if (!region.name.empty() && region.name.compare(0, 6, "[anon:") != 0) return false;  // [heap], [vdso], ...
    if (index == 0) return false;
    const SmapsRegion& below = regions[index - 1];
    return below.guard() && !below.file_backed() && below.end == region.start &&
           below.end - below.start <= kMaxGuardBytes;
}

MemoryAttribution attribute_memory(const std::optional<std::vector<SmapsRegion>>& smaps,
                                   const EngineMemorySnapshot& engine,
                                   const std::optional<MallocFigures>& malloc) {
    MemoryAttribution out;
    out.mapped_size = engine.mapped_bytes;
    out.index_mapped_size = engine.index_mapped_bytes;
    out.pattern_budget = engine.pattern_budget_bytes;
    out.malloc = malloc;

    // A buffer counts with its resident pages (what it adds to the sum); the allocator counts it
    // with its allocated size, so "other heap" subtracts that.
    std::int64_t engine_heap = 0;
    for (std::size_t i = 0; i < kEngineComponentCount; ++i) {
        const auto component = static_cast<EngineComponent>(i);
        const auto allocated = static_cast<std::int64_t>(engine[component]);
        const auto resident = engine.resident[i] ? static_cast<std::int64_t>(*engine.resident[i]) : allocated;
        out.components.push_back({engine_component_name(component), resident, true});
        engine_heap += allocated;
    }
    out.engine_heap_allocated = static_cast<std::uint64_t>(engine_heap);
    std::optional<std::int64_t> other_heap;
    if (malloc) other_heap = static_cast<std::int64_t>(malloc->in_use) - engine_heap;
    out.components.push_back({"other_heap", other_heap, true});

    std::optional<std::int64_t> free_kept, mapped, index, code, stacks, unattributed;
    if (smaps) {
        std::uint64_t resident = 0, arena_rss = 0, mapped_rss = 0, index_rss = 0, file_rss = 0, stack_rss = 0;
        for (std::size_t i = 0; i < smaps->size(); ++i) {
            const SmapsRegion& region = (*smaps)[i];
            resident += region.rss;
            if (region.file_backed()) {
                if (overlaps(region, engine.mappings)) mapped_rss += region.rss;
                else if (overlaps(region, engine.index_mappings)) index_rss += region.rss;
                else file_rss += region.rss;
            } else if (is_thread_stack(*smaps, i)) {
                stack_rss += region.rss;
            } else if (is_malloc_arena(*smaps, i)) {
                arena_rss += region.rss;
            }
        }
        out.resident = resident;
        out.arena_resident = arena_rss;
        // The arenas' resident pages that hold no live block: freed and kept for reuse. Never
        // below zero: a live block whose pages were never touched is in use but not resident,
        // and that shortfall stays in "unattributed" (see memory_attribution.h).
        if (malloc && malloc->in_arenas) {
            free_kept = std::max<std::int64_t>(0, static_cast<std::int64_t>(arena_rss) -
                                                      static_cast<std::int64_t>(*malloc->in_arenas));
        }
        mapped = static_cast<std::int64_t>(mapped_rss);
        index = static_cast<std::int64_t>(index_rss);
        code = static_cast<std::int64_t>(file_rss);
        stacks = static_cast<std::int64_t>(stack_rss);
        std::int64_t attributed = 0;
        for (const MemoryComponent& c : out.components) attributed += c.bytes.value_or(0);
        attributed += free_kept.value_or(0) + *mapped + *index + *code + *stacks;
        unattributed = static_cast<std::int64_t>(resident) - attributed;
    }
    out.components.push_back({"heap_free_kept", free_kept, false});
    out.components.push_back({"mapped_files", mapped, false});
    out.components.push_back({"index_mapping", index, false});
    out.components.push_back({"code_and_libraries", code, false});
    out.components.push_back({"thread_stacks", stacks, false});
    out.components.push_back({"unattributed", unattributed, false});
    return out;
}

MemoryAttribution measure_memory_attribution(const ProcSource& proc) {
    // The engine and the allocator first, smaps last: smaps is the slowest read, and the
    // figures taken before it describe (nearly) the same moment it does.
    const EngineMemorySnapshot engine = engine_memory().snapshot();
    const std::optional<MallocFigures> malloc = malloc_figures();
    std::optional<std::vector<SmapsRegion>> regions;
    if (const auto text = proc.read("smaps")) regions = parse_smaps(*text);
    return attribute_memory(regions, engine, malloc);
}

}  // namespace codescout
