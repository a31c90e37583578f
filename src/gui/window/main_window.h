// The main window (forms/mainwindow.ui): query bar, results tree and summary, preview, memory
// dock, menus. It wires the parts together; the work is done by SearchController, ResultsModel,
// PreviewPane and MemoryView.
#pragma once

#include <QMainWindow>

#include <functional>
#include <memory>

#include "core/index/indexed_search.h"
#include "core/search/search_result.h"
#include "gui/settings/app_settings.h"

class QLabel;
class QProgressBar;

namespace Ui {
class MainWindow;
}

namespace codescout::gui {

class IndexManager;
class IndexPanel;
class IndexStatusWidget;
class MatchDelegate;
class MemoryView;
class MetricsSampler;
class PreviewPane;
class QueryBar;
class RecentFolders;
class ReplaceController;
class ResultsActions;
class ResultsModel;
class SearchAsYouType;
class SearchController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Makes `folder` the one searched. Returns false (and says why in the status bar) if it is
    // not a readable folder.
    bool openFolder(const QString& folder);
    QString folder() const { return folder_; }

    // Searches with the query bar's query; false if nothing started (the reason is shown).
    bool startSearch();
    // The same for a pattern being typed (search as you type): no history entry, no reset of
    // the query bar.
    bool startTypedSearch();
    void cancelSearch();
    bool isSearching() const;

    // Parts, for tests and the screenshot tool.
    QueryBar* queryBar() const;
    ResultsModel* resultsModel() const { return model_; }
    PreviewPane* previewPane() const;
    SearchController* searchController() const { return controller_; }
    MetricsSampler* sampler() const { return sampler_; }
    MemoryView* memoryView() const { return memoryView_; }
    ReplaceController* replaceController() const { return replace_; }
    IndexManager* indexManager() const { return index_; }
    IndexStatusWidget* indexStatus() const { return indexStatus_; }
    IndexPanel* indexPanel() const { return indexPanel_; }
    SearchAsYouType* searchAsYouType() const { return typing_; }
    QString statusText() const;
    QString summaryText() const;

signals:
    void searchFinished(const codescout::SearchSummary& summary);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // "FOLDER — CodeScout": the title before a search's outcome is known.
    static QString folderTitle(const QString& folder);
    void setUpActions();
    void setUpResults();
    void setUpMemoryDock();
    void setUpIndex();  // main_window_index.cpp
    bool launchSearch(bool typed);
    std::function<IndexUse(Search&, const SearchOptions&)> indexAttacher() const;  // main_window_index.cpp
    void indexFolderOpened();
    void applyIndexSettings();
    void indexSearchFinished(const SearchSummary& summary);
    void restoreState();
    void saveState();
    void applySettings();
    void chooseFolder();
    void showSettings();
    void showSettingsAt(Setting field);
    void showAbout();
    void onStarted();
    void showRunning(bool running);  // progress bar, query bar and Cancel action
    void onProgress();
    void onFinished(const SearchSummary& summary);
    void onCurrentChanged(const QModelIndex& current);
    void goToMatch(bool forward);
    void openInEditor(const QModelIndex& index);

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<AppSettings> settings_;
    ResultsModel* model_;
    MatchDelegate* delegate_;
    SearchController* controller_;
    MetricsSampler* sampler_;
    MemoryView* memoryView_;
    RecentFolders* recent_ = nullptr;
    ReplaceController* replace_ = nullptr;  // Edit ▸ Replace (src/gui/replace)
    ResultsActions* resultsActions_ = nullptr;  // Copy, Export, results order
    QProgressBar* progressBar_;
    QLabel* statusLabel_;
    QString folder_;
    QString runningPattern_;  // the pattern of the search running or last run (search history)
    IndexManager* index_ = nullptr;
    IndexStatusWidget* indexStatus_ = nullptr;
    IndexPanel* indexPanel_ = nullptr;
    SearchAsYouType* typing_ = nullptr;
    bool typedSearch_ = false;  // the current search was started by typing
};

}  // namespace codescout::gui
