// Detailed allocation tracking (strategy_stats.h): counts and bytes per strategy, the largest
// buffer per strategy, and the top-N list of the largest buffers, also under concurrent workers.
#include <QTest>

#include <thread>
#include <vector>

#include "core/search/strategy_stats.h"

using namespace codescout;

class TestStrategyStats : public QObject {
    Q_OBJECT

private slots:
    void counts_per_strategy() {
        AllocationRecorder recorder;
        recorder.record("a", FileStrategy::Small, 100, 32768);
        recorder.record("b", FileStrategy::Small, 200, 32768);
        recorder.record("c", FileStrategy::Buffered, 50000, 262144);
        recorder.record("d", FileStrategy::Mmap, 20000000, 20000000);
        const AllocationDetail d = recorder.detail();
        QCOMPARE(d[FileStrategy::Small].files, std::uint64_t(2));
        QCOMPARE(d[FileStrategy::Small].bytes_searched, std::uint64_t(300));
        QCOMPARE(d[FileStrategy::Small].largest_buffer, std::uint64_t(32768));
        QCOMPARE(d[FileStrategy::Buffered].files, std::uint64_t(1));
        QCOMPARE(d[FileStrategy::Mmap].largest_buffer, std::uint64_t(20000000));
        QCOMPARE(d.largest.front(), (LargestBuffer{"d", FileStrategy::Mmap, 20000000}));
        QCOMPARE(d.largest[1], (LargestBuffer{"c", FileStrategy::Buffered, 262144}));
    }

    void keeps_the_top_n_biggest_first() {
        AllocationRecorder recorder;
        for (int i = 1; i <= 100; ++i) recorder.record("f" + std::to_string(i), FileStrategy::Buffered, 1, i * 1000);
        const AllocationDetail d = recorder.detail();
        QCOMPARE(d.largest.size(), kLargestBuffers);
        for (std::size_t i = 0; i < kLargestBuffers; ++i) {
            QCOMPARE(d.largest[i].bytes, std::uint64_t((100 - i) * 1000));
            QCOMPARE(d.largest[i].path, "f" + std::to_string(100 - i));
        }
    }

    void concurrent_workers_lose_nothing() {
        AllocationRecorder recorder;
        std::vector<std::thread> workers;
        for (int t = 0; t < 4; ++t) {
            workers.emplace_back([&recorder, t] {
                for (int i = 0; i < 10000; ++i) {
                    recorder.record("t" + std::to_string(t), FileStrategy::Small, 10, 32768 + t * 10000 + i);
                }
            });
        }
        for (auto& w : workers) w.join();
        const AllocationDetail d = recorder.detail();
        QCOMPARE(d[FileStrategy::Small].files, std::uint64_t(40000));
        QCOMPARE(d[FileStrategy::Small].bytes_searched, std::uint64_t(400000));
        QCOMPARE(d[FileStrategy::Small].largest_buffer, std::uint64_t(32768 + 30000 + 9999));
        QCOMPARE(d.largest.front().bytes, std::uint64_t(32768 + 30000 + 9999));
        QCOMPARE(d.largest.back().bytes, std::uint64_t(32768 + 30000 + 9995));
    }
};

QTEST_GUILESS_MAIN(TestStrategyStats)
#include "test_strategy_stats.moc"
