// MemoryView (offscreen): the charts receive the sampler's points, a new run clears them, the
// ring bound holds, the stacked chart's log axis spans whole decades and reaches the budget,
// alerts follow the budget, and the exports write what they promise.
#include <QtTest>

#include <QAbstractButton>
#include <QCheckBox>
#include <QLabel>
#include <QImageReader>
#include <QTemporaryDir>

#include <cmath>
#include <memory>

#include "core/metrics/metrics_format.h"
#include "gui/memory/memory_charts.h"
#include "gui/memory/memory_view.h"
#include "gui/memory/metrics_sampler.h"
#include "gui/memory/probe_reading.h"
#include "timer_barrier.h"

using namespace codescout;
using namespace codescout::gui;
using namespace std::chrono_literals;

namespace {

constexpr std::uint64_t KiB = 1024;
constexpr std::uint64_t MiB = 1024 * KiB;

// What a warm search over a large tree looks like, one sample per 100 ms over `count` samples:
// buffers come and go, a few big files are mapped, the file counters climb.
MetricsSnapshot realistic(int i, int count) {
    const double t = static_cast<double>(i) / count;
    MetricsSnapshot s;
    s.total_allocated = static_cast<std::uint64_t>((1.5 + std::sin(i * 0.7)) * MiB);
    s.peak_allocated = static_cast<std::uint64_t>((1.5 + std::min(1.0, t * 4)) * MiB * 1.6);
    s.mmap_allocated = (i % 17 < 5) ? static_cast<std::uint64_t>(12 + (i % 17) * 9) * MiB : 0;
    s.cache_size = 12 * KiB;
    s.cache_hits = 3;
    s.cache_misses = 1;
    s.small_files_processed = static_cast<std::uint64_t>(9000 * t);
    s.buffered_files_processed = static_cast<std::uint64_t>(1200 * t);
    s.mmap_files_processed = static_cast<std::uint64_t>(8 * t);
    s.resident_bytes = static_cast<std::uint64_t>((70 + 25 * t) * MiB);
    return s;
}

void feedRealistic(MemoryView& view, int count) {
    for (int i = 0; i < count; ++i) view.addSample(realistic(i, count), i * 100);
}

int points(const MemoryView& view, ChartSeries series) { return view.charts()->pointCount(series); }

// An attribution of three components that sums to its resident.
MemoryAttribution attribution(std::uint64_t engine, std::uint64_t heap) {
    MemoryAttribution a;
    a.resident = engine + heap;
    a.components = {{"buffers_small", static_cast<std::int64_t>(engine), true},
                    {"other_heap", static_cast<std::int64_t>(heap), true},
                    {"unattributed", 0, false}};
    return a;
}

}  // namespace

