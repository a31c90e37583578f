// What the window does with its results beyond showing them: Copy (Ctrl+C in the results, the
// selected rows as rg prints them), Copy Path, Export Results… (File menu: rg's text, JSON Lines
// or CSV), the results view's context menu, and View ▸ Results Order (by path / as found,
// remembered in the settings). Copy and Export search the files again off the GUI thread
// (ResultsExport says why); one job runs at a time.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include "core/search/search_options.h"
#include "gui/results/results_export.h"
#include "gui/results/results_order.h"

class QAction;
class QMainWindow;
class QMenu;
class QTreeView;

namespace codescout::gui {

class AppSettings;
class ResultsModel;

class ResultsActions : public QObject {
    Q_OBJECT
public:
    ResultsActions(QMainWindow* window, QTreeView* view, ResultsModel* model, AppSettings& settings,
                   QMenu* fileMenu, QMenu* viewMenu);

    // The search whose results the model holds (what Copy and Export search again).
    void setSearch(const SearchOptions& options, const QString& folder);

    // The selected rows (a file row: all its lines), in the view's order; the current row if
    // nothing is selected.
    std::vector<ExportItem> selectedItems() const;
    // Every file of the results, in the view's order.
    std::vector<ExportItem> allItems() const;

    // Starts copying `items` to the clipboard / exporting them to `fileName`; false (and a
    // message) if a job is already running or there is nothing to do.
    bool copy(const std::vector<ExportItem>& items);
    bool exportTo(const QString& fileName, ExportFormat format, const std::vector<ExportItem>& items);

    void setOrder(ResultsOrder order);

signals:
    // A copy or export job is over; `message` says what happened (also shown in the status bar).
    void jobFinished(bool ok, const QString& message);

private:
    void copyPaths();
    void chooseExportFile();
    void showContextMenu(const QPoint& position);
    bool startJob(const std::vector<ExportItem>& items, ExportFormat format, const QString& fileName);
    void onJobFinished();
    void report(bool ok, const QString& message);

    QMainWindow* window_;
    QTreeView* view_;
    ResultsModel* model_;
    AppSettings& settings_;
    QAction* copyAction_;
    QAction* copyPathAction_;
    QAction* exportAction_;
    QAction* byPathAction_;
    QAction* asFoundAction_;
    SearchOptions options_;
    QString folder_;
    bool haveSearch_ = false;
    QFutureWatcher<ExportOutput> watcher_;
    QString jobFile_;  // empty: the running job copies to the clipboard
};

}  // namespace codescout::gui
