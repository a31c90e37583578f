// Replace's whole-file diff (issue 9), below the window: the intra-line marks (each changed part
// of a line, never the whole line for two matches on it; bounded on long lines), the unified
// diff read back with line numbers, the side-by-side rows (aligned, filler where one side has
// fewer lines, each side's own numbers), and the DiffView built from a diff — red and green line
// backgrounds, the changed characters marked, the code highlighted in the file's language with
// the old and new files' multi-line states kept apart, the layout choice remembered in the
// settings — plus a diff of thousands of changed lines shown in time linear in its lines.
#include <KSyntaxHighlighting/Theme>

#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolButton>

#include <algorithm>
#include <limits>

#include "gui/preview/syntax_repository.h"
#include "gui/replace/diff_colors.h"
#include "gui/replace/diff_editor.h"
#include "gui/replace/diff_lines.h"
#include "gui/replace/diff_view.h"
#include "gui/replace/intra_line_diff.h"
#include "gui/replace/side_by_side.h"
#include "gui/replace/side_by_side_view.h"
#include "gui/settings/app_settings.h"
#include "gui_test_helpers.h"

using namespace codescout::gui;
using KSyntaxHighlighting::Theme;

Q_DECLARE_METATYPE(QList<codescout::gui::CharSpan>)

namespace codescout::gui {
// How QCOMPARE prints a span.
char* toString(const CharSpan& span)
{
    return QTest::toString(QStringLiteral("[%1, %2)").arg(span.begin).arg(span.end));
}
}  // namespace codescout::gui

namespace {

using Spans = QList<CharSpan>;

// "foo x foo" -> "bar x bar" in a C file, and a replacement that splits a line in two.
const QString kDiff = QStringLiteral(
    "--- a/src/f.c\n"
    "+++ b/src/f.c\n"
    "@@ -1,5 +1,6 @@\n"
    " int a;\n"
    "-int foo = x + foo;\n"
    "+int bar = x + bar;\n"
    " int b;\n"
    "-call(foo, y);\n"
    "+call(first,\n"
    "+     y);\n"
    " int c;\n"
    "@@ -40,2 +41,2 @@\n"
    " int d;\n"
    "-int foo;\n"
    "\\ No newline at end of file\n"
    "+int bar;\n"
    "\\ No newline at end of file\n");

// The spans of `block` whose characters have `color` as their background (the highlighter's
// formats, merged).
Spans backgroundSpans(const QTextBlock& block, const QColor& color)
{
    QList<bool> marked(block.length(), false);
    for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
        if (range.format.background().style() != Qt::NoBrush && range.format.background().color() == color) {
            for (int i = range.start; i < range.start + range.length && i < marked.size(); ++i)
                marked[i] = true;
        }
    }
    Spans spans;
    for (int i = 0; i < marked.size(); ++i) {
        if (!marked[i])
            continue;
        int end = i;
        while (end < marked.size() && marked[end])
            ++end;
        spans.append({i, end});
        i = end;
    }
    return spans;
}

// The foreground the highlighter gave the character at `at` of `block` (invalid: none).
QColor foregroundAt(const QTextBlock& block, int at)
{
    QColor color;
    for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
        if (at >= range.start && at < range.start + range.length && range.format.hasProperty(QTextFormat::ForegroundBrush))
            color = range.format.foreground().color();
    }
    return color;
}

DiffColors colorsOf(const QWidget& view)
{
    return DiffColors::forTheme(themeForPalette(view.palette()), view.palette());
}

QTextBlock blockOf(const DiffEditor& editor, int number)
{
    return editor.document()->findBlockByNumber(number);
}

}  // namespace

class TestReplaceDiff : public QObject {
    Q_OBJECT

private slots:
    void init() { settings_.clear(); }
    void intraLineMarksOnlyTheChangedParts_data();
    void intraLineMarksOnlyTheChangedParts();
    void intraLineIsBoundedOnLongLines();
    void parsedLinesCarryTheirNumbers();
    void sideBySideRowsAlign();
    void unifiedViewKeepsTheDiffAndColoursItsLines();
    void changedCharactersAreMarked();
    void codeIsHighlightedInTheFilesLanguage();
    void oldAndNewKeepTheirOwnCommentState();
    void sideBySideViewShowsAlignedNumberedHalves();
    void layoutChoiceIsRemembered();
    void oddLineBreaksKeepOneRowPerLine();
    void thousandsOfChangedLinesShowInLinearTime();

private:
    testing::IsolatedSettings settings_;
};

