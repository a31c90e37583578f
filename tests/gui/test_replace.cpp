// Replace through the real window, offscreen (issue 9): Ctrl+H opens the Replace field; the
// results show each change inline; unchecking a match (by clicking its line's check box, or a
// Ctrl+click on the match) keeps it out of the apply; Replace All writes the files; a file changed
// after the search is skipped and the summary says why; Undo Replace restores the bytes; the history's undo
// refuses a file changed since the apply; cancelling mid-apply leaves every file wholly old or
// wholly new; a file that cannot be written stops and rolls back the apply, or is skipped when
// the setting says so; and an apply interrupted before the start is settled and reported at start.
// Every file is compared byte for byte. The undo journal lives in the test's own folder
// (XDG_STATE_HOME).
#include <QAction>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <atomic>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/edit/applier.h"
#include "core/edit/plan_builder.h"
#include "gui/preview/preview_pane.h"
#include "gui/replace/apply_history_dialog.h"
#include "gui/replace/diff_editor.h"
#include "gui/replace/diff_view.h"
#include "gui/replace/side_by_side_view.h"
#include "gui/replace/inline_preview.h"
#include "gui/replace/outcome_dialog.h"
#include "gui/replace/replace_bar.h"
#include "gui/replace/replace_controller.h"
#include "gui/replace/replace_preview.h"
#include "gui/replace/replace_selection.h"
#include "gui/results/results_model.h"
#include "gui/settings/app_settings.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "gui_test_helpers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

constexpr int kTimeoutMs = 60000;  // only a hang takes this long

QByteArray slurp(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

// The window's tree view of results.
QTreeView* resultsView(MainWindow& window)
{
    return window.findChild<QTreeView*>(QStringLiteral("resultsView"));
}

// The model index of file `relative`'s row, and of its line `line`.
QModelIndex fileIndex(const ResultsModel& model, const QString& relative)
{
    for (int f = 0; f < model.rowCount(); ++f) {
        const QModelIndex index = model.index(f, 0);
        if (index.data(ResultsModel::RelativePathRole).toString() == relative)
            return index;
    }
    return {};
}

QModelIndex lineIndex(const ResultsModel& model, const QString& relative, int line)
{
    const QModelIndex file = fileIndex(model, relative);
    for (int l = 0; l < model.rowCount(file); ++l) {
        const QModelIndex index = model.index(l, 0, file);
        if (index.data(ResultsModel::LineNumberRole).toInt() == line)
            return index;
    }
    return {};
}

}  // namespace

class TestReplace : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void ctrlHShowsTheReplaceField();
    void previewShowsOldAndNew();
    void uncheckedMatchesAreNotReplaced();
    void replaceAllThenUndoRestoresTheBytes();
    void multiLineMatchesAreReplacedAndUndone();
    void fileChangedSinceTheSearchIsSkipped_data();
    void fileChangedSinceTheSearchIsSkipped();
    void historyUndoRefusesAFileChangedSince();
    void cancelMidApplyLeavesEveryFileWhole();
    void writeErrorStopsOrContinuesAsSet_data();
    void writeErrorStopsOrContinuesAsSet();
    void interruptedApplyIsSettledAtStart();
    void diffShowsTheWholeFileChange();
    void diffIsInTheFilesLanguageAndSideBySide();
    void droppedHistoryIsFreedAfterTheSummary();

private:
    // Opens the window on `tree`, searches for `pattern`, opens Replace with `replacement`.
    void searchAndOpen(MainWindow& window, TestTree& tree, const QString& pattern, const QString& replacement);
    void searchAndOpen(MainWindow& window, TestTree& tree, const Query& query, const QString& replacement);
    // Replace All, waiting for the outcome and for the search that follows a change.
    ReplaceOutcome replaceAll(MainWindow& window);

    testing::IsolatedSettings settings_;
    std::unique_ptr<QTemporaryDir> state_;
};

