// The window end to end, offscreen: open a folder and search (same results as the engine),
// preview on click (file, line, syntax, the match's place in a long repeated line), invalid
// patterns, cancelling, replacing a running search, switching folders during one, the memory
// sampler's life cycle, and F3 navigation.
#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

#include "gui/memory/memory_view.h"
#include "gui/memory/metrics_sampler.h"
#include "gui/memory/search_history.h"
#include "gui/preview/preview_editor.h"
#include "gui/preview/preview_pane.h"
#include "gui/results/results_model.h"
#include "gui/search/search_controller.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "gated_sink.h"
#include "gui_test_helpers.h"
#include "test_tree.h"
#include "timer_barrier.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

constexpr int kSearchTimeoutMs = 60000;  // only a hang takes this long

// A file of `lines` lines; the given (1-based) lines contain "needle<n>".
QByteArray textWithNeedles(int lines, const QList<int>& needleLines)
{
    QByteArray text;
    for (int i = 1; i <= lines; ++i) {
        if (needleLines.contains(i))
            text += "    auto value = needle" + QByteArray::number(i) + "(x);\n";
        else
            text += "    plain line " + QByteArray::number(i) + "\n";
    }
    return text;
}

// (relative path, line) of every match row the window's model holds.
QModelIndex findLine(const ResultsModel& model, const QString& fileName, int lineNumber)
{
    for (int f = 0; f < model.rowCount(); ++f) {
        const QModelIndex file = model.index(f, 0);
        if (!file.data(ResultsModel::RelativePathRole).toString().endsWith(fileName))
            continue;
        for (int l = 0; l < model.rowCount(file); ++l) {
            const QModelIndex line = model.index(l, 0, file);
            if (line.data(ResultsModel::LineNumberRole).toInt() == lineNumber)
                return line;
        }
    }
    return {};
}

// Files that take the engine a while: many lines and a pattern with a back-reference, which no
// literal prefilter can skip.
void writeSlowTree(TestTree& tree, int files)
{
    QByteArray block;
    for (int i = 0; i < 4000; ++i)
        block += "alpha beta gamma delta epsilon zeta eta theta iota kappa " + QByteArray::number(i) + "\n";
    for (int i = 0; i < files; ++i)
        tree.write(QStringLiteral("slow/f%1.txt").arg(i), block);
}
const QString kSlowPattern = QStringLiteral("(\\w+) (\\w+) \\2 \\1");

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void init();
    void titleShowsTheFolder();
    void searchFindsWhatTheEngineFinds();
    void modelPassesTesterDuringSearch();
    void clickingAMatchPreviewsTheFile_data();
    void clickingAMatchPreviewsTheFile();
    void invalidRegexShowsErrorAndStartsNothing();
    void cancelStopsALongSearch();
    void newSearchReplacesTheRunningOne();
    void folderSwitchMidSearchShowsOnlyTheNewFolder();
    void previewMarksTheMatchInALongRepeatedLine_data();
    void previewMarksTheMatchInALongRepeatedLine();
    void samplerRunsDuringSearchOnly();
    void f3MovesThroughMatches();
    void binaryFilePreviewShowsNotice();
    void previewSurvivesReplacedText();
    void twoSearchesMakeTwoHistoryRows();

private:
    testing::IsolatedSettings settings_;
};

void TestMainWindow::init()
{
    settings_.clear();
}

void TestMainWindow::titleShowsTheFolder()
{
    TestTree tree;
    tree.write(QStringLiteral("a.txt"), "x\n");
    MainWindow window;
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    QCOMPARE(window.windowTitle(), QDir::toNativeSeparators(window.folder()) + QStringLiteral(" — CodeScout"));
    QVERIFY(!window.openFolder(QString::fromStdString(tree.path(QStringLiteral("a.txt")))));
    QVERIFY(window.statusText().contains(QLatin1String("not a readable folder")));
}

