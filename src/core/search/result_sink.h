// Where a running search pushes what it finds (ripgrep's "Sink" idea): the CLI's printers and the
// GUI's batching collector implement this.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/search/line_stream.h"
#include "core/search/search_result.h"

namespace codescout {

class ResultSink {
public:
    virtual ~ResultSink() = default;

    // Called from the worker threads, concurrently, once per file with matches, as soon as that
    // file is done. Return false to stop the whole search (e.g. the output pipe closed).
    virtual bool on_file(FileResult&& result) = 0;

    // Instead of on_file() for a matching file the search read whole, with
    // ProcessingOptions::share_whole_files: `bytes` are the file's every byte as read (valid only
    // during the call), `mtime_ns` its mtime from an fstat after that read. For a sink that would
    // otherwise open and read the file again; by default the bytes are not wanted.
    virtual bool on_file_read_whole(FileResult&& result, std::string_view bytes, std::int64_t mtime_ns) {
        (void)bytes;
        (void)mtime_ns;
        return on_file(std::move(result));
    }

    // Called from the worker threads, concurrently, for every per-path problem.
    virtual void on_error(const SearchError& error) = 0;

    // Lines mode, asked on a worker thread at the first line the file at `path` reports: a
    // stream that takes the file's lines while it is searched (line_stream.h), instead of
    // FileResult::lines. The stream then reaches on_file() inside the result (FileResult::stream),
    // which is where it finishes the file; when the file turns out binary or fails, or the search
    // stops, it is destroyed without on_file() and drops what it did not hand on. `turn`: what it
    // must wait for before handing anything on (path order), or nullptr. nullptr (the default):
    // the lines are collected in FileResult::lines.
    virtual std::shared_ptr<LineStream> open_stream(const std::string& /*path*/, TurnGate* /*turn*/) { return nullptr; }
};

}  // namespace codescout