void TestReplaceDiff::intraLineMarksOnlyTheChangedParts_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<Spans>("removed");
    QTest::addColumn<Spans>("added");
    QTest::newRow("two matches on a line") << QStringLiteral("foo x foo") << QStringLiteral("bar x bar")
                                           << Spans{{0, 3}, {6, 9}} << Spans{{0, 3}, {6, 9}};
    QTest::newRow("longer replacement") << QStringLiteral("if (foo && foo)") << QStringLiteral("if (longer && longer)")
                                        << Spans{{4, 7}, {11, 14}} << Spans{{4, 10}, {14, 20}};
    QTest::newRow("part of an identifier") << QStringLiteral("getFoo();") << QStringLiteral("getBar();")
                                           << Spans{{3, 6}} << Spans{{3, 6}};
    QTest::newRow("a shared letter is no shared part") << QStringLiteral("foo(1)") << QStringLiteral("first(1)")
                                                       << Spans{{0, 3}} << Spans{{0, 5}};
    QTest::newRow("acronym then word") << QStringLiteral("getHTTPResponse") << QStringLiteral("getHTTPRequest")
                                       << Spans{{7, 15}} << Spans{{7, 14}};
    QTest::newRow("digits") << QStringLiteral("foo_2") << QStringLiteral("foo_3") << Spans{{4, 5}} << Spans{{4, 5}};
    QTest::newRow("one space less") << QStringLiteral("a  b") << QStringLiteral("a b") << Spans{{2, 3}} << Spans{};
    QTest::newRow("inserted space") << QStringLiteral("f(x)") << QStringLiteral("f (x)") << Spans{} << Spans{{1, 2}};
    QTest::newRow("deleted word") << QStringLiteral("a b c") << QStringLiteral("a c") << Spans{{2, 4}} << Spans{};
    QTest::newRow("unchanged") << QStringLiteral("same") << QStringLiteral("same") << Spans{} << Spans{};
    QTest::newRow("emoji kept whole") << QStringLiteral("x \U0001F600 y") << QStringLiteral("x \U0001F601 y")
                                      << Spans{{2, 4}} << Spans{{2, 4}};
}

void TestReplaceDiff::intraLineMarksOnlyTheChangedParts()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(Spans, removed);
    QFETCH(Spans, added);
    const IntraLineChange change = intraLineChange(before, after);
    QCOMPARE(change.removed, removed);
    QCOMPARE(change.added, added);
}

void TestReplaceDiff::intraLineIsBoundedOnLongLines()
{
    // Far more tokens than Myers is allowed to search: the first and last words differ, so the
    // marks span the differing middle, narrowed to where the two lines differ.
    QStringList words(kMaxIntraLineTokens, QStringLiteral("w"));
    words.front() = QStringLiteral("foo");
    words.back() = QStringLiteral("foo");
    const QString before = words.join(QLatin1Char(' '));
    words.front() = QStringLiteral("bar");
    words.back() = QStringLiteral("bar");
    const QString after = words.join(QLatin1Char(' '));
    const auto size = static_cast<int>(before.size());
    const IntraLineChange change = intraLineChange(before, after);
    QCOMPARE(change.removed, (Spans{{0, size}}));
    QCOMPARE(change.added, (Spans{{0, size}}));

    // Within the bound the same change is two precise marks.
    const IntraLineChange small = intraLineChange(QStringLiteral("foo w w w foo"), QStringLiteral("bar w w w bar"));
    QCOMPARE(small.removed, (Spans{{0, 3}, {10, 13}}));
}