void TestMainWindow::searchFindsWhatTheEngineFinds()
{
    TestTree tree;
    for (int i = 0; i < 40; ++i)
        tree.write(QStringLiteral("dir%1/file%2.cpp").arg(i % 5).arg(i), textWithNeedles(60, {i % 60 + 1, 30, 59}));
    tree.write(QStringLiteral("none.txt"), "nothing to see\n");
    tree.write(QStringLiteral("include/other.py"), textWithNeedles(10, {2}));

    MainWindow window;
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    Query query;
    query.pattern = QStringLiteral("needle\\d+");
    query.excludeGlobs = QStringLiteral("dir4/**");
    QVERIFY(testing::searchAndWait(window, query, kSearchTimeoutMs));

    Search search(toSearchOptions(query, window.folder(), EngineSettings{}));
    testing::CollectingSink sink;
    search.run(sink);
    std::set<std::pair<std::string, std::uint64_t>> expected;
    for (const auto& [path, line] : sink.matches)
        expected.insert({QDir(window.folder()).relativeFilePath(QString::fromStdString(path)).toStdString(), line});

    const auto shown = testing::modelMatches(*window.resultsModel(), window.folder());
    QVERIFY(!expected.empty());
    QCOMPARE(shown.size(), expected.size());
    QVERIFY(shown == expected);
    QVERIFY(window.summaryText().contains(QLatin1String("Memory usage stats:")));
    QVERIFY(window.statusText().contains(QString::number(expected.size())));
}

// Issue 8, item 3, through the window: each finished search adds its row to the memory view's
// history, with its own pattern and the engine's per-strategy file counts.
void TestMainWindow::twoSearchesMakeTwoHistoryRows()
{
    TestTree tree;
    for (int i = 0; i < 12; ++i)
        tree.write(QStringLiteral("file%1.cpp").arg(i), textWithNeedles(20, {3}));
    MainWindow window;
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    QSignalSpy finished(&window, &MainWindow::searchFinished);
    for (const QString& pattern : {QStringLiteral("needle\\d+"), QStringLiteral("nothing-matches-this")}) {
        Query query;
        query.pattern = pattern;
        window.queryBar()->setQuery(query);
        QVERIFY(window.startSearch());
        QVERIFY(finished.wait(kSearchTimeoutMs));
    }
    const SearchHistory& history = window.memoryView()->searchHistory();
    QCOMPARE(history.rowCount(), 2);
    QCOMPARE(history.record(0).pattern, QStringLiteral("needle\\d+"));
    QCOMPARE(history.record(1).pattern, QStringLiteral("nothing-matches-this"));
    for (int row = 0; row < 2; ++row) {
        const SearchRecord& r = history.record(row);
        const auto summary = finished.at(row).at(0).value<SearchSummary>();
        QCOMPARE(r.small_files + r.buffered_files + r.mmap_files,
                 summary.metrics.small_files_processed + summary.metrics.buffered_files_processed +
                     summary.metrics.mmap_files_processed);
        QVERIFY(r.small_files + r.buffered_files + r.mmap_files >= 12);
        QVERIFY(r.peak_resident.has_value() && *r.peak_resident > 0);
    }
}

void TestMainWindow::modelPassesTesterDuringSearch()
{
    TestTree tree;
    for (int i = 0; i < 300; ++i)
        tree.write(QStringLiteral("f%1.txt").arg(i), textWithNeedles(200, {1, 50, 100, 150, 200}));
    MainWindow window;
    QAbstractItemModelTester tester(window.resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    Query query;
    query.pattern = QStringLiteral("needle");
    query.contextLines = 1;
    window.queryBar()->setQuery(query);
    QSignalSpy finished(&window, &MainWindow::searchFinished);
    QSignalSpy inserted(window.resultsModel(), &QAbstractItemModel::rowsInserted);
    QVERIFY(window.startSearch());
    QVERIFY(finished.wait(kSearchTimeoutMs));
    QCOMPARE(window.resultsModel()->fileCount(), std::size_t{300});
    QCOMPARE(window.resultsModel()->matchCount(), 1500ull);
    QVERIFY2(inserted.count() < 300, "files must arrive in batches, not one signal each");
}

void TestMainWindow::clickingAMatchPreviewsTheFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("definition");
    QTest::newRow("C++") << "src/engine.cpp" << 17 << "C++";
    QTest::newRow("Python") << "tools/script.py" << 3 << "Python";
    QTest::newRow("CMake") << "CMakeLists.txt" << 42 << "CMake";
}

