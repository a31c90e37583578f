// The Multi-line toggle through the window, offscreen: the toggle swaps the one-line pattern
// field for a multi-line editor (text carried over both ways), Enter there is a line break and
// Ctrl+Enter searches, the query and its saved form carry the mode, and a match over several
// lines shows as its first line with the number of further lines, the preview marking the whole
// span down to where the match ends.
#include <QComboBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeView>

#include "gui/preview/preview_editor.h"
#include "gui/preview/preview_pane.h"
#include "gui/results/results_model.h"
#include "gui/window/main_window.h"
#include "gui/window/multiline_pattern.h"
#include "gui/window/query_bar.h"
#include "gui_test_helpers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

constexpr int kSearchTimeoutMs = 60000;  // only a hang takes this long

}  // namespace

class TestMultilineSearch : public QObject {
    Q_OBJECT
private slots:
    void init() { settings_.clear(); }

    void toggleSwapsFieldAndEditor()
    {
        QueryBar bar;
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        auto* toggle = bar.findChild<QToolButton*>(QStringLiteral("multilineButton"));
        auto* editor = bar.findChild<QPlainTextEdit*>(QStringLiteral("multilinePatternEdit"));
        auto* field = bar.findChild<QComboBox*>(QStringLiteral("patternCombo"));
        QVERIFY(toggle && editor && field);
        QVERIFY(!editor->isVisible());
        field->setEditText(QStringLiteral("foo"));
        toggle->click();
        QVERIFY(editor->isVisible());
        QVERIFY(!field->isVisible());
        QCOMPARE(editor->toPlainText(), QStringLiteral("foo"));
        QVERIFY(bar.query().multiline);

        // Enter is a line break; Ctrl+Enter searches.
        QSignalSpy search(&bar, &QueryBar::searchRequested);
        editor->setFocus();
        editor->moveCursor(QTextCursor::End);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("bar"));
        QCOMPARE(search.count(), 0);
        QCOMPARE(bar.query().pattern, QStringLiteral("foo\nbar"));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(search.count(), 1);
        QCOMPARE(editor->toPlainText(), QStringLiteral("foo\nbar"));  // no line break added

        // Off again: the field shows the first line, the query is a one-line one.
        toggle->click();
        QVERIFY(field->isVisible());
        QCOMPARE(bar.query().pattern, QStringLiteral("foo"));
        QVERIFY(!bar.query().multiline);
    }

    void queryKeepsTheMode()
    {
        Query query;
        query.pattern = QStringLiteral("a\nb");
        query.multiline = true;
        QCOMPARE(Query::fromVariantMap(query.toVariantMap()), query);
        QVERIFY(toSearchOptions(query, QStringLiteral("/"), EngineSettings{}).pattern.multiline);
        QueryBar bar;
        bar.setQuery(query);
        QCOMPARE(bar.query(), query);
    }

    void multiLineMatchShowsFirstLineAndPreviewsTheSpan()
    {
        TestTree tree;
        tree.write(QStringLiteral("code.c"), "int a;\nstatic int\nvalue(void)\n{\n}\nint b;\n");
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
        Query query;
        query.pattern = QStringLiteral("static\\s+int\\s+val");
        query.multiline = true;
        QVERIFY(testing::searchAndWait(window, query, kSearchTimeoutMs));

        const ResultsModel& model = *window.resultsModel();
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex file = model.index(0, 0);
        QCOMPARE(model.rowCount(file), 1);
        const QModelIndex match = model.index(0, 0, file);
        QCOMPARE(match.data(ResultsModel::LineNumberRole).toInt(), 2);
        QCOMPARE(match.data(Qt::DisplayRole).toString(), QStringLiteral("static int"));
        QCOMPARE(match.data(ResultsModel::MoreLinesRole).toInt(), 1);
        QCOMPARE(match.data(ResultsModel::LastLineEndRole).toULongLong(), 3u);
        QVERIFY(MultilinePattern::moreLinesNote(3).contains(QLatin1Char('3')));  // plural forms: translations' test

        auto* view = window.findChild<QTreeView*>(QStringLiteral("resultsView"));
        QVERIFY(view);
        view->expand(file);
        view->scrollTo(match);
        QSignalSpy shown(window.previewPane(), &PreviewPane::shown);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(match).center());
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kSearchTimeoutMs);
        // The span mark runs from "static" on line 2 to "val" on line 3.
        const QList<QTextEdit::ExtraSelection> marks = window.previewPane()->editor()->extraSelections();
        bool spanMarked = false;
        for (const QTextEdit::ExtraSelection& mark : marks) {
            if (mark.cursor.selectedText() == QStringLiteral("static int\u2029val"))
                spanMarked = true;
        }
        QVERIFY2(spanMarked, "the preview marks the whole multi-line match");
    }

private:
    testing::IsolatedSettings settings_;
};

QTEST_MAIN(TestMultilineSearch)
#include "test_multiline_search.moc"