void TestReplace::init()
{
    settings_.clear();
    state_ = std::make_unique<QTemporaryDir>();
    qputenv("XDG_STATE_HOME", state_->path().toUtf8());
}

void TestReplace::cleanup()
{
    state_.reset();
}

// A literal, case-sensitive search for `pattern`.
void TestReplace::searchAndOpen(MainWindow& window, TestTree& tree, const QString& pattern, const QString& replacement)
{
    Query query;
    query.pattern = pattern;
    query.regex = false;
    query.matchCase = true;
    searchAndOpen(window, tree, query, replacement);
}

void TestReplace::searchAndOpen(MainWindow& window, TestTree& tree, const Query& query, const QString& replacement)
{
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    QVERIFY(testing::searchAndWait(window, query, kTimeoutMs));
    ReplaceController* replace = window.replaceController();
    replace->toggleAction()->setChecked(true);
    replace->bar()->setReplacement(replacement);
}

ReplaceOutcome TestReplace::replaceAll(MainWindow& window)
{
    ReplaceController* replace = window.replaceController();
    QSignalSpy done(replace, &ReplaceController::replaceFinished);
    QSignalSpy searched(&window, &MainWindow::searchFinished);
    replace->bar()->replaceAllButton()->click();
    if (!done.wait(kTimeoutMs))
        qFatal("the replace did not finish");
    const auto outcome = done.takeFirst().at(0).value<ReplaceOutcome>();
    if (outcome.report.changed_files() > 0 && searched.isEmpty() && !searched.wait(kTimeoutMs))
        qFatal("the search after the replace did not finish");
    return outcome;
}

