// The preview of files that are not plain UTF-8 (issue 10): a UTF-16 file is shown decoded, as
// the search decoded it, with a note naming its encoding and the match marked on the right
// characters; a file that is not valid UTF-8 is shown as Windows-1252, one character per byte,
// so the results' byte columns still mark the match; a UTF-8 BOM is not shown and gets no note.
#include <QLocale>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextDocument>
#include <QSignalSpy>
#include <QTest>

#include "gui/preview/file_loader.h"
#include "gui/preview/preview_editor.h"
#include "gui/preview/preview_pane.h"
#include "test_tree.h"

using namespace codescout::gui;

namespace {

QByteArray utf16le_with_bom(const QString& text)
{
    QByteArray out("\xFF\xFE");
    for (const QChar c : text)
        out.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
    return out;
}

// Shows `path` at `line` with one match span, and returns the marked text (empty if none).
QString markedText(PreviewPane& pane, const std::string& path, int line, quint64 column, int begin, int end)
{
    QSignalSpy shown(&pane, &PreviewPane::shown);
    pane.showMatch(QString::fromStdString(path), line, column, {begin, end});
    if (!QTest::qWaitFor([&] { return !shown.isEmpty(); }, 10000))
        return QStringLiteral("<not shown>");
    const QList<QTextEdit::ExtraSelection> marks = pane.editor()->extraSelections();
    return marks.size() < 2 ? QString() : marks[1].cursor.selectedText();
}

}  // namespace

class TestPreviewEncoding : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void utf16FileIsDecodedWithANote()
    {
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("u16.txt"), utf16le_with_bom(QStringLiteral("hello\r\nünï foo\r\n")));
        const LoadedFile loaded = FileLoader::load(QString::fromStdString(path));
        QVERIFY(!loaded.binary);
        QCOMPARE(loaded.text, QStringLiteral("hello\nünï foo\n"));
        QCOMPARE(loaded.encoding, QStringLiteral("UTF-16LE"));

        PreviewPane pane;
        // As the results give it: line 2, the line's copy from byte 0, "foo" at UTF-16 4..7.
        QCOMPARE(markedText(pane, path, 2, 0, 4, 7), QStringLiteral("foo"));
        QCOMPARE(pane.notice(), QStringLiteral("Decoded from UTF-16LE."));
    }

    void invalidUtf8IsShownAsWindows1252()
    {
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("latin1.txt"), "x\ncaf\xe9 \x80 foo\n");
        const LoadedFile loaded = FileLoader::load(QString::fromStdString(path));
        QCOMPARE(loaded.text, QStringLiteral("x\ncafé € foo\n"));
        QVERIFY(loaded.shownAsFallback);

        PreviewPane pane;
        // The results' copy of line 2 starts at byte 7 ("café € " is 7 bytes on disk): "foo".
        QCOMPARE(markedText(pane, path, 2, 7, 0, 3), QStringLiteral("foo"));
        QCOMPARE(pane.notice(), QStringLiteral("Not valid UTF-8: shown as Windows-1252."));
    }

    void utf8BomIsDroppedWithoutANote()
    {
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("bom.txt"), "\xEF\xBB\xBF" "foo été\n");
        PreviewPane pane;
        QCOMPARE(markedText(pane, path, 1, 0, 0, 3), QStringLiteral("foo"));
        QCOMPARE(pane.editor()->document()->firstBlock().text(), QStringLiteral("foo été"));
        QCOMPARE(pane.notice(), QString());
    }
};

QTEST_MAIN(TestPreviewEncoding)
#include "test_preview_encoding.moc"
