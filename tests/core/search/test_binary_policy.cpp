// The engine's own binary policy (default_binary_policy(), what the GUI uses): text ends at the
// line holding the first NUL, whatever the strategy and read sizes; matches before it come with
// a BinaryFinding, a file without any is skipped as binary, and -l satisfied earlier needs no note.
#include <QtTest>

#include <atomic>

#include "core/search/binary_policy.h"
#include "core/search/file_searcher.h"
#include "test_matchers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::testing;

namespace {

constexpr quint64 kHuge = quint64(1) << 40;

struct OneFile {
    FileResult result;
    FileReport report;
};

OneFile search_walked(const std::string& path, quint64 small, quint64 large, ReportMode mode = ReportMode::Lines) {
    MemoryMetrics metrics;
    SubstringMatcher matcher("needle");
    SearchOptions options;
    options.processing.small_file_threshold = small;
    options.processing.large_file_threshold = large;
    options.report.mode = mode;
    ReadSizes sizes;
    sizes.chunk = 1000;  // blocks end in the middle of lines, away from the NUL
    sizes.map_window = 3000;
    std::atomic<bool> stop{false};
    FileSearcher searcher(matcher, options, *default_binary_policy(), metrics, stop, sizes);
    OneFile out;
    out.report = searcher.search(path, InputSpec{InputOrigin::Walked}, out.result);
    return out;
}

}  // namespace

class TestBinaryPolicy : public QObject {
    Q_OBJECT

private slots:
    void strategies_data() {
        QTest::addColumn<quint64>("small");
        QTest::addColumn<quint64>("large");
        QTest::newRow("whole") << kHuge << kHuge;
        QTest::newRow("buffered") << quint64(0) << kHuge;
        QTest::newRow("mapped") << quint64(0) << quint64(0);
    }

    // 1000 lines "needle NNNN\n" (12 bytes); a NUL in the middle of line 700 (0-based 699).
    void stopsAtTheLineHoldingTheNul_data() { strategies_data(); }
    void stopsAtTheLineHoldingTheNul() {
        QFETCH(quint64, small);
        QFETCH(quint64, large);
        QByteArray content;
        for (int i = 0; i < 1000; ++i) content += QByteArray("needle ") + QByteArray::number(1000 + i) + '\n';
        const qsizetype line_start = 699 * 12;
        content[line_start + 8] = '\0';
        TestTree tree;
        const OneFile one = search_walked(tree.write(QStringLiteral("late"), content), small, large);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Matched));
        QCOMPARE(one.result.matched_lines, 699u);
        QCOMPARE(quint64(one.result.lines.size()), 699u);
        QCOMPARE(one.result.lines.back().byte_offset, quint64(line_start - 12));
        QCOMPARE(int(one.result.binary.action), int(BinaryAction::Stopped));
        QCOMPARE(one.result.binary.nul_offset, quint64(line_start + 8));
        QCOMPARE(one.result.binary.text_end, quint64(line_start));
    }

    void fileWithoutMatchesBeforeTheNulIsBinary_data() { strategies_data(); }
    void fileWithoutMatchesBeforeTheNulIsBinary() {
        QFETCH(quint64, small);
        QFETCH(quint64, large);
        QByteArray content = QByteArray("plain\n").repeated(500) + QByteArray("x\0y needle\n", 11) +
                             QByteArray("needle\n").repeated(500);
        TestTree tree;
        const OneFile one = search_walked(tree.write(QStringLiteral("bin"), content), small, large);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Binary));
        QVERIFY(one.result.lines.empty());
        QCOMPARE(int(one.result.binary.action), int(BinaryAction::None));
    }

    // -l is answered by the first line: the NUL far behind it changes nothing, so no note.
    void answerBeforeTheNulNeedsNoNote_data() { strategies_data(); }
    void answerBeforeTheNulNeedsNoNote() {
        QFETCH(quint64, small);
        QFETCH(quint64, large);
        QByteArray content = QByteArray("needle\n") + QByteArray("plain\n").repeated(2000) + QByteArray("\0\n", 2);
        TestTree tree;
        const OneFile one =
            search_walked(tree.write(QStringLiteral("l"), content), small, large, ReportMode::FilesWithMatches);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Matched));
        QCOMPARE(int(one.result.binary.action), int(BinaryAction::None));
    }

    void textFileHasNoFinding() {
        TestTree tree;
        const OneFile one = search_walked(tree.write(QStringLiteral("t"), QByteArray("needle\n").repeated(50)), 0, kHuge);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Matched));
        QCOMPARE(one.result.matched_lines, 50u);
        QVERIFY(one.result.binary == BinaryFinding{});
    }
};

QTEST_GUILESS_MAIN(TestBinaryPolicy)
#include "test_binary_policy.moc"
