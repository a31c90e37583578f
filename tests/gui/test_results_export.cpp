// Copy and Export Results (issue 10) through the real window: the text export is byte for byte
// what rg 14 prints for the same search run in the folder (--sort path, the window's default
// order; with and without context), the JSON Lines export's begin/match/context messages are
// rg --json's, the CSV export is rg --column's matches under RFC 4180 quoting; Copy puts exactly
// the selected lines on the clipboard; a file gone since the search is reported, not invented.
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "../cli/process_runner.h"
#include "gui/results/results_export.h"
#include "gui/results/results_model.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "gui/window/results_actions.h"
#include "gui_test_helpers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

constexpr int kTimeoutMs = 60000;  // only a hang takes this long

QString rgPath() { return QStandardPaths::findExecutable(QStringLiteral("rg")); }

// Files with what the formats must get right: quotes, commas, tabs, CRLF, no final newline,
// non-ASCII text, several matches per line, names with spaces, and files rg sorts by component.
void writeFixture(TestTree& tree)
{
    tree.write(QStringLiteral("src/main.c"), "int foo(void);\n\tfoo(); foo();\nint bar;\n\n// foo, \"quoted\"\nend\n");
    tree.write(QStringLiteral("src/a-b/x.c"), "foo\n");
    tree.write(QStringLiteral("src/a/x.c"), "x\nfoo = 1;\ny\nz\nw\nfoo again\n");
    tree.write(QStringLiteral("docs/with space.md"), "Some foo text\r\nno match\r\nfoo, with comma\r\n");
    tree.write(QStringLiteral("unicode.txt"), "gr\xc3\xb6\xc3\x9f" "e foo \xf0\x9f\x98\x80\n");
    tree.write(QStringLiteral("noeol.txt"), "last foo");
    tree.write(QStringLiteral("other.txt"), "nothing here\n");
}

// rg's expected CSV, built independently from `rg --column` lines "PATH:LINE:COLUMN:TEXT".
QByteArray csvFromRgColumns(const QByteArray& rgOut)
{
    const auto field = [](const QByteArray& f) {
        if (!f.contains(',') && !f.contains('"') && !f.contains('\r') && !f.contains('\n'))
            return f;
        QByteArray quoted = f;
        quoted.replace("\"", "\"\"");
        return "\"" + quoted + "\"";
    };
    QByteArray out = "path,line,column,text\r\n";
    for (QByteArray line : rgOut.split('\n')) {
        if (line.isEmpty())
            continue;
        QList<QByteArray> parts;
        for (int i = 0; i < 3; ++i) {
            const qsizetype colon = line.indexOf(':');
            parts.append(line.left(colon));
            line = line.mid(colon + 1);
        }
        if (line.endsWith('\r'))
            line.chop(1);
        out += field(parts[0]) + ',' + parts[1] + ',' + parts[2] + ',' + field(line) + "\r\n";
    }
    return out;
}

QByteArray jsonMessages(const QByteArray& out)
{
    QByteArray kept;
    for (const QByteArray& line : out.split('\n')) {
        if (line.startsWith("{\"type\":\"begin\"") || line.startsWith("{\"type\":\"match\"")
            || line.startsWith("{\"type\":\"context\""))
            kept += line + '\n';
    }
    return kept;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

}  // namespace

class TestResultsExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void exportsMatchRg_data();
    void exportsMatchRg();
    void csvQuotesAsRfc4180();
    void copyPutsTheSelectedLinesOnTheClipboard();
    void copyPathCopiesFilePaths();
    void aFileGoneSinceTheSearchIsReported();

private:
    // Searches `tree` in `window` for `pattern` (case-sensitive, as rg's default) with `context`.
    void search(MainWindow& window, TestTree& tree, const QString& pattern, int context);
    // Exports everything to a file and returns its bytes.
    QByteArray exportAll(MainWindow& window, ExportFormat format);

    testing::IsolatedSettings settings_;
    QTemporaryDir out_;
};

void TestResultsExport::initTestCase()
{
    if (rgPath().isEmpty())
        QSKIP("rg is not installed: the exports are compared with rg's output");
}

void TestResultsExport::search(MainWindow& window, TestTree& tree, const QString& pattern, int context)
{
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    Query query;
    query.pattern = pattern;
    query.matchCase = true;
    query.contextLines = context;
    QVERIFY(testing::searchAndWait(window, query, kTimeoutMs));
}

QByteArray TestResultsExport::exportAll(MainWindow& window, ExportFormat format)
{
    auto* actions = window.findChild<ResultsActions*>();
    if (!actions)
        return "<no ResultsActions>";
    const QString file = out_.filePath(QStringLiteral("export.") + ResultsExport::extension(format));
    QSignalSpy done(actions, &ResultsActions::jobFinished);
    if (!actions->exportTo(file, format, actions->allItems()) || !done.wait(kTimeoutMs))
        return "<export did not run>";
    if (!done.first().at(0).toBool())
        return "<export failed: " + done.first().at(1).toString().toUtf8() + ">";
    return readAll(file);
}

void TestResultsExport::exportsMatchRg_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("context");
    QTest::newRow("literal") << QStringLiteral("foo") << 0;
    QTest::newRow("regex, several per line") << QStringLiteral("fo+|\\w+\\(") << 0;
    QTest::newRow("context 1") << QStringLiteral("foo") << 1;
    QTest::newRow("context 2 (groups, --)") << QStringLiteral("foo") << 2;
}

