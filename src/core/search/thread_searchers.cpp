// ThreadSearchers: per-thread FileSearchers owned by one run (see thread_searchers.h).
#include "core/search/thread_searchers.h"

#include <algorithm>

namespace codescout {

namespace {

std::atomic<std::uint64_t> g_next_run_id{1};

// Fast path: the last run this thread worked for. A stale entry is harmless because its id
// never matches a later run.
struct CachedSearcher {
    std::uint64_t run_id = 0;
    FileSearcher* searcher = nullptr;
};
thread_local CachedSearcher t_cached;

}  // namespace

ThreadSearchers::ThreadSearchers(const Matcher& matcher, const SearchOptions& options,
                                 const BinaryPolicy& binary_policy, MemoryMetrics& metrics,
                                 const std::atomic<bool>& stop)
    : matcher_(matcher), options_(options), binary_policy_(binary_policy), metrics_(metrics), stop_(stop),
      run_id_(g_next_run_id.fetch_add(1, std::memory_order_relaxed)),
      cores_(std::max(1u, std::thread::hardware_concurrency())) {}

ThreadSearchers::~ThreadSearchers() = default;

FileSearcher& ThreadSearchers::for_this_thread() {
    if (t_cached.run_id == run_id_) return *t_cached.searcher;
    std::lock_guard lock(mutex_);
    // Looked up by thread id too, in case the thread worked for another search in between.
    auto& slot = searchers_[std::this_thread::get_id()];
    if (!slot) {
        slot = std::make_unique<FileSearcher>(matcher_, options_, binary_policy_, metrics_, stop_);
        // One thread per core reads in batches; more threads than that come from a walk grown
        // while waiting for the disk (walk/thread_growth.h), where batch buffers only cost memory.
        slot->set_batch_reads(searchers_.size() <= cores_);
    }
    t_cached = {run_id_, slot.get()};
    return *slot;
}

}  // namespace codescout
