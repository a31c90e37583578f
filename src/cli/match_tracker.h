// A pass-through sink that remembers whether any file with matches (with --files-without-match:
// without) was delivered. The exit status depends on it, and it must hold even when the search
// was stopped early (-q, a closed pipe).
// With `stop_at_first` (-q) it also stops the search at the first matching file.
#pragma once

#include <atomic>

#include "core/search/result_sink.h"

namespace codescout::cli {

class MatchTracker final : public ResultSink {
public:
    // `unmatched_counts`: --files-without-match, where a file without a match is the success.
    MatchTracker(ResultSink& downstream, bool stop_at_first = false, bool unmatched_counts = false)
        : downstream_(downstream), stop_at_first_(stop_at_first), unmatched_counts_(unmatched_counts) {}

    bool on_file(FileResult&& result) override {
        // Files without a match arrive too when the search reports them (report_unmatched).
        if ((result.matched_lines > 0) != unmatched_counts_) matched_.store(true, std::memory_order_relaxed);
        return downstream_.on_file(std::move(result)) && !stop_at_first_;
    }
    void on_error(const SearchError& error) override { downstream_.on_error(error); }
    std::shared_ptr<LineStream> open_stream(const std::string& path, TurnGate* turn) override {
        return downstream_.open_stream(path, turn);
    }

    bool matched() const { return matched_.load(std::memory_order_relaxed); }

private:
    ResultSink& downstream_;
    bool stop_at_first_;
    bool unmatched_counts_;
    std::atomic<bool> matched_{false};
};

}  // namespace codescout::cli
