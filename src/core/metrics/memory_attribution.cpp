// attribute_memory: the sum-to-resident division of the process (see memory_attribution.h).
#include "core/metrics/memory_attribution.h"

#include "core/metrics/page_residency.h"
#include "core/metrics/resident_regions.h"

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

// Untouched bytes of the engine's blocks that start inside `region`.
std::uint64_t untouched_inside(std::pair<std::uint64_t, std::uint64_t> span,
                               const std::vector<EngineMemorySnapshot::UntouchedBlock>& blocks) {
    std::uint64_t bytes = 0;
    for (const auto& block : blocks) {
        if (block.start >= span.first && block.start < span.second) bytes += block.untouched;
    }
    return bytes;
}

}  // namespace

std::optional<std::pair<std::uint64_t, std::uint64_t>> malloc_arena_span(const std::vector<SmapsRegion>& regions,
                                                                         std::size_t index) {
    const SmapsRegion& region = regions[index];
    const std::pair whole(region.start, region.end);
    if (region.name == "[heap]") return whole;  // the main arena (brk)
    if (region.name.find("malloc arena") != std::string::npos) return whole;  // glibc.mem.decorate_maps
    if (region.file_backed() || region.guard() || !region.name.empty()) return std::nullopt;
    if (is_thread_stack(regions, index)) return std::nullopt;
    if (region.start % kArenaReserve == 0 && region.end - region.start == kArenaReserve) return whole;  // grown whole
    if (index + 1 >= regions.size()) return std::nullopt;
    const SmapsRegion& above = regions[index + 1];
    if (!above.guard() || above.file_backed() || above.start != region.end || above.end % kArenaReserve != 0) {
        return std::nullopt;
    }
    // The reserve ends where the inaccessible remainder does; its used part starts 64 MiB below.
    const std::uint64_t reserve_start = above.end - kArenaReserve;
    if (reserve_start < region.start || reserve_start >= region.end) return std::nullopt;
    return std::pair(reserve_start, region.end);
}

bool is_malloc_arena(const std::vector<SmapsRegion>& regions, std::size_t index) {
    return malloc_arena_span(regions, index).has_value();
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
                                   const std::optional<MallocFigures>& malloc, const RangeResidency& residency) {
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
        std::uint64_t resident = 0, arena_rss = 0, arena_untouched = 0, mapped_rss = 0, index_rss = 0, file_rss = 0,
                      stack_rss = 0;
        for (std::size_t i = 0; i < smaps->size(); ++i) {
            const SmapsRegion& region = (*smaps)[i];
            resident += region.rss;
            if (region.file_backed()) {
                if (overlaps(region, engine.mappings)) mapped_rss += region.rss;
                else if (overlaps(region, engine.index_mappings)) index_rss += region.rss;
                else file_rss += region.rss;
            } else if (is_thread_stack(*smaps, i)) {
                stack_rss += region.rss;
            } else if (const auto span = malloc_arena_span(*smaps, i)) {
                // A span that is part of its region: smaps has one Rss for the region, so ask
                // the kernel for the span's pages; without that answer it is not counted.
                std::optional<std::uint64_t> rss = region.rss;
                if (*span != std::pair(region.start, region.end)) {
                    rss = residency ? residency(span->first, span->second - span->first) : std::nullopt;
                }
                if (rss) {
                    arena_rss += *rss;
                    arena_untouched += untouched_inside(*span, engine.untouched_blocks);
                }
            }
        }
        out.resident = resident;
        out.arena_resident = arena_rss;
        // The arenas' resident pages that hold no live block: freed and kept for reuse. The
        // engine's blocks already count only their touched pages, so their untouched bytes leave
        // the arenas' in-use figure here too (else they would be taken off twice). Never below
        // zero: an unregistered live block whose pages were never touched is in use but not
        // resident, and that shortfall stays in "unattributed" (see memory_attribution.h).
        if (malloc && malloc->in_arenas) {
            const auto touched_in_use = static_cast<std::int64_t>(*malloc->in_arenas) -
                                        static_cast<std::int64_t>(arena_untouched);
            free_kept = std::max<std::int64_t>(0, static_cast<std::int64_t>(arena_rss) - touched_in_use);
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
    // The engine and the allocator first, the mappings last: they are the slowest read, and the
    // figures taken before it describe (nearly) the same moment it does.
    const EngineMemorySnapshot engine = engine_memory().snapshot();
    const std::optional<MallocFigures> malloc = malloc_figures();
    const ResidentRegions regions = read_resident_regions(proc);
    const RangeResidency residency = [](std::uint64_t start, std::uint64_t size) {
        return resident_bytes(static_cast<std::uintptr_t>(start), static_cast<std::size_t>(size));
    };
    return attribute_memory(regions.regions, engine, malloc, residency);
}

}  // namespace codescout
