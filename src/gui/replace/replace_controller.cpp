// ReplaceController (see the header).
#include "gui/replace/replace_controller.h"

#include <algorithm>

#include <QAction>
#include <QBoxLayout>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QProgressDialog>
#include <QSplitter>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>
#include <QtConcurrent/QtConcurrentRun>

#include "core/edit/preview.h"
#include "gui/preview/file_loader.h"
#include "gui/preview/syntax_repository.h"
#include "gui/replace/apply_history_dialog.h"
#include "gui/replace/diff_view.h"
#include "gui/replace/outcome_dialog.h"
#include "gui/replace/replace_bar.h"
#include "gui/replace/replace_preview.h"
#include "gui/replace/replace_selection.h"
#include "gui/replace/skip_reason_text.h"
#include "gui/results/match_delegate.h"
#include "gui/results/results_model.h"
#include "gui/settings/app_settings.h"

namespace codescout::gui {

namespace {

constexpr std::chrono::milliseconds kProgressPoll{50};
constexpr std::chrono::milliseconds kDiffDelay{150};  // typing in the Replace field

QString qs(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The file row of `index` (a file or a line row).
std::size_t fileRowOf(const QModelIndex& index)
{
    return static_cast<std::size_t>(index.parent().isValid() ? index.parent().row() : index.row());
}

}  // namespace

ReplaceController::ReplaceController(const ReplaceHost& host, QObject* parent)
    : QObject(parent), host_(host), model_(host.model), selection_(new ReplaceSelection(*host.model, this)),
      preview_(new ReplacePreview(*host.model, *selection_, this)), bar_(new ReplaceBar(host.window)),
      diff_(new DiffView(host.window)), runner_(new ReplaceRunner(this)),
      toggle_(new QAction(tr("&Replace"), this)), undo_(new QAction(tr("&Undo Replace"), this)),
      history_(new QAction(tr("Apply &History…"), this)), journalDir_(UndoJournal::default_dir())
{
    bar_->setVisible(false);
    host_.barLayout->insertWidget(host_.barIndex, bar_);
    diff_->setVisible(false);
    host_.previewSplitter->insertWidget(host_.previewSplitter->indexOf(host_.preview) + 1, diff_);
    host_.delegate->setReplacePreview(preview_);

    // No "&" in "Edit": every letter of it is taken by the window's other Alt keys.
    auto* menu = new QMenu(tr("Edit"), host_.window);
    host_.window->menuBar()->insertMenu(host_.menuBefore->menuAction(), menu);
    toggle_->setCheckable(true);
    toggle_->setShortcut(QKeySequence(tr("Ctrl+H")));
    toggle_->setToolTip(tr("Show the Replace field under the pattern"));
    undo_->setToolTip(tr("Restore every file of the last replace"));
    history_->setToolTip(tr("Every replace applied, each of which can be undone"));
    menu->addAction(toggle_);
    menu->addSeparator();
    menu->addAction(undo_);
    menu->addAction(history_);
    connect(toggle_, &QAction::toggled, this, &ReplaceController::setOpen);
    connect(undo_, &QAction::triggered, this, &ReplaceController::undoLast);
    connect(history_, &QAction::triggered, this, &ReplaceController::showHistory);

    connect(bar_, &ReplaceBar::replacementChanged, this, &ReplaceController::updatePreview);
    connect(bar_, &ReplaceBar::replaceAllRequested, this, [this] { replace(Scope::All); });
    connect(bar_, &ReplaceBar::replaceSelectedRequested, this, [this] { replace(Scope::Selected); });
    connect(bar_, &ReplaceBar::replaceInFileRequested, this, [this] { replace(Scope::File); });
    connect(bar_, &ReplaceBar::diffToggled, this, [this](bool on) {
        // The diff takes the preview's place and width (and gives them back): left to the
        // splitter, the results took most of the width and the diff was a narrow strip.
        QSplitter* splitter = host_.previewSplitter;
        QWidget* shown = on ? static_cast<QWidget*>(diff_) : host_.preview;
        QWidget* hidden = on ? host_.preview : static_cast<QWidget*>(diff_);
        QList<int> sizes = splitter->sizes();  // before the change: a hidden widget has 0
        const int from = splitter->indexOf(hidden);
        const int to = splitter->indexOf(shown);
        shown->setVisible(true);
        hidden->setVisible(false);
        if (from >= 0 && to >= 0 && sizes.value(from) > 0) {
            sizes[to] = sizes[from];
            sizes[from] = 0;
            splitter->setSizes(sizes);
        }
        updateDiff();
    });
    connect(preview_, &ReplacePreview::changed, this, [this] {
        host_.view->viewport()->update();
        if (bar_->diffShown())
            diffTimer_.start();
    });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] { selection_->reset(); });
    connect(host_.view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        if (bar_->diffShown())
            diffTimer_.start();
    });
    diffTimer_.setSingleShot(true);
    diffTimer_.setInterval(kDiffDelay);
    connect(&diffTimer_, &QTimer::timeout, this, &ReplaceController::updateDiff);
    progressTimer_.setInterval(kProgressPoll);
    connect(&progressTimer_, &QTimer::timeout, this, &ReplaceController::pollProgress);

    connect(runner_, &ReplaceRunner::replaceFinished, this, &ReplaceController::onReplaceFinished);
    connect(runner_, &ReplaceRunner::undoFinished, this, &ReplaceController::onUndoFinished);
    connect(runner_, &ReplaceRunner::recoveryFinished, this, &ReplaceController::onRecoveryFinished);

    // Settle an apply a crash interrupted, before the user can start another.
    if (!journalDir_.empty())
        runner_->startRecovery(journalDir_);
}

