// Results ordered by path while they stream in (issue 10): the row order structure against a
// plain vector, the path order against rg's, and the model — sorted whatever the arrival order,
// the same order for the same files, indexes of line rows kept while files are inserted above
// them, switching between "by path" and "as found" — under QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QAction>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <numeric>
#include <random>

#include "gui/results/compact_file.h"
#include "gui/results/results_model.h"
#include "gui/results/results_order.h"
#include "gui/results/row_order.h"
#include "gui/settings/app_settings.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "gui_test_helpers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::gui;
using codescout::gui::testing::matchLine;

namespace {

CompactFile makeFile(const std::string& relative, int lines = 1)
{
    FileResult file;
    file.path = "/r/" + relative;
    for (int i = 0; i < lines; ++i)
        file.lines.push_back(matchLine(static_cast<std::uint64_t>(i + 1), "needle " + relative, {{0, 6}}));
    file.matched_lines = file.matches = static_cast<std::uint64_t>(lines);
    return CompactFile(file, "/r");
}

// A few hundred paths with shared prefixes, '-' vs '/' and non-ASCII names.
std::vector<std::string> samplePaths()
{
    std::vector<std::string> paths;
    for (int d = 0; d < 12; ++d) {
        const std::string dir = d % 3 == 0 ? "a" + std::to_string(d) : (d % 3 == 1 ? "a-" + std::to_string(d) : "Z" + std::to_string(d));
        for (int f = 0; f < 25; ++f)
            paths.push_back(dir + "/f" + std::to_string(f) + (f % 2 ? ".c" : ".h"));
    }
    paths.insert(paths.end(), {"a", "a-b", "a/x", "\xc3\xa9t\xc3\xa9.txt", "\xef\xbf\xbd.txt", "\xf0\x9f\x98\x80.txt", "b.txt"});
    return paths;
}

std::vector<QString> rowPaths(const ResultsModel& model)
{
    std::vector<QString> rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.push_back(model.index(row, 0).data(ResultsModel::RelativePathRole).toString());
    return rows;
}

// Feeds `paths` to the model in `batches` batches in the order given.
void feed(ResultsModel& model, const std::vector<std::string>& paths, std::size_t batches)
{
    const std::size_t per = std::max<std::size_t>(1, paths.size() / batches);
    for (std::size_t start = 0; start < paths.size(); start += per) {
        std::vector<CompactFile> files;
        for (std::size_t i = start; i < std::min(paths.size(), start + per); ++i)
            files.push_back(makeFile(paths[i], 1 + static_cast<int>(i % 3)));
        model.addFiles(std::move(files));
    }
}

}  // namespace

class TestResultsOrder : public QObject {
    Q_OBJECT
private slots:
    void rowOrderMatchesAVector();
    void rowOrderAssignAndUpperBound();
    void pathOrderIsRgs_data();
    void pathOrderIsRgs();
    void byPathSortsWhateverTheArrivalOrder();
    void sameFilesGiveTheSameOrder();
    void asFoundKeepsArrivalOrder();
    void lineIndexesFollowTheirFileWhenRowsAreInsertedAbove();
    void switchingOrderKeepsSelectionAndExpansion();
    void memoryIncludesTheOrder();
    void sameSearchTwiceShowsTheSameOrder();
    void orderSettingIsRemembered();

private:
    testing::IsolatedSettings settings_;
};

void TestResultsOrder::rowOrderMatchesAVector()
{
    // Random insertion points over several block splits: every lookup agrees with a vector.
    std::mt19937 random(12345);
    RowOrder order;
    std::vector<std::uint32_t> reference;
    const std::uint32_t count = static_cast<std::uint32_t>(RowOrder::kMaxBlock) * 9 + 77;
    for (std::uint32_t id = 0; id < count; ++id) {
        const std::size_t row = std::uniform_int_distribution<std::size_t>(0, reference.size())(random);
        order.insert(row, id);
        reference.insert(reference.begin() + static_cast<std::ptrdiff_t>(row), id);
    }
    QCOMPARE(order.size(), reference.size());
    for (std::size_t row = 0; row < reference.size(); ++row) {
        QCOMPARE(order.idAt(row), reference[row]);
        QCOMPARE(order.rowOf(reference[row]), row);
    }
    // Appends (the "as found" path) and inserts at the front too.
    order.insert(order.size(), count);
    order.insert(0, count + 1);
    QCOMPARE(order.idAt(order.size() - 1), count);
    QCOMPARE(order.idAt(0), count + 1);
    QCOMPARE(order.rowOf(reference.front()), std::size_t{1});
}

