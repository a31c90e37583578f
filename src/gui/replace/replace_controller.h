// Replace in the window (issue 9): owns the Replace bar, the check boxes and inline preview, the
// whole-file diff, the Edit menu (Replace, Undo Replace, Apply History) and the runner that does
// the work off the GUI thread; at start it settles an apply that was interrupted (the edit
// layer's recovery) and says so in the status bar. The window hands it its parts (ReplaceHost)
// and tells it which search the results come from; everything else is wired here, so the shared
// window code carries only a few lines for Replace.
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

#include "core/edit/edit_steps.h"
#include "core/search/search_options.h"
#include "gui/replace/replace_job.h"
#include "gui/replace/replace_runner.h"

class QAction;
class QBoxLayout;
class QMainWindow;
class QMenu;
class QModelIndex;
class QProgressDialog;
class QSplitter;
class QTreeView;

namespace codescout::gui {

class ApplyHistoryDialog;
class DiffView;
class MatchDelegate;
class OutcomeDialog;
class ReplaceBar;
class ReplacePreview;
class ReplaceSelection;
class ResultsModel;

struct ReplaceHost {
    QMainWindow* window = nullptr;
    QBoxLayout* barLayout = nullptr;  // the Replace bar goes at `barIndex` in it
    int barIndex = 1;
    QTreeView* view = nullptr;
    MatchDelegate* delegate = nullptr;
    ResultsModel* model = nullptr;
    QSplitter* previewSplitter = nullptr;  // the diff goes beside `preview`, shown instead of it
    QWidget* preview = nullptr;
    QMenu* menuBefore = nullptr;  // the Edit menu goes before it
    std::function<void()> searchAgain;  // after an apply: the results show what is left
};

class ReplaceController : public QObject {
    Q_OBJECT
public:
    ReplaceController(const ReplaceHost& host, QObject* parent = nullptr);
    ~ReplaceController() override;

    // The window started a search of `folder` with `search`: its results are what Replace acts on.
    void searchStarted(const SearchOptions& search, const QString& folder);

    // The journal folder ($XDG_STATE_HOME/codescout/undo); empty: Replace cannot run.
    std::string journalDir() const { return journalDir_; }

    enum class Scope { All, Selected, File };
    // Starts a Replace of the checked matches in `scope`; false (with the reason in the status
    // bar) when nothing is to be done or another replace or undo runs.
    bool replace(Scope scope);
    void cancel();
    void undoLast();
    void showHistory();

    // Parts, for tests.
    ReplaceBar* bar() const { return bar_; }
    ReplacePreview* preview() const { return preview_; }
    ReplaceSelection* selection() const { return selection_; }
    DiffView* diffView() const { return diff_; }
    ReplaceRunner* runner() const { return runner_; }
    QAction* toggleAction() const { return toggle_; }
    QAction* undoAction() const { return undo_; }
    QAction* historyAction() const { return history_; }
    OutcomeDialog* outcomeDialog() const;
    ApplyHistoryDialog* historyDialog() const;
    QProgressDialog* progressDialog() const;
    QString recoveryMessage() const { return recoveryMessage_; }
    // Tests: called between the apply's steps on the worker thread (edit_steps.h).
    void setStepHook(StepHook hook) { hook_ = std::move(hook); }

signals:
    void replaceFinished(const codescout::gui::ReplaceOutcome& outcome);
    void undoFinished(const codescout::UndoReport& report);
    // The startup recovery ran; `messages` is empty when there was nothing to settle.
    void recoveryFinished(const QStringList& messages);
    // The diff view shows a new diff.
    void diffShown();

private:
    void setOpen(bool open);
    void updatePreview();
    void updateDiff();
    void onReplaceFinished(const ReplaceOutcome& outcome);
    void onUndoFinished(const UndoReport& report);
    void onRecoveryFinished(const RecoveryReport& report);
    void pollProgress();
    void refreshHistory();
    ReplaceFileJob fileJob(std::size_t fileRow) const;
    std::optional<std::size_t> currentFileRow() const;
    void showStatus(const QString& text);

    ReplaceHost host_;
    ResultsModel* model_;
    ReplaceSelection* selection_;
    ReplacePreview* preview_;
    ReplaceBar* bar_;
    DiffView* diff_;
    ReplaceRunner* runner_;
    QAction* toggle_;
    QAction* undo_;
    QAction* history_;
    QPointer<OutcomeDialog> outcome_;
    QPointer<ApplyHistoryDialog> historyDialog_;
    QPointer<QProgressDialog> progress_;
    QTimer progressTimer_;
    QTimer diffTimer_;
    quint64 diffGeneration_ = 0;
    QString folder_;
    std::string journalDir_;
    QString recoveryMessage_;
    StepHook hook_;
};

}  // namespace codescout::gui
