// MatchDelegate paints a result line's match spans where the line's characters are shown: it is
// rendered offscreen into a QImage with a match colour no text uses, and the highlighted pixel
// columns are compared with the x positions a QTextLayout of the whole line gives the spans.
// Rows: a repeated text (the span is not the first occurrence), right-to-left Hebrew and Arabic
// inside a left-to-right line (a span's logical offset is not its place; Arabic letters join),
// and a combining accent.
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTest>
#include <QTextLayout>

#include <cmath>
#include <string>
#include <vector>

#include "gui/results/compact_file.h"
#include "gui/results/match_delegate.h"
#include "gui/results/results_model.h"
#include "gui_test_helpers.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

const QColor kMatchBackground(255, 0, 255);
const QColor kMatchForeground(250, 0, 250);  // glyphs inside a match stay "match coloured"

bool isMatchColour(QRgb pixel)
{
    return qRed(pixel) > 200 && qGreen(pixel) < 60 && qBlue(pixel) > 200;
}

// Runs of adjacent pixel columns that hold the match colour anywhere in the row: [first, last].
std::vector<std::pair<int, int>> highlightedRuns(const QImage& image)
{
    std::vector<std::pair<int, int>> runs;
    for (int x = 0; x < image.width(); ++x) {
        bool marked = false;
        for (int y = 0; y < image.height() && !marked; ++y)
            marked = isMatchColour(image.pixel(x, y));
        if (!marked)
            continue;
        if (!runs.empty() && runs.back().second == x - 1)
            runs.back().second = x;
        else
            runs.push_back({x, x});
    }
    return runs;
}

// UTF-8 byte span of the `nth` (0-based) occurrence of `needle` in `text`.
MatchSpan spanOf(const std::string& text, const std::string& needle, int nth = 0)
{
    std::size_t at = text.find(needle);
    for (int i = 0; i < nth; ++i)
        at = text.find(needle, at + 1);
    return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

}  // namespace

class TestMatchDelegate : public QObject {
    Q_OBJECT
private slots:
    void paintsSpansWhereTheTextIs_data();
    void paintsSpansWhereTheTextIs();
};

void TestMatchDelegate::paintsSpansWhereTheTextIs_data()
{
    // Each line starts with an "x" highlighted as an anchor: its left edge shows where the
    // delegate put the text, so the test needs no knowledge of the gutter's width.
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("match");
    QTest::addColumn<int>("occurrence");
    QTest::newRow("repeated text") << QByteArray("x = abc abc abc;") << QByteArray("abc") << 1;
    QTest::newRow("Hebrew, middle word") << QByteArray("x = \"שלום עולם ומלואו\";")
                                         << QByteArray("עולם") << 0;
    QTest::newRow("Arabic, inside a word") << QByteArray("x = \"مرحبا بالعالم كله\";")
                                           << QByteArray("بال") << 0;
    QTest::newRow("combining accent") << QByteArray("x = cafe\xcc\x81 + cafe\xcc\x81;")
                                      << QByteArray("cafe\xcc\x81") << 1;
}

void TestMatchDelegate::paintsSpansWhereTheTextIs()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, match);
    QFETCH(int, occurrence);
    const std::string text = line.toStdString();
    FileResult result;
    result.path = "/r/a.txt";
    result.lines.push_back(testing::matchLine(1, text, {{0, 1}, spanOf(text, match.toStdString(), occurrence)}));
    result.matches = result.matched_lines = 1;
    ResultsModel model;
    std::vector<CompactFile> files;
    files.emplace_back(result, "/r");
    model.addFiles(std::move(files));
    const QModelIndex row = model.index(0, 0, model.index(0, 0));

    MatchDelegate delegate;
    delegate.setMatchColors(kMatchBackground, kMatchForeground);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(16);
    QStyleOptionViewItem option;
    option.font = font;
    option.fontMetrics = QFontMetrics(font);
    option.state = QStyle::State_Enabled;
    option.palette.setColor(QPalette::Text, Qt::black);
    option.palette.setColor(QPalette::Base, Qt::white);
    const QSize size(800, delegate.sizeHint(option, row).height());
    option.rect = QRect(QPoint(0, 0), size);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        delegate.paint(&painter, option, row);
    }

    // Where the spans must be: the whole line laid out as one paragraph, as a text view would.
    const QString shown = row.data().toString();
    const QList<int> spans = row.data(ResultsModel::MatchSpansRole).value<QList<int>>();
    QCOMPARE(spans.size(), 4);
    QTextLayout layout(shown, font, &image);
    QTextOption textOption(Qt::AlignLeft | Qt::AlignAbsolute);
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine textLine = layout.createLine();
    textLine.setLineWidth(10000);
    layout.endLayout();
    const qreal matchLeft = std::min(textLine.cursorToX(spans[2]), textLine.cursorToX(spans[3]));
    const qreal matchRight = std::max(textLine.cursorToX(spans[2]), textLine.cursorToX(spans[3]));
    QVERIFY(matchRight - matchLeft > 5);

    const auto runs = highlightedRuns(image);
    QCOMPARE(runs.size(), std::size_t{2});  // the anchor, then the match (both are left of it)
    const int origin = runs[0].first;  // x of the text's start: the anchor begins at cursor 0
    QVERIFY2(std::abs(runs[0].second + 1 - (origin + textLine.cursorToX(spans[1]))) <= 1.5,
             qPrintable(QStringLiteral("anchor ends at %1").arg(runs[0].second + 1 - origin)));
    const qreal tolerance = 1.5;  // the fill's edges are rounded to whole pixels
    QVERIFY2(std::abs(runs[1].first - (origin + matchLeft)) <= tolerance
                 && std::abs(runs[1].second + 1 - (origin + matchRight)) <= tolerance,
             qPrintable(QStringLiteral("match painted at [%1, %2), laid out at [%3, %4)")
                            .arg(runs[1].first - origin)
                            .arg(runs[1].second + 1 - origin)
                            .arg(matchLeft)
                            .arg(matchRight)));

    // The rest of the line is drawn as text, in the text colour.
    int dark = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = runs[0].second + 1; x < runs[1].first; ++x)
            dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    }
    QVERIFY(dark > 0);
}

QTEST_MAIN(TestMatchDelegate)
#include "test_match_delegate.moc"
