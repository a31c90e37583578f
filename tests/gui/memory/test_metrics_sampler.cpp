// MetricsSampler: emits at its interval while started, once more on stop and then never, reflects
// the live counters, restarts cleanly, and its snapshot crosses threads by queued connection.
#include <QtTest>

#include <QThread>

#include <memory>

#include "gui/memory/metrics_sampler.h"
#include "timer_barrier.h"

using namespace codescout;
using namespace codescout::gui;
using namespace std::chrono_literals;

class TestMetricsSampler : public QObject {
    Q_OBJECT
private slots:
    void defaults() {
        MetricsSampler sampler;
        QCOMPARE(sampler.interval(), 100ms);
        QVERIFY(!sampler.isRunning());
        sampler.setInterval(25ms);
        QCOMPARE(sampler.interval(), 25ms);
        sampler.setInterval(0ms);
        QCOMPARE(sampler.interval(), 1ms);
    }

    void samplesAtOnceThenAtItsInterval() {
        MetricsSampler sampler;
        QSignalSpy sampled(&sampler, &MetricsSampler::sampled);
        QSignalSpy started(&sampler, &MetricsSampler::started);
        sampler.start(std::make_shared<MemoryMetrics>());
        QVERIFY(sampler.isRunning());
        QCOMPARE(started.count(), 1);
        QCOMPARE(sampled.count(), 1);  // the immediate sample
        // At 100 ms, four samples take ~300 ms; the timeout only guards against a hang.
        QTRY_VERIFY_WITH_TIMEOUT(sampled.count() >= 4, 10000);
        qint64 previous = -1;
        for (const QList<QVariant>& args : std::as_const(sampled)) {
            const qint64 elapsed = args.at(1).toLongLong();
            QVERIFY(elapsed >= previous);
            previous = elapsed;
        }
        // Not firing as fast as it can: three intervals of 100 ms lie before the fourth sample.
        QVERIFY2(sampled.at(3).at(1).toLongLong() >= 250,
                 qPrintable(QString::number(sampled.at(3).at(1).toLongLong())));
        sampler.stop();
    }

    // A probe reading costs milliseconds of CPU that the search's threads want: a run's first
    // reading waits (the last reading's cost x kFirstReadingFactor), so a short run is probed
    // only at its end, and a long one after that wait.
    void probeReadingsWaitForTheRestAndTheEndStateIsForced() {
        MetricsSampler sampler;
        sampler.setInterval(10ms);
        sampler.setCollectorSearchPath({});
        QSignalSpy sampled(&sampler, &MetricsSampler::sampled);
        QSignalSpy probed(&sampler, &MetricsSampler::probed);
        QCOMPARE(sampler.probeCost().count(), 0);

        // Before any reading the wait assumes one of kAssumedCost: 0.75 s, longer than this run
        // (unless the machine stalls: then a reading after the rest is right too).
        const qint64 assumedRestMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                         AttributionProbe::kAssumedCost * AttributionProbe::kFirstReadingFactor)
                                         .count();
        // A short run: its last reading is the forced one, stamped at the stop; any before it
        // came after the wait.
        const auto shortRunWaits = [&](qint64 waitMs) {
            probed.clear();
            sampled.clear();
            sampler.start(std::make_shared<MemoryMetrics>());
            if (!QTest::qWaitFor([&] { return sampled.count() >= 5; }, 10000)) return false;
            sampler.stop();
            const qint64 stoppedAt = sampled.last().at(1).toLongLong();
            if (!QTest::qWaitFor([&] { return !probed.isEmpty() && probed.last().at(1).toLongLong() == stoppedAt; }, 10000))
                return false;
            for (qsizetype i = 0; i + 1 < probed.count(); ++i) {
                if (probed.at(i).at(1).toLongLong() < waitMs) return false;
            }
            return true;
        };
        QVERIFY(shortRunWaits(assumedRestMs));
        const auto cost = sampler.probeCost();
        QVERIFY(cost.count() > 0);

        // Now the wait is the last reading's cost x the first reading's factor: a run three waits
        // long is probed while it runs, never before that wait has passed since its start.
        const qint64 restMs = cost.count() * AttributionProbe::kFirstReadingFactor / 1'000'000;
        probed.clear();
        sampled.clear();
        sampler.start(std::make_shared<MemoryMetrics>());
        QTest::qWait(static_cast<int>(std::max<qint64>(3 * restMs, 100)));
        QTRY_VERIFY_WITH_TIMEOUT(probed.count() >= 1, 10000);
        sampler.stop();
        const qint64 firstAt = probed.at(0).at(1).toLongLong();
        QVERIFY2(firstAt >= restMs, qPrintable(QStringLiteral("first reading at %1 ms, rest %2 ms").arg(firstAt).arg(restMs)));

