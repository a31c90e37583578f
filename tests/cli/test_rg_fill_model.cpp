// RgFillModel against cuts measured with rg 14.1.1 itself (the comments give each file and what
// rg printed for it), fed in pieces of every size to show the feeding does not matter.
#include <QtTest>

#include <cstdint>

#include "cli/rg_compat/rg_fill_model.h"

using namespace codescout;

namespace {

// `lines` lines of 63 'x' and '\n' (64 bytes each).
QByteArray lines64(int lines) { return QByteArray(QByteArray(63, 'x') + '\n').repeated(lines); }

RgFillModel fed(const QByteArray& content, std::size_t piece, bool standard_input = false, std::size_t context = 0) {
    RgFillModel model(standard_input, context);
    for (qsizetype at = 0; at < content.size(); at += static_cast<qsizetype>(piece)) {
        const std::size_t size = std::min<std::size_t>(piece, static_cast<std::size_t>(content.size() - at));
        model.feed(content.constData() + at, size, static_cast<std::uint64_t>(at));
    }
    return model;
}

}  // namespace

class TestRgFillModel : public QObject {
    Q_OBJECT
private slots:
    void cuts_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("standardInput");
        QTest::addColumn<int>("context");
        QTest::addColumn<quint64>("nul");
        QTest::addColumn<quint64>("searchedEnd");
        QByteArray at70k = lines64(1600);
        at70k[70 * 1024 + 5] = '\0';
        QByteArray at65k = lines64(1600);
        at65k[65 * 1024 + 5] = '\0';
        QByteArray short_first = lines64(1100);
        short_first[1] = '\n';  // "x\n" + 62 bytes: the 3-byte first read holds a line end
        short_first[65537] = '\0';
        QByteArray long_first = lines64(1100);
        long_first[65537] = '\0';
        // rg -n foo DIR: a match at offset 10 printed, the one at 50 KiB too, 90 KiB not.
        QTest::newRow("NUL at 70 KiB") << at70k << false << 0 << quint64(71685) << quint64(65536);
        // A match at 64 KiB + 64 is not printed: the second read holds the NUL.
        QTest::newRow("NUL at 65 KiB") << at65k << false << 0 << quint64(66565) << quint64(65536);
        // A match at 60000 is not printed: the first fill ends after 3 bytes.
        QTest::newRow("line end in the first 3 bytes") << short_first << false << 0 << quint64(65537) << quint64(2);
        QTest::newRow("no line end in the first 3 bytes") << long_first << false << 0 << quint64(65537) << quint64(65536);
        // rg -A1: the first line is kept for context, so the second read ends before the NUL and
        // the match at 60000 is printed.
        QTest::newRow("line end in the first 3 bytes, -A1") << short_first << false << 1 << quint64(65537) << quint64(65536);
        // rg -n foo < file: only the match at offset 10 (stdin's 8 KiB buffer ends the first fill).
        QTest::newRow("stdin, NUL at 70 KiB") << at70k << true << 0 << quint64(71685) << quint64(8192);
        QByteArray early = lines64(10);
        early[100] = '\0';
        QTest::newRow("NUL in the first read") << early << false << 0 << quint64(100) << quint64(0);
    }
    void cuts() {
        QFETCH(QByteArray, content);
        QFETCH(bool, standardInput);
        QFETCH(int, context);
        QFETCH(quint64, nul);
        QFETCH(quint64, searchedEnd);
        for (const std::size_t piece : {std::size_t(1) << 30, std::size_t(65536), std::size_t(4093), std::size_t(1)}) {
            const RgFillModel model = fed(content, piece, standardInput, static_cast<std::size_t>(context));
            QVERIFY(model.nul_seen());
            QCOMPARE(model.nul_offset(), nul);
            QCOMPARE(model.searched_end(), searchedEnd);
        }
    }

    void noNulNoCut() {
        const RgFillModel model = fed(lines64(5000), 10000);
        QVERIFY(!model.nul_seen());
    }
};

QTEST_GUILESS_MAIN(TestRgFillModel)
#include "test_rg_fill_model.moc"
