// Renders docs/screenshots/replace.png and replace-side-by-side.png from the real window,
// offscreen: a search of the repository's src/gui for "MatchDelegate" with Replace open (Ctrl+H),
// "ResultDelegate" typed, one match unchecked, and the whole-file diff of the selected file,
// unified and side by side. Nothing is written: the screenshots show the preview, it never
// applies.
// Usage (from the repository root, in the build root):
//   QT_QPA_PLATFORM=offscreen build/<dir>/tests/gui/screenshots/codescout_replace_screenshot
//       [--out docs/screenshots] [--source src/gui]
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <cstdio>

#include "gui/replace/diff_view.h"
#include "gui/replace/replace_bar.h"
#include "gui/replace/replace_controller.h"
#include "gui/replace/replace_preview.h"
#include "gui/results/results_model.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "gui_test_helpers.h"

using namespace codescout::gui;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("out"), QStringLiteral("Folder for the PNG"), QStringLiteral("dir"),
                      QStringLiteral("docs/screenshots")});
    parser.addOption({QStringLiteral("source"), QStringLiteral("Folder to search"), QStringLiteral("dir"),
                      QStringLiteral("src/gui")});
    parser.process(app);
    testing::IsolatedSettings settings;
    QTemporaryDir state;  // an undo journal of its own: the user's is never touched
    qputenv("XDG_STATE_HOME", state.path().toUtf8());

    MainWindow window;
    window.resize(1280, 720);
    if (auto* memory = window.findChild<QDockWidget*>(QStringLiteral("memoryDock")))
        memory->hide();  // this picture is about Replace
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openFolder(QDir(parser.value(QStringLiteral("source"))).absolutePath()))
        return 1;
    Query query;
    query.pattern = QStringLiteral("MatchDelegate");
    query.regex = false;
    query.matchCase = true;
    window.queryBar()->setQuery(query);
    QSignalSpy finished(&window, &MainWindow::searchFinished);
    if (!window.startSearch() || !finished.wait(120000))
        return 1;
    ReplaceController* replace = window.replaceController();
    replace->toggleAction()->setChecked(true);
    replace->bar()->setReplacement(QStringLiteral("ResultDelegate"));
    auto* view = window.findChild<QTreeView*>(QStringLiteral("resultsView"));
    view->expandAll();
    const ResultsModel& model = *window.resultsModel();
    QModelIndex current;
    for (int f = 0; f < model.rowCount() && !current.isValid(); ++f) {
        const QModelIndex file = model.index(f, 0);
        if (file.data(ResultsModel::RelativePathRole).toString().endsWith(QLatin1String("match_delegate.cpp")) &&
            model.rowCount(file) > 1) {
            current = model.index(1, 0, file);
            replace->preview()->toggle(model.index(0, 0, file));  // one line left unchecked
        }
    }
    if (!current.isValid())
        return 1;
    view->setCurrentIndex(current);
    QSignalSpy diff(replace, &ReplaceController::diffShown);
    replace->bar()->diffButton()->setChecked(true);
    if (!diff.wait(30000))
        return 1;
    const auto save = [&](const QString& name) {
        QTest::qWait(100);  // painted
        const QString path = parser.value(QStringLiteral("out")) + QLatin1Char('/') + name;
        const bool ok = window.grab().save(path);
        std::printf("%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
        return ok;
    };
    replace->diffView()->setDiffLayout(DiffView::Layout::Unified);
    if (!save(QStringLiteral("replace.png")))
        return 1;
    replace->diffView()->setDiffLayout(DiffView::Layout::SideBySide);
    // Two halves need the room: the results get less of the window's width.
    for (QWidget* w = replace->diffView(); w->parentWidget(); w = w->parentWidget()) {
        auto* splitter = qobject_cast<QSplitter*>(w->parentWidget());
        if (splitter && splitter->orientation() == Qt::Horizontal) {
            const int width = splitter->width();
            QList<int> sizes(splitter->count(), 0);
            sizes[0] = width * 3 / 8;
            sizes[splitter->indexOf(w)] = width - sizes[0];
            splitter->setSizes(sizes);
            break;
        }
    }
    return save(QStringLiteral("replace-side-by-side.png")) ? 0 : 1;
}
