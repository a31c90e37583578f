// The GUI's ResultSink. Runs in the engine's worker threads: packs each FileResult into a
// CompactFile right there (so the GUI thread only moves finished records), queues it, and asks
// the GUI thread to collect the queue when it is big or old enough — one notification per batch,
// never one per match. Past a result limit it keeps counting but stops storing.
#pragma once

#include <QStringList>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "core/search/result_sink.h"
#include "gui/results/compact_file.h"

namespace codescout::gui {

struct ResultBatch {
    std::vector<CompactFile> files;
    QStringList errors;                // "path: message", at most kMaxErrors per search
    std::uint64_t droppedMatches = 0;  // matches past the result limit, not stored
};

class BatchingSink : public ResultSink {
public:
    static constexpr std::chrono::milliseconds kMaxAge{50};
    static constexpr std::size_t kMaxLines = 20000;
    static constexpr qsizetype kMaxErrors = 200;

    // `notify` is called from a worker thread when a batch is ready; it must only post (e.g. a
    // queued invokeMethod) and must not call take() itself. It is not called again until take().
    BatchingSink(std::string root, std::uint64_t maxStoredMatches, std::function<void()> notify);

    bool on_file(FileResult&& result) override;
    void on_error(const SearchError& error) override;

    // GUI thread: everything queued since the last take().
    ResultBatch take();

private:
    void maybeNotify(std::size_t pendingLines);

    const std::string root_;
    const std::uint64_t maxStoredMatches_;
    const std::function<void()> notify_;
    std::atomic<std::uint64_t> storedMatches_{0};
    std::atomic<qsizetype> errorCount_{0};
    std::atomic<bool> notifyPosted_{false};

    std::mutex mutex_;  // guards the members below
    ResultBatch pending_;
    std::size_t pendingLines_ = 0;
    // The epoch: the first result is posted at once (search as you type shows it within ms).
    std::chrono::steady_clock::time_point lastTake_{};
};

}  // namespace codescout::gui
