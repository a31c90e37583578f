// MemoryMetrics: counter semantics from the seed, peak tracking under concurrency, formatting.
#include <QtTest>

#include <thread>
#include <vector>

#include "core/metrics/memory_metrics.h"
#include "core/metrics/metrics_format.h"
#include "core/metrics/process_memory.h"

using namespace codescout;

class TestMemoryMetrics : public QObject {
    Q_OBJECT
private slots:
    void allocationRaisesPeakAndReleaseReturnsToZero() {
        MemoryMetrics m;
        m.record_allocation(100);
        m.record_allocation(50);
        m.record_deallocation(100);
        m.record_allocation(20);
        auto s = m.snapshot(false);
        QCOMPARE(s.total_allocated, 70u);
        QCOMPARE(s.peak_allocated, 150u);
        m.record_deallocation(70);
        QCOMPARE(m.snapshot(false).total_allocated, 0u);
        QCOMPARE(m.snapshot(false).peak_allocated, 150u);
    }

    void unbalancedReleaseSaturatesAtZero() {
        MemoryMetrics m;
        m.record_allocation(10);
        m.record_deallocation(30);
        QCOMPARE(m.snapshot(false).total_allocated, 0u);
        m.record_munmap(5);
        QCOMPARE(m.snapshot(false).mmap_allocated, 0u);
    }

    void mmapCounter() {
        MemoryMetrics m;
        m.record_mmap(4096);
        m.record_mmap(8192);
        QCOMPARE(m.snapshot(false).mmap_allocated, 12288u);
        m.record_munmap(4096);
        QCOMPARE(m.snapshot(false).mmap_allocated, 8192u);
    }

    // Metrics counts what the searcher chose; each kind goes to its own counter.
    void fileCountersAreSeparate() {
        MemoryMetrics m;
        m.record_small_file();
        m.record_buffered_file();
        m.record_buffered_file();
        m.record_mmap_file();
        m.record_mmap_file();
        m.record_mmap_file();
        const auto s = m.snapshot(false);
        QCOMPARE(s.small_files_processed, 1u);
        QCOMPARE(s.buffered_files_processed, 2u);
        QCOMPARE(s.mmap_files_processed, 3u);
    }

    void configurableThresholds() {
        QCOMPARE(MemoryMetrics().snapshot(false).small_file_threshold, 0u);  // none recorded yet
        MemoryMetrics m(10, 20);
        const auto s = m.snapshot(false);
        QCOMPARE(s.small_file_threshold, 10u);
        QCOMPARE(s.large_file_threshold, 20u);
    }

    void cacheOperations() {
        MemoryMetrics m;
        m.record_cache_operation(1000, false);
        m.record_cache_operation(0, true);
        m.record_cache_operation(0, true);
        m.record_cache_operation(-400, false);
        const auto s = m.snapshot(false);
        QCOMPARE(s.cache_size, 600u);
        QCOMPARE(s.cache_hits, 2u);
        QCOMPARE(s.cache_misses, 2u);
    }

    void resetKeepsCacheCounters() {
        MemoryMetrics m;
        m.record_allocation(5);
        m.record_mmap(5);
        m.record_small_file();
        m.record_cache_operation(7, true);
        m.reset_search_counters();
        const auto s = m.snapshot(false);
        QCOMPARE(s.total_allocated + s.peak_allocated + s.mmap_allocated + s.small_files_processed, 0u);
        QCOMPARE(s.cache_size, 7u);
        QCOMPARE(s.cache_hits, 1u);
    }