void TestReplaceDiff::parsedLinesCarryTheirNumbers()
{
    const std::vector<DiffLine> lines = parseUnifiedDiff(kDiff);
    QCOMPARE(lines.size(), std::size_t(17));
    using K = DiffLineKind;
    const std::vector<K> kinds{K::FileHeader, K::FileHeader, K::HunkHeader, K::Context, K::Removed, K::Added,
                               K::Context, K::Removed, K::Added, K::Added, K::Context, K::HunkHeader,
                               K::Context, K::Removed, K::NoNewline, K::Added, K::NoNewline};
    for (std::size_t i = 0; i < kinds.size(); ++i)
        QVERIFY2(lines[i].kind == kinds[i], qPrintable(QString::number(i)));
    QCOMPARE(lines[3].oldNumber, 1);
    QCOMPARE(lines[3].newNumber, 1);
    QCOMPARE(lines[4].oldNumber, 2);
    QCOMPARE(lines[4].newNumber, 0);
    QCOMPARE(lines[5].newNumber, 2);
    QCOMPARE(lines[9].newNumber, 5);
    QCOMPARE(lines[10].oldNumber, 5);
    QCOMPARE(lines[10].newNumber, 6);
    QCOMPARE(lines[12].oldNumber, 40);
    QCOMPARE(lines[12].newNumber, 41);
    QCOMPARE(lines[13].oldNumber, 41);
    QCOMPARE(lines[15].newNumber, 42);
    QCOMPARE(lines[4].text, QStringLiteral("-int foo = x + foo;"));
    QCOMPARE(lines[4].codeStart, 1);
    // Marks count in the line as shown, marker included.
    QCOMPARE(lines[4].changed, (Spans{{5, 8}, {15, 18}}));
    QCOMPARE(lines[5].changed, (Spans{{5, 8}, {15, 18}}));
    // "call(foo, y);" became two lines: it pairs with "call(first,", which keeps its comma; the
    // second added line is wholly new.
    QCOMPARE(lines[7].changed, (Spans{{6, 9}, {10, 14}}));
    QCOMPARE(lines[8].changed, (Spans{{6, 11}}));
    QVERIFY(lines[9].changed.isEmpty());
}

void TestReplaceDiff::sideBySideRowsAlign()
{
    const SideBySide rows = alignSideBySide(parseUnifiedDiff(kDiff));
    QCOMPARE(rows.left.size(), rows.right.size());
    QCOMPARE(rows.left.size(), std::size_t(12));
    using K = DiffLineKind;
    const std::vector<K> left{K::FileHeader, K::HunkHeader, K::Context, K::Removed, K::Context, K::Removed, K::Filler,
                              K::Context, K::HunkHeader, K::Context, K::Removed, K::NoNewline};
    const std::vector<K> right{K::FileHeader, K::HunkHeader, K::Context, K::Added, K::Context, K::Added, K::Added,
                               K::Context, K::HunkHeader, K::Context, K::Added, K::NoNewline};
    for (std::size_t i = 0; i < 12; ++i) {
        QVERIFY2(rows.left[i].kind == left[i], qPrintable(QStringLiteral("left row %1").arg(i)));
        QVERIFY2(rows.right[i].kind == right[i], qPrintable(QStringLiteral("right row %1").arg(i)));
    }
    QCOMPARE(rows.left[0].text, QStringLiteral("--- a/src/f.c"));
    QCOMPARE(rows.right[0].text, QStringLiteral("+++ b/src/f.c"));
    // Cells hold the file's text without the marker, the marks shifted with it.
    QCOMPARE(rows.left[3].text, QStringLiteral("int foo = x + foo;"));
    QCOMPARE(rows.left[3].codeStart, 0);
    QCOMPARE(rows.left[3].changed, (Spans{{4, 7}, {14, 17}}));
    QCOMPARE(rows.right[6].text, QStringLiteral("     y);"));
    // Each side numbers its own file's lines; a filler has none.
    const std::vector<int> oldNumbers{0, 0, 1, 2, 3, 4, 0, 5, 0, 40, 41, 0};
    const std::vector<int> newNumbers{0, 0, 1, 2, 3, 4, 5, 6, 0, 41, 42, 0};
    for (std::size_t i = 0; i < 12; ++i) {
        QCOMPARE(rows.left[i].oldNumber, oldNumbers[i]);
        QCOMPARE(rows.left[i].newNumber, 0);
        QCOMPARE(rows.right[i].newNumber, newNumbers[i]);
        QCOMPARE(rows.right[i].oldNumber, 0);
    }
}