void TestReplace::ctrlHShowsTheReplaceField()
{
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ReplaceBar* bar = window.replaceController()->bar();
    QVERIFY(!bar->isVisible());
    QTest::keyClick(&window, Qt::Key_H, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QTRY_VERIFY(bar->replaceEdit()->hasFocus());
    QTest::keyClick(&window, Qt::Key_H, Qt::ControlModifier);
    QVERIFY(!bar->isVisible());
}

void TestReplace::previewShowsOldAndNew()
{
    TestTree tree;
    tree.write(QStringLiteral("a.txt"), "one foo two foo\n");
    MainWindow window;
    searchAndOpen(window, tree, QStringLiteral("foo"), QStringLiteral("bar"));
    ReplacePreview* preview = window.replaceController()->preview();
    QVERIFY(preview->previewing());
    const QModelIndex line = lineIndex(*window.resultsModel(), QStringLiteral("a.txt"), 1);
    QVERIFY(line.isValid());
    const QString text = line.data(Qt::DisplayRole).toString();
    InlinePreview inlined = preview->inlineFor(line, text, 0);
    QCOMPARE(inlined.text, QStringLiteral("one foobar two foobar"));
    QCOMPARE(inlined.pieces.size(), 4);
    QCOMPARE(inlined.pieces[0].kind, InlinePiece::Kind::Old);
    QCOMPARE(inlined.text.mid(inlined.pieces[0].start, inlined.pieces[0].length), QStringLiteral("foo"));
    QCOMPARE(inlined.pieces[1].kind, InlinePiece::Kind::New);
    QCOMPARE(inlined.text.mid(inlined.pieces[1].start, inlined.pieces[1].length), QStringLiteral("bar"));

    // Preserve case and capture references reach the preview through the engine's replacer.
    tree.write(QStringLiteral("a.txt"), "Foo FOO\n");
    Query query = window.queryBar()->query();
    query.pattern = QStringLiteral("(f)oo");
    query.regex = true;
    query.matchCase = false;
    QVERIFY(testing::searchAndWait(window, query, kTimeoutMs));
    window.replaceController()->bar()->setReplacement(QStringLiteral("${1}ix"));  // "$1ix" would name a group "1ix"
    window.replaceController()->bar()->setPreserveCase(true);
    const QModelIndex again = lineIndex(*window.resultsModel(), QStringLiteral("a.txt"), 1);
    QCOMPARE(preview->replacements(again), (QStringList{QStringLiteral("Fix"), QStringLiteral("FIX")}));

    // An unchecked match shows no change.
    preview->toggleMatch(again, 1);
    inlined = preview->inlineFor(again, again.data(Qt::DisplayRole).toString(), 0);
    QCOMPARE(inlined.text, QStringLiteral("FooFix FOO"));
    QCOMPARE(inlined.pieces.last().kind, InlinePiece::Kind::Unchosen);

    // And the view paints it without complaint.
    window.resize(900, 600);
    QVERIFY(!window.grab().isNull());
}

void TestReplace::uncheckedMatchesAreNotReplaced()
{
    TestTree tree;
    const std::string a = tree.write(QStringLiteral("a.txt"), "foo foo\nkeep foo\nfoo\n");
    const std::string b = tree.write(QStringLiteral("b.txt"), "foo\n");
    MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    searchAndOpen(window, tree, QStringLiteral("foo"), QStringLiteral("bar"));
    ResultsModel& model = *window.resultsModel();
    QTreeView* view = resultsView(window);
    view->expandAll();

    // A click on line 2's check box unchecks its match; the file becomes partly checked.
    const QModelIndex keep = lineIndex(model, QStringLiteral("a.txt"), 2);
    const QRect row = view->visualRect(keep);
    QVERIFY(row.isValid());
    ReplacePreview* preview = window.replaceController()->preview();
    QCOMPARE(preview->checkState(keep), Qt::Checked);
    const int indicator = view->style()->pixelMetric(QStyle::PM_IndicatorWidth);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(row.left() + 4 + indicator / 2, row.center().y()));
    QCOMPARE(preview->checkState(keep), Qt::Unchecked);
    QCOMPARE(preview->checkState(fileIndex(model, QStringLiteral("a.txt"))), Qt::PartiallyChecked);
    // A plain click anywhere on line 3's text (its match included) only selects it: a click to
    // see the line must not leave its match out. A Ctrl+click on the match toggles it.
    const QModelIndex third = lineIndex(model, QStringLiteral("a.txt"), 3);
    const QRect thirdRow = view->visualRect(third);
    const int textStart = thirdRow.left() + 8 + indicator;
    for (int x = textStart; x < thirdRow.right(); x += 2) {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(x, thirdRow.center().y()));
        QVERIFY2(preview->checkState(third) == Qt::Checked, qPrintable(QStringLiteral("a plain click at x=%1 left line 3 out").arg(x)));
    }
    int toggledAt = -1;
    for (int x = textStart; x < thirdRow.right() && toggledAt < 0; x += 2) {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, QPoint(x, thirdRow.center().y()));
        if (preview->checkState(third) == Qt::Unchecked)
            toggledAt = x;
    }
    QVERIFY2(toggledAt >= 0, "no Ctrl+click on line 3 left its match out");
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, QPoint(toggledAt, thirdRow.center().y()));
    QCOMPARE(preview->checkState(third), Qt::Checked);
    // The second match of line 1, one match alone.
    preview->toggleMatch(lineIndex(model, QStringLiteral("a.txt"), 1), 1);
    QCOMPARE(preview->checkState(lineIndex(model, QStringLiteral("a.txt"), 1)), Qt::PartiallyChecked);
    // All of b.txt, by its file check box.
    preview->toggle(fileIndex(model, QStringLiteral("b.txt")));
    QCOMPARE(preview->checkState(fileIndex(model, QStringLiteral("b.txt"))), Qt::Unchecked);

    const ReplaceOutcome outcome = replaceAll(window);
    QCOMPARE(outcome.report.changed_files(), std::size_t(1));
    QCOMPARE(slurp(a), QByteArray("bar foo\nkeep foo\nbar\n"));
    QCOMPARE(slurp(b), QByteArray("foo\n"));
}

