// MainWindow, second part: what happens around the results — preview on selection, F3 navigation,
// opening the editor — plus the settings and about dialogs, window state and drag-and-drop.
#include "gui/window/main_window.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>

#include "gui/memory/memory_view.h"
#include "gui/memory/metrics_sampler.h"
#include "gui/preview/preview_pane.h"
#include "gui/results/results_model.h"
#include "gui/search/search_controller.h"
#include "gui/settings/app_settings.h"
#include "gui/settings/settings_dialog.h"
#include "gui/window/editor_launcher.h"
#include "gui/window/query_bar.h"
#include "ui_mainwindow.h"

namespace codescout::gui {

namespace {

// The local folder a drag carries, or empty.
QString draggedFolder(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isDir())
            return url.toLocalFile();
    }
    return {};
}

}  // namespace

void MainWindow::onCurrentChanged(const QModelIndex& current)
{
    if (!current.isValid())
        return;
    const QString path = current.data(ResultsModel::FilePathRole).toString();
    if (current.data(ResultsModel::IsFileRole).toBool()) {
        // A file row previews the file at its first listed line.
        const QModelIndex first = model_->index(0, 0, current);
        m_ui->previewPane->showMatch(path, first.data(ResultsModel::LineNumberRole).toInt(),
                                     first.data(ResultsModel::ColumnRole).toULongLong(),
                                     first.data(ResultsModel::MatchSpansRole).value<QList<int>>());
        return;
    }
    m_ui->previewPane->showMatch(path, current.data(ResultsModel::LineNumberRole).toInt(),
                                 current.data(ResultsModel::ColumnRole).toULongLong(),
                                 current.data(ResultsModel::MatchSpansRole).value<QList<int>>(),
                                 {current.data(ResultsModel::MoreLinesRole).toInt(),
                                  current.data(ResultsModel::LastLineEndRole).toULongLong()});
}

void MainWindow::goToMatch(bool forward)
{
    const QModelIndex next = model_->adjacentMatch(m_ui->resultsView->currentIndex(), forward);
    if (!next.isValid())
        return;
    m_ui->resultsView->expand(next.parent());
    m_ui->resultsView->setCurrentIndex(next);
    m_ui->resultsView->scrollTo(next);
}

void MainWindow::openInEditor(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    const QString path = index.data(ResultsModel::FilePathRole).toString();
    int line = index.data(ResultsModel::LineNumberRole).toInt();
    if (line <= 0)
        line = 1;
    const QString error =
        EditorLauncher::open(settings_->value(Setting::EditorCommand).toString(), path, line);
    statusLabel_->setText(error.isEmpty() ? tr("Opened %1 at line %2.").arg(QDir::toNativeSeparators(path)).arg(line)
                                          : error);
}

void MainWindow::showSettings()
{
    showSettingsAt(Setting::SmallFileThreshold);
}

void MainWindow::showSettingsAt(Setting field)
{
    SettingsDialog dialog(*settings_, this);
    dialog.focusField(field);
    if (dialog.exec() == QDialog::Accepted)
        applySettings();
}

void MainWindow::applySettings()
{
    sampler_->setInterval(std::chrono::milliseconds(
        std::max(1, settings_->value(Setting::SamplerIntervalMs).toInt())));
    memoryView_->setMemoryBudget(settings_->value(Setting::MemoryBudgetBytes).toULongLong());
    applyIndexSettings();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About CodeScout"),
                       tr("<h3>CodeScout %1</h3><p>Fast parallel code search with live memory "
                          "metrics.</p>").arg(QCoreApplication::applicationVersion()));
}

void MainWindow::restoreState()
{
    restoreGeometry(settings_->value(Setting::WindowGeometry).toByteArray());
    QMainWindow::restoreState(settings_->value(Setting::WindowState).toByteArray());
    m_ui->mainSplitter->restoreState(settings_->value(Setting::MainSplitterState).toByteArray());
    m_ui->resultsSplitter->restoreState(settings_->value(Setting::ResultsSplitterState).toByteArray());
    m_ui->queryBar->setHistory(settings_->value(Setting::PatternHistory).toStringList());
    m_ui->queryBar->setQuery(settings_->lastQuery());
    folder_ = settings_->value(Setting::LastFolder).toString();
}

void MainWindow::saveState()
{
    settings_->setValue(Setting::WindowGeometry, saveGeometry());
    settings_->setValue(Setting::WindowState, QMainWindow::saveState());
    settings_->setValue(Setting::MainSplitterState, m_ui->mainSplitter->saveState());
    settings_->setValue(Setting::ResultsSplitterState, m_ui->resultsSplitter->saveState());
    settings_->setLastQuery(m_ui->queryBar->query());
    settings_->sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    controller_->cancel();
    saveState();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!draggedFolder(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString folder = draggedFolder(event->mimeData());
    if (!folder.isEmpty() && openFolder(folder))
        event->acceptProposedAction();
}

}  // namespace codescout::gui
