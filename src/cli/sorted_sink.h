// --sort path: holds every file's result until the search ends, then passes them on in path
// order: the roots in the order given, each component-wise like ripgrep's sorted walk. Errors
// pass through at once.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "core/search/result_sink.h"

namespace codescout::cli {

class SortedSink final : public ResultSink {
public:
    // `roots`: the roots exactly as given to the search (display paths start with them).
    SortedSink(ResultSink& downstream, std::vector<std::string> roots)
        : downstream_(downstream), roots_(std::move(roots)) {}

    bool on_file(FileResult&& result) override;
    void on_error(const SearchError& error) override { downstream_.on_error(error); }

    // Sends everything collected, sorted. Returns false if the downstream sink stopped early.
    bool finish();

private:
    ResultSink& downstream_;
    std::vector<std::string> roots_;
    std::mutex mutex_;
    std::vector<FileResult> results_;
};

}  // namespace codescout::cli
