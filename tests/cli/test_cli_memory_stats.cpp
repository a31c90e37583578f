// codescout-cli --stats / --stats-only with the memory report: the seed's lines and the search
// lines stay as they were, "Peak heap" and "Peak resident" follow them, and the attribution's
// components add up to the resident size it names. Runs the real binary (with its heap tracker).
#include <QRegularExpression>
#include <QTest>

#include "process_runner.h"
#include "test_tree.h"

namespace {

QStringList lines_of(const QByteArray& out) {
    QStringList lines = QString::fromUtf8(out).split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    return lines;
}

// "1,234 bytes" -> 1234 (negative allowed); -1 with ok=false otherwise.
qint64 bytes_value(const QString& text, bool* ok) {
    static const QRegularExpression re(QStringLiteral(R"(^(-?[\d,]+) bytes$)"));
    const auto m = re.match(text);
    *ok = m.hasMatch();
    return *ok ? m.captured(1).remove(u',').toLongLong() : -1;
}

void write_tree(TestTree& t) {
    t.write(QStringLiteral("small.txt"), QByteArray(50, 'a') + "\nneedle\n");
    t.write(QStringLiteral("medium.txt"), QByteArray(500, 'b') + "\nneedle\n");
    t.write(QStringLiteral("large.txt"), QByteArray(5000, 'c') + "\nneedle needle\n");
}

// Under ASan and TSan the CLI (built alike) allocates from the sanitizer's allocator, which has
// no glibc arenas: the resident pages malloc keeps free ("heap_free_kept") cannot be measured
// there, and the report says so (heap_counters.cpp) rather than printing a number.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitizerAllocator = true;
#else
constexpr bool kSanitizerAllocator = false;
#endif

const QStringList kThresholds = {QStringLiteral("--small-file-threshold=100"), QStringLiteral("--large-file-threshold=1000")};

}  // namespace

