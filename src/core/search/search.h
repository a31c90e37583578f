// One search: compiles the patterns (failing fast on invalid ones), walks the roots in parallel,
// reads each file with the hybrid strategy, scans it, and streams results into a ResultSink.
#pragma once

#include <atomic>
#include <memory>

#include "core/match/pattern_cache.h"
#include "core/metrics/memory_metrics.h"
#include "core/search/binary_policy.h"
#include "core/search/file_gate.h"
#include "core/search/file_source.h"
#include "core/search/result_sink.h"
#include "core/search/search_options.h"
#include "core/search/search_result.h"

namespace codescout {

class Search {
public:
    // Compiles the patterns now: throws PatternError (invalid pattern) or std::invalid_argument
    // (invalid glob, thresholds) before any file is touched. `metrics` and `cache` may be shared
    // between searches (the GUI keeps one of each); defaults are private to this search.
    // `binary_policy` decides what NUL bytes do (default: default_binary_policy()).
    explicit Search(SearchOptions options, std::shared_ptr<MemoryMetrics> metrics = nullptr,
                    std::shared_ptr<PatternCache> cache = nullptr,
                    std::shared_ptr<const BinaryPolicy> binary_policy = nullptr);
    ~Search();
    Search(const Search&) = delete;
    Search& operator=(const Search&) = delete;

    // Before run(): walked files the gate rejects are skipped unopened (file_gate.h). The gate
    // must only reject files that cannot match, so the results stay those of a full scan.
    void set_file_gate(std::shared_ptr<const FileGate> gate);
    // Before run(): directories the source serves are not walked; their files come from it
    // (file_source.h). The gate still applies to the files the walk finds.
    void set_file_source(std::shared_ptr<FileSource> source);

    // Runs to completion on the calling thread plus (threads - 1) workers, more with threads 0 when
    // reads wait for the disk (search_options.h). Call once.
    SearchSummary run(ResultSink& sink);

    // From any thread: workers stop within milliseconds; run() returns with summary.cancelled.
    void cancel();
    bool cancelled() const;

    // From any thread, while run() is going on.
    SearchProgress progress() const;
    const std::shared_ptr<MemoryMetrics>& metrics() const;
    const SearchOptions& options() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace codescout
