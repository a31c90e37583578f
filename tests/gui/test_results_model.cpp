// The compact result storage, the results model (under QAbstractItemModelTester while batches
// stream in) and the worker-side batching sink.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <thread>

#include "gui/results/compact_file.h"
#include "gui/results/results_model.h"
#include "gui/search/batching_sink.h"
#include "gui_test_helpers.h"

using namespace codescout;
using namespace codescout::gui;
using codescout::gui::testing::contextLine;
using codescout::gui::testing::matchLine;

namespace {

FileResult makeFile(const std::string& path, int lines, int firstLine = 1)
{
    FileResult file;
    file.path = path;
    for (int i = 0; i < lines; ++i) {
        file.lines.push_back(matchLine(static_cast<std::uint64_t>(firstLine + i),
                                       "int needle = " + std::to_string(i) + ";", {{4, 10}}));
    }
    file.matched_lines = file.matches = static_cast<std::uint64_t>(lines);
    return file;
}

}  // namespace

class TestResultsModel : public QObject {
    Q_OBJECT
private slots:
    void packsLinesWithoutIndentation();
    void convertsSpansToUtf16();
    void clipsLongLinesAroundTheMatch();
    void keepsEachLinesColumn();
    void keepsContextLines();
    void relativePathStripsTheRoot_data();
    void relativePathStripsTheRoot();
    void passesModelTesterWhileBatchesStream();
    void headerShowsCounts();
    void adjacentMatchSkipsContextAndWraps();
    void sinkNotifiesOncePerBatchNotPerFile();
    void sinkNotifiesWhenBatchIsLarge();
    void sinkStopsStoringAtTheLimit();
};

void TestResultsModel::packsLinesWithoutIndentation()
{
    FileResult result;
    result.path = "/root/a.cpp";
    result.lines.push_back(matchLine(7, "\t    return needle;\r", {{12, 18}}));
    result.matches = result.matched_lines = 1;
    const CompactFile file(result, "/root");
    QCOMPARE(file.lineCount(), std::size_t{1});
    const LineView v = file.view(0);
    QCOMPARE(v.number, 7u);
    QCOMPARE(std::string(v.text), std::string("return needle;"));
    QCOMPARE(v.spans.size(), std::size_t{1});
    QCOMPARE(std::string(v.text.substr(v.spans[0].begin, v.spans[0].end - v.spans[0].begin)),
             std::string("needle"));
    QVERIFY(!v.context);
    QCOMPARE(v.column, std::uint64_t{5});  // the tab and four spaces before "return"
}

void TestResultsModel::convertsSpansToUtf16()
{
    ResultsModel model;
    FileResult result;
    result.path = "/r/u.txt";
    // "größe = needle": ö and ß are two bytes each in UTF-8, one UTF-16 unit each.
    const std::string text = "gr\xc3\xb6\xc3\x9f" "e = needle";
    result.lines.push_back(matchLine(1, text, {{10, 16}}));
    std::vector<CompactFile> files;
    files.emplace_back(result, "/r");
    model.addFiles(std::move(files));
    const QModelIndex line = model.index(0, 0, model.index(0, 0));
    const QString shown = line.data().toString();
    QCOMPARE(shown, QStringLiteral("größe = needle"));
    const QList<int> spans = line.data(ResultsModel::MatchSpansRole).value<QList<int>>();
    QCOMPARE(spans, (QList<int>{8, 14}));
    QCOMPARE(shown.mid(8, 6), QStringLiteral("needle"));
}

void TestResultsModel::clipsLongLinesAroundTheMatch()
{
    std::string text(5000, 'x');
    text.replace(4000, 6, "needle");
    FileResult result;
    result.path = "/r/long.txt";
    result.lines.push_back(matchLine(3, text, {{4000, 4006}}));
    const CompactFile file(result, "/r");
    const LineView v = file.view(0);
    QVERIFY(v.text.size() <= CompactFile::kMaxStoredLineBytes);
    QVERIFY(v.clippedLeft);
    QVERIFY(v.clippedRight);
    QCOMPARE(v.spans.size(), std::size_t{1});
    QCOMPARE(std::string(v.text.substr(v.spans[0].begin, 6)), std::string("needle"));
    QCOMPARE(text.substr(v.column, v.text.size()), std::string(v.text));  // where it came from
}

