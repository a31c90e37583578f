// MainWindow: construction and wiring of the window's parts.
#include "gui/window/main_window.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>

#include "gui/memory/memory_view.h"
#include "gui/memory/metrics_sampler.h"
#include "gui/preview/preview_pane.h"
#include "gui/replace/replace_controller.h"
#include "gui/results/match_delegate.h"
#include "gui/results/results_model.h"
#include "gui/search/search_controller.h"
#include "gui/search/status_text.h"
#include "gui/search/type_filter.h"
#include "gui/settings/app_settings.h"
#include "gui/window/query_bar.h"
#include "gui/window/recent_folders.h"
#include "gui/window/results_actions.h"
#include "ui_mainwindow.h"

namespace codescout::gui {

namespace {

// New file rows are expanded while the tree shows fewer line rows than this; beyond it they stay
// collapsed, because expanding thousands of rows one by one would stall the view.
constexpr std::uint64_t kAutoExpandLineRows = 5000;

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()),
      settings_(std::make_unique<AppSettings>()), model_(new ResultsModel(this)),
      delegate_(new MatchDelegate(this)), controller_(new SearchController(model_, this)),
      sampler_(new MetricsSampler(this)), memoryView_(nullptr),
      progressBar_(new QProgressBar(this)), statusLabel_(new QLabel(this))
{
    m_ui->setupUi(this);
    setAcceptDrops(true);
    progressBar_->setRange(0, 0);  // busy indicator: the total is unknown while walking
    progressBar_->setMaximumWidth(160);
    progressBar_->setVisible(false);
    progressBar_->setAccessibleName(tr("Search progress"));
    statusLabel_->setAccessibleName(tr("Search status"));
    m_ui->statusBar->addWidget(statusLabel_, 1);
    m_ui->statusBar->addPermanentWidget(progressBar_);

    setUpResults();
    setUpMemoryDock();
    setUpActions();
    replace_ = new ReplaceController({this, m_ui->centralLayout, 1, m_ui->resultsView, delegate_, model_, m_ui->mainSplitter,
                                      m_ui->previewPane, m_ui->menuSearch, [this] { startSearch(); }},
                                     this);
    setUpIndex();

    connect(m_ui->queryBar, &QueryBar::searchRequested, this, &MainWindow::startSearch);
    connect(m_ui->queryBar, &QueryBar::cancelRequested, this, &MainWindow::cancelSearch);
    connect(controller_, &SearchController::started, this, &MainWindow::onStarted);
    connect(controller_, &SearchController::progressed, this, &MainWindow::onProgress);
    connect(controller_, &SearchController::finished, this, &MainWindow::onFinished);

    // First start: the memory dock gets a modest strip at the bottom (restoreState() then brings
    // back whatever the user arranged).
    resizeDocks({m_ui->memoryDock}, {280}, Qt::Vertical);
    restoreState();
    applySettings();
    openFolder(folder_);
    statusLabel_->setText(folder_.isEmpty() ? tr("Open a folder to search (Ctrl+O), or drop one here.")
                                            : tr("Type a pattern and press Enter."));
}

MainWindow::~MainWindow() = default;

QueryBar* MainWindow::queryBar() const { return m_ui->queryBar; }
PreviewPane* MainWindow::previewPane() const { return m_ui->previewPane; }
QString MainWindow::statusText() const { return statusLabel_->text(); }
QString MainWindow::summaryText() const { return m_ui->summaryView->toPlainText(); }
bool MainWindow::isSearching() const { return controller_->isRunning(); }

void MainWindow::setUpResults()
{
    QTreeView* view = m_ui->resultsView;
    view->setModel(model_);
    view->setItemDelegate(delegate_);
    view->setUniformRowHeights(true);
    view->header()->setStretchLastSection(true);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);  // several rows for Copy
    view->setExpandsOnDoubleClick(false);  // double-click opens the editor
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(view, &QTreeView::doubleClicked, this, &MainWindow::openInEditor);
    connect(model_, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int row = first; row <= last; ++row) {
                    if (model_->lineRowCount() > kAutoExpandLineRows)
                        break;
                    m_ui->resultsView->expand(model_->index(row, 0));
                }
            });
    m_ui->resultsSplitter->setStretchFactor(0, 4);
    m_ui->resultsSplitter->setStretchFactor(1, 1);
    m_ui->mainSplitter->setStretchFactor(0, 1);
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->summaryView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->summaryView->setPlaceholderText(tr("The memory statistics of the last search appear here."));
}

