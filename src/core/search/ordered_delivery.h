// Results in an agreed order without holding them all (rg's --sort path, which rg gets by
// searching on one thread): files are numbered in the order they must come out and searched in
// parallel; a file finished before its turn waits here. Threads claim new files only while what
// waits stays within a window (files and bytes), so memory is bounded by the window, never by
// the output. The file whose turn it is was always claimed first, so it is being searched by a
// thread that does not wait: the window always drains.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

#include "core/search/result_sink.h"

namespace codescout {

// What searching one file gave: its per-path problems, then its result if it has one.
struct FileOutput {
    std::vector<SearchError> errors;
    std::optional<FileResult> result;
};

class OrderedDelivery {
public:
    // `total` files numbered 0..total-1. At most `max_ahead` files are claimed beyond the one
    // whose turn it is, and none while the results waiting hold more than `max_waiting_bytes`.
    OrderedDelivery(ResultSink& downstream, std::size_t total, std::size_t max_ahead, std::uint64_t max_waiting_bytes);

    // The next file to search, or nothing once every file is claimed or `stop` is set (polled
    // while the window is full). Called from any thread.
    std::optional<std::size_t> claim(const std::atomic<bool>& stop);
    // The claimed file `index` is done. Its output, and that of every file after it that is done,
    // goes downstream once every file before it went. Returns false once the downstream sink
    // asked to stop (its on_file returned false).
    bool complete(std::size_t index, FileOutput output);
    // Blocks until every file before the claimed file `index` was delivered (a stream of its
    // lines may print then: line_stream.h); false when the delivery or `stop` stopped meanwhile.
    bool wait_for_turn(std::size_t index, const std::atomic<bool>& stop);

    // The most bytes of results that waited at once (for tests and the memory report).
    std::uint64_t peak_waiting_bytes() const;

private:
    static std::uint64_t bytes_of(const FileOutput& output);
    bool window_open() const;  // with mutex_ held

    ResultSink& downstream_;
    const std::size_t total_;
    const std::size_t max_ahead_;
    const std::uint64_t max_waiting_bytes_;

    mutable std::mutex mutex_;
    std::condition_variable window_moved_;
    std::size_t next_claim_ = 0;
    std::size_t next_delivery_ = 0;
    std::map<std::size_t, FileOutput> waiting_;  // done, not yet delivered
    std::uint64_t waiting_bytes_ = 0;
    std::uint64_t peak_waiting_bytes_ = 0;
    bool delivering_ = false;  // a thread is handing results downstream (one at a time, in order)
    bool stopped_ = false;
};

}  // namespace codescout
