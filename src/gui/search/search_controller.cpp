// SearchController: dispatch, batching hand-over and the runs' life cycle (see the header). At
// most one run is on the pool at a time: a new run waits while a replaced or discarded one
// (stopping_) unwinds, so the shared MemoryMetrics always describe one search.
#include "gui/search/search_controller.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#endif

#include "core/match/matcher.h"
#include "core/search/search.h"
#include "gui/results/results_model.h"
#include "gui/search/batching_sink.h"

namespace codescout::gui {

namespace {

// Searching is background work: on a machine with few cores the engine's threads would otherwise
// compete on equal terms with the GUI thread, which then paints late. On Linux the nice value is
// per thread and inherited by the threads the engine starts from this one.
void lowerThreadPriority()
{
#ifdef __linux__
    // An absolute value, not an increment: pool threads are reused, and an unprivileged process
    // can never lower the value again.
    constexpr int kBackgroundNice = 5;
    const auto tid = static_cast<id_t>(::gettid());
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0 && current < kBackgroundNice)
        ::setpriority(PRIO_PROCESS, tid, kBackgroundNice);
#endif
}

}  // namespace

struct SearchController::Run {
    quint64 id = 0;
    std::unique_ptr<Search> search;
    std::unique_ptr<BatchingSink> sink;
    std::unique_ptr<ResultSink> decorated;  // wraps `sink` when a test installed a decorator
    QElapsedTimer clock;
    bool launched = false;
    bool done = false;
    std::string failure;  // set by the worker if run() threw; read after the future finished
    IndexAttacher attachIndex;
    std::optional<IndexUse> index;  // set by the worker; read after the future finished
    std::uint64_t droppedMatches = 0;
    QStringList errors;
};

SearchController::SearchController(ResultsModel* model, QObject* parent)
    : QObject(parent), model_(model), metrics_(std::make_shared<MemoryMetrics>(kDefaultSmallFileThreshold, kDefaultLargeFileThreshold)),
      cache_(std::make_shared<PatternCache>())
{
    // Searches get their own pool: a search never waits behind preview loads, and vice versa.
    pool_.setMaxThreadCount(4);
    progressTimer_.setInterval(kProgressInterval);
    connect(&progressTimer_, &QTimer::timeout, this, [this] {
        if (current_)
            drain(current_->id);
        emit progressed();
    });
}

SearchController::~SearchController()
{
    // Workers post into this object: they must be gone before it is.
    if (current_ && current_->search)
        current_->search->cancel();
    if (stopping_ && stopping_->search)
        stopping_->search->cancel();
    pool_.waitForDone();
}

QString SearchController::start(const SearchOptions& options, const QString& folder,
                                std::uint64_t maxStoredMatches, IndexAttacher attachIndex)
{
    auto run = std::make_shared<Run>();
    run->attachIndex = std::move(attachIndex);
    try {
        run->search = std::make_unique<Search>(options, metrics_, cache_);
    } catch (const PatternError& error) {
        return tr("Invalid pattern: %1").arg(QString::fromStdString(error.reason()));
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    run->id = ++lastId_;
    const quint64 id = run->id;
    run->sink = std::make_unique<BatchingSink>(folder.toStdString(), maxStoredMatches, [this, id] {
        QMetaObject::invokeMethod(this, [this, id] { drain(id); }, Qt::QueuedConnection);
    });
    if (sinkDecorator_)
        run->decorated = sinkDecorator_(*run->sink);

    if (current_ && current_->launched && !current_->done) {
        current_->search->cancel();
        stopping_ = current_;  // its results are no longer wanted: drain() ignores its id
    }
    current_ = run;
    model_->clear();
    if (!stopping_)
        launch(run);  // else onRunFinished() launches it when the replaced search has stopped
    return {};
}

void SearchController::launch(const std::shared_ptr<Run>& run)
{
    metrics_->reset_search_counters();
    const ProcessingOptions& processing = run->search->options().processing;
    metrics_->set_thresholds(processing.small_file_threshold, processing.large_file_threshold);
    run->launched = true;
    run->clock.start();

    auto* watcher = new QFutureWatcher<SearchSummary>(this);
    connect(watcher, &QFutureWatcher<SearchSummary>::finished, this, [this, watcher, run] {
        watcher->deleteLater();
        onRunFinished(run, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&pool_, [run] {
        lowerThreadPriority();
        try {
            if (run->attachIndex)
                run->index = run->attachIndex(*run->search, run->search->options());
            return run->search->run(run->decorated ? *run->decorated : *run->sink);
        } catch (const std::exception& error) {
            run->failure = error.what();
            SearchSummary summary;
            summary.cancelled = true;
            return summary;
        }
    }));
    progressTimer_.start();
    emit started(metrics_);
}

void SearchController::cancel()
{
    if (current_ && current_->launched && !current_->done)
        current_->search->cancel();
    else if (current_ && !current_->launched)
        current_->search->cancel();  // still waiting for the replaced search: never launches
}

void SearchController::discard()
{
    if (current_) {
        current_->search->cancel();  // a run still waiting to launch now never will
        if (current_->launched && !current_->done)
            stopping_ = current_;  // later runs wait for it; onRunFinished() stays silent
        current_.reset();           // drain() and onRunFinished() no longer match it
    }
    progressTimer_.stop();
    model_->clear();
}

void SearchController::drain(quint64 id)
{
    if (!current_ || current_->id != id || !current_->launched)
        return;
    ResultBatch batch = current_->sink->take();
    current_->droppedMatches += batch.droppedMatches;
    current_->errors.append(batch.errors);
    model_->addFiles(std::move(batch.files));
}

void SearchController::onRunFinished(const std::shared_ptr<Run>& run, const SearchSummary& summary)
{
    run->done = true;
    if (run == stopping_) {
        stopping_.reset();
        emit unwound(run->id);
        if (current_ && !current_->launched) {
            if (current_->search->cancelled()) {  // cancelled before it could start
                current_->launched = current_->done = true;
                SearchSummary empty;
                empty.cancelled = true;
                emit finished(empty);
            } else {
                launch(current_);
            }
        }
        return;
    }
    if (run != current_)
        return;
    drain(run->id);
    progressTimer_.stop();
    if (!run->failure.empty())
        run->errors.append(tr("Search failed: %1").arg(QString::fromStdString(run->failure)));
    emit finished(summary);
}

quint64 SearchController::currentId() const
{
    return current_ ? current_->id : 0;
}

bool SearchController::isRunning() const
{
    return current_ && !current_->done;
}

SearchProgress SearchController::progress() const
{
    return current_ && current_->launched ? current_->search->progress() : SearchProgress{};
}

qint64 SearchController::elapsedMs() const
{
    return current_ && current_->launched ? current_->clock.elapsed() : 0;
}

std::uint64_t SearchController::droppedMatches() const
{
    return current_ ? current_->droppedMatches : 0;
}

QStringList SearchController::errors() const
{
    return current_ ? current_->errors : QStringList{};
}

const IndexUse* SearchController::indexUse() const
{
    return current_ && current_->done && current_->index && current_->index->used ? &*current_->index : nullptr;
}

}  // namespace codescout::gui