QString MainWindow::folderTitle(const QString& folder)
{
    return tr("%1 — CodeScout").arg(QDir::toNativeSeparators(folder));
}

void MainWindow::setUpMemoryDock()
{
    // In a scroll area: the charts' minimum size must not dictate the window's.
    auto* scroll = new QScrollArea(m_ui->memoryDockContents);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    memoryView_ = new MemoryView(scroll);
    memoryView_->setSampler(sampler_);
    connect(model_, &ResultsModel::countsChanged, memoryView_,
            [this] { memoryView_->setResultMatches(model_->matchCount()); });
    scroll->setWidget(memoryView_);
    m_ui->memoryDockLayout->addWidget(scroll);
    QAction* toggle = m_ui->memoryDock->toggleViewAction();
    toggle->setText(tr("&Memory View"));
    toggle->setShortcut(QKeySequence(tr("Ctrl+M")));
    m_ui->menuView->addAction(toggle);
    connect(controller_, &SearchController::started, sampler_, &MetricsSampler::start);
    // An alert's "Change…" opens the settings at the field it names.
    connect(memoryView_, &MemoryView::changeSettingRequested, this, [this](AdviceSetting advice) {
        switch (advice) {
        case AdviceSetting::SmallFileThreshold: showSettingsAt(Setting::SmallFileThreshold); break;
        case AdviceSetting::LargeFileThreshold: showSettingsAt(Setting::LargeFileThreshold); break;
        case AdviceSetting::Threads: showSettingsAt(Setting::Threads); break;
        case AdviceSetting::MemoryBudget: showSettingsAt(Setting::MemoryBudgetBytes); break;
        case AdviceSetting::MaxResultsShown: showSettingsAt(Setting::MaxResults); break;
        case AdviceSetting::None: showSettings(); break;
        }
    });
}

void MainWindow::setUpActions()
{
    connect(m_ui->actionOpenFolder, &QAction::triggered, this, &MainWindow::chooseFolder);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionFind, &QAction::triggered, m_ui->queryBar, &QueryBar::focusPattern);
    connect(m_ui->actionSearch, &QAction::triggered, this, &MainWindow::startSearch);
    connect(m_ui->actionCancel, &QAction::triggered, this, &MainWindow::cancelSearch);
    connect(m_ui->actionNextMatch, &QAction::triggered, this, [this] { goToMatch(true); });
    connect(m_ui->actionPreviousMatch, &QAction::triggered, this, [this] { goToMatch(false); });
    connect(m_ui->actionOpenInEditor, &QAction::triggered, this,
            [this] { openInEditor(m_ui->resultsView->currentIndex()); });
    connect(m_ui->actionExpandAll, &QAction::triggered, m_ui->resultsView, &QTreeView::expandAll);
    connect(m_ui->actionCollapseAll, &QAction::triggered, m_ui->resultsView, &QTreeView::collapseAll);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    m_ui->actionCancel->setEnabled(false);
    m_ui->actionOpenFolder->setShortcut(QKeySequence::Open);
    m_ui->actionFind->setShortcut(QKeySequence::Find);
    m_ui->actionOpenInEditor->setShortcuts({QKeySequence(tr("Ctrl+Return")), QKeySequence(tr("Ctrl+Enter"))});
    recent_ = new RecentFolders(m_ui->menuRecentFolders, m_ui->actionClearRecent, *settings_, this);
    connect(recent_, &RecentFolders::folderChosen, this, &MainWindow::openFolder);
    resultsActions_ = new ResultsActions(this, m_ui->resultsView, model_, *settings_, m_ui->menuFile, m_ui->menuView);
}

