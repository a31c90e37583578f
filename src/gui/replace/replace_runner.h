// Runs a Replace, an undo or the startup recovery off the GUI thread, one at a time (the undo
// journal is locked for each anyway). A Replace hands the edit layer's apply a plan per chosen
// file — what the search showed and which matches are chosen (replace_job.h) — and the apply's
// helpers read each file once, check those bytes against what the search showed and make its
// edits from them (FilePlan::edits_from), then journal and write it; cancellable throughout,
// with progress the window polls. Cancelling before the renames changes nothing; while writing,
// it rolls back, so every file ends wholly old or wholly new.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <cstdint>
#include <string>

#include "core/edit/applier.h"
#include "core/edit/undo.h"
#include "gui/replace/replace_job.h"

namespace codescout::gui {

struct ReplaceOutcome {
    ApplyReport report;        // every file of the job, in job order: changed or skipped and why
    std::string patternError;  // the patterns did not compile: nothing was done
    bool cancelled = false;
};

class ReplaceRunner : public QObject {
    Q_OBJECT
public:
    enum class Stage { Idle, Planning, Journaling, Writing, Undoing, Recovering };

    explicit ReplaceRunner(QObject* parent = nullptr);
    ~ReplaceRunner() override;  // waits for a running task: it may be writing users' files

    bool isBusy() const { return busy_; }
    // False (and nothing starts) while another task runs.
    bool startReplace(ReplaceJob job);
    bool startUndo(const std::string& journalDir, const std::string& id);
    bool startRecovery(const std::string& journalDir);
    // A running Replace stops at the next file (rolled back if it was writing).
    void cancel() { cancel_ = true; }

    Stage stage() const { return stage_.load(); }
    std::size_t done() const { return done_.load(); }
    std::size_t total() const { return total_.load(); }

signals:
    void replaceFinished(const codescout::gui::ReplaceOutcome& outcome);
    void undoFinished(const codescout::UndoReport& report);
    void recoveryFinished(const codescout::RecoveryReport& report);

private:
    ReplaceOutcome runReplace(const ReplaceJob& job);
    template <typename Result, typename Work, typename Done>
    bool launch(Work work, Done done);

    QThreadPool pool_;
    bool busy_ = false;
    std::atomic<bool> cancel_{false};
    std::atomic<Stage> stage_{Stage::Idle};
    std::atomic<std::size_t> done_{0};
    std::atomic<std::size_t> total_{0};
};

}  // namespace codescout::gui