void TestReplace::replaceAllThenUndoRestoresTheBytes()
{
    TestTree tree;
    const QByteArray crlf("x foo\r\ny\r\nfoo foo\r\n");
    const QByteArray bom("\xEF\xBB\xBF" "foo at the start\n");
    const std::string a = tree.write(QStringLiteral("a.txt"), crlf);
    const std::string b = tree.write(QStringLiteral("sub/b.txt"), bom);
    const std::string c = tree.write(QStringLiteral("c.txt"), "no match\n");
    MainWindow window;
    searchAndOpen(window, tree, QStringLiteral("foo"), QStringLiteral("quux"));
    const ReplaceOutcome outcome = replaceAll(window);
    QCOMPARE(outcome.report.changed_files(), std::size_t(2));
    QCOMPARE(outcome.report.skipped_files(), std::size_t(0));
    QCOMPARE(slurp(a), QByteArray("x quux\r\ny\r\nquux quux\r\n"));
    QCOMPARE(slurp(b), QByteArray("\xEF\xBB\xBF" "quux at the start\n"));
    QCOMPARE(slurp(c), QByteArray("no match\n"));
    OutcomeDialog* dialog = window.replaceController()->outcomeDialog();
    QVERIFY(dialog && dialog->isVisible());
    // No translator in this test: the English plural forms come from codescout_en.ts in the app.
    QVERIFY2(dialog->headline().startsWith(QLatin1String("2 file")), qPrintable(dialog->headline()));
    QVERIFY2(dialog->headline().contains(QLatin1String(", 0 file")), qPrintable(dialog->headline()));

    QSignalSpy undone(window.replaceController(), &ReplaceController::undoFinished);
    window.replaceController()->undoAction()->trigger();
    QVERIFY(undone.wait(kTimeoutMs));
    QVERIFY(undone.takeFirst().at(0).value<UndoReport>().complete());
    QCOMPARE(slurp(a), crlf);
    QCOMPARE(slurp(b), bom);
    QVERIFY2(dialog->headline().startsWith(QLatin1String("2 file")), qPrintable(dialog->headline()));
    // The results follow: the restored files match again (the apply's search found none).
    QTRY_COMPARE_WITH_TIMEOUT(window.resultsModel()->rowCount(), 2, kTimeoutMs);
}

// A multi-line regex (the Multi-line toggle: the engine's -U): its matches across lines are
// previewed and replaced like any other — the edit layer once looked for them line by line,
// found none and called the file changed since the search.
void TestReplace::multiLineMatchesAreReplacedAndUndone()
{
    TestTree tree;
    const QByteArray original("int f(int ret)\n{\n\tif (ret)\n\t\treturn ret;\n\treturn 0;\n}\n");
    const std::string f = tree.write(QStringLiteral("f.c"), original);
    MainWindow window;
    Query query;
    query.pattern = QStringLiteral("(\\w+) \\(ret\\)\\n\\s+(return) ret;");
    query.regex = true;
    query.matchCase = true;
    query.multiline = true;
    searchAndOpen(window, tree, query, QStringLiteral("$1 (ret) $2 ret;"));
    ReplaceController* replace = window.replaceController();

    const ReplaceOutcome outcome = replaceAll(window);
    QString skips = QString::fromStdString(outcome.report.error);
    for (const auto& file : outcome.report.files)
        if (file.skip) skips += QStringLiteral("; %1: %2").arg(QString::fromStdString(file.path), QString::fromStdString(file.skip->message));
    QVERIFY2(outcome.report.changed_files() == 1, qPrintable(skips));
    QCOMPARE(outcome.report.skipped_files(), std::size_t(0));
    QCOMPARE(slurp(f), QByteArray("int f(int ret)\n{\n\tif (ret) return ret;\n\treturn 0;\n}\n"));
    QSignalSpy undone(replace, &ReplaceController::undoFinished);
    replace->undoAction()->trigger();
    QVERIFY(undone.wait(kTimeoutMs));
    QCOMPARE(slurp(f), original);
}

