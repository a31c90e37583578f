// Where a running search pushes what it finds (ripgrep's "Sink" idea): the CLI's printers and the
// GUI's batching collector implement this.
#pragma once

#include "core/search/search_result.h"

namespace codescout {

class ResultSink {
public:
    virtual ~ResultSink() = default;

    // Called from the worker threads, concurrently, once per file with matches, as soon as that
    // file is done. Return false to stop the whole search (e.g. the output pipe closed).
    virtual bool on_file(FileResult&& result) = 0;

    // Called from the worker threads, concurrently, for every per-path problem.
    virtual void on_error(const SearchError& error) = 0;
};

}  // namespace codescout
