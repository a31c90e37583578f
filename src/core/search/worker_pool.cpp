// WorkerPool: per-thread FileSearchers owned by one run (see worker_pool.h).
#include "core/search/worker_pool.h"

namespace codescout {

namespace {

std::atomic<std::uint64_t> g_next_run_id{1};

// Fast path: the last pool this thread worked for. A stale entry is harmless because its id
// never matches a later pool.
struct CachedWorker {
    std::uint64_t run_id = 0;
    FileSearcher* searcher = nullptr;
};
thread_local CachedWorker t_cached;

}  // namespace

WorkerPool::WorkerPool(const Matcher& matcher, const SearchOptions& options, MemoryMetrics& metrics,
                       const std::atomic<bool>& stop)
    : matcher_(matcher), options_(options), metrics_(metrics), stop_(stop),
      run_id_(g_next_run_id.fetch_add(1, std::memory_order_relaxed)) {}

WorkerPool::~WorkerPool() = default;

FileSearcher& WorkerPool::for_this_thread() {
    if (t_cached.run_id == run_id_) return *t_cached.searcher;
    std::lock_guard lock(mutex_);
    // Looked up by thread id too, in case the thread worked for another search in between.
    auto& slot = searchers_[std::this_thread::get_id()];
    if (!slot) slot = std::make_unique<FileSearcher>(matcher_, options_, metrics_, stop_);
    t_cached = {run_id_, slot.get()};
    return *slot;
}

std::size_t WorkerPool::workers() const {
    std::lock_guard lock(mutex_);
    return searchers_.size();
}

}  // namespace codescout