void TestMainWindow::clickingAMatchPreviewsTheFile()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, definition);
    TestTree tree;
    tree.write(file, textWithNeedles(80, {line}));
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    Query query;
    query.pattern = QStringLiteral("needle");
    QVERIFY(testing::searchAndWait(window, query, kSearchTimeoutMs));

    const QModelIndex match = findLine(*window.resultsModel(), file, line);
    QVERIFY(match.isValid());
    auto* view = window.findChild<QTreeView*>(QStringLiteral("resultsView"));
    QVERIFY(view);
    view->expand(match.parent());
    view->scrollTo(match);
    QSignalSpy shown(window.previewPane(), &PreviewPane::shown);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(match).center());
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kSearchTimeoutMs);
    QCOMPARE(QFileInfo(window.previewPane()->currentPath()).canonicalFilePath(),
             QFileInfo(QString::fromStdString(tree.path(file))).canonicalFilePath());
    QCOMPARE(window.previewPane()->editor()->currentLineNumber(), line);
    QCOMPARE(window.previewPane()->definitionName(), definition);
    QVERIFY(window.previewPane()->editor()->isReadOnly());
    // The match span is marked in the preview.
    const auto marks = window.previewPane()->editor()->extraSelections();
    QVERIFY(marks.size() >= 2);
    QCOMPARE(marks.last().cursor.selectedText(), QStringLiteral("needle"));
}

void TestMainWindow::invalidRegexShowsErrorAndStartsNothing()
{
    TestTree tree;
    tree.write(QStringLiteral("a.txt"), "foo(\n");
    MainWindow window;
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    Query query;
    query.pattern = QStringLiteral("foo(");
    query.regex = true;
    window.queryBar()->setQuery(query);
    QSignalSpy started(window.searchController(), &SearchController::started);
    QVERIFY(!window.startSearch());
    QVERIFY(!window.queryBar()->errorText().isEmpty());
    QVERIFY2(window.queryBar()->errorText().contains(QLatin1String("pattern"), Qt::CaseInsensitive),
             qPrintable(window.queryBar()->errorText()));
    QVERIFY(!window.isSearching());
    QCOMPARE(started.count(), 0);
    QCOMPARE(window.resultsModel()->rowCount(), 0);

    // The same text as a literal is fine, and the error goes away.
    query.regex = false;
    window.queryBar()->setQuery(query);
    QSignalSpy finished(&window, &MainWindow::searchFinished);
    QVERIFY(window.startSearch());
    QVERIFY(window.queryBar()->errorText().isEmpty());
    QVERIFY(finished.wait(kSearchTimeoutMs));
    QCOMPARE(window.resultsModel()->matchCount(), 1ull);
}

void TestMainWindow::cancelStopsALongSearch()
{
    TestTree tree;
    writeSlowTree(tree, 150);
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    Query query;
    query.pattern = kSlowPattern;
    window.queryBar()->setQuery(query);
    QSignalSpy finished(&window, &MainWindow::searchFinished);
    QVERIFY(window.startSearch());
    QTRY_VERIFY_WITH_TIMEOUT(window.searchController()->progress().files_searched > 0, kSearchTimeoutMs);
    QVERIFY2(window.isSearching(), "the search ended before it could be cancelled: make it longer");
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(finished.wait(kSearchTimeoutMs));
    const qint64 stopMs = clock.elapsed();
    qInfo("cancel -> finished in %lld ms", static_cast<long long>(stopMs));
    const auto summary = finished.first().first().value<SearchSummary>();
    QVERIFY(summary.cancelled);
    QVERIFY(summary.files_searched < 150);
    QVERIFY(!window.isSearching());
    QVERIFY(window.statusText().startsWith(QLatin1String("Cancelled")));
}