void TestResultsExport::exportsMatchRg()
{
    QFETCH(QString, pattern);
    QFETCH(int, context);
    TestTree tree;
    writeFixture(tree);
    MainWindow window;
    search(window, tree, pattern, context);
    const QString cwd = QString::fromStdString(tree.root());
    QStringList args{QStringLiteral("--sort"), QStringLiteral("path")};
    if (context > 0)
        args << QStringLiteral("-C%1").arg(context);

    const ProcessResult rgText = run_program(rgPath(), args + QStringList{QStringLiteral("--no-heading"), QStringLiteral("-n"), pattern}, cwd);
    QVERIFY2(!rgText.out.isEmpty(), qPrintable(rgText.describe()));
    const QByteArray text = exportAll(window, ExportFormat::Text);
    QVERIFY2(text == rgText.out, qPrintable(QStringLiteral("ours:\n%1\nrg:\n%2").arg(QString::fromUtf8(text), QString::fromUtf8(rgText.out))));

    const ProcessResult rgJson = run_program(rgPath(), args + QStringList{QStringLiteral("--json"), pattern}, cwd);
    const QByteArray json = exportAll(window, ExportFormat::JsonLines);
    QCOMPARE(jsonMessages(json), jsonMessages(rgJson.out));
    QVERIFY(json.endsWith("\"type\":\"summary\"}\n"));
    QCOMPARE(json.count("{\"type\":\"end\""), rgJson.out.count("{\"type\":\"end\""));

    if (context == 0) {
        const ProcessResult rgColumns =
            run_program(rgPath(), args + QStringList{QStringLiteral("--no-heading"), QStringLiteral("-n"), QStringLiteral("--column"), pattern}, cwd);
        QCOMPARE(exportAll(window, ExportFormat::Csv), csvFromRgColumns(rgColumns.out));
    }
}

void TestResultsExport::csvQuotesAsRfc4180()
{
    TestTree tree;
    writeFixture(tree);
    MainWindow window;
    search(window, tree, QStringLiteral("quoted|with comma"), 0);
    QCOMPARE(exportAll(window, ExportFormat::Csv),
             QByteArray("path,line,column,text\r\n"
                        "docs/with space.md,3,6,\"foo, with comma\"\r\n"
                        "src/main.c,5,10,\"// foo, \"\"quoted\"\"\"\r\n"));
}

void TestResultsExport::copyPutsTheSelectedLinesOnTheClipboard()
{
    TestTree tree;
    writeFixture(tree);
    MainWindow window;
    search(window, tree, QStringLiteral("foo"), 0);
    auto* view = window.findChild<QTreeView*>(QStringLiteral("resultsView"));
    QVERIFY(view);
    const ResultsModel* model = window.resultsModel();
    // src/main.c is the 5th file by path (docs/…, noeol, src/a/x.c, src/a-b/x.c, src/main.c).
    int mainRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ResultsModel::RelativePathRole).toString() == QLatin1String("src/main.c"))
            mainRow = row;
    }
    QCOMPARE(mainRow, 4);
    const QModelIndex file = model->index(mainRow, 0);
    view->selectionModel()->select(model->index(1, 0, file), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(model->index(2, 0, file), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(model->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);

    auto* actions = window.findChild<ResultsActions*>();
    QSignalSpy done(actions, &ResultsActions::jobFinished);
    QApplication::clipboard()->clear();
    auto* copy = window.findChild<QAction*>(QStringLiteral("actionCopyResults"));
    QVERIFY(copy);
    QCOMPARE(copy->shortcut(), QKeySequence(QKeySequence::Copy));
    view->setFocus();
    copy->trigger();
    QVERIFY(done.wait(kTimeoutMs));
    QVERIFY(done.first().at(0).toBool());
    // The whole first file (a file row) and two lines of src/main.c, in the view's order.
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("docs/with space.md:1:Some foo text\r\ndocs/with space.md:3:foo, with comma\r\n"
                            "src/main.c:2:\tfoo(); foo();\nsrc/main.c:5:// foo, \"quoted\"\n"));
}

void TestResultsExport::copyPathCopiesFilePaths()
{
    TestTree tree;
    writeFixture(tree);
    MainWindow window;
    search(window, tree, QStringLiteral("foo"), 0);
    auto* view = window.findChild<QTreeView*>(QStringLiteral("resultsView"));
    const ResultsModel* model = window.resultsModel();
    view->selectionModel()->select(model->index(0, 0, model->index(1, 0)), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    auto* copyPath = window.findChild<QAction*>(QStringLiteral("actionCopyPath"));
    QVERIFY(copyPath);
    copyPath->trigger();
    QCOMPARE(QApplication::clipboard()->text(), window.folder() + QStringLiteral("/noeol.txt\n"));
}

void TestResultsExport::aFileGoneSinceTheSearchIsReported()
{
    TestTree tree;
    writeFixture(tree);
    MainWindow window;
    search(window, tree, QStringLiteral("foo"), 0);
    QVERIFY(QFile::remove(QString::fromStdString(tree.path(QStringLiteral("noeol.txt")))));
    auto* actions = window.findChild<ResultsActions*>();
    QSignalSpy done(actions, &ResultsActions::jobFinished);
    const QString file = out_.filePath(QStringLiteral("gone.txt"));
    QVERIFY(actions->exportTo(file, ExportFormat::Text, actions->allItems()));
    QVERIFY(done.wait(kTimeoutMs));
    QVERIFY(done.first().at(1).toString().contains(QLatin1String("no longer match")));
    QVERIFY(!readAll(file).contains("noeol.txt"));
    QVERIFY(readAll(file).contains("src/main.c:1:int foo(void);\n"));
}

QTEST_MAIN(TestResultsExport)
#include "test_results_export.moc"
