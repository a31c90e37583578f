// The committed hicolor PNGs (resources/icons/hicolor/) must be renderings of the hand-drawn SVG:
// each is re-rendered with rsvg-convert and compared pixel by pixel, with a small tolerance so
// that another librsvg version's anti-aliasing does not fail the test. Fails when someone edits
// the SVG and forgets packaging/render-icons.sh.
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdlib>

namespace {

const QString kAppId = QStringLiteral("io.codescout.CodeScout");

QString iconDir() {
    return QString::fromLocal8Bit(qgetenv("CODESCOUT_SOURCE_DIR")) + QStringLiteral("/resources/icons");
}

// Largest difference of any channel of any pixel, and the mean over all channels (0..255).
struct Difference {
    int largest = 0;
    double mean = 0;
};

Difference compare(const QImage& a, const QImage& b) {
    Difference d;
    double sum = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto* pa = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const auto* pb = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const int diffs[] = {std::abs(qRed(pa[x]) - qRed(pb[x])), std::abs(qGreen(pa[x]) - qGreen(pb[x])),
                                 std::abs(qBlue(pa[x]) - qBlue(pb[x])), std::abs(qAlpha(pa[x]) - qAlpha(pb[x]))};
            for (int v : diffs) {
                d.largest = std::max(d.largest, v);
                sum += v;
            }
        }
    }
    d.mean = sum / (4.0 * a.width() * a.height());
    return d;
}

}  // namespace

class TestIcons : public QObject {
    Q_OBJECT

private slots:
    void svgIsThere() {
        const QFileInfo svg(iconDir() + QLatin1Char('/') + kAppId + QStringLiteral(".svg"));
        QVERIFY2(svg.isFile(), qPrintable(svg.filePath()));
        QFile file(svg.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains("viewBox=\"0 0 256 256\""), "the icon must be square (hicolor)");
    }

    void pngMatchesSvg_data() {
        QTest::addColumn<int>("size");
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
            QTest::addRow("%dx%d", size, size) << size;
    }

    void pngMatchesSvg() {
        QFETCH(int, size);
        const QString committed = QStringLiteral("%1/hicolor/%2x%2/apps/%3.png").arg(iconDir()).arg(size).arg(kAppId);
        QImage png(committed);
        QVERIFY2(!png.isNull(), qPrintable(QStringLiteral("cannot read ") + committed));
        QCOMPARE(png.size(), QSize(size, size));

        const QString rsvg = QStandardPaths::findExecutable(QStringLiteral("rsvg-convert"));
        if (rsvg.isEmpty())
            QSKIP("rsvg-convert not found (package librsvg2-bin): cannot re-render the SVG");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString fresh = tmp.filePath(QStringLiteral("fresh.png"));
        QProcess render;
        render.start(rsvg, {QStringLiteral("--width"), QString::number(size), QStringLiteral("--height"),
                            QString::number(size), QStringLiteral("--format"), QStringLiteral("png"),
                            iconDir() + QLatin1Char('/') + kAppId + QStringLiteral(".svg"),
                            QStringLiteral("--output"), fresh});
        QVERIFY(render.waitForFinished(30000));
        QCOMPARE(render.exitCode(), 0);
        QImage rendered(fresh);
        QCOMPARE(rendered.size(), QSize(size, size));

        const Difference d = compare(png.convertToFormat(QImage::Format_ARGB32),
                                     rendered.convertToFormat(QImage::Format_ARGB32));
        QVERIFY2(d.largest <= 48 && d.mean <= 2.0,
                 qPrintable(QStringLiteral("%1 differs from the SVG (largest %2, mean %3): "
                                           "run packaging/render-icons.sh")
                                .arg(committed)
                                .arg(d.largest)
                                .arg(d.mean)));
    }
};

QTEST_GUILESS_MAIN(TestIcons)
#include "test_icons.moc"
