// Renders the README's screenshots from the real application, offscreen:
//   main-window.png  the window after a search of the repository's src/ folder, a match selected
//                    and previewed;
//   memory-view.png  the memory dock after a search of a larger folder, sampled every 10 ms:
//                    where the memory is, files and pattern cache, the collector plugins found
//                    on CODESCOUT_COLLECTOR_PATH, and the search history (two searches).
// Usage (from the repository root, in the build root):
//   QT_QPA_PLATFORM=offscreen CODESCOUT_COLLECTOR_PATH=build/<dir>/collectors
//       build/<dir>/tests/gui/screenshots/codescout_screenshots
//       [--out docs/screenshots] [--source src] [--memory-folder /usr/include]
// Settings are isolated in a temporary directory: the user's are neither read nor changed.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <cstdio>

#include "gui/memory/memory_view.h"
#include "gui/memory/metrics_sampler.h"
#include "gui/preview/preview_pane.h"
#include "gui/results/results_model.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "gui_test_helpers.h"

using namespace codescout::gui;

namespace {

bool search(MainWindow& window, const QString& folder, const Query& query)
{
    if (!window.openFolder(folder))
        return false;
    window.queryBar()->setQuery(query);
    QSignalSpy finished(&window, &MainWindow::searchFinished);
    return window.startSearch() && finished.wait(300000);
}

// The first match row in a file whose relative path ends with `suffix`.
QModelIndex firstMatchIn(const ResultsModel& model, const QString& suffix)
{
    for (int f = 0; f < model.rowCount(); ++f) {
        const QModelIndex file = model.index(f, 0);
        if (file.data(ResultsModel::RelativePathRole).toString().endsWith(suffix) && model.rowCount(file) > 0)
            return model.index(0, 0, file);
    }
    return {};
}

bool save(QWidget& widget, const QString& path)
{
    const bool ok = widget.grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED to write", qPrintable(path));
    std::fflush(stdout);
    return ok;
}

}  // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    testing::IsolatedSettings settings;
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output folder."),
                                       QStringLiteral("dir"), QStringLiteral("docs/screenshots"));
    const QCommandLineOption sourceOption(QStringLiteral("source"), QStringLiteral("Folder searched for the main window."),
                                          QStringLiteral("dir"), QStringLiteral("src"));
    const QCommandLineOption memoryOption(QStringLiteral("memory-folder"), QStringLiteral("Folder searched for the memory view."),
                                          QStringLiteral("dir"), QStringLiteral("/usr/include"));
    parser.addOptions({outOption, sourceOption, memoryOption});
    parser.process(app);
    const QString out = parser.value(outOption);
    QDir().mkpath(out);

    MainWindow window;
    window.findChild<QDockWidget*>(QStringLiteral("memoryDock"))->hide();
    window.resize(1400, 860);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;

    Query query;
    query.pattern = QStringLiteral("MemoryMetrics");
    query.wholeWord = true;
    if (!search(window, QDir(parser.value(sourceOption)).absolutePath(), query)) {
        std::fprintf(stderr, "search of %s failed\n", qPrintable(parser.value(sourceOption)));
        return 1;
    }
    const QModelIndex match = firstMatchIn(*window.resultsModel(), QStringLiteral("memory_metrics.cpp"));
    auto* view = window.findChild<QTreeView*>(QStringLiteral("resultsView"));
    if (match.isValid()) {
        QSignalSpy shown(window.previewPane(), &PreviewPane::shown);
        view->expand(match.parent());
        view->setCurrentIndex(match);
        view->scrollTo(match);
        shown.wait(10000);
    }
    view->setFocus();
    QTest::qWait(200);
    bool ok = save(window, out + QStringLiteral("/main-window.png"));

    // The memory view: a bigger search, sampled often, in the dock pulled out to its own window.
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("memoryDock"));
    dock->show();
    dock->setFloating(true);
    dock->resize(1200, 1180);  // three charts, the history table and the export buttons
    window.sampler()->setInterval(std::chrono::milliseconds(10));
    Query big;
    big.pattern = QStringLiteral("\\b(struct|class)\\s+\\w+");
    if (!search(window, parser.value(memoryOption), big)) {
        std::fprintf(stderr, "search of %s failed\n", qPrintable(parser.value(memoryOption)));
        return 1;
    }
    QTest::qWait(300);  // the view coalesces re-plots
    ok = save(*dock, out + QStringLiteral("/memory-view.png")) && ok;
    return ok ? 0 : 1;
}
