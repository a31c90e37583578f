// Per-path problems go to standard error as "codescout-cli: PATH: message" the moment they occur
// (ripgrep: "rg: PATH: message"); they never stop the search but are counted, because any error
// turns the exit status into 2 unless a match was found with -q.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string_view>

#include "core/search/search_result.h"

namespace codescout::cli {

class ErrorReporter {
public:
    explicit ErrorReporter(int fd, bool strip_dot_slash = false) : fd_(fd), strip_dot_slash_(strip_dot_slash) {}

    // --no-messages: problems with single paths are still counted (exit status 2), not printed.
    void silence_path_errors() { silent_paths_ = true; }

    void report(const SearchError& error);
    void report_message(std::string_view message);  // "codescout-cli: message"

    std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }

private:
    void write_line(std::string_view line);

    int fd_;
    bool strip_dot_slash_;
    bool silent_paths_ = false;
    std::mutex mutex_;
    std::atomic<std::uint64_t> count_{0};
};

}  // namespace codescout::cli
