// ResultsActions: copy, export, context menu and results order (see results_actions.h).
#include "gui/window/results_actions.h"

#include <QActionGroup>
#include <QFileInfo>
#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QMainWindow>
#include <QMenu>
#include <QSaveFile>
#include <QStatusBar>
#include <QTreeView>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "gui/results/results_model.h"
#include "gui/settings/app_settings.h"

namespace codescout::gui {

namespace {

constexpr int kMessageMs = 8000;

ResultsOrder orderFromSetting(const QString& value)
{
    return value == QLatin1String("found") ? ResultsOrder::AsFound : ResultsOrder::ByPath;
}

QString settingFromOrder(ResultsOrder order)
{
    return order == ResultsOrder::AsFound ? QStringLiteral("found") : QStringLiteral("path");
}

// Runs on a pool thread: search again, format, and write the file (if one is named).
ExportOutput runJob(const SearchOptions& options, const QString& folder, const std::vector<ExportItem>& items,
                    ExportFormat format, const QString& fileName)
{
    ExportOutput out = ResultsExport::run(options, folder, items, format);
    if (fileName.isEmpty() || !out.error.isEmpty())
        return out;
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(out.bytes.data(), static_cast<qint64>(out.bytes.size())) != static_cast<qint64>(out.bytes.size())
        || !file.commit()) {
        out.error = ResultsActions::tr("Could not write %1: %2").arg(fileName, file.errorString());
    }
    out.bytes.clear();
    out.bytes.shrink_to_fit();
    return out;
}

}  // namespace

ResultsActions::ResultsActions(QMainWindow* window, QTreeView* view, ResultsModel* model, AppSettings& settings,
                               QMenu* fileMenu, QMenu* viewMenu)
    : QObject(window), window_(window), view_(view), model_(model), settings_(settings),
      copyAction_(new QAction(tr("&Copy"), this)), copyPathAction_(new QAction(tr("Copy &Path"), this)),
      exportAction_(new QAction(tr("&Export Results…"), this)), byPathAction_(new QAction(tr("By &Path"), this)),
      asFoundAction_(new QAction(tr("As &Found"), this))
{
    copyAction_->setObjectName(QStringLiteral("actionCopyResults"));
    copyAction_->setShortcut(QKeySequence::Copy);
    copyAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);  // Ctrl+C elsewhere is the field's
    copyAction_->setToolTip(tr("Copy the selected results as rg prints them (PATH:LINE:TEXT)"));
    view_->addAction(copyAction_);
    connect(copyAction_, &QAction::triggered, this, [this] { copy(selectedItems()); });

    copyPathAction_->setObjectName(QStringLiteral("actionCopyPath"));
    copyPathAction_->setToolTip(tr("Copy the paths of the selected files"));
    connect(copyPathAction_, &QAction::triggered, this, &ResultsActions::copyPaths);

    exportAction_->setObjectName(QStringLiteral("actionExportResults"));
    exportAction_->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    exportAction_->setToolTip(tr("Save all results as rg's text, JSON Lines or CSV"));
    connect(exportAction_, &QAction::triggered, this, &ResultsActions::chooseExportFile);
    // Before Quit, with the other file actions.
    const QList<QAction*> fileActions = fileMenu->actions();
    QAction* before = fileActions.isEmpty() ? nullptr : fileActions.last();
    fileMenu->insertAction(before, exportAction_);
    fileMenu->insertSeparator(before);

    QMenu* orderMenu = viewMenu->addMenu(tr("&Results Order"));
    orderMenu->menuAction()->setObjectName(QStringLiteral("menuResultsOrder"));
    auto* group = new QActionGroup(this);
    for (QAction* action : {byPathAction_, asFoundAction_}) {
        action->setCheckable(true);
        group->addAction(action);
        orderMenu->addAction(action);
    }
    byPathAction_->setObjectName(QStringLiteral("actionOrderByPath"));
    byPathAction_->setToolTip(tr("Files sorted by path while they stream in: the same search shows the same order"));
    asFoundAction_->setObjectName(QStringLiteral("actionOrderAsFound"));
    asFoundAction_->setToolTip(tr("Files in the order the search finds them (varies from run to run)"));
    connect(byPathAction_, &QAction::triggered, this, [this] { setOrder(ResultsOrder::ByPath); });
    connect(asFoundAction_, &QAction::triggered, this, [this] { setOrder(ResultsOrder::AsFound); });
    setOrder(orderFromSetting(settings_.value(Setting::ResultsOrder).toString()));

    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view_, &QWidget::customContextMenuRequested, this, &ResultsActions::showContextMenu);
    connect(&watcher_, &QFutureWatcher<ExportOutput>::finished, this, &ResultsActions::onJobFinished);
}

void ResultsActions::setSearch(const SearchOptions& options, const QString& folder)
{
    options_ = options;
    folder_ = folder;
    haveSearch_ = true;
}

void ResultsActions::setOrder(ResultsOrder order)
{
    model_->setOrder(order);
    (order == ResultsOrder::AsFound ? asFoundAction_ : byPathAction_)->setChecked(true);
    settings_.setValue(Setting::ResultsOrder, settingFromOrder(order));
}