void TestResultsOrder::rowOrderAssignAndUpperBound()
{
    // Keys: id -> key[id]; insert each at its upper bound: the rows come out sorted, equal keys
    // in insertion order.
    std::mt19937 random(7);
    std::vector<int> key(5000);
    for (int& k : key)
        k = std::uniform_int_distribution<int>(0, 999)(random);
    const auto less = [&key](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; };
    RowOrder order;
    for (std::uint32_t id = 0; id < key.size(); ++id)
        order.insert(order.upperBound(id, less), id);
    std::vector<std::uint32_t> expected(key.size());
    std::iota(expected.begin(), expected.end(), 0u);
    std::stable_sort(expected.begin(), expected.end(), less);
    for (std::size_t row = 0; row < expected.size(); ++row)
        QCOMPARE(order.idAt(row), expected[row]);

    std::reverse(expected.begin(), expected.end());
    order.assign(expected);
    for (std::size_t row = 0; row < expected.size(); ++row)
        QCOMPARE(order.rowOf(expected[row]), row);
    order.clear();
    QVERIFY(order.empty());
    QCOMPARE(order.heapBytes(), std::size_t{0});
}

void TestResultsOrder::pathOrderIsRgs_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::newRow("component before '-'") << "a/x" << "a-b/x";
    QTest::newRow("prefix first") << "a" << "a/b";
    QTest::newRow("bytes, not locale") << "Z" << "a";
    QTest::newRow("digits as text") << "f10" << "f2";
    // U+FFFD is EF BF BD in UTF-8, U+1F600 is F0 9F 98 80: code point (byte) order, although
    // UTF-16 would put the surrogate pair D83D DE00 first.
    QTest::newRow("astral after BMP") << QString::fromUtf8("\xef\xbf\xbd") << QString::fromUtf8("\xf0\x9f\x98\x80");
    QTest::newRow("accent after ASCII") << "z" << QString::fromUtf8("\xc3\xa9");
}

void TestResultsOrder::pathOrderIsRgs()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QVERIFY(pathLess(before, after));
    QVERIFY(!pathLess(after, before));
    QVERIFY(!pathLess(before, before));
    // The same order as the UTF-8 bytes component by component, which is what rg compares.
    QVERIFY(before.toUtf8().split('/') < after.toUtf8().split('/'));
}

void TestResultsOrder::byPathSortsWhateverTheArrivalOrder()
{
    std::vector<std::string> paths = samplePaths();
    std::mt19937 random(99);
    std::shuffle(paths.begin(), paths.end(), random);
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    feed(model, paths, 40);
    QCOMPARE(model.rowCount(), static_cast<int>(paths.size()));
    const std::vector<QString> rows = rowPaths(model);
    QVERIFY(std::is_sorted(rows.begin(), rows.end(), [](const QString& a, const QString& b) { return pathLess(a, b); }));
    // Runs of adjacent new rows are inserted together: fewer insertions than files.
    QVERIFY2(inserted.count() < static_cast<int>(paths.size()), qPrintable(QString::number(inserted.count())));
}

void TestResultsOrder::sameFilesGiveTheSameOrder()
{
    // Two "runs" whose files arrive in different orders and batchings show the same rows.
    std::vector<std::string> first = samplePaths();
    std::vector<std::string> second = first;
    std::mt19937 random(2024);
    std::shuffle(first.begin(), first.end(), random);
    std::shuffle(second.begin(), second.end(), random);
    QVERIFY(first != second);
    ResultsModel a;
    ResultsModel b;
    feed(a, first, 7);
    feed(b, second, 31);
    QCOMPARE(rowPaths(a), rowPaths(b));
}

void TestResultsOrder::asFoundKeepsArrivalOrder()
{
    std::vector<std::string> paths = samplePaths();
    std::mt19937 random(5);
    std::shuffle(paths.begin(), paths.end(), random);
    ResultsModel model;
    model.setOrder(ResultsOrder::AsFound);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    feed(model, paths, 9);
    const std::vector<QString> rows = rowPaths(model);
    for (std::size_t i = 0; i < paths.size(); ++i)
        QCOMPARE(rows[i], QString::fromStdString(paths[i]));
}

