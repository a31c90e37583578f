// The per-worker state of one search run: each thread that visits files gets its own
// FileSearcher (buffers + matcher scratch), created on its first file and destroyed with the run,
// so buffers are released (and their release recorded) when the search ends. Nothing is kept in
// process-wide thread-locals beyond a cache pointer tagged with the run it belongs to.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/search/file_searcher.h"

namespace codescout {

class WorkerPool {
public:
    WorkerPool(const Matcher& matcher, const SearchOptions& options, MemoryMetrics& metrics,
               const std::atomic<bool>& stop);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // The calling thread's FileSearcher for this run.
    FileSearcher& for_this_thread();

    std::size_t workers() const;

private:
    const Matcher& matcher_;
    const SearchOptions& options_;
    MemoryMetrics& metrics_;
    const std::atomic<bool>& stop_;
    const std::uint64_t run_id_;  // unique per pool, never reused (unlike an address)
    mutable std::mutex mutex_;
    std::unordered_map<std::thread::id, std::unique_ptr<FileSearcher>> searchers_;
};

}  // namespace codescout
