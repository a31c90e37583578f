// The memory attribution (memory_attribution.h): parsing of smaps fixtures, the sum-to-resident
// identity, "unavailable" (never 0) when /proc files are missing, and - live, in this process -
// that each component moves by what is allocated in it and back when it is freed.
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <thread>

#include "core/io/mapped_file.h"
#include "core/io/read_buffer.h"
#include "core/metrics/attributed_block.h"
#include "core/match/pattern_cache.h"
#include "core/metrics/memory_attribution.h"
#include "core/metrics/process_peaks.h"
#include "core/walk/ignore_rules.h"
#include "core/walk/walker.h"
#include "test_tree.h"

using namespace codescout;

namespace {

constexpr std::int64_t kMiB = 1 << 20;

// Under ASan and TSan every byte the test touches also touches the sanitizer's shadow memory
// (1/8 to 4x of it, anonymous and in no component): "unattributed" then grows with what is
// touched, and only the heap components can be checked to the byte.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kShadowMemory = true;
#else
constexpr bool kShadowMemory = false;
#endif
#define VERIFY_UNATTRIBUTED_STAYS(during, before) \
    do { \
        if (!kShadowMemory) VERIFY_NEAR(bytes_of(during, "unattributed"), bytes_of(before, "unattributed"), kMiB); \
    } while (false)

// Anonymous pages inside file-backed mappings (a library's .data and relocations written after
// it was mapped: copy-on-write), which smaps_rollup counts as "Anonymous" and code_and_libraries
// counts with the file's mapping. Summed from the smaps text on its own, not through parse_smaps.
std::int64_t anonymous_in_file_mappings(const std::string& smaps) {
    std::int64_t kb = 0;
    bool file_backed = false;
    std::size_t at = 0;
    while (at < smaps.size()) {
        std::size_t end = smaps.find('\n', at);
        if (end == std::string::npos) end = smaps.size();
        const std::string line = smaps.substr(at, end - at);
        at = end + 1;
        if (!line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) && line.find('-') < line.find(' ')) {
            file_backed = line.find(" /") != std::string::npos;  // header: "start-end perms offset dev inode path"
        } else if (file_backed && line.rfind("Anonymous:", 0) == 0) {
            kb += std::atoll(line.c_str() + 10);
        }
    }
    return kb * 1024;
}

// Three libraries' worth of mappings, a heap, a thread stack under its guard page, an arena with
// its inaccessible tail, the main stack and the vdso.
const char* const kSmapsFixture =
    "55d0c0000000-55d0c0010000 r-xp 00000000 08:01 1234 /usr/bin/codescout-cli\n"
    "Size:                 64 kB\n"
    "Rss:                  40 kB\n"
    "Pss:                  40 kB\n"
    "VmFlags: rd ex mr mw me dw\n"
    "55d0c1000000-55d0c1100000 rw-p 00000000 00:00 0 [heap]\n"
    "Rss:                 800 kB\n"
    "7f0000000000-7f0000001000 ---p 00000000 00:00 0 \n"
    "Rss:                   0 kB\n"
    "7f0000001000-7f0000801000 rw-p 00000000 00:00 0 \n"
    "Rss:                  24 kB\n"
    "7f1000000000-7f1000100000 rw-p 00000000 00:00 0 \n"
    "Rss:                 300 kB\n"
    "7f1000100000-7f1004000000 ---p 00000000 00:00 0 \n"
    "Rss:                   0 kB\n"
    "7f2000000000-7f2000400000 r--p 00000000 08:01 777 /data/big.log\n"
    "Rss:                 512 kB\n"
    "7f3000000000-7f3000200000 r-xp 00000000 08:01 99 /usr/lib/x86_64-linux-gnu/libc.so.6\n"
    "Rss:                1000 kB\n"
    "7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0 [stack]\n"
    "Rss:                 132 kB\n"
    "7ffc10000000-7ffc10002000 r-xp 00000000 00:00 0 [vdso]\n"
    "Rss:                   8 kB\n";

const MemoryComponent& component(const MemoryAttribution& a, const char* name) {
    const MemoryComponent* c = a.find(name);
    if (c == nullptr) qFatal("no component %s", name);
    return *c;
}

std::int64_t bytes_of(const MemoryAttribution& a, const char* name) {
    const MemoryComponent& c = component(a, name);
    if (!c.bytes) qFatal("component %s unavailable", name);
    return *c.bytes;
}

