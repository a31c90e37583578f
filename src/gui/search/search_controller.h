// Runs searches for the window: compiles the query on the GUI thread (so an invalid pattern is
// reported at once), runs Search::run on a thread pool through QtConcurrent, moves result batches
// into the ResultsModel as they arrive, and reports progress. One MemoryMetrics and one
// PatternCache live as long as the controller, so cache hits show across searches. Each search
// is a Run with its own id; only the current run reaches the model and the signals: batches and
// the end of a run that was replaced or discarded are dropped, however late they arrive.
#pragma once

#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

#include "core/index/indexed_search.h"
#include "core/match/pattern_cache.h"
#include "core/metrics/memory_metrics.h"
#include "core/search/result_sink.h"
#include "core/search/search_options.h"
#include "core/search/search_result.h"

namespace codescout::gui {

class ResultsModel;

class SearchController : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kProgressInterval{100};

    explicit SearchController(ResultsModel* model, QObject* parent = nullptr);
    ~SearchController() override;

    // Compiles `options` and starts searching (after cancelling a running search). Returns an
    // error message, and starts nothing, if a pattern or glob is invalid.
    // `attachIndex` (IndexManager::attacher()), when set, gates the search through an index on
    // the worker thread before it runs; the results are the scan's either way.
    using IndexAttacher = std::function<IndexUse(Search&, const SearchOptions&)>;
    QString start(const SearchOptions& options, const QString& folder,
                  std::uint64_t maxStoredMatches, IndexAttacher attachIndex = {});
    // Stops the running search; finished() follows as soon as the engine has stopped.
    void cancel();
    // Stops the running search and lets go of it (the window switched folders): from now on
    // nothing of it reaches the model or the signals (no batch, no progressed(), no finished());
    // the model is cleared. Its workers unwind in the background (unwound() follows), and a new
    // search waits for them, as after a replacement.
    void discard();

    bool isRunning() const;
    quint64 currentId() const;  // the run the window shows; 0 if none (never started, discarded)
    SearchProgress progress() const;
    qint64 elapsedMs() const;
    std::uint64_t droppedMatches() const;
    QStringList errors() const;
    // What the index did for the current search, once it has finished; null if not indexed.
    const IndexUse* indexUse() const;
    const std::shared_ptr<MemoryMetrics>& metrics() const { return metrics_; }
    const std::shared_ptr<PatternCache>& cache() const { return cache_; }

    // Test seam: wraps the sink of every later run, e.g. to hold a worker inside on_file() so a
    // test can replace or discard a run that provably has not finished. Returning null (or
    // setting an empty function) leaves the sink unwrapped, as in the application.
    using SinkDecorator = std::function<std::unique_ptr<ResultSink>(ResultSink& inner)>;
    void setSinkDecorator(SinkDecorator decorator) { sinkDecorator_ = std::move(decorator); }

signals:
    // A search began running on `metrics` (the controller's shared MemoryMetrics).
    void started(std::shared_ptr<codescout::MemoryMetrics> metrics);
    // Every kProgressInterval while running.
    void progressed();
    // The search ended (completed or cancelled); not emitted for a search replaced by a new one
    // or discarded.
    void finished(const codescout::SearchSummary& summary);
    // A replaced or discarded search that had been running has stopped: its workers are gone,
    // and every batch it posted has been dropped (they were queued before this).
    void unwound(quint64 id);

private:
    struct Run;
    void launch(const std::shared_ptr<Run>& run);
    void drain(quint64 id);
    void onRunFinished(const std::shared_ptr<Run>& run, const SearchSummary& summary);

    ResultsModel* model_;
    std::shared_ptr<MemoryMetrics> metrics_;
    std::shared_ptr<PatternCache> cache_;
    QThreadPool pool_;
    QTimer progressTimer_;
    std::shared_ptr<Run> current_;    // the search the window shows (pending, running or done)
    std::shared_ptr<Run> stopping_;   // a replaced or discarded search still unwinding
    quint64 lastId_ = 0;
    SinkDecorator sinkDecorator_;
};

}  // namespace codescout::gui
