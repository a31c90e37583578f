// The ResultSink behind rg's standard output (-c, -l and the default line output): formats each
// file's result on the worker thread that found it, then hands the whole block to the writer.
// Line output streams (standard_line_stream.h): a file's lines are formatted as the search finds
// them, without being collected first, and a file with much output is written while it is
// searched.
#pragma once

#include <cstddef>

#include "cli/error_reporter.h"
#include "cli/options_builder.h"
#include "cli/output_writer.h"
#include "cli/standard_line_stream.h"
#include "core/search/result_sink.h"

namespace codescout::cli {

class StandardPrinter final : public ResultSink {
public:
    StandardPrinter(const OutputPlan& plan, OutputWriter& writer, ErrorReporter& errors)
        : plan_(plan), writer_(writer), errors_(errors) {}

    bool on_file(FileResult&& result) override;  // false once the output is closed
    void on_error(const SearchError& error) override { errors_.report(error); }
    std::shared_ptr<LineStream> open_stream(const std::string& path, TurnGate* turn) override;

    // What a stream holds before it writes its file's first part. Unsorted, a file printing
    // less is written whole when it is done, as before, and holds the writer only then (a file
    // written in parts holds it while it is searched, so others wait to print). In path order a
    // file not yet in its turn waits for it once it holds this much, so less is held there.
    static constexpr std::size_t kHoldBytes = 4u << 20;
    static constexpr std::size_t kHoldBytesInTurn = 256u << 10;

private:
    OutputPlan plan_;
    OutputWriter& writer_;
    ErrorReporter& errors_;
    BlockPool blocks_;  // the streams' blocks (every stream ends with its file, before the search returns)
};

}  // namespace codescout::cli
