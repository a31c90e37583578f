// Runs searches for the window: compiles the query on the GUI thread (so an invalid pattern is
// reported at once), runs Search::run on a thread pool through QtConcurrent, moves result batches
// into the ResultsModel as they arrive, and reports progress. One MemoryMetrics and one
// PatternCache live as long as the controller, so cache hits show across searches. Each search
// has an id; batches of a search that was cancelled or replaced are dropped.
#pragma once

#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <memory>

#include "core/match/pattern_cache.h"
#include "core/metrics/memory_metrics.h"
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
    QString start(const SearchOptions& options, const QString& folder,
                  std::uint64_t maxStoredMatches);
    // Stops the running search; finished() follows as soon as the engine has stopped.
    void cancel();

    bool isRunning() const;
    quint64 currentId() const { return lastId_; }
    SearchProgress progress() const;
    qint64 elapsedMs() const;
    std::uint64_t droppedMatches() const;
    QStringList errors() const;
    const std::shared_ptr<MemoryMetrics>& metrics() const { return metrics_; }
    const std::shared_ptr<PatternCache>& cache() const { return cache_; }

signals:
    // A search began running on `metrics` (the controller's shared MemoryMetrics).
    void started(std::shared_ptr<codescout::MemoryMetrics> metrics);
    // Every kProgressInterval while running.
    void progressed();
    // The search ended (completed or cancelled); not emitted for a search replaced by a new one.
    void finished(const codescout::SearchSummary& summary);

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
    std::shared_ptr<Run> stopping_;   // a replaced search still unwinding
    quint64 lastId_ = 0;
};

}  // namespace codescout::gui
