// One run of the walker: the shared LIFO stack of directories, the worker loop with termination
// detection, and the per-entry decisions (type, links, filters, ignore files, hidden).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/metrics/attributed_bytes.h"
#include "core/walk/ignore_stack.h"
#include "core/walk/path_filters.h"
#include "core/walk/dir_entries.h"
#include "core/walk/walk_hooks.h"
#include "core/walk/walker.h"

namespace codescout {

// Counters shared by the threads of a run; Walker::counters() reads them.
struct WalkSharedCounters {
    std::atomic<std::uint64_t> ignored{0};
    std::atomic<std::uint64_t> hidden{0};
    std::atomic<std::uint64_t> special{0};
    std::atomic<std::uint64_t> errors{0};
};

class WalkRun {
public:
    // Exactly one of `visit` (file by file) and `batch_visit` (per directory) is set.
    WalkRun(const WalkOptions& options, const PathFilters& filters, const Walker::Visitor* visit,
            const Walker::BatchVisitor* batch_visit, const Walker::ErrorHandler& on_error, const std::atomic<bool>& cancelled, WalkSharedCounters& counters,
            WalkObserver* observer = nullptr, WalkOracle* oracle = nullptr);
    ~WalkRun();

    // On the calling thread, before the workers start: checks every root and queues it.
    void seed_roots();
    // The body of every thread; returns when the walk is over or stopped.
    void work();
    // The first exception a visitor threw, to be rethrown by Walker::run.
    std::exception_ptr failure() const { return failure_; }
    // Queued directories and busy and idle threads now (WalkLoad::threads left 0), for the growth
    // supervisor. Takes the walk's lock.
    WalkLoad load();

private:
    struct Ancestor;
    struct Item;
    struct Scratch;

    void process(Item& item, Scratch& s);
    void process_directory(Item& dir, Scratch& s);
    // The ignore level of `dir` (open as `fd`, its entries read): its parent's plus its own files.
    std::shared_ptr<const IgnoreLevel> directory_level(const Item& dir, int fd, const DirEntries& entries,
                                                       IgnoreFilesPresent& present, Scratch& s);
    // The oracle's answer for a directory about to be entered: true when it lists it; the
    // directories it leaves to the walk below it are appended to `out`.
    bool handed_to_oracle(const Item& dir, std::vector<Item>& out);
    // The item the walk would have made for `target` (relative to the root, below `from`),
    // entering it from `from` through the directories in between; nothing when it would not.
    std::optional<Item> descend(const Item& from, std::string_view target);
    bool passes_filters(const Item& dir, Scratch& s, std::string_view name, bool is_dir, const IgnoreLevel* level);
    void report(const std::string& path, const std::string& message);
    void warn(const std::string& path, const std::string& message);
    void report_errno(const std::string& path, int err);
    void request_stop();
    bool should_stop() const {
        return stop_.load(std::memory_order_relaxed) || cancelled_.load(std::memory_order_relaxed);
    }
    void flush(Scratch& s);
    // Hands `s.entry` to the visitor, or adds it to the directory's batch (handed over when full
    // or by hand_over()); false when the walk must stop.
    bool visit_file(Scratch& s);
    bool hand_over(Scratch& s);

    const WalkOptions& options_;
    const PathFilters& filters_;
    const Walker::Visitor* visit_;
    const Walker::BatchVisitor* batch_visit_;
    const Walker::ErrorHandler& on_error_;
    const std::atomic<bool>& cancelled_;
    WalkSharedCounters& counters_;
    WalkObserver* observer_;
    WalkOracle* oracle_;
    IgnoreEnvironment ignore_env_;

    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<Item> stack_;  // LIFO: the newest directory next, for locality
    // The stack's bytes in the attribution ("walker"): its array and the paths it holds.
    std::uint64_t stack_path_bytes_ = 0;
    AttributedBytes stack_memory_{EngineComponent::Walker};
    void push_item(Item&& item);  // with mutex_ held
    Item pop_item();              // with mutex_ held
    unsigned busy_ = 0;        // threads processing an item
    unsigned idle_ = 0;        // threads waiting for work
    std::atomic<bool> stop_{false};

    std::mutex error_mutex_;  // on_error is called by one thread at a time
    std::exception_ptr failure_;
};

}  // namespace codescout
