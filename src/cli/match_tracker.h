// A pass-through sink that remembers whether any file with matches (with --files-without-match:
// without) was delivered. The exit status depends on it, and it must hold even when the search
// was stopped early (-q, a closed pipe).
// With `stop_at_first` (-q) it also stops the search at the first matching file.
#pragma once

#include <atomic>

#include "core/search/forwarding_sink.h"

namespace codescout::cli {

class MatchTracker final : public ForwardingSink {
public:
    // `unmatched_counts`: --files-without-match, where a file without a match is the success.
    MatchTracker(ResultSink& downstream, bool stop_at_first = false, bool unmatched_counts = false)
        : ForwardingSink(downstream), stop_at_first_(stop_at_first), unmatched_counts_(unmatched_counts) {}

    bool on_file(FileResult&& result) override {
        track(result);
        return ForwardingSink::on_file(std::move(result)) && !stop_at_first_;
    }
    bool on_file_read_whole(FileResult&& result, std::string_view bytes, std::int64_t mtime_ns) override {
        track(result);
        return ForwardingSink::on_file_read_whole(std::move(result), bytes, mtime_ns) && !stop_at_first_;
    }

    bool matched() const { return matched_.load(std::memory_order_relaxed); }

private:
    void track(const FileResult& result) {
        // Files without a match arrive too when the search reports them (report_unmatched).
        if ((result.matched_lines > 0) != unmatched_counts_) matched_.store(true, std::memory_order_relaxed);
    }

    bool stop_at_first_;
    bool unmatched_counts_;
    std::atomic<bool> matched_{false};
};

}  // namespace codescout::cli