ReplaceController::~ReplaceController() = default;

OutcomeDialog* ReplaceController::outcomeDialog() const { return outcome_; }
ApplyHistoryDialog* ReplaceController::historyDialog() const { return historyDialog_; }
QProgressDialog* ReplaceController::progressDialog() const { return progress_; }

void ReplaceController::showStatus(const QString& text)
{
    host_.window->statusBar()->showMessage(text);
}

void ReplaceController::searchStarted(const SearchOptions& search, const QString& folder)
{
    folder_ = folder;
    selection_->reset();
    preview_->setSearch(search);
}

void ReplaceController::setOpen(bool open)
{
    if (toggle_->isChecked() != open)
        toggle_->setChecked(open);
    bar_->setVisible(open);
    preview_->setCheckable(open);
    if (open) {
        bar_->focusReplacement();
    } else if (bar_->diffShown()) {
        bar_->diffButton()->setChecked(false);
    }
}

void ReplaceController::updatePreview()
{
    preview_->setReplacement(bar_->replacement(), bar_->preserveCase());
}

std::optional<std::size_t> ReplaceController::currentFileRow() const
{
    const QModelIndex current = host_.view->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return fileRowOf(current);
}

ReplaceFileJob ReplaceController::fileJob(std::size_t fileRow) const
{
    const CompactFile& file = model_->file(fileRow);
    ReplaceFileJob job;
    job.path = file.path().toStdString();
    job.shownPath = file.relativePath().toStdString();
    job.encoding = std::string(file.encoding());
    if (file.encoding().empty())
        job.shown.size = file.searchedSize();
    job.shown.mtime_ns = file.mtimeNs();
    for (std::size_t i = 0; i < file.lineCount(); ++i) {
        const LineView view = file.view(i);
        if (view.spans.empty())
            continue;
        // A -U block keeps only its first line (moreLines): a match running on past it is not
        // stored whole either.
        const bool cut = view.clippedRight || view.moreLines > 0;
        ShownLine line{view.number, {}, !cut && view.spans.size() < CompactFile::kMaxSpansPerLine};
        for (const CompactSpan& span : view.spans) {
            // A match the stored window cuts at its right end is not shown whole: stop there.
            if (cut && span.end >= view.text.size()) {
                line.all_shown = false;
                break;
            }
            line.matches.emplace_back(view.text.substr(span.begin, span.end - span.begin));
        }
        job.shown.lines.push_back(std::move(line));
    }
    job.chosen = selection_->chooser(fileRow);
    return job;
}

