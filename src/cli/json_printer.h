// --json: ripgrep's JSON Lines messages (core/print/json_format.h), each file's written as one
// block; after the search one "summary" (with --stats also "memory" and "skipped").
#pragma once

#include <chrono>
#include <mutex>

#include "cli/error_reporter.h"
#include "cli/options_builder.h"
#include "cli/output_writer.h"
#include "core/print/json_format.h"
#include "core/search/result_sink.h"

namespace codescout::cli {

class JsonPrinter final : public ResultSink {
public:
    JsonPrinter(const OutputPlan& plan, OutputWriter& writer, ErrorReporter& errors)
        : plan_(plan), writer_(writer), errors_(errors) {}

    bool on_file(FileResult&& result) override;
    void on_error(const SearchError& error) override { errors_.report(error); }

    // The final "summary" message. `elapsed_total` is the wall time since the program started.
    bool finish(const SearchSummary& summary, std::chrono::nanoseconds elapsed_total);

private:
    OutputPlan plan_;
    OutputWriter& writer_;
    ErrorReporter& errors_;
    std::mutex totals_mutex_;
    JsonTotals totals_;  // the printed files', which rg's summary sums
};

}  // namespace codescout::cli
