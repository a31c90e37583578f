// Benchmark (not a test): Replace All through the real window, offscreen, against the CLI's
// `-r --write` on an identical tree — both run the same edit layer. A generated tree of
// kFiles files with kMatchesPerFile matches each is searched in the window; then Replace All is
// clicked and timed until the outcome arrives (read, check against the search, journal, write),
// while a 10 ms timer measures how late the GUI thread's event loop runs (the longest stall and
// the 99th percentile). The CLI runs on a fresh copy of the tree (its time includes its own
// search, reported separately by a plain search of the same tree). Several rounds; medians.
// Run: QT_QPA_PLATFORM=offscreen build/<dir>/tests/gui/bench/bench_gui_replace [rounds]
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "gui/replace/replace_bar.h"
#include "gui/replace/replace_controller.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "gui_test_helpers.h"
#include "test_tree.h"

#include <QAction>
#include <QPushButton>

using namespace codescout;
using namespace codescout::gui;

namespace {

constexpr int kFiles = 2000;
constexpr int kMatchesPerFile = 10;
constexpr qint64 kTickMs = 10;

void writeTree(TestTree& tree)
{
    for (int f = 0; f < kFiles; ++f) {
        QByteArray text;
        for (int l = 0; l < 40; ++l) {
            if (l % 4 == 0)
                text += "    int value" + QByteArray::number(l) + " = oldName(x, " + QByteArray::number(f) + ");\n";
            else
                text += "    // plain line " + QByteArray::number(l) + " of the file, nothing here\n";
        }
        tree.write(QStringLiteral("d%1/f%2.cpp").arg(f % 20).arg(f), text);
    }
}

qint64 median(std::vector<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

qint64 runCli(const QStringList& args, const QString& stateDir)
{
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_STATE_HOME"), stateDir);
    cli.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    cli.start(QStringLiteral(CODESCOUT_CLI_PATH), args);
    cli.waitForFinished(-1);
    const qint64 ms = timer.elapsed();
    if (cli.exitCode() != 0)
        std::fprintf(stderr, "cli %s exited %d: %s\n", qPrintable(args.join(QLatin1Char(' '))), cli.exitCode(),
                     cli.readAllStandardError().constData());
    return ms;
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    testing::IsolatedSettings settings;
    testing::measureSearchAlone();
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    std::vector<qint64> guiMs, cliMs, cliSearchMs, maxStall, p99Stall;
    for (int round = 0; round < rounds; ++round) {
        QTemporaryDir state;
        qputenv("XDG_STATE_HOME", state.path().toUtf8());
        TestTree tree;
        writeTree(tree);
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return 1;
        window.openFolder(QString::fromStdString(tree.root()));
        Query query;
        query.pattern = QStringLiteral("oldName");
        query.regex = false;
        query.matchCase = true;
        window.queryBar()->setQuery(query);
        QSignalSpy searched(&window, &MainWindow::searchFinished);
        window.startSearch();
        if (!searched.wait(120000))
            return 1;
        ReplaceController* replace = window.replaceController();
        replace->toggleAction()->setChecked(true);
        replace->bar()->setReplacement(QStringLiteral("newName"));
        QCoreApplication::processEvents();

        std::vector<qint64> lateness;
        QElapsedTimer clock;
        qint64 last = 0;
        QTimer ticker;
        ticker.setInterval(kTickMs);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            lateness.push_back(std::max<qint64>(0, now - last - kTickMs));
            last = now;
        });
        QSignalSpy done(replace, &ReplaceController::replaceFinished);
        clock.start();
        ticker.start();
        QElapsedTimer timer;
        timer.start();
        replace->bar()->replaceAllButton()->click();
        if (!done.wait(600000))
            return 1;
        const qint64 applied = timer.elapsed();
        ticker.stop();
        const auto outcome = done.takeFirst().at(0).value<ReplaceOutcome>();
        std::sort(lateness.begin(), lateness.end());
        guiMs.push_back(applied);
        maxStall.push_back(lateness.empty() ? 0 : lateness.back());
        p99Stall.push_back(lateness.empty() ? 0 : lateness[lateness.size() * 99 / 100]);
        std::printf("round %d: GUI replace of %zu files: %lld ms; event loop: %zu ticks, longest stall %lld ms, p99 %lld ms\n",
                    round, outcome.report.changed_files(), static_cast<long long>(applied), lateness.size(),
                    static_cast<long long>(maxStall.back()), static_cast<long long>(p99Stall.back()));

        TestTree cliTree;
        writeTree(cliTree);
        const QString root = QString::fromStdString(cliTree.root());
        cliSearchMs.push_back(runCli({QStringLiteral("-F"), QStringLiteral("-c"), QStringLiteral("oldName"), root}, state.path()));
        cliMs.push_back(runCli({QStringLiteral("-F"), QStringLiteral("oldName"), QStringLiteral("-r"), QStringLiteral("newName"),
                                QStringLiteral("--write"), root},
                               state.path()));
        std::printf("round %d: CLI -r --write: %lld ms (its plain search -c: %lld ms)\n", round,
                    static_cast<long long>(cliMs.back()), static_cast<long long>(cliSearchMs.back()));
    }
    std::printf("median of %d rounds, %d files, %d matches: GUI apply %lld ms; CLI --write %lld ms (search alone %lld ms, "
                "so apply ~%lld ms); GUI longest event-loop stall %lld ms, p99 %lld ms\n",
                rounds, kFiles, kFiles * kMatchesPerFile, static_cast<long long>(median(guiMs)),
                static_cast<long long>(median(cliMs)), static_cast<long long>(median(cliSearchMs)),
                static_cast<long long>(median(cliMs) - median(cliSearchMs)), static_cast<long long>(median(maxStall)),
                static_cast<long long>(median(p99Stall)));
    return 0;
}