    // Many threads allocate and release; the peak must equal the true maximum of the sum, which
    // here is known: every thread holds `block` at once at the barrier.
    void concurrentHammeringKeepsTotalsExact() {
        MemoryMetrics m;
        constexpr int threads = 8;
        constexpr int rounds = 20000;
        std::atomic<int> arrived{0};
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t) {
            pool.emplace_back([&] {
                m.record_allocation(1000);
                arrived.fetch_add(1);
                while (arrived.load() < threads) std::this_thread::yield();
                for (int i = 0; i < rounds; ++i) {
                    m.record_allocation(7);
                    m.record_mmap(3);
                    m.record_buffered_file();
                    m.record_cache_operation(1, i % 2 == 0);
                    m.record_munmap(3);
                    m.record_deallocation(7);
                }
                m.record_deallocation(1000);
            });
        }
        for (auto& th : pool) th.join();
        const auto s = m.snapshot(false);
        QCOMPARE(s.total_allocated, 0u);
        QCOMPARE(s.mmap_allocated, 0u);
        QVERIFY(s.peak_allocated >= threads * 1000u);
        QVERIFY(s.peak_allocated <= threads * 1007u);
        QCOMPARE(s.cache_hits + s.cache_misses, quint64(threads) * rounds);
        QCOMPARE(s.cache_size, quint64(threads) * rounds);
        QCOMPARE(s.small_files_processed + s.buffered_files_processed + s.mmap_files_processed,
                 quint64(threads) * rounds);
    }

    void residentMemoryIsReported() {
        QVERIFY(process_resident_bytes() > 1024 * 1024);
        MemoryMetrics m;
        QVERIFY(m.snapshot(true).resident_bytes > 0);
        QCOMPARE(m.snapshot(false).resident_bytes, 0u);
    }

    void thousandsSeparators_data() {
        QTest::addColumn<quint64>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << quint64(0) << QStringLiteral("0");
        QTest::newRow("999") << quint64(999) << QStringLiteral("999");
        QTest::newRow("1000") << quint64(1000) << QStringLiteral("1,000");
        QTest::newRow("12345") << quint64(12345) << QStringLiteral("12,345");
        QTest::newRow("1234567") << quint64(1234567) << QStringLiteral("1,234,567");
        QTest::newRow("max") << quint64(18446744073709551615ull) << QStringLiteral("18,446,744,073,709,551,615");
    }
    void thousandsSeparators() {
        QFETCH(quint64, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(with_thousands_separators(value)), text);
    }

    void statsBlockIsTheSeedFormat() {
        MetricsSnapshot s;
        s.total_allocated = 1234567;
        s.peak_allocated = 2345678;
        s.mmap_allocated = 10485760;
        s.cache_size = 12345;
        s.cache_hits = 456;
        s.cache_misses = 123;
        s.small_files_processed = 789;
        s.buffered_files_processed = 456;
        s.mmap_files_processed = 123;
        QCOMPARE(QString::fromStdString(format_stats_block(s)),
                 QStringLiteral("Memory usage stats:\n"
                                "Total allocated: 1,234,567 bytes\n"
                                "Peak allocated: 2,345,678 bytes\n"
                                "Memory mapped: 10,485,760 bytes\n"
                                "Cache size: 12,345 bytes\n"
                                "Cache hits/misses: 456/123\n"
                                "Files processed (small/buffered/mmap): 789/456/123\n"));
    }

    void prometheusExposition() {
        MetricsSnapshot s;
        s.peak_allocated = 42;
        s.cache_hits = 3;
        s.mmap_files_processed = 2;
        const QString text = QString::fromStdString(format_prometheus(s));
        QVERIFY(text.contains(QStringLiteral("# TYPE codescout_memory_peak_allocated_bytes gauge\n")));
        QVERIFY(text.contains(QStringLiteral("\ncodescout_memory_peak_allocated_bytes 42\n")));
        QVERIFY(text.contains(QStringLiteral("# TYPE codescout_pattern_cache_hits_total counter\n")));
        QVERIFY(text.contains(QStringLiteral("\ncodescout_pattern_cache_hits_total 3\n")));
        QVERIFY(text.contains(QStringLiteral("codescout_files_processed_total{strategy=\"mmap\"} 2\n")));
        // Every sample line names a metric that has HELP and TYPE lines.
        for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
            if (line.startsWith(u'#')) continue;
            const QString name = line.section(u' ', 0, 0).section(u'{', 0, 0);
            QVERIFY2(name.startsWith(QStringLiteral("codescout_")), qPrintable(line));
            QVERIFY2(text.contains(QStringLiteral("# HELP ") + name + u' '), qPrintable(name));
            QVERIFY2(text.contains(QStringLiteral("# TYPE ") + name + u' '), qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestMemoryMetrics)
#include "test_memory_metrics.moc"