void TestReplaceDiff::unifiedViewKeepsTheDiffAndColoursItsLines()
{
    DiffView view;
    view.showDiff(QStringLiteral("src/f.c"), kDiff, {}, definitionFor(QStringLiteral("f.c"), {}));
    QCOMPARE(view.diffText(), kDiff);
    DiffEditor* editor = view.unifiedEditor();
    // Line for line the diff's text: copying from the view gives the patch.
    QCOMPARE(editor->toPlainText() + QLatin1Char('\n'), kDiff);
    const DiffColors colors = colorsOf(view);
    QCOMPARE(editor->lineBackground(4).color(), colors.removedLine);
    QCOMPARE(editor->lineBackground(5).color(), colors.addedLine);
    QCOMPARE(editor->lineBackground(9).color(), colors.addedLine);
    QCOMPARE(editor->lineBackground(2).color(), colors.headerBackground);
    QCOMPARE(editor->lineBackground(3).style(), Qt::NoBrush);  // context
    QVERIFY(colors.removedLine != colors.addedLine);
    QVERIFY(colors.removedLine != view.palette().color(QPalette::Base));
    // The gutter: old and new numbers.
    QCOMPARE(editor->shownNumber(0, 4), 2);
    QCOMPARE(editor->shownNumber(1, 4), 0);
    QCOMPARE(editor->shownNumber(0, 12), 40);
    QCOMPARE(editor->shownNumber(1, 12), 41);
}

void TestReplaceDiff::changedCharactersAreMarked()
{
    DiffView view;
    view.showDiff(QStringLiteral("src/f.c"), kDiff, {}, definitionFor(QStringLiteral("f.c"), {}));
    const DiffColors colors = colorsOf(view);
    DiffEditor* editor = view.unifiedEditor();
    // "-int foo = x + foo;": both "foo", not the line.
    QCOMPARE(backgroundSpans(blockOf(*editor, 4), colors.removedChange), (Spans{{5, 8}, {15, 18}}));
    QCOMPARE(backgroundSpans(blockOf(*editor, 5), colors.addedChange), (Spans{{5, 8}, {15, 18}}));
    QVERIFY(backgroundSpans(blockOf(*editor, 5), colors.removedChange).isEmpty());
    QVERIFY(backgroundSpans(blockOf(*editor, 3), colors.addedChange).isEmpty());

    view.setDiffLayout(DiffView::Layout::SideBySide);
    DiffEditor* left = view.sideBySideView()->left();
    DiffEditor* right = view.sideBySideView()->right();
    QCOMPARE(backgroundSpans(blockOf(*left, 3), colors.removedChange), (Spans{{4, 7}, {14, 17}}));
    QCOMPARE(backgroundSpans(blockOf(*right, 3), colors.addedChange), (Spans{{4, 7}, {14, 17}}));
}

void TestReplaceDiff::codeIsHighlightedInTheFilesLanguage()
{
    const KSyntaxHighlighting::Definition c = definitionFor(QStringLiteral("/somewhere/f.c"), {});
    QCOMPARE(c.name(), QStringLiteral("C"));
    DiffView view;
    view.showDiff(QStringLiteral("src/f.c"), kDiff, {}, c);
    QCOMPARE(view.definitionName(), QStringLiteral("C"));
    const Theme theme = themeForPalette(view.palette());
    const QColor dataType = QColor::fromRgba(theme.textColor(Theme::DataType));
    QVERIFY(dataType != QColor::fromRgba(theme.textColor(Theme::Normal)));
    // "int" after the marker, on a context, a removed and an added line.
    for (int block : {3, 4, 5})
        QCOMPARE(foregroundAt(blockOf(*view.unifiedEditor(), block), 1), dataType);
    QCOMPARE(foregroundAt(blockOf(*view.unifiedEditor(), 0), 0), colorsOf(view).fileHeaderText);
    QCOMPARE(foregroundAt(blockOf(*view.unifiedEditor(), 2), 0), colorsOf(view).hunkHeaderText);

    // Without a definition the code is plain, the line colours stay.
    view.showDiff(QStringLiteral("f.unknown"), kDiff, {}, {});
    QCOMPARE(view.definitionName(), QString());
    QVERIFY(foregroundAt(blockOf(*view.unifiedEditor(), 4), 1) != dataType);
    QCOMPARE(view.unifiedEditor()->lineBackground(4).color(), colorsOf(view).removedLine);
}

