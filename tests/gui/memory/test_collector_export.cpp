// The memory view's Prometheus export with collector plugin series: the engine's exposition, then
// the collectors' exactly as the CLI prints them, using a real plugin (process-io) so the
// exported names are the shipped ones.
#include <QTest>

#include "core/collectors/collector_format.h"
#include "core/collectors/collector_registry.h"
#include "core/metrics/metrics_format.h"
#include "gui/memory/metrics_export.h"

using namespace codescout;
using namespace std::chrono_literals;

class TestCollectorExport : public QObject {
    Q_OBJECT

private slots:
    void prometheusExportCarriesCollectorSeries() {
        collectors::CollectorRegistry registry({std::filesystem::path(PROCESS_IO_PLUGIN)});
        QCOMPARE(registry.collector_count(), std::size_t{1});
        const collectors::CollectorSnapshot readings = registry.sample_all(2000ms);
        const MetricsSnapshot engine{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

        const QByteArray text = gui::snapshotToPrometheus(engine, readings);
        const QByteArray engine_part = QByteArray::fromStdString(format_prometheus(engine));
        QVERIFY(text.startsWith(engine_part));
        QCOMPARE(text.mid(engine_part.size()), QByteArray::fromStdString(collectors::format_prometheus(readings)));
        QVERIFY(text.contains("\n# TYPE codescout_io_read_bytes_total counter\n"));
        QVERIFY(text.contains("\n# TYPE codescout_io_read_syscalls_total counter\n"));
        // Without readings the export is the engine's alone, as before.
        QCOMPARE(gui::snapshotToPrometheus(engine, {}), gui::snapshotToPrometheus(engine));
    }
};

QTEST_GUILESS_MAIN(TestCollectorExport)
#include "test_collector_export.moc"
