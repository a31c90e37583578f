// Collector plugins in the memory view (issue 8, item 4): their series on the collector chart's
// own axes, in the CSV export and in the Prometheus export; unavailable, unlimited and stale
// readings shown as such (gaps, a legend note, empty CSV cells), never as 0. End to end with the
// real process-io plugin and with the test suite's hanging plugin and a garbage file, loaded by
// the sampler's probe off the GUI thread.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <filesystem>

#include "core/collectors/collector_format.h"
#include "gui/memory/memory_charts.h"
#include "gui/memory/memory_view.h"
#include "gui/memory/metrics_export.h"
#include "gui/memory/metrics_sampler.h"

using namespace codescout;
using namespace codescout::gui;
using namespace std::chrono_literals;
using collectors::CollectorReading;
using collectors::SeriesInfo;
using collectors::SeriesType;
using collectors::ValueState;

namespace {

const SeriesInfo kReadBytes{"codescout_io_read_bytes_total", "Bytes read.", "bytes", SeriesType::Counter,
                            "process-io", "/plugins/process_io.so"};
const SeriesInfo kSyscalls{"codescout_io_read_syscalls_total", "Read calls.", "syscalls", SeriesType::Counter,
                           "process-io", "/plugins/process_io.so"};
const SeriesInfo kMax{"codescout_cgroup_memory_max_bytes", "Limit.", "bytes", SeriesType::Gauge, "cgroup-memory",
                      "/plugins/cgroup_memory.so"};

// Tick i of a made-up run: read bytes grow, syscalls go stale at tick 2 (the value is tick 1's),
// the cgroup limit is unlimited throughout, and at tick 3 the read bytes are unavailable.
collectors::CollectorSnapshot readings(int i) {
    CollectorReading bytes{kReadBytes, 1000.0 * (i + 1), ValueState::Ok, false};
    if (i == 3) bytes = {kReadBytes, 0, ValueState::Unavailable, false};
    CollectorReading calls{kSyscalls, 10.0 * (i == 2 ? 2 : i + 1), ValueState::Ok, i == 2};
    CollectorReading limit{kMax, 0, ValueState::Unlimited, false};
    return {bytes, calls, limit};
}

void feed(MemoryView& view, int ticks) {
    for (int i = 0; i < ticks; ++i) {
        MetricsSnapshot s;
        s.small_files_processed = static_cast<std::uint64_t>(i);
        view.addSample(s, i * 100);
        view.addCollectorReadings(readings(i), i * 100);
    }
}

// A plugin folder holding copies of the given files (the build's plugin folders hold others).
std::filesystem::path pluginFolder(const QTemporaryDir& dir, std::initializer_list<const char*> plugins) {
    const std::filesystem::path folder = dir.filePath(QStringLiteral("collectors")).toStdString();
    std::filesystem::create_directories(folder);
    for (const char* plugin : plugins) {
        const std::filesystem::path from(plugin);
        std::filesystem::copy_file(from, folder / from.filename());
    }
    return folder;
}

}  // namespace