bool MainWindow::openFolder(const QString& folder)
{
    if (folder.isEmpty()) {
        setWindowTitle(tr("CodeScout"));
        return false;
    }
    const QFileInfo info(folder);
    if (!info.isDir() || !info.isReadable()) {
        statusLabel_->setText(tr("Cannot open %1: not a readable folder.").arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    const QString canonical = info.canonicalFilePath();
    if (canonical != folder_) {
        // Not cancel(): a cancelled search still reports its last batches and its end, which
        // would land in the new folder's view. A discarded one reports nothing more.
        controller_->discard();
        sampler_->stop();
        showRunning(false);
        m_ui->previewPane->clear();
        m_ui->summaryView->clear();
    }
    folder_ = canonical;
    setWindowTitle(folderTitle(folder_));
    recent_->add(folder_);
    settings_->setValue(Setting::LastFolder, folder_);
    statusLabel_->setText(tr("Type a pattern and press Enter."));
    indexFolderOpened();
    return true;
}

void MainWindow::chooseFolder()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Open Folder"), folder_);
    if (!chosen.isEmpty())
        openFolder(chosen);
}

bool MainWindow::startSearch()
{
    return launchSearch(false);
}

bool MainWindow::startTypedSearch()
{
    return launchSearch(true);
}

bool MainWindow::launchSearch(bool typed)
{
    QueryBar* bar = m_ui->queryBar;
    const Query query = bar->query();
    if (query.pattern.isEmpty()) {
        bar->showError(tr("Type a pattern to search for."));
        return false;
    }
    if (folder_.isEmpty()) {
        bar->showError(tr("Open a folder first (File ▸ Open Folder…, Ctrl+O)."));
        return false;
    }
    if (const QString typeError = TypeFilter::error(query.fileTypes); !typeError.isEmpty()) {
        bar->showError(typeError);
        return false;
    }
    const SearchOptions options = toSearchOptions(query, folder_, settings_->engine());
    const QString error = controller_->start(options, folder_, settings_->value(Setting::MaxResults).toULongLong(),
                                             indexAttacher());
    if (!error.isEmpty()) {
        bar->showError(error);
        statusLabel_->setText(tr("Nothing searched: the query has an error."));
        return false;
    }
    typedSearch_ = typed;
    runningPattern_ = query.pattern;
    replace_->searchStarted(options, folder_);
    resultsActions_->setSearch(options, folder_);
    if (typed) {
        bar->showError({});
        m_ui->previewPane->clear();
        m_ui->summaryView->clear();
        return true;
    }
    settings_->pushRecent(Setting::PatternHistory, query.pattern, AppSettings::kMaxPatternHistory);
    settings_->setLastQuery(query);
    bar->setHistory(settings_->value(Setting::PatternHistory).toStringList());
    bar->setQuery(query);
    bar->showError({});
    m_ui->previewPane->clear();
    m_ui->summaryView->clear();
    return true;
}

void MainWindow::cancelSearch()
{
    controller_->cancel();
}

void MainWindow::onStarted()
{
    setWindowTitle(folderTitle(folder_));
    showRunning(true);
    onProgress();
}

void MainWindow::showRunning(bool running)
{
    progressBar_->setVisible(running);
    m_ui->queryBar->setRunning(running);
    m_ui->actionCancel->setEnabled(running);
}

void MainWindow::onProgress()
{
    if (controller_->isRunning())
        statusLabel_->setText(progressLine(controller_->progress(), controller_->elapsedMs()));
}

void MainWindow::onFinished(const SearchSummary& summary)
{
    sampler_->stop();  // takes the final sample, which the history's peaks include
    memoryView_->recordSearch(runningPattern_, summary);
    showRunning(false);
    statusLabel_->setText(finishedLine(summary));
    // The outcome in the title too: the task bar shows it, and it is what a test driving the
    // real window over X11 can read.
    setWindowTitle(tr("%1 in %2 — %3 — CodeScout", "%1: the number of matches, %2: of files, %3: the folder")
                       .arg(matchCountText(summary.matches), fileCountText(summary.files_matched),
                            QDir::toNativeSeparators(folder_)));
    m_ui->summaryView->setPlainText(
        gui::summaryText(summary, controller_->droppedMatches(), controller_->errors()));
    indexSearchFinished(summary);
    emit searchFinished(summary);
}

}  // namespace codescout::gui