std::vector<ExportItem> ResultsActions::selectedItems() const
{
    QModelIndexList selected = view_->selectionModel()->selectedRows();
    if (selected.isEmpty() && view_->currentIndex().isValid())
        selected.append(view_->currentIndex());
    // By file row; a file row itself means the whole file (it wins over its lines).
    std::map<int, std::set<std::uint64_t>> lines;
    std::set<int> wholeFiles;
    for (const QModelIndex& index : selected) {
        if (index.data(ResultsModel::IsFileRole).toBool()) {
            wholeFiles.insert(index.row());
            lines[index.row()];
        } else {
            lines[index.parent().row()].insert(index.data(ResultsModel::LineNumberRole).toULongLong());
        }
    }
    std::vector<ExportItem> items;
    for (const auto& [row, numbers] : lines) {
        ExportItem item;
        item.path = model_->file(static_cast<std::size_t>(row)).path();
        if (!wholeFiles.contains(row))
            item.lines.assign(numbers.begin(), numbers.end());
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<ExportItem> ResultsActions::allItems() const
{
    std::vector<ExportItem> items(model_->fileCount());
    for (std::size_t row = 0; row < items.size(); ++row)
        items[row].path = model_->file(row).path();
    return items;
}

bool ResultsActions::copy(const std::vector<ExportItem>& items)
{
    return startJob(items, ExportFormat::Text, {});
}

bool ResultsActions::exportTo(const QString& fileName, ExportFormat format, const std::vector<ExportItem>& items)
{
    return startJob(items, format, fileName);
}

bool ResultsActions::startJob(const std::vector<ExportItem>& items, ExportFormat format, const QString& fileName)
{
    if (watcher_.isRunning()) {
        report(false, tr("Still copying or exporting the previous results; try again in a moment."));
        return false;
    }
    if (!haveSearch_ || items.empty()) {
        report(false, tr("There are no results to copy or export."));
        return false;
    }
    jobFile_ = fileName;
    watcher_.setFuture(QtConcurrent::run(runJob, options_, folder_, items, format, fileName));
    return true;
}

void ResultsActions::onJobFinished()
{
    const ExportOutput out = watcher_.result();
    if (!out.error.isEmpty()) {
        report(false, out.error);
        return;
    }
    QString message;
    if (jobFile_.isEmpty()) {
        QGuiApplication::clipboard()->setText(QString::fromUtf8(out.bytes.data(), static_cast<qsizetype>(out.bytes.size())));
        message = tr("Copied the results of %Ln file(s).", nullptr, static_cast<int>(out.files));
    } else {
        message = tr("Exported the results of %Ln file(s) to %1.", nullptr, static_cast<int>(out.files)).arg(jobFile_);
    }
    if (out.missing > 0)
        message += QLatin1Char(' ')
                   + tr("%Ln file(s) no longer match or are gone: not included.", nullptr, static_cast<int>(out.missing));
    report(true, message);
}

void ResultsActions::report(bool ok, const QString& message)
{
    window_->statusBar()->showMessage(message, kMessageMs);
    emit jobFinished(ok, message);
}

void ResultsActions::copyPaths()
{
    QStringList paths;
    for (const ExportItem& item : selectedItems())
        paths.append(item.path);
    if (paths.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(paths.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    report(true, tr("Copied %n path(s).", nullptr, static_cast<int>(paths.size())));
}

void ResultsActions::chooseExportFile()
{
    if (model_->fileCount() == 0) {
        report(false, tr("There are no results to copy or export."));
        return;
    }
    const std::array<ExportFormat, 3> formats{ExportFormat::Text, ExportFormat::JsonLines, ExportFormat::Csv};
    QStringList filters;
    for (const ExportFormat format : formats)
        filters.append(ResultsExport::fileFilter(format));
    QString chosenFilter = filters.front();
    QString fileName = QFileDialog::getSaveFileName(window_, tr("Export Results"), folder_, filters.join(QLatin1String(";;")),
                                                    &chosenFilter);
    if (fileName.isEmpty())
        return;
    const auto index = static_cast<std::size_t>(std::max<qsizetype>(0, filters.indexOf(chosenFilter)));
    ExportFormat format = formats[index];
    // A name typed with one of the formats' extensions means that format, whatever the filter.
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        format = ExportFormat::Csv;
    else if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("json"))
        format = ExportFormat::JsonLines;
    else if (suffix.isEmpty())
        fileName += QLatin1Char('.') + ResultsExport::extension(format);
    exportTo(fileName, format, allItems());
}

void ResultsActions::showContextMenu(const QPoint& position)
{
    const bool any = view_->indexAt(position).isValid() || view_->selectionModel()->hasSelection();
    copyAction_->setEnabled(any);
    copyPathAction_->setEnabled(any);
    QMenu menu(view_);
    menu.addAction(copyAction_);
    menu.addAction(copyPathAction_);
    menu.addSeparator();
    menu.addAction(exportAction_);
    menu.exec(view_->viewport()->mapToGlobal(position));
    copyAction_->setEnabled(true);
    copyPathAction_->setEnabled(true);
}

}  // namespace codescout::gui
