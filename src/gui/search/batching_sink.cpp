// BatchingSink: worker-side packing and time/size batching (see the header).
#include "gui/search/batching_sink.h"

namespace codescout::gui {

BatchingSink::BatchingSink(std::string root, std::uint64_t maxStoredMatches,
                           std::function<void()> notify)
    : root_(std::move(root)), maxStoredMatches_(maxStoredMatches), notify_(std::move(notify))
{
}

bool BatchingSink::on_file(FileResult&& result)
{
    const std::uint64_t matches = result.matches > 0 ? result.matches : result.matched_lines;
    const std::uint64_t before = storedMatches_.fetch_add(matches, std::memory_order_relaxed);
    if (before >= maxStoredMatches_) {
        std::lock_guard lock(mutex_);
        pending_.droppedMatches += matches;
        return true;  // keep searching: the summary still counts everything
    }
    CompactFile file(result, root_);  // the expensive part, outside the lock
    std::size_t pendingLines = 0;
    {
        std::lock_guard lock(mutex_);
        pendingLines_ += file.lineCount();
        pendingLines = pendingLines_;
        pending_.files.push_back(std::move(file));
    }
    maybeNotify(pendingLines);
    return true;
}

void BatchingSink::on_error(const SearchError& error)
{
    if (errorCount_.fetch_add(1, std::memory_order_relaxed) >= kMaxErrors)
        return;
    const QString line = QString::fromStdString(error.path) + QStringLiteral(": ")
                         + QString::fromStdString(error.message);
    std::lock_guard lock(mutex_);
    pending_.errors.append(line);
}

void BatchingSink::maybeNotify(std::size_t pendingLines)
{
    bool due = pendingLines >= kMaxLines;
    if (!due) {
        std::lock_guard lock(mutex_);
        due = std::chrono::steady_clock::now() - lastTake_ >= kMaxAge;
    }
    if (due && !notifyPosted_.exchange(true))
        notify_();
}

ResultBatch BatchingSink::take()
{
    ResultBatch batch;
    {
        std::lock_guard lock(mutex_);
        batch = std::move(pending_);
        pending_ = ResultBatch{};
        pendingLines_ = 0;
        lastTake_ = std::chrono::steady_clock::now();
    }
    notifyPosted_.store(false);
    return batch;
}

}  // namespace codescout::gui