class TestCollectorView : public QObject {
    Q_OBJECT
private slots:
    void chartPlotsOnlyCurrentReadingsOnTheirOwnAxes() {
        MemoryView view;
        view.show();
        QVERIFY(!view.charts()->isCollectorChartShown());  // no plugin: no empty chart
        feed(view, 4);
        QTRY_COMPARE_WITH_TIMEOUT(view.charts()->collectorSeriesCount(), 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(view.charts()->collectorPointCount(0) == 3, 10000);
        MemoryCharts* charts = view.charts();
        QVERIFY(charts->isCollectorChartShown());
        QVERIFY(charts->isCollectorOnBytesAxis(0));
        QVERIFY(!charts->isCollectorOnBytesAxis(1));
        QCOMPARE(charts->collectorAxisTitle(false), QStringLiteral("syscalls"));
        QVERIFY2(charts->collectorAxisTitle(true).startsWith(QStringLiteral("Bytes (")),
                 qPrintable(charts->collectorAxisTitle(true)));
        QCOMPARE(charts->collectorPointCount(0), 3);  // tick 3 unavailable: a gap, not a 0
        QCOMPARE(charts->collectorPointCount(1), 3);  // tick 2 stale: a gap
        QCOMPARE(charts->collectorPointCount(2), 0);  // unlimited: no number to plot
        QCOMPARE(charts->collectorLegendText(0), QStringLiteral("codescout_io_read_bytes_total — unavailable"));
        QCOMPARE(charts->collectorLegendText(1), QStringLiteral("codescout_io_read_syscalls_total"));
        QCOMPARE(charts->collectorLegendText(2), QStringLiteral("codescout_cgroup_memory_max_bytes — unlimited"));
        view.addCollectorReadings(readings(2), 400);  // stale again, as the newest reading
        QTRY_COMPARE_WITH_TIMEOUT(charts->collectorLegendText(1),
                                  QStringLiteral("codescout_io_read_syscalls_total — stale"), 10000);
        // A new search keeps the plugins' chart, without the old readings.
        view.clear();
        QVERIFY(charts->isCollectorChartShown());
        QCOMPARE(charts->collectorPointCount(0), 0);
    }

    void csvCarriesPluginSeriesWithTheirState() {
        MemoryView view;
        feed(view, 4);
        MetricsSnapshot s;
        view.addSample(s, 400);  // a tick the probe skipped: no collector row for it
        const QByteArray csv = samplesToCsv(view.samples(), view.attribution(), view.collectorReadings());
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.size(), 1 + 5 + 1);
        QVERIFY(lines[0].endsWith(",large_file_threshold_bytes,codescout_io_read_bytes_total,"
                                  "codescout_io_read_bytes_total_stale,codescout_io_read_syscalls_total,"
                                  "codescout_io_read_syscalls_total_stale,codescout_cgroup_memory_max_bytes,"
                                  "codescout_cgroup_memory_max_bytes_stale"));
        const auto tail = [&](int row) { return lines[row].split(',').mid(13); };
        QCOMPARE(tail(1), (QList<QByteArray>{"1000", "0", "10", "0", "unlimited", "0"}));
        QCOMPARE(tail(3), (QList<QByteArray>{"3000", "0", "20", "1", "unlimited", "0"}));  // stale
        QCOMPARE(tail(4), (QList<QByteArray>{"", "0", "40", "0", "unlimited", "0"}));      // unavailable
        QCOMPARE(tail(5), (QList<QByteArray>{"", "", "", "", "", ""}));                    // not probed

        // The view's own export writes the same.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("samples.csv"));
        QVERIFY(view.exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), csv);
    }

    void csvAndPrometheusCarryTheAttribution() {
        MemoryView view;
        MetricsSnapshot s;
        s.resident_bytes = 4096;
        view.addSample(s, 0);
        MemoryAttribution a;
        a.resident = 4000;
        a.components = {{"buffers_small", 1000, true}, {"gui_results", std::nullopt, true}, {"unattributed", 3000, false}};
        view.addAttribution(a, 0);
        view.addCollectorReadings(readings(0), 0);
        const QByteArray csv = samplesToCsv(view.samples(), view.attribution(), view.collectorReadings());
        QVERIFY(csv.contains(",attributed_resident_bytes,memory_buffers_small_bytes,memory_gui_results_bytes,"
                             "memory_unattributed_bytes,codescout_io_read_bytes_total,"));
        QVERIFY2(csv.contains(",4000,1000,,3000,1000,0,"), csv.constData());  // unavailable: empty

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("metrics.prom"));
        QVERIFY(view.exportPrometheus(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QCOMPARE(text, snapshotToPrometheus(s, a, readings(0)));
        QVERIFY(text.contains("\ncodescout_process_resident_bytes 4000\n"));
        QVERIFY(text.contains("\ncodescout_memory_bytes{component=\"buffers_small\"} 1000\n"));
        QVERIFY(!text.contains("component=\"gui_results\""));  // unavailable: no sample line
        QVERIFY(text.endsWith(QByteArray::fromStdString(collectors::format_prometheus(readings(0)))));
        QVERIFY(text.contains("\ncodescout_io_read_bytes_total 1000\n"));
    }

    void realPluginEndToEnd() {
        QTemporaryDir dir;
        MemoryView view;
        view.show();
        MetricsSampler sampler;
        sampler.setInterval(20ms);
        sampler.setProbeRestFactor(0);  // a reading at every idle tick
        sampler.setCollectorSearchPath({pluginFolder(dir, {PROCESS_IO_PLUGIN})});
        view.setSampler(&sampler);
        sampler.start(std::make_shared<MemoryMetrics>());
        // The plugin is loaded and sampled on the probe's thread; its readings reach the view.
        QTRY_VERIFY_WITH_TIMEOUT(view.collectorReadings().size() >= 2, 10000);
        sampler.stop();
        QTRY_VERIFY_WITH_TIMEOUT(view.charts()->isCollectorChartShown(), 10000);
        const auto& series = view.collectorReadings().series();
        QVERIFY(std::any_of(series.begin(), series.end(),
                            [](const SeriesInfo& s) { return s.name == "codescout_io_read_bytes_total"; }));
        QTemporaryDir out;
        const QString csvPath = out.filePath(QStringLiteral("samples.csv"));
        QVERIFY(view.exportCsv(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readLine().contains(",codescout_io_read_bytes_total,codescout_io_read_bytes_total_stale,"));
        const QString promPath = out.filePath(QStringLiteral("metrics.prom"));
        QVERIFY(view.exportPrometheus(promPath));
        QFile prom(promPath);
        QVERIFY(prom.open(QIODevice::ReadOnly));
        const QByteArray text = prom.readAll();
        QVERIFY(text.contains("\n# TYPE codescout_io_read_bytes_total counter\n"));
        QVERIFY(text.contains("\n# TYPE codescout_memory_bytes gauge\n"));
    }

    void hungPluginIsStaleAndGarbageIsNamed() {
        QTemporaryDir dir;
        const std::filesystem::path folder = pluginFolder(dir, {HANGING_PLUGIN});
        {
            QFile garbage(QString::fromStdString((folder / "garbage.so").string()));
            QVERIFY(garbage.open(QIODevice::WriteOnly));
            garbage.write("not a shared library\n");
        }
        MemoryView view;
        view.show();
        MetricsSampler sampler;
        sampler.setInterval(20ms);
        sampler.setProbeRestFactor(0);  // a reading at every idle tick
        sampler.setCollectorSearchPath({folder});
        view.setSampler(&sampler);
        sampler.start(std::make_shared<MemoryMetrics>());
        // The plugin's first sample blocks for 1.5 s; the probe's time box is 80 ms: stale, and the
        // GUI thread goes on sampling meanwhile.
        QTRY_VERIFY_WITH_TIMEOUT(view.charts()->collectorSeriesCount() == 1 &&
                                     view.charts()->collectorLegendText(0).endsWith(QStringLiteral("— stale")),
                                 10000);
        QCOMPARE(view.charts()->collectorPointCount(0), 0);
        QVERIFY(view.samples().size() >= 1);
        QVERIFY2(view.collectorNotes().join(QLatin1Char('\n')).contains(QStringLiteral("garbage.so")),
                 qPrintable(view.collectorNotes().join(QLatin1Char('\n'))));
        // Once the hung call returns, the plugin answers again and its points appear.
        QTRY_VERIFY_WITH_TIMEOUT(view.charts()->collectorPointCount(0) > 0, 15000);
        sampler.stop();
    }
};

QTEST_MAIN(TestCollectorView)
#include "test_collector_view.moc"