// A file changed since the search is skipped, and the summary says why: saved larger by an
// editor (the size tells), or edited to the same size with its mtime put back — then only the
// lines tell: the apply reads each file once and judges those bytes against what the search
// showed (planReplaceInApply), and that check must still catch it.
void TestReplace::fileChangedSinceTheSearchIsSkipped_data()
{
    QTest::addColumn<QByteArray>("searched");
    QTest::addColumn<QByteArray>("saved");
    QTest::addColumn<bool>("sameTimes");
    QTest::addColumn<QString>("why");
    QTest::newRow("saved larger") << QByteArray("foo\n") << QByteArray("foo\nsaved by an editor\n") << false
                                  << QStringLiteral("it changed since it was searched");
    QTest::newRow("its match moved, same size and mtime") << QByteArray("foo\nbar\n") << QByteArray("bar\nfoo\n") << true
                                                          << QString();
}

void TestReplace::fileChangedSinceTheSearchIsSkipped()
{
    QFETCH(QByteArray, searched);
    QFETCH(QByteArray, saved);
    QFETCH(bool, sameTimes);
    QFETCH(QString, why);
    TestTree tree;
    const std::string a = tree.write(QStringLiteral("a.txt"), "foo\n");
    const std::string b = tree.write(QStringLiteral("b.txt"), searched);
    struct stat before {};
    QVERIFY(::stat(b.c_str(), &before) == 0);
    MainWindow window;
    searchAndOpen(window, tree, QStringLiteral("foo"), QStringLiteral("baz"));
    tree.write(QStringLiteral("b.txt"), saved);
    const struct timespec times[2] = {before.st_atim, before.st_mtim};
    if (sameTimes)
        QVERIFY(::utimensat(AT_FDCWD, b.c_str(), times, 0) == 0);

    const ReplaceOutcome outcome = replaceAll(window);
    QCOMPARE(outcome.report.changed_files(), std::size_t(1));
    QCOMPARE(slurp(a), QByteArray("baz\n"));
    QCOMPARE(slurp(b), saved);
    const QStringList rows = window.replaceController()->outcomeDialog()->rows();
    QCOMPARE(rows.size(), 1);
    QVERIFY2(rows[0].startsWith(QLatin1String("b.txt\tchanged since the search\t") + why), qPrintable(rows[0]));
    struct stat now {};
    QVERIFY(::stat(b.c_str(), &now) == 0);
    QCOMPARE(now.st_nlink, nlink_t(1));  // no second name of it left in the journal
}

void TestReplace::historyUndoRefusesAFileChangedSince()
{
    TestTree tree;
    const std::string a = tree.write(QStringLiteral("a.txt"), "foo\n");
    const std::string b = tree.write(QStringLiteral("b.txt"), "foo\n");
    MainWindow window;
    searchAndOpen(window, tree, QStringLiteral("foo"), QStringLiteral("bar"));
    const ReplaceOutcome first = replaceAll(window);
    QCOMPARE(first.report.changed_files(), std::size_t(2));
    const std::string id = first.report.journal_id;
    QVERIFY(!id.empty());
    tree.write(QStringLiteral("b.txt"), "bar\nedited after the replace\n");

    ReplaceController* replace = window.replaceController();
    replace->historyAction()->trigger();
    ApplyHistoryDialog* history = replace->historyDialog();
    QVERIFY(history && history->isVisible());
    QCOMPARE(history->rowCount(), 1);
    QTreeWidget* table = history->table();
    QCOMPARE(table->topLevelItem(0)->text(1), QStringLiteral("foo"));
    QCOMPARE(table->topLevelItem(0)->text(2), QStringLiteral("bar"));
    QCOMPARE(table->topLevelItem(0)->text(3), QStringLiteral("2"));
    QVERIFY(history->select(id));
    QSignalSpy undone(replace, &ReplaceController::undoFinished);
    for (QPushButton* button : history->findChildren<QPushButton*>()) {
        if (button->text().contains(QLatin1String("Undo")))
            button->click();
    }
    QVERIFY(undone.wait(kTimeoutMs));
    const UndoReport report = undone.takeFirst().at(0).value<UndoReport>();
    QVERIFY(!report.complete());
    QCOMPARE(slurp(a), QByteArray("foo\n"));
    QCOMPARE(slurp(b), QByteArray("bar\nedited after the replace\n"));
    const QStringList rows = replace->outcomeDialog()->rows();
    QCOMPARE(rows.size(), 1);
    QVERIFY2(rows[0].startsWith(QLatin1String("b.txt\tchanged since the replace\t")), qPrintable(rows[0]));
    QCOMPARE(table->topLevelItem(0)->text(4), QStringLiteral("undone"));
}