        // A run without probing leaves no forced reading behind for the next probed run.
        sampler.setProbing(false);
        sampler.start(std::make_shared<MemoryMetrics>());
        sampler.stop();
        sampler.setProbing(true);
        QTest::qWait(50);
        QVERIFY(shortRunWaits(sampler.probeCost().count() * AttributionProbe::kFirstReadingFactor / 1'000'000));
    }

    void stopTakesAFinalSampleAndThenNoMore() {
        MetricsSampler sampler;
        sampler.setInterval(20ms);
        QSignalSpy sampled(&sampler, &MetricsSampler::sampled);
        QSignalSpy stopped(&sampler, &MetricsSampler::stopped);
        auto metrics = std::make_shared<MemoryMetrics>();
        sampler.start(metrics);
        QTRY_VERIFY_WITH_TIMEOUT(sampled.count() >= 3, 10000);
        metrics->record_allocation(4242);
        const qsizetype before = sampled.count();
        sampler.stop();
        QVERIFY(!sampler.isRunning());
        QCOMPARE(stopped.count(), 1);
        QCOMPARE(sampled.count(), before + 1);
        // The final sample is the end state.
        QCOMPARE(sampled.last().at(0).value<MetricsSnapshot>().total_allocated, 4242u);
        // A sampling timer still running (20 ms) would fire before this barrier does.
        QVERIFY(waitPastTimers(20ms));
        QCOMPARE(sampled.count(), before + 1);
        sampler.stop();  // stopping again is a no-op
        QCOMPARE(stopped.count(), 1);
        QCOMPARE(sampled.count(), before + 1);
        QVERIFY(!sampler.metrics());
    }

    void samplesReflectTheLiveCounters() {
        MetricsSampler sampler;
        sampler.setInterval(10ms);
        QSignalSpy sampled(&sampler, &MetricsSampler::sampled);
        auto metrics = std::make_shared<MemoryMetrics>(1024, 4096);
        sampler.start(metrics);
        QCOMPARE(sampled.count(), 1);
        QCOMPARE(sampled.at(0).at(0).value<MetricsSnapshot>().total_allocated, 0u);

        metrics->record_allocation(1000);
        metrics->record_mmap(8192);
        metrics->record_small_file();
        metrics->record_buffered_file();
        metrics->record_mmap_file();
        metrics->record_cache_operation(300, false);
        metrics->record_cache_operation(0, true);
        const auto latest = [&] { return sampled.last().at(0).value<MetricsSnapshot>(); };
        QTRY_VERIFY_WITH_TIMEOUT(latest().total_allocated == 1000, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(latest().cache_hits == 1, 10000);
        const MetricsSnapshot s = latest();
        QCOMPARE(s.mmap_allocated, 8192u);
        QCOMPARE(s.small_files_processed, 1u);
        QCOMPARE(s.buffered_files_processed, 1u);
        QCOMPARE(s.mmap_files_processed, 1u);
        QCOMPARE(s.cache_misses, 1u);
        QCOMPARE(s.cache_size, 300u);
        QCOMPARE(s.small_file_threshold, 1024u);
        QCOMPARE(s.large_file_threshold, 4096u);
#ifdef Q_OS_LINUX
        QVERIFY(s.resident_bytes > 0);  // snapshot(true) includes the process's RSS
#endif
        metrics->record_deallocation(1000);
        QTRY_VERIFY_WITH_TIMEOUT(latest().total_allocated == 0, 10000);
        QCOMPARE(latest().peak_allocated, 1000u);
        sampler.stop();
    }

    void startingAgainStopsThePreviousRun() {
        MetricsSampler sampler;
        sampler.setInterval(10ms);
        QSignalSpy sampled(&sampler, &MetricsSampler::sampled);
        QSignalSpy started(&sampler, &MetricsSampler::started);
        QSignalSpy stopped(&sampler, &MetricsSampler::stopped);
        auto first = std::make_shared<MemoryMetrics>();
        first->record_allocation(1);
        auto second = std::make_shared<MemoryMetrics>();
        second->record_allocation(2);
        sampler.start(first);
        sampler.start(second);
        QCOMPARE(started.count(), 2);
        QCOMPARE(stopped.count(), 1);
        QCOMPARE(sampler.metrics(), std::shared_ptr<const MemoryMetrics>(second));
        QTRY_VERIFY_WITH_TIMEOUT(sampled.count() >= 4, 10000);
        QCOMPARE(sampled.last().at(0).value<MetricsSnapshot>().total_allocated, 2u);
        // Elapsed restarts with the new run.
        QVERIFY(sampled.at(2).at(1).toLongLong() <= sampled.last().at(1).toLongLong());
        sampler.stop();

        sampler.start(nullptr);  // ignored
        QVERIFY(!sampler.isRunning());
        QCOMPARE(started.count(), 2);
    }

    void snapshotCrossesThreadsByQueuedConnection() {
        MetricsSampler sampler;
        QThread thread;
        QObject receiver;
        receiver.moveToThread(&thread);
        thread.start();
        std::atomic<std::uint64_t> received{0};
        std::atomic<bool> onOtherThread{false};
        connect(&sampler, &MetricsSampler::sampled, &receiver,
                [&](const MetricsSnapshot& s, qint64) {
                    onOtherThread = QThread::currentThread() == &thread;
                    received = s.total_allocated;
                },
                Qt::QueuedConnection);
        auto metrics = std::make_shared<MemoryMetrics>();
        metrics->record_allocation(777);
        sampler.start(metrics);
        QTRY_COMPARE_WITH_TIMEOUT(received.load(), 777u, 10000);
        QVERIFY(onOtherThread.load());
        sampler.stop();
        thread.quit();
        QVERIFY(thread.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestMetricsSampler)
#include "test_metrics_sampler.moc"