void TestReplaceDiff::oldAndNewKeepTheirOwnCommentState()
{
    // The old file opens a comment the new one does not: the added line and the context after it
    // are code in the new file, the removed line's continuation is comment in the old one.
    const QString diff = QStringLiteral(
        "--- a/g.c\n"
        "+++ b/g.c\n"
        "@@ -1,3 +1,3 @@\n"
        "-/* int x;\n"
        "+int x;\n"
        " int y; */\n"
        " int z;\n");
    DiffView view;
    view.showDiff(QStringLiteral("g.c"), diff, {}, definitionFor(QStringLiteral("g.c"), {}));
    const Theme theme = themeForPalette(view.palette());
    const QColor comment = QColor::fromRgba(theme.textColor(Theme::Comment));
    const QColor dataType = QColor::fromRgba(theme.textColor(Theme::DataType));
    DiffEditor* unified = view.unifiedEditor();
    QCOMPARE(foregroundAt(blockOf(*unified, 3), 4), comment);   // "-/* int x;"
    QCOMPARE(foregroundAt(blockOf(*unified, 4), 1), dataType);  // "+int x;": not in the old comment
    QCOMPARE(foregroundAt(blockOf(*unified, 5), 1), dataType);  // " int y; */": shown as the new file has it
    QCOMPARE(foregroundAt(blockOf(*unified, 6), 1), dataType);

    view.setDiffLayout(DiffView::Layout::SideBySide);
    DiffEditor* left = view.sideBySideView()->left();
    DiffEditor* right = view.sideBySideView()->right();
    QCOMPARE(foregroundAt(blockOf(*left, 3), 0), comment);   // "int y; */" is inside the old comment
    QCOMPARE(foregroundAt(blockOf(*right, 3), 0), dataType);
    QCOMPARE(foregroundAt(blockOf(*left, 4), 0), dataType);  // "int z;": after the comment closed
}

void TestReplaceDiff::sideBySideViewShowsAlignedNumberedHalves()
{
    DiffView view;
    view.resize(900, 400);
    view.setDiffLayout(DiffView::Layout::SideBySide);
    view.showDiff(QStringLiteral("src/f.c"), kDiff, {}, definitionFor(QStringLiteral("f.c"), {}));
    DiffEditor* left = view.sideBySideView()->left();
    DiffEditor* right = view.sideBySideView()->right();
    QCOMPARE(left->document()->blockCount(), right->document()->blockCount());
    QCOMPARE(left->document()->blockCount(), 12);
    const DiffColors colors = colorsOf(view);
    QCOMPARE(left->lineBackground(6).style(), colors.filler.style());  // beside "+     y);"
    QCOMPARE(right->lineBackground(6).color(), colors.addedLine);
    QCOMPARE(left->lineBackground(3).color(), colors.removedLine);
    QCOMPARE(left->document()->findBlockByNumber(6).text(), QString());
    QCOMPARE(right->document()->findBlockByNumber(6).text(), QStringLiteral("     y);"));
    QCOMPARE(left->shownNumber(0, 7), 5);
    QCOMPARE(right->shownNumber(0, 7), 6);
    QCOMPARE(left->shownNumber(0, 6), 0);
    QCOMPARE(left->shownNumber(0, 10), 41);
    QCOMPARE(right->shownNumber(0, 10), 42);
    QCOMPARE(view.diffText(), kDiff);  // the layout does not change what the diff is

    // The halves scroll together.
    QString tall;
    for (int i = 1; i <= 300; ++i)
        tall += QStringLiteral("@@ -%1 +%1 @@\n-old %1 with a long enough tail to scroll sideways, %2\n+new %1\n")
                    .arg(i)
                    .arg(QString(200, QLatin1Char('x')));
    view.showDiff(QStringLiteral("t.txt"), tall, {}, {});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(right->verticalScrollBar()->maximum() > 100);
    right->verticalScrollBar()->setValue(100);
    QCOMPARE(left->verticalScrollBar()->value(), 100);
    left->verticalScrollBar()->setValue(50);
    QCOMPARE(right->verticalScrollBar()->value(), 50);
    // The right half's lines are short: scrolling the left one further must not pull it back.
    const int leftMax = left->horizontalScrollBar()->maximum();
    QVERIFY(leftMax > right->horizontalScrollBar()->maximum());
    left->horizontalScrollBar()->setValue(leftMax);
    QCOMPARE(left->horizontalScrollBar()->value(), leftMax);
    QCOMPARE(right->horizontalScrollBar()->value(), right->horizontalScrollBar()->maximum());
}

void TestReplaceDiff::layoutChoiceIsRemembered()
{
    {
        DiffView view;
        QCOMPARE(view.diffLayout(), DiffView::Layout::Unified);
        QVERIFY(view.unifiedButton()->isChecked());
        view.sideBySideButton()->click();
        QCOMPARE(view.diffLayout(), DiffView::Layout::SideBySide);
    }
    QCOMPARE(AppSettings().value(Setting::DiffLayout).toString(), QStringLiteral("side-by-side"));
    {
        DiffView view;
        QCOMPARE(view.diffLayout(), DiffView::Layout::SideBySide);
        QVERIFY(view.sideBySideButton()->isChecked());
        view.unifiedButton()->click();
    }
    DiffView view;
    QCOMPARE(view.diffLayout(), DiffView::Layout::Unified);
}