void TestReplace::cancelMidApplyLeavesEveryFileWhole()
{
    TestTree tree;
    std::vector<std::string> paths;
    for (int i = 0; i < 12; ++i)
        paths.push_back(tree.write(QStringLiteral("f%1.txt").arg(i, 2, 10, QLatin1Char('0')), "a foo b\nfoo\n"));
    MainWindow window;
    searchAndOpen(window, tree, QStringLiteral("foo"), QStringLiteral("barbaz"));
    ReplaceController* replace = window.replaceController();
    // Cancel as the fourth file has been replaced (on the worker thread, between two steps).
    std::atomic<int> replaced{0};
    replace->setStepHook([&replaced, replace](std::string_view step) {
        if (step == "file-replaced" && ++replaced == 4)
            replace->runner()->cancel();
    });
    const ReplaceOutcome outcome = replaceAll(window);
    QVERIFY(outcome.cancelled);
    QVERIFY(outcome.report.rolled_back);
    QCOMPARE(replaced.load(), 4);
    for (const std::string& path : paths) {
        const QByteArray now = slurp(path);
        QVERIFY2(now == QByteArray("a foo b\nfoo\n"), now.constData());  // rolled back: wholly old
    }
    QVERIFY(replace->outcomeDialog()->headline().contains(QLatin1String("Cancelled")));
}

void TestReplace::writeErrorStopsOrContinuesAsSet_data()
{
    QTest::addColumn<QString>("setting");
    QTest::newRow("default: stop and roll back") << QString();
    QTest::newRow("continue") << QStringLiteral("continue");
}

void TestReplace::writeErrorStopsOrContinuesAsSet()
{
    QFETCH(QString, setting);
    if (!setting.isEmpty())
        AppSettings().setValue(Setting::ReplaceOnError, setting);
    TestTree tree;
    std::vector<std::string> paths;
    for (int i = 0; i < 3; ++i)
        paths.push_back(tree.write(QStringLiteral("f%1.txt").arg(i), "foo\n"));
    MainWindow window;
    searchAndOpen(window, tree, QStringLiteral("foo"), QStringLiteral("bar"));
    ReplaceController* replace = window.replaceController();
    // A write error on f1, for real: its temporary file is taken away as soon as it is created,
    // so its rename fails (ENOENT) — what a file system that loses a file would do.
    std::atomic<int> created{0};
    const std::string folder = tree.root();
    replace->setStepHook([&created, folder](std::string_view step) {
        if (step != "temp-created" || ++created != 2)
            return;
        const QStringList temps = QDir(QString::fromStdString(folder)).entryList({QStringLiteral(".f1.txt.codescout-*")}, QDir::Files | QDir::Hidden);
        for (const QString& temp : temps)
            QFile::remove(QString::fromStdString(folder) + QLatin1Char('/') + temp);
    });
    const ReplaceOutcome outcome = replaceAll(window);
    const std::vector<FileApplyOutcome>& files = outcome.report.files;
    QCOMPARE(files.size(), std::size_t(3));
    QVERIFY(files[1].skip);
    QCOMPARE(std::string(skip_code(files[1].skip->reason)), std::string("write-failed"));
    QCOMPARE(slurp(paths[1]), QByteArray("foo\n"));
    if (setting.isEmpty()) {
        QVERIFY(outcome.report.rolled_back);
        for (const std::string& p : paths)
            QCOMPARE(slurp(p), QByteArray("foo\n"));
    } else {
        QVERIFY(!outcome.report.rolled_back);
        QCOMPARE(outcome.report.changed_files(), std::size_t(2));
        QCOMPARE(slurp(paths[0]), QByteArray("bar\n"));
        QCOMPARE(slurp(paths[2]), QByteArray("bar\n"));
    }
}