bool ReplaceController::replace(Scope scope)
{
    if (runner_->isBusy()) {
        showStatus(tr("A replace or undo is running."));
        return false;
    }
    if (journalDir_.empty()) {
        showStatus(tr("Replace needs a folder for its undo history: neither XDG_STATE_HOME nor HOME is set."));
        return false;
    }
    ReplaceJob job;
    job.search = preview_->search();
    if (job.search.pattern.patterns.empty() || model_->fileCount() == 0) {
        showStatus(tr("Nothing to replace: search first."));
        return false;
    }
    job.replacement = bar_->replacement().toStdString();
    job.preserveCase = bar_->preserveCase();
    job.roots = {folder_.toStdString()};
    job.journalDir = journalDir_;
    const AppSettings settings;
    job.journalMaxBytes = settings.value(Setting::UndoHistoryMaxBytes).toULongLong();
    job.onError = settings.value(Setting::ReplaceOnError).toString() == QLatin1String("continue") ? OnError::Continue
                                                                                                   : OnError::StopAndRollBack;
    job.hook = hook_;
    const QModelIndex current = host_.view->currentIndex();
    if (scope == Scope::All) {
        for (std::size_t row = 0; row < model_->fileCount(); ++row) {
            if (selection_->anyChosen(row))
                job.files.push_back(fileJob(row));
        }
    } else if (current.isValid()) {
        const std::size_t row = fileRowOf(current);
        if (selection_->anyChosen(row))
            job.files.push_back(fileJob(row));
        const QVariant line = current.data(ResultsModel::LineNumberRole);
        if (scope == Scope::Selected && current.parent().isValid() && !job.files.empty()) {
            const auto only = static_cast<std::uint64_t>(line.toULongLong());
            job.files.back().chosen = [base = job.files.back().chosen, only](std::uint64_t l, std::uint32_t o) {
                return l == only && base(l, o);
            };
        }
    }
    if (job.files.empty()) {
        showStatus(scope == Scope::All ? tr("Nothing to replace: no match is checked.")
                                       : tr("Nothing to replace: select a checked result first."));
        return false;
    }
    runner_->startReplace(std::move(job));
    bar_->setBusy(true);
    progress_ = new QProgressDialog(tr("Replacing…"), tr("Cancel"), 0, 0, host_.window);
    progress_->setWindowTitle(tr("Replace"));
    progress_->setAttribute(Qt::WA_DeleteOnClose);
    progress_->setWindowModality(Qt::WindowModal);
    progress_->setMinimumDuration(0);
    connect(progress_, &QProgressDialog::canceled, this, &ReplaceController::cancel);
    progress_->show();
    progressTimer_.start();
    return true;
}

void ReplaceController::cancel()
{
    runner_->cancel();
}

void ReplaceController::pollProgress()
{
    if (!progress_)
        return;
    const auto total = static_cast<int>(std::min<std::size_t>(runner_->total(), INT_MAX));
    const auto done = static_cast<int>(std::min<std::size_t>(runner_->done(), INT_MAX));
    switch (runner_->stage()) {
    case ReplaceRunner::Stage::Planning: progress_->setLabelText(tr("Reading the files…")); break;
    // The apply's one pass per file keeps the original, reads it and writes the new content
    // beside it; the renames come after (core/edit/applier.h).
    case ReplaceRunner::Stage::Journaling: progress_->setLabelText(tr("Preparing the new contents (originals kept for undo)…")); break;
    case ReplaceRunner::Stage::Writing: progress_->setLabelText(tr("Replacing the files…")); break;
    default: break;
    }
    progress_->setMaximum(total);
    progress_->setValue(std::min(done, total));
}

void ReplaceController::onReplaceFinished(const ReplaceOutcome& outcome)
{
    progressTimer_.stop();
    if (progress_) {
        progress_->disconnect(this);  // its close must not cancel the next replace
        progress_->close();
    }
    bar_->setBusy(false);
    if (!outcome.patternError.empty()) {
        showStatus(tr("Nothing replaced: %1").arg(qs(outcome.patternError)));
    } else {
        if (!outcome_)
            outcome_ = new OutcomeDialog(host_.window);
        outcome_->showReplace(outcome.report, outcome.cancelled, folder_);
        outcome_->show();
        outcome_->raise();
        showStatus(outcome_->headline());
        if (outcome.report.changed_files() > 0 && host_.searchAgain)
            host_.searchAgain();
    }
    refreshHistory();
    emit replaceFinished(outcome);
}

void ReplaceController::undoLast()
{
    if (journalDir_.empty() || !runner_->startUndo(journalDir_, {}))
        showStatus(tr("Cannot undo now: a replace or undo is running."));
}