void TestResultsModel::keepsEachLinesColumn()
{
    // Columns of every size the arena encoding distinguishes (none, one, two and three bytes),
    // interleaved so that a wrong length would shift every later line.
    FileResult result;
    result.path = "/r/cols.txt";
    const std::vector<std::size_t> columns = {0, 3, 0, 127, 128, 5000, 0, 100000, 16383, 16384};
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::size_t at = columns[i];
        // Short lines shift by indentation, long ones by clipping (kept from 60 bytes before).
        const std::size_t matchAt = at < 200 ? at : at + 60;
        std::string text = at < 200 ? std::string(at, ' ') : std::string(matchAt, 'x');
        text += "needle" + std::to_string(i) + std::string(at < 200 ? 0 : 400, 'y');
        const auto begin = static_cast<std::uint32_t>(matchAt);
        result.lines.push_back(matchLine(i + 1, text, {{begin, begin + 6}}));
    }
    const CompactFile file(result, "/r");
    ResultsModel model;
    std::vector<CompactFile> files;
    files.push_back(file);
    model.addFiles(std::move(files));
    const QModelIndex fileRow = model.index(0, 0);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const LineView v = file.view(i);
        QCOMPARE(v.column, std::uint64_t{columns[i]});
        QCOMPARE(std::string(v.text.substr(v.spans.at(0).begin, 7)), "needle" + std::to_string(i));
        QCOMPARE(model.index(static_cast<int>(i), 0, fileRow).data(ResultsModel::ColumnRole).toULongLong(),
                 qulonglong{columns[i]});
    }
}

void TestResultsModel::keepsContextLines()
{
    FileResult result;
    result.path = "/r/c.txt";
    result.lines.push_back(contextLine(1, "before"));
    result.lines.push_back(matchLine(2, "needle", {{0, 6}}));
    result.lines.push_back(contextLine(3, "after"));
    result.matches = result.matched_lines = 1;
    ResultsModel model;
    std::vector<CompactFile> files;
    files.emplace_back(result, "/r");
    model.addFiles(std::move(files));
    const QModelIndex fileRow = model.index(0, 0);
    QCOMPARE(model.rowCount(fileRow), 3);
    QVERIFY(model.index(0, 0, fileRow).data(ResultsModel::IsContextRole).toBool());
    QVERIFY(!model.index(1, 0, fileRow).data(ResultsModel::IsContextRole).toBool());
    QVERIFY(model.index(0, 0, fileRow).data(ResultsModel::MatchSpansRole).value<QList<int>>().isEmpty());
    QCOMPARE(model.index(2, 0, fileRow).data(ResultsModel::LineNumberRole).toInt(), 3);
    QCOMPARE(fileRow.data(ResultsModel::MatchCountRole).toULongLong(), 1ull);
}

void TestResultsModel::relativePathStripsTheRoot_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("relative");
    QTest::newRow("plain") << "/work/src" << "/work/src/a/b.cpp" << "a/b.cpp";
    QTest::newRow("root with slash") << "/work/src/" << "/work/src/a/b.cpp" << "a/b.cpp";
    QTest::newRow("outside root") << "/other" << "/work/src/a.cpp" << "/work/src/a.cpp";
    QTest::newRow("prefix is not a parent") << "/work/sr" << "/work/src/a.cpp" << "/work/src/a.cpp";
}

void TestResultsModel::relativePathStripsTheRoot()
{
    QFETCH(QString, root);
    QFETCH(QString, path);
    QFETCH(QString, relative);
    const CompactFile file(makeFile(path.toStdString(), 1), root.toStdString());
    QCOMPARE(file.path(), path);
    QCOMPARE(file.relativePath(), relative);
}

void TestResultsModel::passesModelTesterWhileBatchesStream()
{
    ResultsModel model;
    model.setOrder(ResultsOrder::AsFound);  // appended: one insertion per batch (by path: test_results_order)
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    int fileNumber = 0;
    for (int batch = 0; batch < 20; ++batch) {
        std::vector<CompactFile> files;
        for (int i = 0; i < 1 + batch % 4; ++i, ++fileNumber)
            files.emplace_back(makeFile("/r/f" + std::to_string(fileNumber) + ".cpp", 1 + fileNumber % 7), "/r");
        model.addFiles(std::move(files));
        QVERIFY(!QTest::currentTestFailed());
    }
    QCOMPARE(inserted.count(), 20);  // one insertion per batch, not per file or line
    QCOMPARE(model.rowCount(), fileNumber);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.matchCount(), 0ull);
}

