// ReplaceRunner (see the header).
#include "gui/replace/replace_runner.h"

#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace codescout::gui {

namespace {

// A failure here loses nothing: what is left is freed at the next start (UndoJournal::recover).
void freeDroppedEntries(const std::string& journalDir)
{
    try {
        UndoJournal(journalDir).free_dropped();
    } catch (const std::exception&) {
    }
}

}  // namespace

ReplaceRunner::ReplaceRunner(QObject* parent) : QObject(parent)
{
    pool_.setMaxThreadCount(1);
}

ReplaceRunner::~ReplaceRunner()
{
    cancel_ = true;
    // A queued task has written nothing yet (dropped journal entries not yet freed are freed at
    // the next start); a running one finishes.
    pool_.clear();
    pool_.waitForDone();
}

template <typename Result, typename Work, typename Done>
bool ReplaceRunner::launch(Work work, Done done)
{
    if (busy_)
        return false;
    busy_ = true;
    cancel_ = false;
    done_ = 0;
    total_ = 0;
    auto* watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
        busy_ = false;
        stage_ = Stage::Idle;
        const Result result = watcher->result();
        watcher->deleteLater();
        done(result);
    });
    watcher->setFuture(QtConcurrent::run(&pool_, std::move(work)));
    return true;
}

bool ReplaceRunner::startReplace(ReplaceJob job)
{
    const std::string journalDir = job.journalDir;
    return launch<ReplaceOutcome>([this, job = std::move(job)] { return runReplace(job); },
                                  [this, journalDir](const ReplaceOutcome& o) {
                                      emit replaceFinished(o);
                                      // The summary is out: now free the journal entries the size
                                      // bound dropped (seconds for a large apply). On the pool, so
                                      // a next task waits for it; the journal's lock guards it.
                                      if (!o.report.notices.empty())
                                          pool_.start([journalDir] { freeDroppedEntries(journalDir); });
                                  });
}

bool ReplaceRunner::startUndo(const std::string& journalDir, const std::string& id)
{
    return launch<UndoReport>(
        [this, journalDir, id] {
            stage_ = Stage::Undoing;
            UndoJournal journal(journalDir);
            return undo_apply(journal, id);
        },
        [this](const UndoReport& r) { emit undoFinished(r); });
}

bool ReplaceRunner::startRecovery(const std::string& journalDir)
{
    return launch<RecoveryReport>(
        [this, journalDir] {
            stage_ = Stage::Recovering;
            UndoJournal journal(journalDir);
            return recover(journal);
        },
        [this](const RecoveryReport& r) { emit recoveryFinished(r); });
}

ReplaceOutcome ReplaceRunner::runReplace(const ReplaceJob& job)
{
    ReplaceOutcome outcome;
    stage_ = Stage::Planning;
    total_ = job.files.size();
    std::optional<MatchEdits> edits;
    try {
        edits.emplace(matchEditsFor(job));
    } catch (const std::exception& e) {
        outcome.patternError = e.what();
        return outcome;
    }

    ApplyPlan plan;
    plan.roots = plan_roots(job.roots);
    plan.pattern = job.search.pattern.patterns.empty() ? std::string() : job.search.pattern.patterns.front();
    plan.replacement = job.replacement;
    std::vector<FileApplyOutcome> refused;  // before the apply: changed since the search, ...
    for (std::size_t i = 0; i < job.files.size(); ++i) {
        const ReplaceFileJob& file = job.files[i];
        if (cancel_) {
            outcome.cancelled = true;
            return outcome;  // nothing was written: the report stays empty
        }
        PlannedReplace planned = planReplace(file, *edits);
        if (planned.plan)
            plan.files.push_back(std::move(*planned.plan));
        else if (planned.skip)
            refused.push_back(FileApplyOutcome{file.path, false, 0, planned.skip, true});
        done_ = i + 1;
    }

    ApplyOptions options;
    options.journal_max_bytes = job.journalMaxBytes;
    options.on_error = job.onError;
    options.hook = job.hook;
    options.cancelled = [this] { return cancel_.load(); };
    options.free_dropped_later = true;  // after the summary (startReplace)
    options.progress = [this](const ApplyProgress& p) {
        stage_ = p.stage == ApplyProgress::Stage::Journaling ? Stage::Journaling : Stage::Writing;
        total_ = p.total;
        done_ = p.done;
    };
    if (!plan.files.empty()) {
        UndoJournal journal(job.journalDir);
        outcome.report = apply_plan(plan, journal, options);
    }
    outcome.cancelled = cancel_.load();
    outcome.report.files.insert(outcome.report.files.begin(), refused.begin(), refused.end());
    return outcome;
}

}  // namespace codescout::gui
