// The FileSearchers of one search run, one per thread that visits files: created on a thread's
// first file and destroyed with the run, so buffers are released (and their release recorded)
// when the search ends. Not a pool: threads come from the walker; this only maps each of them to
// its own searcher. Nothing is kept in process-wide thread-locals beyond a cache pointer tagged
// with the run it belongs to.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/search/file_searcher.h"

namespace codescout {

class ThreadSearchers {
public:
    ThreadSearchers(const Matcher& matcher, const SearchOptions& options, const BinaryPolicy& binary_policy,
                    MemoryMetrics& metrics, const std::atomic<bool>& stop);
    ~ThreadSearchers();
    ThreadSearchers(const ThreadSearchers&) = delete;
    ThreadSearchers& operator=(const ThreadSearchers&) = delete;

    // The calling thread's FileSearcher for this run.
    FileSearcher& for_this_thread();

private:
    const Matcher& matcher_;
    const SearchOptions& options_;
    const BinaryPolicy& binary_policy_;
    MemoryMetrics& metrics_;
    const std::atomic<bool>& stop_;
    const std::uint64_t run_id_;  // unique per run, never reused (unlike an address)
    const std::size_t cores_;     // searchers beyond this many do not read in batches
    std::mutex mutex_;
    std::unordered_map<std::thread::id, std::unique_ptr<FileSearcher>> searchers_;
};

}  // namespace codescout
