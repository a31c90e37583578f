// --json: ripgrep's JSON Lines messages. Per file "begin", then "match"/"context" per line, then
// "end" with the file's stats, written as one block; after the search one "summary".
// Differences from rg: per-file "end" stats carry no "elapsed" (the engine does not time single
// files), and with --stats the summary also holds "memory" (the metrics) and "skipped".
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "cli/error_reporter.h"
#include "cli/options_builder.h"
#include "cli/output_writer.h"
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
    std::atomic<std::uint64_t> bytes_printed_{0};
};

// Exposed for tests: the messages of one file, appended to `out`.
void format_json_file(const FileResult& result, const OutputPlan& plan, std::string& out);
void format_json_summary(const SearchSummary& summary, std::chrono::nanoseconds elapsed_total,
                         std::uint64_t bytes_printed, bool with_metrics, std::string& out);

}  // namespace codescout::cli
