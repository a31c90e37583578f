// The memory view's data helpers: the sample ring buffer, byte formatting and the CSV and
// Prometheus exports.
#include <QtTest>

#include <stdexcept>

#include "core/metrics/metrics_format.h"
#include "gui/memory/byte_format.h"
#include "gui/memory/metrics_export.h"
#include "gui/memory/point_decimation.h"
#include "gui/memory/sample_buffer.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

MetricsSample sample(std::int64_t elapsed, std::uint64_t allocated = 0) {
    MetricsSample s;
    s.elapsed_ms = elapsed;
    s.snapshot.total_allocated = allocated;
    return s;
}

QList<std::int64_t> elapsedOf(const SampleBuffer& buffer) {
    QList<std::int64_t> out;
    for (std::size_t i = 0; i < buffer.size(); ++i) out << buffer.at(i).elapsed_ms;
    return out;
}

// "1.5" + no-break space + "KiB", as formatBytes joins number and unit.
QString withUnit(const char* number, const char* unit) {
    return QString::fromLatin1(number) + QChar(QChar::Nbsp) + QString::fromLatin1(unit);
}

}  // namespace

class TestMemoryData : public QObject {
    Q_OBJECT
private slots:
    void ringKeepsOrderUntilFull() {
        SampleBuffer buffer(4);
        QVERIFY(buffer.empty());
        for (int i = 0; i < 3; ++i) buffer.push(sample(i));
        QCOMPARE(elapsedOf(buffer), (QList<std::int64_t>{0, 1, 2}));
        QCOMPARE(buffer.latest().elapsed_ms, 2);
    }

