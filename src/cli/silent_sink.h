// The sink of -q and --stats-only: prints no results, but still reports per-path errors.
#pragma once

#include "cli/error_reporter.h"
#include "core/search/result_sink.h"

namespace codescout::cli {

class SilentSink final : public ResultSink {
public:
    explicit SilentSink(ErrorReporter& errors) : errors_(errors) {}
    bool on_file(FileResult&&) override { return true; }
    void on_error(const SearchError& error) override { errors_.report(error); }

private:
    ErrorReporter& errors_;
};

}  // namespace codescout::cli
