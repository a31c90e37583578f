// A sink that hands every call on to another, unchanged: the base of sinks that only watch what
// passes (the CLI's match tracker, its --stats corrections). A subclass overrides the calls it
// looks at and ends each by calling the base's, so a call it does not look at still reaches the
// sink downstream as what it was — a whole-read file keeps its bytes (on_file_read_whole), a
// lines-mode file its stream — instead of each watcher choosing anew which calls to pass on.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/search/result_sink.h"

namespace codescout {

class ForwardingSink : public ResultSink {
public:
    explicit ForwardingSink(ResultSink& downstream) : downstream_(downstream) {}

    bool on_file(FileResult&& result) override { return downstream_.on_file(std::move(result)); }
    bool on_file_read_whole(FileResult&& result, std::string_view bytes, std::int64_t mtime_ns) override {
        return downstream_.on_file_read_whole(std::move(result), bytes, mtime_ns);
    }
    void on_error(const SearchError& error) override { downstream_.on_error(error); }
    std::shared_ptr<LineStream> open_stream(const std::string& path, TurnGate* turn) override {
        return downstream_.open_stream(path, turn);
    }

private:
    ResultSink& downstream_;
};

}  // namespace codescout