    void ringDropsTheOldestWhenFull() {
        SampleBuffer buffer(4);
        for (int i = 0; i < 11; ++i) buffer.push(sample(i));
        QCOMPARE(buffer.size(), 4u);
        QCOMPARE(elapsedOf(buffer), (QList<std::int64_t>{7, 8, 9, 10}));
        QCOMPARE(buffer.totalPushed(), 11u);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, buffer.at(4));
    }

    void capacityChangesKeepTheNewest() {
        SampleBuffer buffer(5);
        for (int i = 0; i < 8; ++i) buffer.push(sample(i));  // wrapped: 3..7
        buffer.setCapacity(3);
        QCOMPARE(elapsedOf(buffer), (QList<std::int64_t>{5, 6, 7}));
        buffer.setCapacity(6);
        buffer.push(sample(8));
        QCOMPARE(elapsedOf(buffer), (QList<std::int64_t>{5, 6, 7, 8}));
        for (int i = 9; i < 12; ++i) buffer.push(sample(i));
        QCOMPARE(elapsedOf(buffer), (QList<std::int64_t>{6, 7, 8, 9, 10, 11}));
        buffer.setCapacity(0);
        QCOMPARE(buffer.capacity(), 1u);
        QCOMPARE(elapsedOf(buffer), (QList<std::int64_t>{11}));
        buffer.clear();
        QVERIFY(buffer.empty());
        QCOMPARE(buffer.totalPushed(), 0u);
    }

    void defaultCapacityIsBounded() {
        SampleBuffer buffer;
        for (std::size_t i = 0; i < SampleBuffer::kDefaultCapacity + 500; ++i) {
            buffer.push(sample(static_cast<std::int64_t>(i)));
        }
        QCOMPARE(buffer.size(), SampleBuffer::kDefaultCapacity);
        QCOMPARE(buffer.at(0).elapsed_ms, 500);
    }

    void formatBytes_data() {
        QTest::addColumn<quint64>("bytes");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << quint64(0) << QStringLiteral("C") << withUnit("0", "B");
        QTest::newRow("bytes") << quint64(1023) << QStringLiteral("C") << withUnit("1023", "B");
        QTest::newRow("one KiB") << quint64(1024) << QStringLiteral("C") << withUnit("1", "KiB");
        QTest::newRow("fraction") << quint64(1536) << QStringLiteral("C") << withUnit("1.5", "KiB");
        QTest::newRow("German decimal comma") << quint64(1536) << QStringLiteral("de_DE") << withUnit("1,5", "KiB");
        QTest::newRow("hundreds drop decimals") << quint64(812ull * 1024 * 1024 + 300 * 1024)
                                                << QStringLiteral("C") << withUnit("812", "MiB");
        QTest::newRow("GiB") << quint64(3ull << 30) << QStringLiteral("C") << withUnit("3", "GiB");
    }

    void formatBytes() {
        QFETCH(quint64, bytes);
        QFETCH(QString, locale);
        QFETCH(QString, expected);
        QCOMPARE(codescout::gui::formatBytes(bytes, QLocale(locale)), expected);
    }

    void csvHasAHeaderAndOneRowPerSample() {
        SampleBuffer buffer(2);
        MetricsSample a;
        a.elapsed_ms = 0;
        buffer.push(a);  // dropped by the ring below
        MetricsSample b;
        b.elapsed_ms = 100;
        b.snapshot = MetricsSnapshot{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        buffer.push(b);
        MetricsSample c;
        c.elapsed_ms = 200;
        c.snapshot.total_allocated = 1234567;
        c.snapshot.resident_bytes = 50ull << 20;
        c.snapshot.small_file_threshold = 32768;  // as a search with the default thresholds records them
        c.snapshot.large_file_threshold = 10485760;
        buffer.push(c);

        const QList<QByteArray> lines = samplesToCsv(buffer).split('\n');
        QCOMPARE(lines.size(), 4);  // header, two rows, empty after the final '\n'
        QCOMPARE(lines.at(0), QByteArray("elapsed_ms,total_allocated_bytes,peak_allocated_bytes,"
                                         "mmap_allocated_bytes,cache_size_bytes,cache_hits,cache_misses,"
                                         "small_files,buffered_files,mmap_files,resident_bytes,"
                                         "small_file_threshold_bytes,large_file_threshold_bytes"));
        QCOMPARE(lines.at(1), QByteArray("100,1,2,3,4,5,6,7,8,9,10,11,12"));
        QCOMPARE(lines.at(2), QByteArray("200,1234567,0,0,0,0,0,0,0,0,52428800,32768,10485760"));
        QVERIFY(lines.at(3).isEmpty());
        // Every row has as many fields as the header.
        const auto fields = lines.at(0).count(',');
        QCOMPARE(lines.at(1).count(','), fields);
        QCOMPARE(lines.at(2).count(','), fields);
    }

    void csvOfNoSamplesIsTheHeaderOnly() {
        QCOMPARE(samplesToCsv(SampleBuffer()), csvHeader());
    }

    void decimationKeepsSmallLinesWhole() {
        QList<QPointF> points;
        for (int i = 0; i < 20; ++i) points << QPointF(i, i % 3);
        QCOMPARE(decimateMinMax(points, 10), points);
        QCOMPARE(decimateMinMax({}, 10), QList<QPointF>());
    }

    void decimationKeepsSpikesEndsAndOrder() {
        QList<QPointF> points;
        for (int i = 0; i < 3000; ++i) points << QPointF(i * 0.1, 100 + (i % 7));
        points[1234].setY(5000);  // a one-sample spike
        points[2345].setY(-50);   // and a dip
        const int buckets = 150;
        const QList<QPointF> out = decimateMinMax(points, buckets);
        QVERIFY2(out.size() <= 2 * buckets + 2, qPrintable(QString::number(out.size())));
        QVERIFY(out.size() >= buckets);
        QCOMPARE(out.first(), points.first());
        QCOMPARE(out.last(), points.last());
        QVERIFY(out.contains(points[1234]));
        QVERIFY(out.contains(points[2345]));
        for (qsizetype i = 1; i < out.size(); ++i) QVERIFY(out[i - 1].x() < out[i].x());
        // Every kept point is an original one.
        for (const QPointF& p : out) QVERIFY(points.contains(p));
    }

    void decimationOfAVerticalLine() {
        QList<QPointF> points;
        for (int i = 0; i < 50; ++i) points << QPointF(1.0, i);
        QCOMPARE(decimateMinMax(points, 5), (QList<QPointF>{points.first(), points.last()}));
    }

    void prometheusIsTheEngineFormat() {
        MetricsSnapshot s{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        const QByteArray text = snapshotToPrometheus(s);
        QCOMPARE(text, QByteArray::fromStdString(format_prometheus(s)));
        QVERIFY(text.contains("\ncodescout_memory_peak_allocated_bytes 2\n"));
        QVERIFY(text.contains("codescout_files_processed_total{strategy=\"buffered\"} 8\n"));
    }
};

QTEST_GUILESS_MAIN(TestMemoryData)
#include "test_memory_data.moc"
