// Benchmark (run by hand, never a test): what ordering the results by path costs (issue 10).
//   1. The model alone, with a tree view attached: files arriving in random order in batches,
//      time spent in ResultsModel::addFiles by path vs as found (total, per file, worst batch),
//      for ~50k matches over 5k files and for 100k one-match files.
//   2. The real window, offscreen, searching a generated tree (5,000 files, 10 matches each):
//      search + display time and the GUI event loop's latency (a 10 ms timer: how late it fires,
//      and the longest GUI-thread CPU stretch between two ticks), by path vs as found,
//      interleaved runs.
// Run: QT_QPA_PLATFORM=offscreen build/<dir>/tests/gui/bench/bench_results_order
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <random>
#include <time.h>

#include "gui/results/results_model.h"
#include "gui/settings/app_settings.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "gui_test_helpers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

constexpr qint64 kTickMs = 10;

std::int64_t threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

const char* name(ResultsOrder order)
{
    return order == ResultsOrder::ByPath ? "by path " : "as found";
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readLine()).section(QLatin1Char(' '), 0, 2)
                                          : QStringLiteral("unknown");
}

// `files` files of `matches` lines each, named like a source tree, in a seeded random order.
std::vector<FileResult> shuffledFiles(int files, int matches)
{
    std::vector<FileResult> out;
    out.reserve(static_cast<std::size_t>(files));
    for (int f = 0; f < files; ++f) {
        FileResult file;
        file.path = "/r/dir" + std::to_string(f % 97) + "/sub" + std::to_string(f % 13) + "/file" + std::to_string(f) + ".cpp";
        for (int l = 0; l < matches; ++l)
            file.lines.push_back(testing::matchLine(static_cast<std::uint64_t>(l * 3 + 1),
                                                    "    total += weigh(needle_" + std::to_string(l) + ", item);", {{19, 26}}));
        file.matched_lines = file.matches = static_cast<std::uint64_t>(matches);
        out.push_back(std::move(file));
    }
    std::shuffle(out.begin(), out.end(), std::mt19937(42));
    return out;
}

}  // namespace

class BenchResultsOrder : public QObject {
    Q_OBJECT
private slots:
    void modelInsertion_data();
    void modelInsertion();
    void windowLatency();

private:
    testing::IsolatedSettings settings_;
};

void BenchResultsOrder::modelInsertion_data()
{
    QTest::addColumn<int>("files");
    QTest::addColumn<int>("matches");
    QTest::addColumn<int>("batch");
    QTest::newRow("5k files x 10 matches, batches of 64") << 5000 << 10 << 64;
    QTest::newRow("100k files x 1 match, batches of 256") << 100000 << 1 << 256;
}

void BenchResultsOrder::modelInsertion()
{
    QFETCH(int, files);
    QFETCH(int, matches);
    QFETCH(int, batch);
    const std::vector<FileResult> results = shuffledFiles(files, matches);
    for (int round = 0; round < 3; ++round) {
        for (const ResultsOrder order : {ResultsOrder::ByPath, ResultsOrder::AsFound}) {
            ResultsModel model;
            model.setOrder(order);
            QTreeView view;  // connected to the model's signals, as in the window
            view.setModel(&model);
            qint64 totalNs = 0;
            qint64 worstNs = 0;
            for (std::size_t start = 0; start < results.size(); start += static_cast<std::size_t>(batch)) {
                std::vector<CompactFile> compact;
                for (std::size_t i = start; i < std::min(results.size(), start + static_cast<std::size_t>(batch)); ++i)
                    compact.emplace_back(results[i], "/r");
                QElapsedTimer timer;
                timer.start();
                model.addFiles(std::move(compact));
                const qint64 ns = timer.nsecsElapsed();
                totalNs += ns;
                worstNs = std::max(worstNs, ns);
            }
            QCOMPARE(model.rowCount(), files);
            qInfo("%s round %d: addFiles %.1f ms total, %.2f us per file, worst batch %.2f ms; model %.1f MiB",
                  name(order), round, double(totalNs) / 1e6, double(totalNs) / 1e3 / files, double(worstNs) / 1e6,
                  double(model.heapBytes()) / 1048576.0);
        }
    }
}

void BenchResultsOrder::windowLatency()
{
    TestTree tree;
    for (int f = 0; f < 5000; ++f) {
        QByteArray text;
        for (int l = 0; l < 30; ++l)
            text += l % 3 == 0 ? "    total += weigh(needle_" + QByteArray::number(l) + ", item);\n" : QByteArray("    other line\n");
        tree.write(QStringLiteral("d%1/s%2/file%3.cpp").arg(f % 50).arg(f % 7).arg(f), text);
    }
    testing::measureSearchAlone();
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    Query query;
    query.pattern = QStringLiteral("needle_\\d+");
    window.queryBar()->setQuery(query);
    auto* view = window.findChild<QTreeView*>(QStringLiteral("resultsView"));
    for (int round = 0; round < 3; ++round) {
        for (const ResultsOrder order : {ResultsOrder::ByPath, ResultsOrder::AsFound}) {
            window.resultsModel()->setOrder(order);
            qint64 worstLateMs = 0;
            std::int64_t worstBusyMs = 0;
            std::vector<qint64> lateness;
            std::int64_t lastCpu = threadCpuNs();
            QElapsedTimer sinceTick;
            QTimer probe;
            probe.setTimerType(Qt::PreciseTimer);
            probe.setInterval(static_cast<int>(kTickMs));
            connect(&probe, &QTimer::timeout, this, [&] {
                const qint64 late = std::max<qint64>(0, sinceTick.restart() - kTickMs);
                lateness.push_back(late);
                worstLateMs = std::max(worstLateMs, late);
                const std::int64_t cpu = threadCpuNs();
                worstBusyMs = std::max<std::int64_t>(worstBusyMs, (cpu - lastCpu) / 1000000 - kTickMs);
                lastCpu = cpu;
            });
            QTimer follower;  // a user keeping the newest rows in view: layout and paint
            follower.setInterval(100);
            connect(&follower, &QTimer::timeout, view, &QTreeView::scrollToBottom);
            QSignalSpy finished(&window, &MainWindow::searchFinished);
            QElapsedTimer total;
            total.start();
            sinceTick.start();
            probe.start();
            follower.start();
            QVERIFY(window.startSearch());
            QVERIFY(finished.wait(600000));
            const qint64 searchMs = total.elapsed();
            QTest::qWait(200);
            probe.stop();
            follower.stop();
            std::sort(lateness.begin(), lateness.end());
            const qint64 p99 = lateness.empty() ? 0 : lateness[lateness.size() * 99 / 100];
            qInfo("%s round %d: %llu matches in %zu files, search + display %lld ms; event loop late p99 %lld ms, "
                  "worst %lld ms; longest GUI-thread CPU stretch %lld ms; load %s",
                  name(order), round, static_cast<unsigned long long>(window.resultsModel()->matchCount()),
                  window.resultsModel()->fileCount(), static_cast<long long>(searchMs), static_cast<long long>(p99),
                  static_cast<long long>(worstLateMs), static_cast<long long>(std::max<std::int64_t>(0, worstBusyMs)),
                  qPrintable(loadAverage()));
        }
    }
}

QTEST_MAIN(BenchResultsOrder)
#include "results_order.moc"
