// How the user reaches the window's features: dropping a folder, the Recent Folders menu, opening
// a match in the editor (double-click, Ctrl+Enter) with a configured command, the preview of a
// file over the size cap, and every menu action having a shortcut.
#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include "gui/preview/file_loader.h"
#include "gui/preview/preview_editor.h"
#include "gui/preview/preview_pane.h"
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

QMenu* menuNamed(MainWindow& window, const char* name)
{
    return window.findChild<QMenu*>(QLatin1String(name));
}

bool searchFor(MainWindow& window, const QString& pattern)
{
    Query query;
    query.pattern = pattern;
    window.queryBar()->setQuery(query);
    QSignalSpy finished(&window, &MainWindow::searchFinished);
    return window.startSearch() && finished.wait(kTimeoutMs);
}

}  // namespace

class TestWindowInteraction : public QObject {
    Q_OBJECT
private slots:
    void init();
    void droppingAFolderOpensIt();
    void recentFoldersMenuReopens();
    void editorCommandOpensTheMatch_data();
    void editorCommandOpensTheMatch();
    void largeFilePreviewIsCapped();
    void everyMenuActionHasAShortcut();
    void ctrlFFocusesThePattern();

private:
    testing::IsolatedSettings settings_;
};

void TestWindowInteraction::init()
{
    settings_.clear();
}

void TestWindowInteraction::droppingAFolderOpensIt()
{
    TestTree tree;
    tree.mkdir(QStringLiteral("dropped"));
    tree.write(QStringLiteral("file.txt"), "x\n");
    MainWindow window;
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QString::fromStdString(tree.path(QStringLiteral("file.txt"))))});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());  // a file is not a folder

    mime.setUrls({QUrl::fromLocalFile(QString::fromStdString(tree.path(QStringLiteral("dropped"))))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QVERIFY(window.folder().endsWith(QLatin1String("/dropped")));
    QVERIFY(window.windowTitle().startsWith(window.folder()));
}

void TestWindowInteraction::recentFoldersMenuReopens()
{
    TestTree tree;
    const QString first = QString::fromStdString(tree.mkdir(QStringLiteral("one")));
    const QString second = QString::fromStdString(tree.mkdir(QStringLiteral("two")));
    MainWindow window;
    QVERIFY(window.openFolder(first));
    QVERIFY(window.openFolder(second));
    QMenu* recent = menuNamed(window, "menuRecentFolders");
    QVERIFY(recent);
    QList<QAction*> entries;
    for (QAction* action : recent->actions()) {
        if (!action->isSeparator() && action->objectName() != QLatin1String("actionClearRecent"))
            entries.append(action);
    }
    QCOMPARE(entries.size(), 2);
    QVERIFY(entries[0]->text().contains(QLatin1String("two")));  // most recent first
    entries[1]->trigger();
    QVERIFY(window.folder().endsWith(QLatin1String("/one")));

    window.findChild<QAction*>(QStringLiteral("actionClearRecent"))->trigger();
    QVERIFY(AppSettings().value(Setting::RecentFolders).toStringList().isEmpty());
}

void TestWindowInteraction::editorCommandOpensTheMatch_data()
{
    QTest::addColumn<bool>("doubleClick");
    QTest::newRow("double-click") << true;
    QTest::newRow("Ctrl+Enter") << false;
}

void TestWindowInteraction::editorCommandOpensTheMatch()
{
    QFETCH(bool, doubleClick);
    TestTree tree;
    tree.write(QStringLiteral("src/a b.cpp"), "one\ntwo\nthe needle\n");
    const QString marker = QString::fromStdString(tree.path(QStringLiteral("opened.txt")));
    // A stand-in editor: writes what it was asked to open.
    const QString editor = QString::fromStdString(tree.write(
        QStringLiteral("editor.sh"), "#!/bin/sh\nprintf '%s:%s' \"$3\" \"$2\" > \"$(dirname \"$0\")/opened.txt\"\n"));
    QFile::setPermissions(editor, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    AppSettings().setValue(Setting::EditorCommand, QStringLiteral("\"%1\" --line {line} {file}").arg(editor));
    MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    QVERIFY(searchFor(window, QStringLiteral("needle")));
    auto* view = window.findChild<QTreeView*>(QStringLiteral("resultsView"));
    const QModelIndex match = window.resultsModel()->index(0, 0, window.resultsModel()->index(0, 0));
    QVERIFY(match.isValid());
    view->expand(match.parent());
    view->setCurrentIndex(match);
    if (doubleClick) {
        const QPoint at = view->visualRect(match).center();
        // A double-click is a press, a release, then the double-click event on the same row.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    } else {
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
    }
    const auto opened = [&marker] {
        QFile file(marker);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(opened(), QString::fromStdString(tree.path(QStringLiteral("src/a b.cpp"))) + QStringLiteral(":3"),
                              kTimeoutMs);
}

void TestWindowInteraction::largeFilePreviewIsCapped()
{
    TestTree tree;
    QByteArray line(99, 'x');
    line += '\n';
    QByteArray big;
    big.reserve(FileLoader::kMaxPreviewBytes + 1024 * 1024);
    while (big.size() < FileLoader::kMaxPreviewBytes + 1024 * 1024)
        big += line;
    const std::string path = tree.write(QStringLiteral("big.txt"), big);
    PreviewPane pane;
    QSignalSpy shown(&pane, &PreviewPane::shown);
    pane.showMatch(QString::fromStdString(path), 10, 0, {});
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kTimeoutMs);
    QVERIFY2(pane.notice().contains(QLatin1String("first")), qPrintable(pane.notice()));
    QCOMPARE(pane.editor()->currentLineNumber(), 10);
    QVERIFY(pane.editor()->document()->characterCount() <= FileLoader::kMaxPreviewBytes + 1);
    QVERIFY(pane.definitionName().isEmpty() || pane.notice().contains(QLatin1String("first")));
}

void TestWindowInteraction::everyMenuActionHasAShortcut()
{
    MainWindow window;
    const QStringList menus = {QStringLiteral("menuFile"), QStringLiteral("menuSearch"),
                               QStringLiteral("menuView"), QStringLiteral("menuSettings"),
                               QStringLiteral("menuHelp")};
    for (const QString& name : menus) {
        QMenu* menu = window.findChild<QMenu*>(name);
        QVERIFY2(menu, qPrintable(name));
        for (QAction* action : menu->actions()) {
            if (action->isSeparator() || action->menu() || action->objectName() == QLatin1String("actionClearRecent"))
                continue;
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
        }
    }
}

void TestWindowInteraction::ctrlFFocusesThePattern()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto* view = window.findChild<QTreeView*>(QStringLiteral("resultsView"));
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    auto* pattern = window.findChild<QComboBox*>(QStringLiteral("patternCombo"));
    QVERIFY(pattern);
    QTRY_VERIFY(pattern->hasFocus() || pattern->lineEdit()->hasFocus());
}

QTEST_MAIN(TestWindowInteraction)
#include "test_window_interaction.moc"