void TestMainWindow::newSearchReplacesTheRunningOne()
{
    TestTree tree;
    for (int i = 0; i < 20; ++i)
        tree.write(QStringLiteral("old/f%1.txt").arg(i), "alpha beta\n");
    tree.write(QStringLiteral("quick.txt"), "the only unicorn\n");
    MainWindow window;
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    SearchController* controller = window.searchController();
    QSignalSpy finished(&window, &MainWindow::searchFinished);
    QSignalSpy unwound(controller, &SearchController::unwound);

    // The first search holds its first match at the gate: it cannot finish before the second
    // search replaces it, and whatever it delivers afterwards arrives late.
    auto gate = std::make_shared<testing::Gate>();
    const auto openAtExit = qScopeGuard([gate] { gate->open(); });  // before ~MainWindow waits
    controller->setSinkDecorator(testing::gatedBy(gate));
    Query slow;
    slow.pattern = QStringLiteral("alpha");
    window.queryBar()->setQuery(slow);
    QVERIFY(window.startSearch());
    const quint64 first = controller->currentId();
    controller->setSinkDecorator({});
    QTRY_VERIFY_WITH_TIMEOUT(gate->arrived() > 0, kSearchTimeoutMs);
    QVERIFY(window.isSearching());

    Query quick;
    quick.pattern = QStringLiteral("unicorn");
    window.queryBar()->setQuery(quick);
    QVERIFY(window.startSearch());
    gate->open();
    // unwound() is emitted only for a run replaced while it was running — proof that this one
    // was — and comes after every batch it posted (they were queued before it).
    QVERIFY(unwound.wait(kSearchTimeoutMs));
    QCOMPARE(unwound.count(), 1);
    QCOMPARE(unwound.first().first().toULongLong(), first);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kSearchTimeoutMs);
    QVERIFY(!finished.first().first().value<SearchSummary>().cancelled);  // the second one's
    QCOMPARE(window.resultsModel()->fileCount(), std::size_t{1});
    QCOMPARE(window.resultsModel()->matchCount(), 1ull);
    QVERIFY(window.resultsModel()->index(0, 0).data(ResultsModel::RelativePathRole).toString()
                == QStringLiteral("quick.txt"));
    QCOMPARE(finished.count(), 1);  // nothing of the first search is left to report
}

