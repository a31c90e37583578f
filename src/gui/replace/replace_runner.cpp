// ReplaceRunner (see the header).
#include "gui/replace/replace_runner.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "core/edit/plan_feed.h"

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
    try {
        (void)matchEditsFor(job);  // the patterns compile (each planner compiles its own)
    } catch (const std::exception& e) {
        outcome.patternError = e.what();
        return outcome;
    }

    ApplyPlan header;
    header.roots = plan_roots(job.roots);
    header.pattern = job.search.pattern.patterns.empty() ? std::string() : job.search.pattern.patterns.front();
    header.replacement = job.replacement;
    // Files refused while planning (changed since the search, ...), by their index in the job:
    // each written by the one planner of that file.
    std::vector<std::optional<Skip>> refused(job.files.size());
    std::atomic<std::size_t> planned{0};

    ApplyOptions options;
    options.journal_max_bytes = job.journalMaxBytes;
    options.on_error = job.onError;
    options.hook = job.hook;
    options.cancelled = [this] { return cancel_.load(); };
    options.free_dropped_later = true;  // after the summary (startReplace)
    options.progress = [this, &job](const ApplyProgress& p) {
        // While the files are still being planned the feed's count grows: the job's is the total.
        const bool preparing = p.stage == ApplyProgress::Stage::Journaling;
        stage_ = preparing ? Stage::Journaling : Stage::Writing;
        total_ = preparing ? std::max(p.total, job.files.size()) : p.total;
        done_ = p.done;
    };
    // Each file's plan says what the search showed and which matches are chosen; the apply reads
    // the file once, and its helpers check those bytes against what the search showed and make
    // the edits from them (planReplaceInApply), while the feed hands the plans over as they are
    // made (apply_streamed). A file the search decoded is read to be planned (its byte size is
    // not known otherwise). The apply publishes nothing, and so changes nothing, before the last
    // file is planned.
    UndoJournal journal(job.journalDir);
    PlanFeed feed;
    {
        const auto edits = std::make_shared<const LendingPool<MatchEdits>>([&job] { return matchEditsFor(job); });
        std::jthread planning([&] {
            feed_plans(job.files.size(), [&]() -> FilePlanner {
                return [&](std::size_t i) -> std::optional<FilePlan> {
                    if (cancel_)
                        return std::nullopt;  // the apply sees the cancel once the feed closes
                    PlannedReplace made = planReplaceInApply(job.files[i], edits);
                    refused[i] = std::move(made.skip);
                    if (stage_ == Stage::Planning)
                        done_ = ++planned;
                    return std::move(made.plan);
                };
            }, feed, 1);
        });
        struct StopFeed {  // however the apply ends: the planners stop pushing and end
            PlanFeed& feed;
            ~StopFeed() { feed.stop(); }
        } const stopFeed{feed};
        outcome.report = apply_streamed(header, feed, journal, options);
    }
    outcome.cancelled = cancel_.load();
    std::vector<FileApplyOutcome> refusals;
    for (std::size_t i = 0; i < job.files.size(); ++i)
        if (refused[i])
            refusals.push_back(FileApplyOutcome{job.files[i].path, false, 0, refused[i], true});
    outcome.report.files.insert(outcome.report.files.begin(), refusals.begin(), refusals.end());
    return outcome;
}

}  // namespace codescout::gui
