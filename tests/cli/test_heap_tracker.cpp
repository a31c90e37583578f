// The CLI's malloc interposition (src/cli/heap_tracker.cpp), linked into this test as into
// codescout-cli: installed at startup, every allocation route moves "in use" by the block's
// usable size and back, and the peaks are real peaks.
#include <QTest>

#include <malloc.h>

#include <cstdlib>
#include <memory>
#include <vector>

#include "core/metrics/heap_counters.h"
#include "core/metrics/process_peaks.h"

using namespace codescout;

namespace {

const HeapTracker& tracker() {
    const HeapTracker* t = heap_tracker();
    if (t == nullptr) qFatal("heap tracker not installed");
    return *t;
}

std::int64_t in_use() { return static_cast<std::int64_t>(tracker().in_use()); }

}  // namespace

class TestHeapTracker : public QObject {
    Q_OBJECT

private slots:
    void installed_at_startup() {
        QVERIFY(heap_tracker() != nullptr);
        QVERIFY(measure_process_peaks().peak_heap.has_value());
    }

    void malloc_and_free_move_in_use() {
        const std::int64_t before = in_use();
        void* p = std::malloc(1 << 20);
        const auto usable = static_cast<std::int64_t>(malloc_usable_size(p));
        QVERIFY(usable >= (1 << 20));
        QCOMPARE(in_use() - before, usable);
        std::free(p);
        QCOMPARE(in_use(), before);
    }

    void every_route_is_counted() {
        const std::int64_t before = in_use();
        void* c = std::calloc(1000, 10);
        void* a = std::aligned_alloc(64, 4096);
        void* m = memalign(256, 3000);
        void* pm = nullptr;
        QCOMPARE(posix_memalign(&pm, 128, 5000), 0);
        auto* n = new std::vector<char>(70000);
        std::int64_t expected = 0;
        for (void* p : {c, a, m, pm, static_cast<void*>(n->data())}) expected += static_cast<std::int64_t>(malloc_usable_size(p));
        expected += static_cast<std::int64_t>(malloc_usable_size(n));
        QCOMPARE(in_use() - before, expected);
        std::free(c);
        std::free(a);
        std::free(m);
        std::free(pm);
        delete n;
        QCOMPARE(in_use(), before);
    }

    void realloc_replaces_the_old_size() {
        const std::int64_t before = in_use();
        void* p = std::malloc(100);
        p = std::realloc(p, 300000);
        QCOMPARE(in_use() - before, static_cast<std::int64_t>(malloc_usable_size(p)));
        p = std::realloc(p, 10);
        QCOMPARE(in_use() - before, static_cast<std::int64_t>(malloc_usable_size(p)));
        std::free(p);
        QCOMPARE(in_use(), before);
    }

    void peaks_remember_the_highest_point() {
        tracker().restart_window();
        const std::uint64_t start = tracker().in_use();
        QCOMPARE(tracker().window_peak(), start);
        // volatile: the compiler may otherwise drop a malloc/free pair whose block is unused.
        void* volatile big = std::malloc(32 << 20);
        std::free(big);
        void* volatile small = std::malloc(1 << 20);
        QVERIFY(tracker().window_peak() >= start + (32 << 20));
        QVERIFY(tracker().peak() >= tracker().window_peak());
        tracker().restart_window();
        QVERIFY(tracker().window_peak() < start + (2 << 20));
        std::free(small);
    }
};

QTEST_GUILESS_MAIN(TestHeapTracker)
#include "test_heap_tracker.moc"