void TestMainWindow::folderSwitchMidSearchShowsOnlyTheNewFolder()
{
    TestTree oldTree;
    for (int i = 0; i < 20; ++i)
        oldTree.write(QStringLiteral("old%1.txt").arg(i), "needle in the old folder\n");
    TestTree newTree;
    newTree.write(QStringLiteral("new.txt"), "needle in the new folder\n");
    MainWindow window;
    QVERIFY(window.openFolder(QString::fromStdString(oldTree.root())));
    SearchController* controller = window.searchController();
    QSignalSpy finished(&window, &MainWindow::searchFinished);
    QSignalSpy unwound(controller, &SearchController::unwound);
    auto* cancelAction = window.findChild<QAction*>(QStringLiteral("actionCancel"));
    QVERIFY(cancelAction);

    auto gate = std::make_shared<testing::Gate>();
    const auto openAtExit = qScopeGuard([gate] { gate->open(); });
    controller->setSinkDecorator(testing::gatedBy(gate));
    Query query;
    query.pattern = QStringLiteral("needle");
    window.queryBar()->setQuery(query);
    QVERIFY(window.startSearch());
    controller->setSinkDecorator({});
    QTRY_VERIFY_WITH_TIMEOUT(gate->arrived() > 0, kSearchTimeoutMs);
    QVERIFY(window.isSearching());
    QVERIFY(cancelAction->isEnabled());

    const QString prompt = QStringLiteral("Type a pattern and press Enter.");
    QVERIFY(window.openFolder(QString::fromStdString(newTree.root())));
    QVERIFY(!window.isSearching());
    QVERIFY(!cancelAction->isEnabled());
    QCOMPARE(window.statusText(), prompt);
    QCOMPARE(window.resultsModel()->rowCount(), 0);

    // The old search now delivers what it held and ends: none of it may reach the new view.
    gate->open();
    QVERIFY(unwound.wait(kSearchTimeoutMs));
    QCOMPARE(window.resultsModel()->rowCount(), 0);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(window.statusText(), prompt);  // not the old search's "Cancelled"
    QVERIFY(window.summaryText().isEmpty());

    QVERIFY(window.startSearch());
    QVERIFY(finished.wait(kSearchTimeoutMs));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!finished.first().first().value<SearchSummary>().cancelled);
    QCOMPARE(window.resultsModel()->fileCount(), std::size_t{1});
    QCOMPARE(QFileInfo(window.resultsModel()->file(0).path()).canonicalFilePath(),
             QFileInfo(QString::fromStdString(newTree.path(QStringLiteral("new.txt")))).canonicalFilePath());
    QVERIFY2(!window.statusText().startsWith(QLatin1String("Cancelled")), qPrintable(window.statusText()));
    QVERIFY2(window.statusText().contains(QLatin1String("1")), qPrintable(window.statusText()));
}

void TestMainWindow::previewMarksTheMatchInALongRepeatedLine_data()
{
    // Long lines are stored clipped to a window around the match; the window's text also occurs
    // earlier in the line, where searching for it would put the mark.
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("at");  // UTF-16 offset of "needle" in the line
    QTest::newRow("ASCII") << QByteArray("ab ").repeated(200) + "needle;" + QByteArray(" ab").repeated(100) << 600;
    QTest::newRow("two-byte characters before") << QByteArray("\xc3\xa9").repeated(400) + "needle;" << 400;
    QTest::newRow("indented, short") << QByteArray("\t\t  x = needle; // needle") << 8;
}

void TestMainWindow::previewMarksTheMatchInALongRepeatedLine()
{
    QFETCH(QByteArray, line);
    QFETCH(int, at);
    TestTree tree;
    tree.write(QStringLiteral("long.txt"), "first line\n" + line + "\nlast line\n");
    MainWindow window;
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    Query query;
    query.pattern = QStringLiteral("needle;");
    QVERIFY(testing::searchAndWait(window, query, kSearchTimeoutMs));
    const QModelIndex match = findLine(*window.resultsModel(), QStringLiteral("long.txt"), 2);
    QVERIFY(match.isValid());

    QSignalSpy shown(window.previewPane(), &PreviewPane::shown);
    auto* view = window.findChild<QTreeView*>(QStringLiteral("resultsView"));
    view->setCurrentIndex(match);
    QVERIFY(shown.wait(kSearchTimeoutMs));
    PreviewEditor* editor = window.previewPane()->editor();
    QCOMPARE(editor->currentLineNumber(), 2);
    const QTextCursor mark = editor->extraSelections().last().cursor;
    QCOMPARE(mark.selectedText(), QStringLiteral("needle;"));
    QCOMPARE(mark.selectionStart() - mark.block().position(), at);
}