void TestResultsModel::headerShowsCounts()
{
    ResultsModel model;
    std::vector<CompactFile> files;
    files.emplace_back(makeFile("/r/a.cpp", 3), "/r");
    files.emplace_back(makeFile("/r/b.cpp", 2), "/r");
    model.addFiles(std::move(files));
    const QString header = model.headerData(0, Qt::Horizontal).toString();
    QVERIFY2(header.contains(QLatin1String("5")) && header.contains(QLatin1String("2")), qPrintable(header));
}

void TestResultsModel::adjacentMatchSkipsContextAndWraps()
{
    FileResult a;
    a.path = "/r/a.txt";
    a.lines = {contextLine(1, "x"), matchLine(2, "needle", {{0, 6}}), contextLine(3, "y")};
    FileResult b = makeFile("/r/b.txt", 2, 10);
    ResultsModel model;
    std::vector<CompactFile> files;
    files.emplace_back(a, "/r");
    files.emplace_back(b, "/r");
    model.addFiles(std::move(files));
    auto line = [](const QModelIndex& i) { return i.data(ResultsModel::LineNumberRole).toInt(); };
    QModelIndex at = model.adjacentMatch({}, true);
    QCOMPARE(line(at), 2);
    at = model.adjacentMatch(at, true);
    QCOMPARE(line(at), 10);
    at = model.adjacentMatch(at, true);
    QCOMPARE(line(at), 11);
    at = model.adjacentMatch(at, true);  // wraps to the first file
    QCOMPARE(line(at), 2);
    at = model.adjacentMatch(at, false);  // and back
    QCOMPARE(line(at), 11);
    QCOMPARE(line(model.adjacentMatch({}, false)), 11);
    QCOMPARE(line(model.adjacentMatch(model.index(1, 0), false)), 2);
}

void TestResultsModel::sinkNotifiesOncePerBatchNotPerFile()
{
    std::atomic<int> notifications{0};
    BatchingSink sink("/r", 1'000'000, [&notifications] { ++notifications; });
    // Four workers deliver 1000 files of 25 lines: 25,000 lines, past kMaxLines, so a batch is
    // certainly due (whatever the clock says); nobody collects, so exactly one notification.
    static_assert(1000 * 25 >= BatchingSink::kMaxLines);
    std::vector<std::thread> workers;
    for (int w = 0; w < 4; ++w) {
        workers.emplace_back([&sink, w] {
            for (int i = 0; i < 250; ++i)
                sink.on_file(makeFile("/r/w" + std::to_string(w) + "_" + std::to_string(i), 25));
        });
    }
    for (std::thread& t : workers)
        t.join();
    QCOMPARE(notifications.load(), 1);
    ResultBatch batch = sink.take();
    QCOMPARE(batch.files.size(), std::size_t{1000});
    QCOMPARE(sink.take().files.size(), std::size_t{0});
}

void TestResultsModel::sinkNotifiesWhenBatchIsLarge()
{
    int notifications = 0;
    BatchingSink sink("/r", 1'000'000, [&notifications] { ++notifications; });
    sink.take();  // just collected: the age rule does not fire for a while
    sink.on_file(makeFile("/r/big", static_cast<int>(BatchingSink::kMaxLines)));
    QCOMPARE(notifications, 1);
    QCOMPARE(sink.take().files.size(), std::size_t{1});
    sink.on_file(makeFile("/r/big2", static_cast<int>(BatchingSink::kMaxLines)));
    QCOMPARE(notifications, 2);  // after take() it may notify again
}

void TestResultsModel::sinkStopsStoringAtTheLimit()
{
    BatchingSink sink("/r", 10, [] {});
    for (int i = 0; i < 5; ++i)
        QVERIFY(sink.on_file(makeFile("/r/f" + std::to_string(i), 4)));  // 4 matches each
    ResultBatch batch = sink.take();
    QCOMPARE(batch.files.size(), std::size_t{3});  // 0, 4, 8 < 10 stored; 12, 16 not
    QCOMPARE(batch.droppedMatches, 8ull);
}

QTEST_MAIN(TestResultsModel)
#include "test_results_model.moc"