std::int64_t sum(const MemoryAttribution& a) {
    std::int64_t total = 0;
    for (const MemoryComponent& c : a.components) total += c.bytes.value_or(0);
    return total;
}

bool near(std::int64_t actual, std::int64_t expected, std::int64_t tolerance) {
    return actual >= expected - tolerance && actual <= expected + tolerance;
}

#define VERIFY_NEAR(actual, expected, tolerance)                                                          \
    QVERIFY2(near((actual), (expected), (tolerance)),                                                     \
             qPrintable(QStringLiteral("%1 = %2, expected %3 +- %4")                                      \
                            .arg(#actual).arg(actual).arg(expected).arg(tolerance)))

void write_file(const QString& path, const QByteArray& bytes) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out.write(bytes.constData(), bytes.size());
}

// Writes every page so that it is resident.
void touch(void* p, std::size_t size) { std::memset(p, 0x5a, size); }

}  // namespace

class TestMemoryAttribution : public QObject {
    Q_OBJECT

private slots:
    void parses_smaps_regions() {
        const auto regions = parse_smaps(kSmapsFixture);
        QVERIFY(regions);
        QCOMPARE(regions->size(), std::size_t(10));
        const SmapsRegion& exe = (*regions)[0];
        QCOMPARE(exe.start, std::uint64_t(0x55d0c0000000));
        QCOMPARE(exe.end, std::uint64_t(0x55d0c0010000));
        QCOMPARE(exe.perms, std::string("r-xp"));
        QCOMPARE(exe.name, std::string("/usr/bin/codescout-cli"));
        QCOMPARE(exe.rss, std::uint64_t(40 * 1024));
        QVERIFY(exe.file_backed());
        QVERIFY(!(*regions)[1].file_backed());
        QVERIFY((*regions)[2].guard());
        QVERIFY(!parse_smaps("not smaps at all\n"));
    }

    void finds_thread_stacks() {
        const auto regions = *parse_smaps(kSmapsFixture);
        QVERIFY(!is_thread_stack(regions, 1));  // [heap]
        QVERIFY(!is_thread_stack(regions, 2));  // the guard itself
        QVERIFY(is_thread_stack(regions, 3));   // right above a one-page guard
        QVERIFY(!is_thread_stack(regions, 4));  // an arena: its inaccessible part lies above
        QVERIFY(!is_thread_stack(regions, 6));  // file-backed
        QVERIFY(is_thread_stack(regions, 8));   // [stack]
    }

    void finds_malloc_arenas() {
        const auto regions = *parse_smaps(kSmapsFixture);
        QVERIFY(is_malloc_arena(regions, 1));   // [heap]
        QVERIFY(!is_malloc_arena(regions, 3));  // a thread stack
        QVERIFY(is_malloc_arena(regions, 4));   // 64 MiB aligned, inaccessible remainder above
        QVERIFY(!is_malloc_arena(regions, 5));  // that remainder
        QVERIFY(!is_malloc_arena(regions, 8));  // [stack]
        // Aligned but with nothing inaccessible above, or not aligned: some other mapping.
        const auto other = *parse_smaps(
            "7f1000000000-7f1000100000 rw-p 00000000 00:00 0 \nRss: 4 kB\n"
            "7f1000200000-7f1000300000 rw-p 00000000 00:00 0 \nRss: 4 kB\n"
            "7f1000300000-7f1004000000 ---p 00000000 00:00 0 \nRss: 0 kB\n"
            "7f1008000000-7f100c000000 rw-p 00000000 00:00 0 \nRss: 4 kB\n"
            "7f1010000000-7f1010001000 rw-p 00000000 00:00 0 [anon:glibc: malloc arena]\nRss: 4 kB\n");
        QVERIFY(!is_malloc_arena(other, 0));
        QVERIFY(!is_malloc_arena(other, 1));
        QVERIFY(is_malloc_arena(other, 3));  // the whole 64 MiB reserve in use
        QVERIFY(is_malloc_arena(other, 4));  // named by glibc
    }

    // The kernel merged a per-thread arena's used part with mapped chunks below it: the arena is
    // the region's top, from the 64 MiB boundary under the inaccessible remainder, and its pages
    // are asked of the kernel (residency), since smaps has one Rss for the whole region.
    void finds_an_arena_merged_into_a_larger_region() {
        const std::vector<SmapsRegion> regions = *parse_smaps(
            "7f1002000000-7f1004100000 rw-p 00000000 00:00 0 \nRss: 33792 kB\n"
            "7f1004100000-7f1008000000 ---p 00000000 00:00 0 \nRss: 0 kB\n"
            "7f1010000000-7f1010100000 rw-p 00000000 00:00 0 \nRss: 1024 kB\n"
            "7f1010100000-7f1012000000 ---p 00000000 00:00 0 \nRss: 0 kB\n");
        const auto span = malloc_arena_span(regions, 0);
        QVERIFY(span);
        QCOMPARE(span->first, std::uint64_t{0x7f1004000000});
        QCOMPARE(span->second, std::uint64_t{0x7f1004100000});
        QVERIFY(!malloc_arena_span(regions, 1));  // the remainder itself
        QVERIFY(!malloc_arena_span(regions, 2));  // its remainder does not end on a 64 MiB boundary

        const MallocFigures malloc{33 * kMiB, 40 * kMiB, 600 * 1024};  // 32 MiB in a mapped chunk
        std::uint64_t asked_start = 0, asked_size = 0;
        const RangeResidency residency = [&](std::uint64_t start, std::uint64_t size) {
            asked_start = start;
            asked_size = size;
            return std::optional<std::uint64_t>(768 * 1024);
        };
        const MemoryAttribution a = attribute_memory(regions, EngineMemorySnapshot{}, malloc, residency);
        QCOMPARE(asked_start, std::uint64_t{0x7f1004000000});
        QCOMPARE(asked_size, std::uint64_t{1} << 20);
        QCOMPARE(a.arena_resident, std::optional<std::uint64_t>(768 * 1024));
        QCOMPARE(bytes_of(a, "heap_free_kept"), 768 * 1024 - 600 * 1024);
        // Not knowing the span's pages, nothing of the region is taken for an arena.
        const MemoryAttribution blind = attribute_memory(regions, EngineMemorySnapshot{}, malloc);
        QCOMPARE(blind.arena_resident, std::optional<std::uint64_t>(0));
    }

    void fixture_components_sum_to_resident() {
        EngineMemorySnapshot engine;
        engine.bytes[static_cast<std::size_t>(EngineComponent::SmallBuffers)] = 100'000;
        engine.bytes[static_cast<std::size_t>(EngineComponent::PatternCache)] = 20'000;
        engine.mappings.emplace_back(0x7f2000000000, 0x7f2000400000);
        engine.mapped_bytes = 4 * kMiB;
        const MallocFigures malloc{700'000, 1'200'000, 650'000};  // 50,000 in mapped blocks
        const MemoryAttribution a = attribute_memory(parse_smaps(kSmapsFixture), engine, malloc);

        const std::int64_t resident = (40 + 800 + 24 + 300 + 512 + 1000 + 132 + 8) * 1024;
        QCOMPARE(a.resident, std::optional<std::uint64_t>(resident));
        QCOMPARE(sum(a), resident);
        QCOMPARE(bytes_of(a, "buffers_small"), 100'000);
        QCOMPARE(bytes_of(a, "pattern_cache"), 20'000);
        QCOMPARE(bytes_of(a, "other_heap"), 700'000 - 120'000);
        QCOMPARE(bytes_of(a, "mapped_files"), 512 * 1024);
        QCOMPARE(bytes_of(a, "code_and_libraries"), (40 + 1000) * 1024);
        QCOMPARE(bytes_of(a, "thread_stacks"), (24 + 132) * 1024);
        // [heap] and the arena, resident, minus what is in use inside them.
        QCOMPARE(bytes_of(a, "heap_free_kept"), (800 + 300) * 1024 - 650'000);
        QCOMPARE(bytes_of(a, "unattributed"),
                 resident - 700'000 - ((800 + 300) * 1024 - 650'000) - 512 * 1024 - 1040 * 1024 - 156 * 1024);
        QCOMPARE(a.mapped_size, std::optional<std::uint64_t>(4 * kMiB));
        QVERIFY(component(a, "other_heap").on_heap);
        QVERIFY(!component(a, "mapped_files").on_heap);
    }

    // An engine block counts its touched pages only; if it lies in an arena, its untouched bytes
    // leave the arena's in-use figure as well, or heap_free_kept would lose them a second time.
    void untouched_block_in_an_arena_is_taken_off_once() {
        EngineMemorySnapshot engine;
        const auto small = static_cast<std::size_t>(EngineComponent::SmallBuffers);
        engine.bytes[small] = 300'000;
        engine.resident[small] = 100'000;
        engine.untouched_blocks.push_back({0x55d0c1010000, 200'000});  // inside [heap]
        engine.untouched_blocks.push_back({0x7f5000000000, 50'000});   // a mapped chunk: no arena
        const MallocFigures malloc{700'000, 1'200'000, 650'000};
        const MemoryAttribution a = attribute_memory(parse_smaps(kSmapsFixture), engine, malloc);
        QCOMPARE(bytes_of(a, "buffers_small"), 100'000);
        QCOMPARE(bytes_of(a, "other_heap"), 700'000 - 300'000);
        QCOMPARE(bytes_of(a, "heap_free_kept"), (800 + 300) * 1024 - (650'000 - 200'000));
        QCOMPARE(sum(a), static_cast<std::int64_t>(*a.resident));
    }

    void missing_sources_are_unavailable_not_zero() {
        const MemoryAttribution a = attribute_memory(std::nullopt, EngineMemorySnapshot{}, std::nullopt);
        QVERIFY(!a.resident);
        for (const char* name : {"other_heap", "heap_free_kept", "mapped_files", "index_mapping", "code_and_libraries",
                                 "thread_stacks", "unattributed"}) {
            QVERIFY2(!component(a, name).bytes, name);
        }
        // The engine's own counters need no /proc: they stay available.
        QCOMPARE(component(a, "buffers_small").bytes, std::optional<std::int64_t>(0));

        QTemporaryDir empty;
        const ProcSource nowhere(empty.path().toStdString());
        const MemoryAttribution b = measure_memory_attribution(nowhere);
        QVERIFY(!b.resident);
        QVERIFY(!component(b, "thread_stacks").bytes);
        const ProcessPeaks peaks = measure_process_peaks(nowhere);
        QVERIFY(!peaks.peak_resident);
        QVERIFY(!peaks.resident);
        QVERIFY(!peaks.peak_heap);  // no tracker in this test program
    }

    void unreadable_and_garbage_files_are_unavailable() {
        QTemporaryDir dir;
        write_file(dir.filePath(QStringLiteral("smaps")), "garbage\n");
        write_file(dir.filePath(QStringLiteral("status")), "Name: x\nVmHWM: lots\n");
        const ProcSource fake(dir.path().toStdString());
        QVERIFY(!measure_memory_attribution(fake).resident);
        QVERIFY(!measure_process_peaks(fake).peak_resident);
        // Unreadable (a directory where a file should be).
        QTemporaryDir dir2;
        QVERIFY(QDir(dir2.path()).mkdir(QStringLiteral("smaps")));
        QVERIFY(!ProcSource(dir2.path().toStdString()).read("smaps"));
    }

    void status_fixture_gives_peaks() {
        QTemporaryDir dir;
        write_file(dir.filePath(QStringLiteral("status")), "Name:\tx\nVmHWM:\t   12345 kB\nVmRSS:\t    2000 kB\n");
        const ProcessPeaks peaks = measure_process_peaks(ProcSource(dir.path().toStdString()));
        QCOMPARE(peaks.peak_resident, std::optional<std::uint64_t>(12345ull * 1024));
        QCOMPARE(peaks.resident, std::optional<std::uint64_t>(2000ull * 1024));
    }

    // Live: the sum is the resident size by construction, and that size is what smaps_rollup says.
    void live_sum_matches_smaps_rollup() {
        const MemoryAttribution a = measure_memory_attribution();
        QVERIFY(a.resident);
        QCOMPARE(sum(a), static_cast<std::int64_t>(*a.resident));
        const auto rollup = ProcSource().read("smaps_rollup");
        if (!rollup) QSKIP("no /proc/self/smaps_rollup (kernel < 4.14)");
        const auto rss = parse_rollup_rss(*rollup);
        QVERIFY(rss);
        // Read a moment apart: allow 1 MiB or 5% for what this process did in between. Under
        // ASan the first reading's text and parse stay resident in the allocator's quarantine
        // (freed blocks are not reused) with their shadow: 4.7 MiB apart was seen, so 8 MiB there.
#if defined(__SANITIZE_ADDRESS__)
        constexpr std::int64_t kBetweenReads = 8 * kMiB;
#else
        constexpr std::int64_t kBetweenReads = kMiB;
#endif
        VERIFY_NEAR(static_cast<std::int64_t>(*a.resident), static_cast<std::int64_t>(*rss),
                    std::max<std::int64_t>(kBetweenReads, static_cast<std::int64_t>(*rss) / 20));
        // Every part the kernel measures: code and libraries cannot exceed the file-backed total,
        // which is Rss minus the anonymous pages, plus the anonymous (copy-on-write) pages that
        // lie inside file mappings.
        const auto anon = parse_status_kb(*rollup, "Anonymous");
        QVERIFY(anon);
        const auto smaps = ProcSource().read("smaps");
        QVERIFY(smaps);
        QVERIFY(bytes_of(a, "code_and_libraries") <=
                static_cast<std::int64_t>(*rss - *anon) + anonymous_in_file_mappings(*smaps) + kMiB);
        QVERIFY(bytes_of(a, "code_and_libraries") > 0);
        QVERIFY(bytes_of(a, "thread_stacks") > 0);  // at least [stack]
    }

    void buffers_move_by_what_they_hold() {
        MemoryMetrics metrics;
        for (auto [component, name] : {std::pair{EngineComponent::SmallBuffers, "buffers_small"},
                                       std::pair{EngineComponent::BufferedBuffers, "buffers_buffered"}}) {
            const MemoryAttribution before = measure_memory_attribution();
            ReadBuffer buffer(metrics, component);
            buffer.reserve(8 * kMiB);
            touch(buffer.data(), buffer.capacity());
            const MemoryAttribution during = measure_memory_attribution();
            QCOMPARE(bytes_of(during, name) - bytes_of(before, name), 8 * kMiB);
            // The allocator's in-use grew by the same bytes: "other heap" did not.
            VERIFY_NEAR(bytes_of(during, "other_heap"), bytes_of(before, "other_heap"), 256 * 1024);
            // Touched pages are resident: unattributed stays where it was.
            VERIFY_UNATTRIBUTED_STAYS(during, before);
            buffer.release();
            QCOMPARE(bytes_of(measure_memory_attribution(), name), bytes_of(before, name));
        }
    }

    // The block under the read buffers and the index builder's pair buffers: what it holds is
    // counted once, through growth and moves, and forgotten on release.
    void a_block_keeps_its_prefix_and_its_count_through_growth_and_moves() {
        const auto counted = [] { return engine_memory().snapshot()[EngineComponent::IndexBuild]; };
        const std::uint64_t before = counted();
        AttributedBlock block(EngineComponent::IndexBuild);
        block.reallocate(4096, 0);
        std::memset(block.data(), 'a', 4096);
        block.reallocate(16384, 100);
        QCOMPARE(block.size(), std::size_t{16384});
        QCOMPARE(std::to_integer<char>(block.data()[99]), 'a');
        QCOMPARE(counted() - before, std::uint64_t{16384});  // the old array left the count
        AttributedBlock moved(std::move(block));
        QCOMPARE(block.size(), std::size_t{0});
        QVERIFY(block.data() == nullptr);
        QCOMPARE(counted() - before, std::uint64_t{16384});
        moved.reallocate(8, 1 << 20);  // a prefix longer than the block: only what fits is kept
        QCOMPARE(std::to_integer<char>(moved.data()[7]), 'a');
        moved.release();
        QCOMPARE(counted(), before);
    }

    void an_untouched_buffer_is_allocated_but_not_resident() {
        MemoryMetrics metrics;
        const MemoryAttribution before = measure_memory_attribution();
        ReadBuffer buffer(metrics, EngineComponent::BufferedBuffers);
        // Above glibc's largest mmap threshold (32 MiB): freshly mapped, so no page was touched
        // before (a smaller block may reuse heap pages an earlier test touched).
        buffer.reserve(64 * kMiB);
        const MemoryAttribution during = measure_memory_attribution();
        VERIFY_NEAR(bytes_of(during, "buffers_buffered"), bytes_of(before, "buffers_buffered"), 8192);
        QCOMPARE(during.engine_heap_allocated - before.engine_heap_allocated, std::uint64_t(64 * kMiB));
        VERIFY_NEAR(bytes_of(during, "other_heap"), bytes_of(before, "other_heap"), 256 * 1024);
        VERIFY_UNATTRIBUTED_STAYS(during, before);
        touch(buffer.data(), 3 * kMiB);
        VERIFY_NEAR(bytes_of(measure_memory_attribution(), "buffers_buffered") - bytes_of(before, "buffers_buffered"),
                    3 * kMiB, 8192);
    }

    void other_heap_moves_by_a_plain_allocation() {
        const MemoryAttribution before = measure_memory_attribution();
        void* block = std::malloc(16 * kMiB);
        touch(block, 16 * kMiB);
        const MemoryAttribution during = measure_memory_attribution();
        VERIFY_NEAR(bytes_of(during, "other_heap") - bytes_of(before, "other_heap"), 16 * kMiB, 256 * 1024);
        VERIFY_UNATTRIBUTED_STAYS(during, before);
        std::free(block);
        VERIFY_NEAR(bytes_of(measure_memory_attribution(), "other_heap"), bytes_of(before, "other_heap"), 256 * 1024);
    }

    // Blocks freed in the middle of the heap cannot be returned to the system: their pages move
    // from "other heap" to "heap kept free", and the sum does not notice.
    void freed_heap_blocks_are_kept_free() {
        if (!malloc_figures() || !malloc_figures()->in_arenas) QSKIP("no glibc arenas (sanitizer allocator)");
        constexpr int kBlocks = 256;
        constexpr std::size_t kBlock = 32 * 1024;  // below the mmap threshold: inside the arena
        std::vector<void*> blocks;
        for (int i = 0; i < kBlocks; ++i) {
            blocks.push_back(std::malloc(kBlock));
            touch(blocks.back(), kBlock);
        }
        const MemoryAttribution before = measure_memory_attribution();
        // Every other block: each freed one lies between two live ones, so none coalesces into the
        // top of the heap (which glibc would trim) and each stays resident.
        for (int i = 0; i < kBlocks; i += 2) std::free(blocks[i]);
        const MemoryAttribution after = measure_memory_attribution();
        const std::int64_t freed = kBlocks / 2 * static_cast<std::int64_t>(kBlock);
        VERIFY_NEAR(bytes_of(before, "other_heap") - bytes_of(after, "other_heap"), freed, 256 * 1024);
        VERIFY_NEAR(bytes_of(after, "heap_free_kept") - bytes_of(before, "heap_free_kept"), freed, 256 * 1024);
        VERIFY_NEAR(bytes_of(after, "unattributed"), bytes_of(before, "unattributed"), 256 * 1024);
        QCOMPARE(sum(after), static_cast<std::int64_t>(*after.resident));
        for (int i = 1; i < kBlocks; i += 2) std::free(blocks[i]);
    }

    void mapped_files_count_their_resident_pages() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.bin"));
        write_file(path, QByteArray(16 * kMiB, 'x'));
        const int fd = ::open(path.toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        const MemoryAttribution before = measure_memory_attribution();
        MemoryMetrics metrics;
        {
            MappedFile mapping = MappedFile::map(fd, 16 * kMiB, metrics);
            QVERIFY(mapping.valid());
            const MemoryAttribution mapped_only = measure_memory_attribution();
            QCOMPARE(*mapped_only.mapped_size - *before.mapped_size, std::uint64_t(16 * kMiB));
            // Fault the first half in: resident pages, not the mapped size, are what counts.
            volatile char sink = 0;
            const std::string_view bytes = mapping.bytes();
            for (std::size_t i = 0; i < bytes.size() / 2; i += 4096) sink = sink + bytes[i];
            const MemoryAttribution during = measure_memory_attribution();
            VERIFY_NEAR(bytes_of(during, "mapped_files") - bytes_of(before, "mapped_files"), 8 * kMiB, kMiB);
            // ... and are not counted as code and libraries.
            VERIFY_NEAR(bytes_of(during, "code_and_libraries"), bytes_of(before, "code_and_libraries"), kMiB);
        }
        ::close(fd);
        const MemoryAttribution after = measure_memory_attribution();
        QCOMPARE(bytes_of(after, "mapped_files"), bytes_of(before, "mapped_files"));
        QCOMPARE(*after.mapped_size, *before.mapped_size);
    }

    void pattern_cache_counts_compiled_bytes_and_re2_budget() {
        MemoryMetrics metrics;
        const MemoryAttribution before = measure_memory_attribution();
        PatternCache cache;
        PatternOptions options;
        options.patterns = {"[a-z]+[0-9]+"};  // no required literal: behind RE2's DFA
        const auto matcher = cache.get(options, metrics);
        QVERIFY2(matcher->describe().starts_with("prefiltered re2:"), matcher->describe().c_str());
        const MemoryAttribution during = measure_memory_attribution();
        QVERIFY(cache.bytes() > 0);
        QCOMPARE(bytes_of(during, "pattern_cache") - bytes_of(before, "pattern_cache"),
                 static_cast<std::int64_t>(cache.bytes()));
        QCOMPARE(during.pattern_budget - before.pattern_budget, std::uint64_t(matcher->memory_budget_bytes()));
        QVERIFY(matcher->memory_budget_bytes() > 0);
        cache.clear(metrics);
        const MemoryAttribution after = measure_memory_attribution();
        QCOMPARE(bytes_of(after, "pattern_cache"), bytes_of(before, "pattern_cache"));
        QCOMPARE(after.pattern_budget, before.pattern_budget);
        {
            PatternCache dropped;
            dropped.get(options, metrics);
        }
        QCOMPARE(bytes_of(measure_memory_attribution(), "pattern_cache"), bytes_of(before, "pattern_cache"));
    }

    void scratch_counts_match_data() {
        const MemoryAttribution before = measure_memory_attribution();
        PatternOptions options;
        options.patterns = {"a(b|c)d"};
        const auto matcher = compile_matcher(options);
        {
            const auto scratch = matcher->make_scratch();
            const std::int64_t grown = bytes_of(measure_memory_attribution(), "scratch") - bytes_of(before, "scratch");
            QVERIFY2(grown > 0 && grown < 4096, qPrintable(QString::number(grown)));
        }
        QCOMPARE(bytes_of(measure_memory_attribution(), "scratch"), bytes_of(before, "scratch"));
    }

    void walker_counts_ignore_rules_and_its_stack() {
        TestTree tree;
        QByteArray rules;
        constexpr int kRules = 500;
        for (int i = 0; i < kRules; ++i) rules += "generated/pattern_number_" + QByteArray::number(i) + "_*.tmp\n";
        tree.write(QStringLiteral(".ignore"), rules);
        for (int i = 0; i < 20; ++i) tree.write(QStringLiteral("dir%1/file.txt").arg(i), "x\n");
        const std::int64_t before = bytes_of(measure_memory_attribution(), "walker");
        std::int64_t during = -1;
        WalkOptions options;
        options.roots = {tree.root()};
        Walker walker(options, 1);
        std::atomic<bool> stop{false};
        walker.run(
            [&](const WalkEntry&) {
                if (during < 0) during = bytes_of(measure_memory_attribution(), "walker");
                return true;
            },
            [](const PathError&) {}, stop);
        // Each rule holds an IgnoreRule and its compiled glob's pattern (more than 15 bytes: on
        // the heap): at least that, and not wildly more.
        const std::int64_t grown = during - before;
        const std::int64_t floor = kRules * static_cast<std::int64_t>(sizeof(IgnoreRule) + 40);
        QVERIFY2(grown >= floor && grown <= 4 * floor, qPrintable(QStringLiteral("%1 vs %2").arg(grown).arg(floor)));
        QCOMPARE(bytes_of(measure_memory_attribution(), "walker"), before);
    }

    void thread_stacks_count_a_threads_touched_stack() {
        const MemoryAttribution before = measure_memory_attribution();
        std::mutex mutex;
        std::condition_variable cv;
        bool touched = false, done = false;
        std::thread worker([&] {
            // 2 MiB of this thread's stack (8 MiB by default), written so it is resident.
            volatile char frame[2 * kMiB];
            for (std::size_t i = 0; i < sizeof frame; i += 4096) frame[i] = 1;
            std::unique_lock lock(mutex);
            touched = true;
            cv.notify_all();
            cv.wait(lock, [&] { return done; });
            (void)frame[0];
        });
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return touched; });
        const MemoryAttribution during = measure_memory_attribution();
        done = true;
        cv.notify_all();
        lock.unlock();
        worker.join();
        VERIFY_NEAR(bytes_of(during, "thread_stacks") - bytes_of(before, "thread_stacks"), 2 * kMiB, 256 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestMemoryAttribution)
#include "test_memory_attribution.moc"