// A CRLF file's lines, and characters QTextDocument would take for a line or paragraph break,
// must not add rows: the gutter numbers and the two halves' rows count on one block per line.
void TestReplaceDiff::oddLineBreaksKeepOneRowPerLine()
{
    const QString diff = QStringLiteral("--- a/w.txt\r\n+++ b/w.txt\r\n@@ -1,2 +1,2 @@\n"
                                        "-foo\r\n+bar\r\n"
                                        " a\u2028b\rc\u2029d\n");
    DiffView view;
    view.showDiff(QStringLiteral("w.txt"), diff, {}, {});
    QCOMPARE(view.diffText(), diff);
    QCOMPARE(view.unifiedEditor()->document()->blockCount(), 6);
    QCOMPARE(blockOf(*view.unifiedEditor(), 3).text(), QStringLiteral("-foo"));
    QCOMPARE(blockOf(*view.unifiedEditor(), 5).text(), QStringLiteral(" a\ufffdb\ufffdc\ufffdd"));
    QCOMPARE(view.unifiedEditor()->shownNumber(0, 5), 2);
    view.setDiffLayout(DiffView::Layout::SideBySide);
    QCOMPARE(view.sideBySideView()->left()->document()->blockCount(), 4);
    QCOMPARE(view.sideBySideView()->right()->document()->blockCount(), 4);
}

namespace {

// A C file's diff with `pairs` changed lines, each pair with three changes, in one hunk.
QString bigDiff(int pairs)
{
    QString diff = QStringLiteral("--- a/big.c\n+++ b/big.c\n@@ -1,%1 +1,%1 @@\n").arg(pairs);
    for (int i = 0; i < pairs; ++i)
        diff += QStringLiteral("-int foo_%1 = foo(%1); /* foo */\n+int bar_%1 = bar(%1); /* bar */\n").arg(i);
    return diff;
}

// Milliseconds to show `diff` unified and then side by side, the best of three runs.
qint64 showTime(const QString& diff)
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int run = 0; run < 3; ++run) {
        DiffView view;
        view.setDiffLayout(DiffView::Layout::Unified);
        QElapsedTimer timer;
        timer.start();
        view.showDiff(QStringLiteral("big.c"), diff, {}, definitionFor(QStringLiteral("big.c"), {}));
        view.setDiffLayout(DiffView::Layout::SideBySide);
        best = std::min(best, timer.elapsed());
    }
    return best;
}

}  // namespace

void TestReplaceDiff::thousandsOfChangedLinesShowInLinearTime()
{
    constexpr int kPairs = 10000;  // 20,000 changed lines
    const QString diff = bigDiff(kPairs);
    DiffView view;
    view.setDiffLayout(DiffView::Layout::Unified);
    view.showDiff(QStringLiteral("big.c"), diff, {}, definitionFor(QStringLiteral("big.c"), {}));
    view.setDiffLayout(DiffView::Layout::SideBySide);
    QCOMPARE(view.unifiedEditor()->document()->blockCount(), 2 * kPairs + 3);
    QCOMPARE(view.sideBySideView()->right()->document()->blockCount(), kPairs + 2);
    // Highlighted to the last line: its three changes marked.
    const QTextBlock last = view.unifiedEditor()->document()->lastBlock();
    QCOMPARE(backgroundSpans(last, colorsOf(view).addedChange).size(), 3);

    // Linear: four times the lines take about four times as long; work quadratic in the lines
    // (a search or relayout of the document per line) would take sixteen times as long.
    const qint64 quarter = showTime(bigDiff(kPairs / 4));
    const qint64 whole = showTime(diff);
    qInfo("unified then side by side: %d changed lines %lld ms, %d changed lines %lld ms", kPairs / 2, quarter, 2 * kPairs,
          whole);
    QVERIFY2(whole < 10 * std::max<qint64>(quarter, 20), qPrintable(QStringLiteral("%1 ms vs %2 ms").arg(whole).arg(quarter)));
    // Generous for a debug build on a busy machine (about 0.4 s when idle).
    QVERIFY2(whole < 20000, qPrintable(QString::number(whole)));
}

QTEST_MAIN(TestReplaceDiff)
#include "test_replace_diff.moc"