void TestMainWindow::samplerRunsDuringSearchOnly()
{
    TestTree tree;
    writeSlowTree(tree, 150);
    MainWindow window;
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    window.sampler()->setInterval(std::chrono::milliseconds(20));
    Query query;
    query.pattern = kSlowPattern;
    window.queryBar()->setQuery(query);
    QSignalSpy sampled(window.sampler(), &MetricsSampler::sampled);
    QSignalSpy finished(&window, &MainWindow::searchFinished);
    QVERIFY(!window.sampler()->isRunning());
    QVERIFY(window.startSearch());
    QVERIFY(window.sampler()->isRunning());
    QCOMPARE(window.sampler()->metrics().get(), window.searchController()->metrics().get());
    QTRY_VERIFY_WITH_TIMEOUT(sampled.count() >= 3 || !window.isSearching(), kSearchTimeoutMs);
    window.cancelSearch();
    QVERIFY(finished.wait(kSearchTimeoutMs));
    QVERIFY(sampled.count() >= 2);
    QVERIFY(!window.sampler()->isRunning());
    const qsizetype after = sampled.count();
    // Had the sampler's 20 ms timer kept running, it would fire before this barrier.
    QVERIFY(waitPastTimers(std::chrono::milliseconds(20)));
    QCOMPARE(sampled.count(), after);
}

void TestMainWindow::f3MovesThroughMatches()
{
    TestTree tree;
    tree.write(QStringLiteral("a.cpp"), textWithNeedles(30, {5, 20}));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    Query query;
    query.pattern = QStringLiteral("needle");
    QVERIFY(testing::searchAndWait(window, query, kSearchTimeoutMs));
    auto* view = window.findChild<QTreeView*>(QStringLiteral("resultsView"));
    QTest::keyClick(&window, Qt::Key_F3);
    QCOMPARE(view->currentIndex().data(ResultsModel::LineNumberRole).toInt(), 5);
    QTest::keyClick(&window, Qt::Key_F3);
    QCOMPARE(view->currentIndex().data(ResultsModel::LineNumberRole).toInt(), 20);
    QTest::keyClick(&window, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(view->currentIndex().data(ResultsModel::LineNumberRole).toInt(), 5);
    QTRY_COMPARE(window.previewPane()->editor()->currentLineNumber(), 5);
}

void TestMainWindow::binaryFilePreviewShowsNotice()
{
    TestTree tree;
    const std::string path = tree.write(QStringLiteral("blob.bin"), QByteArray("needle\0\0binary", 14));
    PreviewPane pane;
    QSignalSpy shown(&pane, &PreviewPane::shown);
    pane.showMatch(QString::fromStdString(path), 1, 0, {0, 6});
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kSearchTimeoutMs);
    QVERIFY(pane.notice().contains(QLatin1String("Binary")));
    QVERIFY(pane.editor()->document()->isEmpty());
}

void TestMainWindow::previewSurvivesReplacedText()
{
    // Regression: the syntax highlighter posts work that refers to the old text's blocks; a new
    // search (clear()) or another file must not leave it pointing at freed blocks.
    TestTree tree;
    QByteArray cpp = "/* a comment\n spanning lines */\n";
    for (int i = 0; i < 400; ++i)
        cpp += "int f" + QByteArray::number(i) + "() { return needle; } // " + QByteArray::number(i) + "\n";
    const std::string first = tree.write(QStringLiteral("a.cpp"), cpp);
    const std::string second = tree.write(QStringLiteral("b.py"), "def needle():\n    pass\n");
    PreviewPane pane;
    pane.resize(600, 400);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    for (int round = 0; round < 3; ++round) {
        QSignalSpy shown(&pane, &PreviewPane::shown);
        pane.showMatch(QString::fromStdString(first), 300, 0, {});
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kSearchTimeoutMs);
        pane.clear();
        QTest::qWait(50);
        pane.showMatch(QString::fromStdString(second), 1, 0, {4, 10});
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 2, kSearchTimeoutMs);
        QCOMPARE(pane.definitionName(), QStringLiteral("Python"));
        QTest::qWait(50);
    }
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
