// MainWindow: the folder's index (issue 12) — the manager, its status-bar indicator, the memory
// dock's index panel, and search as you type. Kept apart from main_window.cpp so the index's
// wiring stays in one place.
#include <QLabel>

#include "gui/index/index_manager.h"
#include "gui/index/index_panel.h"
#include "gui/index/index_status_widget.h"
#include "gui/index/search_as_you_type.h"
#include "gui/search/search_controller.h"
#include "gui/settings/app_settings.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "ui_mainwindow.h"

namespace codescout::gui {

void MainWindow::setUpIndex()
{
    index_ = new IndexManager(this);
    indexStatus_ = new IndexStatusWidget(index_, this);
    m_ui->statusBar->addPermanentWidget(indexStatus_);
    indexPanel_ = new IndexPanel(index_, m_ui->memoryDockContents);
    m_ui->memoryDockLayout->addWidget(indexPanel_);
    typing_ = new SearchAsYouType([this] { return index_->isUsable() && !folder_.isEmpty(); },
                                  [this] {
                                      if (typedSearch_ && controller_->isRunning())
                                          controller_->cancel();
                                  },
                                  this);
    connect(m_ui->queryBar, &QueryBar::patternEdited, typing_, &SearchAsYouType::patternEdited);
    connect(typing_, &SearchAsYouType::due, this, [this] {
        if (!m_ui->queryBar->query().pattern.isEmpty())
            startTypedSearch();
    });
}

std::function<IndexUse(Search&, const SearchOptions&)> MainWindow::indexAttacher() const
{
    return index_->attacher();
}

void MainWindow::indexFolderOpened()
{
    index_->setFolder(folder_);
}

void MainWindow::applyIndexSettings()
{
    index_->setDiskCap(settings_->value(Setting::IndexDiskCapBytes).toULongLong());
    index_->setEnabled(settings_->value(Setting::IndexEnabled).toBool());
}

void MainWindow::indexSearchFinished(const SearchSummary& summary)
{
    indexPanel_->recordSearch(controller_->indexUse(), summary);
}

}  // namespace codescout::gui