void TestReplace::interruptedApplyIsSettledAtStart()
{
    TestTree tree;
    std::vector<std::string> paths;
    for (int i = 0; i < 3; ++i)
        paths.push_back(tree.write(QStringLiteral("f%1.txt").arg(i), "foo\n"));
    // An apply that dies after its second file: the journal entry stays uncommitted, as after kill -9.
    {
        ApplyPlan plan;
        plan.roots = plan_roots({tree.root()});
        plan.pattern = "foo";
        plan.replacement = "bar";
        for (const std::string& p : paths) {
            PlannedFile planned = plan_file(p, [](std::string_view) { return std::vector<TextEdit>{{0, 3, "bar"}}; });
            plan.files.push_back(std::move(*planned.plan));
        }
        UndoJournal journal(UndoJournal::default_dir());
        ApplyOptions options;
        int replaced = 0;
        struct Crash {};
        options.hook = [&replaced](std::string_view step) {
            if (step == "file-replaced" && ++replaced == 2)
                throw Crash{};
        };
        QVERIFY_THROWS_EXCEPTION(Crash, apply_plan(plan, journal, options));
        QCOMPARE(slurp(paths[0]), QByteArray("bar\n"));
        QVERIFY(journal.needs_recovery());
    }
    MainWindow window;
    QSignalSpy recovered(window.replaceController(), &ReplaceController::recoveryFinished);
    QVERIFY(recovered.wait(kTimeoutMs));
    const QStringList messages = recovered.takeFirst().at(0).toStringList();
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages[0].startsWith(QLatin1String("rolled back the interrupted apply 1")), qPrintable(messages[0]));
    for (const std::string& p : paths)
        QCOMPARE(slurp(p), QByteArray("foo\n"));
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("rolled back the interrupted apply")));
}

void TestReplace::diffShowsTheWholeFileChange()
{
    TestTree tree;
    tree.write(QStringLiteral("a.txt"), "one\nfoo\nthree\n");
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    searchAndOpen(window, tree, QStringLiteral("foo"), QStringLiteral("bar"));
    QTreeView* view = resultsView(window);
    view->setCurrentIndex(lineIndex(*window.resultsModel(), QStringLiteral("a.txt"), 2));
    ReplaceController* replace = window.replaceController();
    QWidget* preview = window.previewPane();
    const int previewWidth = preview->width();
    const int resultsWidth = view->width();
    QSignalSpy shown(replace, &ReplaceController::diffShown);
    replace->bar()->diffButton()->setChecked(true);
    QVERIFY(shown.wait(kTimeoutMs));
    // The diff takes the preview's place and width; the results keep theirs (within a few pixels
    // of the splitter's rounding), and the preview gets them back.
    QTRY_VERIFY(replace->diffView()->isVisible());
    QVERIFY2(qAbs(replace->diffView()->width() - previewWidth) <= 4,
             qPrintable(QStringLiteral("diff %1 px wide, the preview was %2").arg(replace->diffView()->width()).arg(previewWidth)));
    QVERIFY(qAbs(view->width() - resultsWidth) <= 4);
    const QString diff = replace->diffView()->diffText();
    QVERIFY2(diff.contains(QLatin1String("\n-foo\n+bar\n")), qPrintable(diff));
    QVERIFY(diff.startsWith(QLatin1String("--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@")));
    replace->bar()->diffButton()->setChecked(false);
    QTRY_VERIFY(preview->isVisible());
    QVERIFY(qAbs(preview->width() - previewWidth) <= 4);
}