void TestResultsOrder::lineIndexesFollowTheirFileWhenRowsAreInsertedAbove()
{
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<CompactFile> files;
    files.push_back(makeFile("m.txt", 3));
    model.addFiles(std::move(files));
    const QPersistentModelIndex line(model.index(2, 0, model.index(0, 0)));
    const QModelIndex plainLine = model.index(1, 0, model.index(0, 0));
    files.clear();
    files.push_back(makeFile("a.txt", 2));
    files.push_back(makeFile("c.txt", 1));
    files.push_back(makeFile("z.txt", 1));
    model.addFiles(std::move(files));
    QCOMPARE(model.index(2, 0).data(ResultsModel::RelativePathRole).toString(), QStringLiteral("m.txt"));
    QVERIFY(line.isValid());
    QCOMPARE(line.parent().row(), 2);
    QCOMPARE(line.data(ResultsModel::RelativePathRole).toString(), QStringLiteral("m.txt"));
    QCOMPARE(line.data(ResultsModel::LineNumberRole).toInt(), 3);
    // Even a plain QModelIndex taken before stays right: its id names the file, not a row.
    QCOMPARE(plainLine.data(ResultsModel::RelativePathRole).toString(), QStringLiteral("m.txt"));
    QCOMPARE(plainLine.parent(), model.index(2, 0));
}

void TestResultsOrder::switchingOrderKeepsSelectionAndExpansion()
{
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOrder(ResultsOrder::AsFound);
    feed(model, {"c.txt", "a.txt", "b.txt"}, 3);
    const QPersistentModelIndex fileC(model.index(0, 0));
    const QPersistentModelIndex lineOfC(model.index(0, 0, model.index(0, 0)));
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    model.setOrder(ResultsOrder::ByPath);
    QCOMPARE(layout.count(), 1);
    QCOMPARE(rowPaths(model), (std::vector<QString>{QStringLiteral("a.txt"), QStringLiteral("b.txt"), QStringLiteral("c.txt")}));
    QCOMPARE(fileC.row(), 2);
    QCOMPARE(fileC.data(ResultsModel::RelativePathRole).toString(), QStringLiteral("c.txt"));
    QCOMPARE(lineOfC.parent(), model.index(2, 0));
    model.setOrder(ResultsOrder::AsFound);
    QCOMPARE(fileC.row(), 0);
    QCOMPARE(layout.count(), 2);
}

void TestResultsOrder::memoryIncludesTheOrder()
{
    ResultsModel model;
    std::vector<std::string> paths;
    for (int i = 0; i < 3000; ++i)
        paths.push_back("f" + std::to_string(i));
    std::size_t filesBytes = 0;
    for (const std::string& p : paths)
        filesBytes += makeFile(p, 1).heapBytes();
    feed(model, paths, 10);
    // The order costs at least its 12 bytes per file (id in a block, place of each id).
    QVERIFY(model.heapBytes() >= filesBytes + paths.size() * 12);
    QVERIFY(model.heapBytes() < filesBytes + paths.size() * (sizeof(CompactFile) * 2 + 64));
}

void TestResultsOrder::sameSearchTwiceShowsTheSameOrder()
{
    // Many small files over several threads: their arrival order differs between runs; the rows
    // must not. Each batch inserts while the view is live (auto-expansion included).
    TestTree tree;
    for (int i = 0; i < 400; ++i)
        tree.write(QStringLiteral("d%1/s%2/f%3.txt").arg(i % 7).arg(i % 3).arg(i), "needle\nx\nneedle\n");
    MainWindow window;
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    Query query;
    query.pattern = QStringLiteral("needle");
    window.queryBar()->setQuery(query);
    std::vector<std::vector<QString>> runs;
    for (int run = 0; run < 2; ++run) {
        QSignalSpy finished(&window, &MainWindow::searchFinished);
        QVERIFY(window.startSearch());
        QVERIFY(finished.wait(60000));
        runs.push_back(rowPaths(*window.resultsModel()));
    }
    QCOMPARE(runs[0].size(), std::size_t{400});
    QCOMPARE(runs[0], runs[1]);
    QVERIFY(std::is_sorted(runs[0].begin(), runs[0].end(), [](const QString& a, const QString& b) { return pathLess(a, b); }));
}

void TestResultsOrder::orderSettingIsRemembered()
{
    settings_.clear();
    {
        MainWindow window;
        QCOMPARE(window.resultsModel()->order(), ResultsOrder::ByPath);
        auto* asFound = window.findChild<QAction*>(QStringLiteral("actionOrderAsFound"));
        QVERIFY(asFound);
        asFound->trigger();
        QCOMPARE(window.resultsModel()->order(), ResultsOrder::AsFound);
    }
    QCOMPARE(AppSettings().value(Setting::ResultsOrder).toString(), QStringLiteral("found"));
    MainWindow reopened;
    QCOMPARE(reopened.resultsModel()->order(), ResultsOrder::AsFound);
    QVERIFY(reopened.findChild<QAction*>(QStringLiteral("actionOrderAsFound"))->isChecked());
    reopened.findChild<QAction*>(QStringLiteral("actionOrderByPath"))->trigger();
    QCOMPARE(AppSettings().value(Setting::ResultsOrder).toString(), QStringLiteral("path"));
}

QTEST_MAIN(TestResultsOrder)
#include "test_results_order.moc"