void ReplaceController::onUndoFinished(const UndoReport& report)
{
    if (!outcome_)
        outcome_ = new OutcomeDialog(host_.window);
    outcome_->showUndo(report, folder_);
    outcome_->show();
    outcome_->raise();
    showStatus(outcome_->headline());
    // As after an apply: the results show the files as they are now (else the apply's "no
    // match" stayed up over the restored files).
    const bool restored = std::any_of(report.files.begin(), report.files.end(),
                                      [](const FileRestore& f) { return f.outcome == RestoreOutcome::Restored; });
    if (restored && host_.searchAgain)
        host_.searchAgain();
    refreshHistory();
    emit undoFinished(report);
}

void ReplaceController::showHistory()
{
    if (!historyDialog_) {
        historyDialog_ = new ApplyHistoryDialog(host_.window);
        connect(historyDialog_, &ApplyHistoryDialog::undoRequested, this, [this](const std::string& id) {
            if (!runner_->startUndo(journalDir_, id))
                showStatus(tr("Cannot undo now: a replace or undo is running."));
        });
    }
    refreshHistory();
    historyDialog_->show();
    historyDialog_->raise();
}

void ReplaceController::refreshHistory()
{
    if (historyDialog_ && !journalDir_.empty())
        historyDialog_->setEntries(UndoJournal(journalDir_).entries());
}

void ReplaceController::onRecoveryFinished(const RecoveryReport& report)
{
    QStringList messages;
    for (const std::string& m : report.messages)
        messages.append(qs(m));
    if (!messages.isEmpty()) {
        recoveryMessage_ = tr("An interrupted replace was settled at start: %1").arg(messages.join(QLatin1String("; ")));
        showStatus(recoveryMessage_);
        host_.window->statusBar()->setToolTip(messages.join(QLatin1Char('\n')));
    }
    emit recoveryFinished(messages);
}

void ReplaceController::updateDiff()
{
    if (!bar_->diffShown())
        return;
    const std::optional<std::size_t> row = currentFileRow();
    const quint64 generation = ++diffGeneration_;
    if (!row || preview_->search().pattern.patterns.empty()) {
        diff_->showDiff({}, {}, tr("Select a result to see the diff of its file."));
        emit diffShown();
        return;
    }
    ReplaceJob job;
    job.search = preview_->search();
    job.replacement = bar_->replacement().toStdString();
    job.preserveCase = bar_->preserveCase();
    ReplaceFileJob file = fileJob(*row);
    const std::vector<std::string> roots = plan_roots({folder_.toStdString()});
    const QString title = QDir::toNativeSeparators(qs(file.shownPath));
    struct Diff {
        QString text;
        QString note;
        QByteArray head;  // the file's first bytes, for its syntax (as the preview picks it)
    };
    auto* watcher = new QFutureWatcher<Diff>(this);
    const QString path = qs(file.path);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, title, path] {
        const Diff d = watcher->result();
        watcher->deleteLater();
        if (generation != diffGeneration_)
            return;  // a newer request is on its way
        diff_->showDiff(title, d.text, d.note, d.text.isEmpty() ? KSyntaxHighlighting::Definition() : definitionFor(path, d.head));
        emit diffShown();
    });
    watcher->setFuture(QtConcurrent::run([job = std::move(job), file = std::move(file), roots]() -> Diff {
        try {
            const MatchEdits edits = matchEditsFor(job);
            const PlannedReplace planned = planReplace(file, edits);
            if (planned.skip)
                return {{}, skipReasonText(planned.skip->reason) + QLatin1String(": ") + qs(planned.skip->message), {}};
            if (!planned.plan)
                return {{}, ReplaceController::tr("No match of this file is checked."), {}};
            const FilePreview preview = preview_file(*planned.plan, roots, kDefaultMaxRewriteSize, 3, file.shownPath);
            if (preview.skip)
                return {{}, skipReasonText(preview.skip->reason) + QLatin1String(": ") + qs(preview.skip->message), {}};
            if (preview.diff.empty())
                return {{}, ReplaceController::tr("The replacement changes nothing."), {}};
            QFile source(qs(file.path));
            const QByteArray head = source.open(QIODevice::ReadOnly) ? source.read(FileLoader::kHeadBytes) : QByteArray();
            return {qs(preview.diff), {}, head};
        } catch (const std::exception& e) {
            return {{}, qs(e.what()), {}};
        }
    }));
}

}  // namespace codescout::gui