// The diff of a C file is highlighted as C; side by side shows old and new in aligned rows with
// each file's line numbers; the choice of layout outlives the window.
void TestReplace::diffIsInTheFilesLanguageAndSideBySide()
{
    TestTree tree;
    tree.write(QStringLiteral("m.c"), "int a;\nint foo = foo + 1;\nint b;\n");
    {
        MainWindow window;
        searchAndOpen(window, tree, QStringLiteral("foo"), QStringLiteral("bar"));
        resultsView(window)->setCurrentIndex(lineIndex(*window.resultsModel(), QStringLiteral("m.c"), 2));
        ReplaceController* replace = window.replaceController();
        QSignalSpy shown(replace, &ReplaceController::diffShown);
        replace->bar()->diffButton()->setChecked(true);
        QVERIFY(shown.wait(kTimeoutMs));
        DiffView* diff = replace->diffView();
        QCOMPARE(diff->definitionName(), QStringLiteral("C"));
        const QString text = diff->diffText();
        QVERIFY2(text.endsWith(QLatin1String("\n-int foo = foo + 1;\n+int bar = bar + 1;\n int b;\n")), qPrintable(text));
        diff->sideBySideButton()->click();
        DiffEditor* left = diff->sideBySideView()->left();
        DiffEditor* right = diff->sideBySideView()->right();
        QVERIFY(left->isVisibleTo(&window));
        QCOMPARE(left->document()->blockCount(), right->document()->blockCount());
        QCOMPARE(left->document()->findBlockByNumber(3).text(), QStringLiteral("int foo = foo + 1;"));
        QCOMPARE(right->document()->findBlockByNumber(3).text(), QStringLiteral("int bar = bar + 1;"));
        QCOMPARE(left->shownNumber(0, 3), 2);
        QCOMPARE(right->shownNumber(0, 3), 2);
        QCOMPARE(diff->diffText(), text);
    }
    MainWindow again;
    QCOMPARE(again.replaceController()->diffView()->diffLayout(), DiffView::Layout::SideBySide);
}

QTEST_MAIN(TestReplace)
// The undo history's size bound drops older applies; freeing their kept originals takes seconds
// on a large tree, so it must come after the summary, not before it (as the CLI does).
void TestReplace::droppedHistoryIsFreedAfterTheSummary()
{
    AppSettings().setValue(Setting::UndoHistoryMaxBytes, 1);  // each apply drops the one before
    TestTree tree;
    const std::string a = tree.write(QStringLiteral("a.txt"), "foo\n");
    MainWindow window;
    searchAndOpen(window, tree, QStringLiteral("foo"), QStringLiteral("bar"));
    QCOMPARE(replaceAll(window).report.changed_files(), std::size_t(1));
    searchAndOpen(window, tree, QStringLiteral("bar"), QStringLiteral("foo"));

    const QDir journal(state_->path() + QStringLiteral("/codescout/undo"));
    const auto droppedEntries = [&journal] {
        return journal.entryList({QStringLiteral("*.dropped")}, QDir::Dirs | QDir::Hidden).size();
    };
    qsizetype droppedAtSummary = -1;
    connect(window.replaceController(), &ReplaceController::replaceFinished, this,
            [&](const ReplaceOutcome& outcome) {
                QVERIFY(!outcome.report.notices.empty());
                droppedAtSummary = droppedEntries();
            });
    QCOMPARE(replaceAll(window).report.changed_files(), std::size_t(1));
    QCOMPARE(slurp(a), QByteArray("foo\n"));
    QCOMPARE(droppedAtSummary, qsizetype(1));  // the first apply's entry, not yet freed
    QTRY_COMPARE_WITH_TIMEOUT(droppedEntries(), qsizetype(0), kTimeoutMs);
}

#include "test_replace.moc"