class TestMemoryView : public QObject {
    Q_OBJECT
private slots:
    void seriesReceiveTheSamplersPoints() {
        MemoryView view;
        view.resize(600, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        MetricsSampler sampler;
        sampler.setInterval(20ms);
        view.setSampler(&sampler);
        auto metrics = std::make_shared<MemoryMetrics>();
        sampler.start(metrics);
        metrics->record_allocation(3 * MiB);
        metrics->record_small_file();
        QTRY_VERIFY_WITH_TIMEOUT(points(view, ChartSeries::SmallFiles) >= 3, 10000);
        sampler.stop();
        const int n = static_cast<int>(view.samples().size());
        QVERIFY(n >= 4);
        // After the coalesced re-plot every series holds one point per sample.
        for (int i = 0; i < kChartSeriesCount; ++i) {
            QTRY_COMPARE_WITH_TIMEOUT(points(view, static_cast<ChartSeries>(i)), n, 10000);
        }
        QCOMPARE(view.latestSnapshot()->total_allocated, 3 * MiB);
        QCOMPARE(view.latestSnapshot()->small_files_processed, 1u);
        // The probe's attribution reached the stacked chart too, off the GUI thread.
        QTRY_VERIFY_WITH_TIMEOUT(view.charts()->stackPointCount() >= 1, 10000);

        // A new run starts from an empty chart.
        sampler.start(std::make_shared<MemoryMetrics>());
        QCOMPARE(view.samples().size(), 1u);
        QCOMPARE(view.latestSnapshot()->total_allocated, 0u);
        sampler.stop();
        QTRY_COMPARE_WITH_TIMEOUT(points(view, ChartSeries::SmallFiles), 2, 10000);

        // Detached: the sampler no longer feeds the view.
        view.setSampler(nullptr);
        sampler.start(std::make_shared<MemoryMetrics>());
        sampler.stop();
        QCOMPARE(view.samples().size(), 2u);
    }

    void ringBoundHolds() {
        MemoryView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSampleCapacity(50);
        feedRealistic(view, 200);
        QCOMPARE(view.samples().size(), 50u);
        QCOMPARE(view.samples().at(0).elapsed_ms, 150 * 100);
        QTRY_COMPARE_WITH_TIMEOUT(points(view, ChartSeries::SmallFiles), 50, 10000);
        QCOMPARE(points(view, ChartSeries::CacheMisses), 50);
    }

    void longRunsAreThinnedForDrawingOnly() {
        MemoryView view;
        view.resize(600, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        feedRealistic(view, static_cast<int>(SampleBuffer::kDefaultCapacity));
        QCOMPARE(view.samples().size(), SampleBuffer::kDefaultCapacity);  // all kept for export
        // All samples were in before the first (coalesced) re-plot, so that one shows them all.
        QTRY_VERIFY_WITH_TIMEOUT(points(view, ChartSeries::SmallFiles) > 0, 10000);
        QCOMPARE(view.charts()->lastPoint(ChartSeries::SmallFiles).x(),
                 (SampleBuffer::kDefaultCapacity - 1) * 0.1);
        for (int i = 0; i < kChartSeriesCount; ++i) {
            const int n = points(view, static_cast<ChartSeries>(i));
            QVERIFY2(n > 100 && n < 1000, qPrintable(QString::number(n)));
        }
        // The newest value is drawn exactly.
        const MetricsSnapshot last = view.samples().latest().snapshot;
        QCOMPARE(view.charts()->lastPoint(ChartSeries::SmallFiles).y(),
                 static_cast<double>(last.small_files_processed));
    }

    void timeAxisFitsTheRun_data() {
        QTest::addColumn<int>("samples");  // at 100 ms
        QTest::addColumn<int>("capacity");
        QTest::addColumn<double>("axisMax");
        QTest::newRow("just started") << 1 << 3000 << 1.0;
        QTest::newRow("one second") << 11 << 3000 << 1.0;
        QTest::newRow("1.05 s") << 12 << 3000 << 1.5;
        QTest::newRow("7.9 s") << 80 << 3000 << 8.0;
        QTest::newRow("25 s") << 251 << 3000 << 30.0;
        QTest::newRow("five minutes, full ring") << 3000 << 3000 << 300.0;
        QTest::newRow("ring has wrapped: the window slides") << 500 << 100 << 50.0;
    }

    void timeAxisFitsTheRun() {
        QFETCH(int, samples);
        QFETCH(int, capacity);
        QFETCH(double, axisMax);
        MemoryView view;
        view.setSampleCapacity(capacity);
        view.show();
        feedRealistic(view, samples);
        QTRY_VERIFY_WITH_TIMEOUT(points(view, ChartSeries::SmallFiles) > 0, 10000);
        QCOMPARE(view.charts()->timeAxisMax(), axisMax);
        // The newest point is always on the axis, and fills at least two thirds of it unless the
        // run is shorter than a second.
        const double newest = view.charts()->lastPoint(ChartSeries::SmallFiles).x();
        QVERIFY(newest <= axisMax);
        QVERIFY(newest >= 0.66 * axisMax || newest < 1.0 || capacity < samples);
    }

    void hiddenViewPlotsWhenShown() {
        MemoryView view;
        feedRealistic(view, 30);
        // A replot scheduled despite the hidden view would fire within kMinReplotIntervalMs.
        QVERIFY(waitPastTimers(std::chrono::milliseconds(MemoryView::kMinReplotIntervalMs)));
        QCOMPARE(points(view, ChartSeries::SmallFiles), 0);  // nothing drawn while hidden
        view.show();
        QTRY_COMPARE_WITH_TIMEOUT(points(view, ChartSeries::SmallFiles), 30, 10000);
    }

    // While a search runs the charts move once a second, not on every 100 ms sample (drawing each
    // cost the GUI thread more than the search in a short one); the end is drawn at stop().
    void liveChartsReplotOncePerSecondAndAtTheEnd() {
        MemoryView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        MetricsSampler sampler;
        sampler.setInterval(1h);  // no tick of its own: the test feeds the samples
        sampler.setProbing(false);
        view.setSampler(&sampler);
        sampler.start(std::make_shared<MemoryMetrics>());
        feedRealistic(view, 5);
        // A re-plot at the idle interval would have fired by now; the live one has not.
        QVERIFY(waitPastTimers(std::chrono::milliseconds(MemoryView::kMinReplotIntervalMs)));
        QCOMPARE(points(view, ChartSeries::SmallFiles), 0);
        // The live interval passes: the samples so far are drawn.
        QTRY_COMPARE_WITH_TIMEOUT(points(view, ChartSeries::SmallFiles), 6, 10000);
        feedRealistic(view, 3);
        sampler.stop();  // the final sample, then stopped(): drawn before stop() returns
        QCOMPARE(points(view, ChartSeries::SmallFiles), static_cast<int>(view.samples().size()));
        QCOMPARE(view.samples().size(), 10u);
    }

    // A new search leaves the last one's picture up until its own first re-plot replaces every
    // series' points (emptying the charts at the start cost the GUI thread a re-plot while the
    // search ran, to show nothing).
    void newSearchKeepsTheLastPictureUntilItsFirstReplot() {
        MemoryView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.searchStarted();
        feedRealistic(view, 7);
        view.searchStopped();  // nothing probed: drawn at once
        QCOMPARE(points(view, ChartSeries::SmallFiles), 7);
        view.searchStarted();
        QCOMPARE(view.samples().size(), 0u);  // the data is the new search's...
        feedRealistic(view, 3);
        QVERIFY(waitPastTimers(std::chrono::milliseconds(MemoryView::kMinReplotIntervalMs)));
        QCOMPARE(points(view, ChartSeries::SmallFiles), 7);  // ...the picture still the last one's
        view.searchStopped();
        QCOMPARE(points(view, ChartSeries::SmallFiles), 3);
    }

    // With the probe on, the search's end state is complete only with the final reading, which
    // arrives after the search stopped: the charts are drawn once, when it comes, or after
    // kFinalReadingWaitMs if the probe does not answer.
    void endStateIsDrawnOnceWithTheFinalReading() {
        MemoryView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.searchStarted();
        feedRealistic(view, 4);
        ProbeReading reading;
        reading.attribution = attribution(512 * KiB, 300 * MiB);
        view.addProbeReading(reading, 0);
        view.searchStopped();
        QVERIFY(waitPastTimers(std::chrono::milliseconds(MemoryView::kMinReplotIntervalMs)));
        QCOMPARE(points(view, ChartSeries::SmallFiles), 0);  // waiting for the final reading
        QCOMPARE(view.charts()->stackPointCount(), 0);
        view.addProbeReading(reading, 400);
        QCOMPARE(points(view, ChartSeries::SmallFiles), 4);  // both charts, at once
        QCOMPARE(view.charts()->stackPointCount(), 2);

        // The final reading never comes: the end state is drawn after the wait all the same.
        view.searchStarted();
        feedRealistic(view, 2);
        view.addProbeReading(reading, 0);
        view.searchStopped();
        QElapsedTimer waited;
        waited.start();
        QTRY_COMPARE_WITH_TIMEOUT(points(view, ChartSeries::SmallFiles), 2, 10000);
        QVERIFY2(waited.elapsed() >= MemoryView::kFinalReadingWaitMs - 50, qPrintable(QString::number(waited.elapsed())));
        QCOMPARE(view.charts()->stackPointCount(), 1);
    }

    void stackAxisSpansWholeDecades() {
        MemoryView view;
        view.show();
        // KiB-scale engine part, MiB-scale heap, nothing unattributed: 300.5 MiB resident.
        view.addAttribution(attribution(512 * KiB, 300 * MiB), 0);
        QTRY_COMPARE_WITH_TIMEOUT(view.charts()->stackPointCount(), 1, 10000);
        QCOMPARE(view.charts()->stackAxisTitle(), QStringLiteral("Memory (KiB, log scale)"));
        QCOMPARE(view.charts()->stackAxisMax(), 1e6);  // 307,712 KiB -> the next decade
        QCOMPARE(view.charts()->stackTop(0), static_cast<double>(300 * MiB + 512 * KiB));
        // Hiding the layers above the engine's zooms in on it: 512 KiB -> 1,000 KiB.
        view.charts()->setComponentVisible(2, false);
        view.charts()->setComponentVisible(1, false);
        QCOMPARE(view.charts()->stackAxisMax(), 1000.0);
        view.charts()->setComponentVisible(1, true);
        QCOMPARE(view.charts()->stackAxisMax(), 1e6);
        QCOMPARE(view.charts()->componentName(0), QStringLiteral("Small-file buffers"));
    }

    void budgetLineReachesTheBudget() {
        MemoryView view;
        view.show();
        view.addAttribution(attribution(1 * MiB, 89 * MiB), 0);  // 92,160 KiB
        QTRY_COMPARE_WITH_TIMEOUT(view.charts()->stackPointCount(), 1, 10000);
        QVERIFY(!view.charts()->isBudgetLineShown());
        QCOMPARE(view.charts()->stackAxisMax(), 1e5);

        view.setMemoryBudget(256 * MiB);  // 262,144 KiB
        QVERIFY(view.charts()->isBudgetLineShown());
        QCOMPARE(view.charts()->stackAxisMax(), 1e6);  // the budget is in view
        QCheckBox* entry = nullptr;
        for (QCheckBox* box : view.findChildren<QCheckBox*>()) {
            if (box->text().startsWith(QStringLiteral("Budget"))) entry = box;
        }
        QVERIFY(entry);
        QVERIFY(entry->isVisibleTo(&view));
        QVERIFY2(entry->text().contains(QStringLiteral("256")), qPrintable(entry->text()));
        entry->click();  // hide the line: the axis fits the data again
        QVERIFY(!view.charts()->isBudgetLineShown());
        QCOMPARE(view.charts()->stackAxisMax(), 1e5);
        entry->click();
        view.setMemoryBudget(0);
        QVERIFY(!view.charts()->isBudgetLineShown());
        QVERIFY(!entry->isVisibleTo(&view));
        QCOMPARE(view.charts()->stackAxisMax(), 1e5);
    }

    void alertsFollowTheBudget() {
        MemoryView view;
        QSignalSpy alerts(&view, &MemoryView::alertsChanged);
        MetricsSnapshot s;
        s.peak_allocated = 812 * MiB;
        s.buffered_files_processed = 5;
        s.small_file_threshold = 32 * KiB;  // the thresholds a search with the defaults records
        s.large_file_threshold = 10 * MiB;
        view.addSample(s, 0);
        // No budget: the only advice is about buffering (peak >= the large threshold).
        QCOMPARE(view.advice().size(), 1);
        QCOMPARE(view.advice().first().rule, AdviceRule::LargeBufferedPeak);
        view.setMemoryBudget(512 * MiB);
        QCOMPARE(view.memoryBudget(), 512 * MiB);
        QCOMPARE(view.advice().size(), 1);
        QCOMPARE(view.advice().first().rule, AdviceRule::BudgetExceeded);
        QVERIFY(!alerts.isEmpty());
        const QStringList last = alerts.last().at(0).toStringList();
        QCOMPARE(last, view.alerts());
        QVERIFY(last.first().startsWith(QStringLiteral("Peak memory 812")));
        // Each advice that names a setting offers a link to it.
        QSignalSpy wanted(&view, &MemoryView::changeSettingRequested);
        QLabel* alertsLabel = nullptr;
        for (QLabel* l : view.findChildren<QLabel*>()) {
            if (l->accessibleName() == QStringLiteral("Memory alerts and recommendations")) alertsLabel = l;
        }
        QVERIFY(alertsLabel);
        const QString link = QStringLiteral("setting:%1").arg(static_cast<int>(AdviceSetting::LargeFileThreshold));
        QVERIFY2(alertsLabel->text().contains(link), qPrintable(alertsLabel->text()));
        emit alertsLabel->linkActivated(link);
        QCOMPARE(wanted.count(), 1);
        QCOMPARE(wanted.first().at(0).value<AdviceSetting>(), AdviceSetting::LargeFileThreshold);
        // Same advice again: no new signal.
        const qsizetype signals_ = alerts.count();
        view.addSample(s, 100);
        QCOMPARE(alerts.count(), signals_);
        // Cleared: no samples, no alerts.
        view.clear();
        QVERIFY(view.alerts().isEmpty());
        QCOMPARE(alerts.last().at(0).toStringList(), QStringList());
    }

    void csvExport() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MemoryView view;
        feedRealistic(view, 25);
        const QString path = dir.filePath(QStringLiteral("samples.csv"));
        QVERIFY(view.exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 1 + 25 + 1);
        QVERIFY(lines.first().startsWith("elapsed_ms,total_allocated_bytes,"));
        const QList<QByteArray> row = lines.at(25).split(',');  // the 25th sample
        const MetricsSnapshot expected = realistic(24, 25);
        QCOMPARE(row.at(0), QByteArray("2400"));
        QCOMPARE(row.at(1).toULongLong(), expected.total_allocated);
        QCOMPARE(row.at(10).toULongLong(), expected.resident_bytes);
    }

    void prometheusExport() {
        QTemporaryDir dir;
        MemoryView view;
        QSignalSpy failed(&view, &MemoryView::exportFailed);
        const QString path = dir.filePath(QStringLiteral("metrics.prom"));
        QVERIFY(!view.exportPrometheus(path));  // nothing sampled yet
        QCOMPARE(failed.count(), 1);
        QVERIFY(!QFile::exists(path));

        feedRealistic(view, 10);
        QVERIFY(view.exportPrometheus(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray::fromStdString(format_prometheus(realistic(9, 10))));
    }

    void exportToAnUnwritablePlaceFailsClearly() {
        MemoryView view;
        feedRealistic(view, 3);
        QSignalSpy failed(&view, &MemoryView::exportFailed);
        const QString path = QStringLiteral("/nonexistent-dir/for/sure/out.csv");
        QVERIFY(!view.exportCsv(path));
        QVERIFY(!view.exportChartPng(QStringLiteral("/nonexistent-dir/for/sure/out.png")));
        QCOMPARE(failed.count(), 2);
        QVERIFY(failed.first().at(0).toString().contains(path));
    }

    void pngExportIsTheChartsImage() {
        QTemporaryDir dir;
        MemoryView view;
        view.resize(720, 820);
        view.setMemoryBudget(64 * MiB);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        feedRealistic(view, 80);
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(view.exportChartPng(path));
        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("png"));
        const QImage image = reader.read();
        QVERIFY(!image.isNull());
        const qreal dpr = view.charts()->devicePixelRatioF();
        QCOMPARE(image.size(), view.charts()->size() * dpr);
        // Not blank: a chart has more than a handful of distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));

        // For people checking the look: CODESCOUT_MEMORY_VIEW_SHOT=/some/dir saves the whole view.
        const QString shotDir = qEnvironmentVariable("CODESCOUT_MEMORY_VIEW_SHOT");
        if (!shotDir.isEmpty()) {
            QTest::qWait(100);  // let the deferred layout pass place the wrapped alert text
            QVERIFY(view.grab().save(shotDir + QStringLiteral("/memory-view.png")));
            QVERIFY(view.exportChartPng(shotDir + QStringLiteral("/memory-charts.png")));
            // A narrow dock with a dark palette.
            QPalette dark;
            dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
            dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
            dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
            dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
            view.setPalette(dark);
            view.resize(420, 760);
            QTest::qWait(100);
            QVERIFY(view.grab().save(shotDir + QStringLiteral("/memory-view-narrow-dark.png")));
        }
    }

    void controlsHaveAccessibleNames() {
        MemoryView view;
        const QList<QWidget*> widgets = view.findChildren<QWidget*>();
        int named = 0;
        for (QWidget* w : widgets) {
            if (qobject_cast<QAbstractButton*>(w)) {
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
                ++named;
            }
        }
        // export buttons (4, with the search history) + the history table's corner button + legend
        // check boxes (+ budget); the stacked chart's component entries come with the first
        // attribution, the collector chart's with the first plugin reading
        QCOMPARE(named, 4 + 1 + kChartSeriesCount + 1);
    }

    void legendCheckBoxesHideAndShowSeries() {
        MemoryView view;
        view.resize(420, 760);  // a narrow dock: the legend wraps instead of truncating names
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        MetricsSnapshot s;
        s.small_files_processed = 40;
        s.cache_hits = 900;
        s.cache_misses = 30;
        view.addSample(s, 0);
        view.addAttribution(attribution(2 * MiB, 60 * MiB), 0);
        QTRY_COMPARE_WITH_TIMEOUT(points(view, ChartSeries::CacheHits), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(view.charts()->componentCount(), 3, 10000);

        QCheckBox* hits = nullptr;
        QCheckBox* heap = nullptr;
        for (QCheckBox* box : view.findChildren<QCheckBox*>()) {
            if (box->text() == view.charts()->seriesName(ChartSeries::CacheHits)) hits = box;
            if (box->text() == view.charts()->componentName(1)) heap = box;
            // Names are never cut short.
            if (box->isHidden()) continue;  // the budget entry, without a budget
            QVERIFY2(box->width() >= box->sizeHint().width(), qPrintable(box->text()));
        }
        QVERIFY(hits && heap);
        QVERIFY(hits->isChecked());
        hits->click();
        QVERIFY(!view.charts()->isSeriesVisible(ChartSeries::CacheHits));
        view.charts()->setSeriesVisible(ChartSeries::CacheHits, true);
        QVERIFY(hits->isChecked());
        // A component's entry hides its layer of the stacked chart.
        heap->click();
        QVERIFY(!view.charts()->isComponentVisible(1));
        view.charts()->setComponentVisible(1, true);
        QVERIFY(heap->isChecked());
    }
};

QTEST_MAIN(TestMemoryView)
#include "test_memory_view.moc"