class TestCliMemoryStats : public QObject {
    Q_OBJECT

private slots:
    void stats_only_appends_after_the_unchanged_lines() {
        TestTree t;
        write_tree(t);
        const ProcessResult r = run_program(cli_path(), QStringList{QStringLiteral("--stats-only")} + kThresholds +
                                                             QStringList{QStringLiteral("needle")},
                                            QString::fromStdString(t.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        const QStringList lines = lines_of(r.out);
        // The seed's seven lines and the search lines, in their places.
        const QStringList expected_starts = {
            QStringLiteral("Memory usage stats:"), QStringLiteral("Total allocated: 0 bytes"),
            QStringLiteral("Peak allocated: "),    QStringLiteral("Memory mapped: 0 bytes"),
            QStringLiteral("Cache size: "),        QStringLiteral("Cache hits/misses: "),
            QStringLiteral("Files processed (small/buffered/mmap): 1/1/1"),
            QStringLiteral("Files searched: 3"),   QStringLiteral("Files with matches: 3"),
            QStringLiteral("Matched lines: 3"),    QStringLiteral("Matches: 4"),
            QStringLiteral("Bytes searched: "),    QStringLiteral("Files skipped: "),
            QStringLiteral("Resident memory: "),   QStringLiteral("Elapsed: "),
            QStringLiteral("Peak heap: "),         QStringLiteral("Peak resident: "),
            QStringLiteral("Memory attribution (resident ")};
        QVERIFY2(lines.size() > expected_starts.size(), r.out.constData());
        for (int i = 0; i < expected_starts.size(); ++i) {
            QVERIFY2(lines[i].startsWith(expected_starts[i]), qPrintable(lines[i]));
        }
        bool ok = false;
        qint64 peak_heap = 0;
        if (CODESCOUT_HEAP_TRACKER) {
            peak_heap = bytes_value(lines[15].mid(11), &ok);
            QVERIFY2(ok && peak_heap > 0, qPrintable(lines[15]));
        } else {
            QCOMPARE(lines[15], QStringLiteral("Peak heap: unavailable"));
        }
        const qint64 peak_resident = bytes_value(lines[16].mid(15), &ok);
        QVERIFY2(ok && peak_resident > peak_heap, qPrintable(lines[16]));

        // The components, one per line, add up to the resident size in the header.
        QString header = lines[17];
        header.remove(QStringLiteral("Memory attribution (resident ")).chop(2);
        const qint64 resident = bytes_value(header, &ok);
        QVERIFY2(ok && resident > 0 && resident <= peak_resident, qPrintable(lines[17]));
        qint64 sum = 0;
        QStringList names;
        static const QRegularExpression component(QStringLiteral(R"(^  ([a-z_]+): (.*)$)"));
        for (int i = 18; i < lines.size(); ++i) {
            const auto m = component.match(lines[i]);
            if (!m.hasMatch()) break;
            names << m.captured(1);
            if (kSanitizerAllocator && m.captured(1) == QStringLiteral("heap_free_kept")) {
                QCOMPARE(m.captured(2), QStringLiteral("unavailable"));  // unattributed holds its share
                continue;
            }
            sum += bytes_value(m.captured(2), &ok);
            QVERIFY2(ok, qPrintable(lines[i]));  // everything else is available on Linux
        }
        QCOMPARE(names, QStringList({"buffers_small", "buffers_buffered", "buffers_decode", "pattern_cache", "scratch", "walker", "index_build",
                                     "other_heap", "heap_free_kept", "mapped_files", "index_mapping", "code_and_libraries", "thread_stacks", "unattributed"}));
        QCOMPARE(sum, resident);
        QVERIFY2(r.out.contains("\nStrategy mmap: 1 files, "), r.out.constData());
        QVERIFY2(r.out.contains("\nLargest buffer: "), r.out.constData());
        QVERIFY2(r.out.contains("\nPhase search: peak heap "), r.out.constData());
    }

    void stats_puts_the_peaks_right_after_the_seed_block() {
        TestTree t;
        write_tree(t);
        const ProcessResult r = run_program(cli_path(), QStringList{QStringLiteral("--stats")} + kThresholds +
                                                             QStringList{QStringLiteral("needle")},
                                            QString::fromStdString(t.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        const QStringList lines = lines_of(r.out);
        const int last_seed = lines.indexOf(QStringLiteral("Files processed (small/buffered/mmap): 1/1/1"));
        QVERIFY2(last_seed > 0, r.out.constData());
        QVERIFY(lines[last_seed + 1].startsWith(QStringLiteral("Peak heap: ")));
        QVERIFY(lines[last_seed + 2].startsWith(QStringLiteral("Peak resident: ")));
    }

    void prometheus_has_the_memory_metrics() {
        TestTree t;
        write_tree(t);
        const ProcessResult r = run_program(cli_path(),
                                            {QStringLiteral("--stats-only"), QStringLiteral("--metrics-format=prometheus"),
                                             QStringLiteral("needle")},
                                            QString::fromStdString(t.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains("# TYPE codescout_process_peak_heap_bytes gauge\n"));
        QCOMPARE(r.out.contains("\ncodescout_process_peak_heap_bytes "), bool(CODESCOUT_HEAP_TRACKER));
        for (const char* name : {"codescout_process_peak_resident_bytes", "codescout_process_resident_bytes"}) {
            QVERIFY2(r.out.contains(QByteArray("# TYPE ") + name + " gauge\n"), name);
            QVERIFY2(QRegularExpression(QStringLiteral("\n%1 [1-9]\\d*\n").arg(QLatin1String(name)))
                         .match(QString::fromUtf8(r.out))
                         .hasMatch(),
                     name);
        }
        QVERIFY(r.out.contains("\ncodescout_memory_bytes{component=\"other_heap\"} "));
        QVERIFY(r.out.contains("\ncodescout_memory_bytes{component=\"unattributed\"} "));
        QVERIFY(!r.out.contains("Peak heap"));
    }
};

QTEST_GUILESS_MAIN(TestCliMemoryStats)
#include "test_cli_memory_stats.moc"
