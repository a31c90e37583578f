// The ResultSink behind rg's standard output (-c, -l and the default line output): formats each
// file's result on the worker thread that found it, then hands the whole block to the writer.
#pragma once

#include "cli/error_reporter.h"
#include "cli/options_builder.h"
#include "cli/output_writer.h"
#include "core/search/result_sink.h"

namespace codescout::cli {

class StandardPrinter final : public ResultSink {
public:
    StandardPrinter(const OutputPlan& plan, OutputWriter& writer, ErrorReporter& errors)
        : plan_(plan), writer_(writer), errors_(errors) {}

    bool on_file(FileResult&& result) override;  // false once the output is closed
    void on_error(const SearchError& error) override { errors_.report(error); }

private:
    OutputPlan plan_;
    OutputWriter& writer_;
    ErrorReporter& errors_;
};

}  // namespace codescout::cli
