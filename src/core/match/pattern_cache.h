// A bounded, thread-safe cache of compiled pattern sets keyed by (patterns, flags). It outlives
// single searches (the GUI re-runs the same query often) and reports hits, misses and its size in
// bytes to MemoryMetrics.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/match/matcher.h"
#include "core/metrics/memory_metrics.h"
#include "core/match/pattern_options.h"

namespace codescout {

class PatternCache {
public:
    explicit PatternCache(std::size_t max_entries = 64) : max_entries_(max_entries) {}
    // Takes its entries out of the process-wide attribution (engine_memory.h).
    ~PatternCache();
    PatternCache(const PatternCache&) = delete;
    PatternCache& operator=(const PatternCache&) = delete;

    // The compiled matcher for `options`, from the cache or freshly compiled (then inserted,
    // evicting the least recently used entry beyond max_entries). Records the hit or miss and
    // the size change in `metrics`. Throws PatternError for an invalid pattern (not cached).
    std::shared_ptr<const Matcher> get(const PatternOptions& options, MemoryMetrics& metrics);

    std::size_t size() const;
    std::size_t bytes() const;
    void clear(MemoryMetrics& metrics);

private:
    struct Entry {
        std::string key;
        std::shared_ptr<const Matcher> matcher;
        std::size_t bytes = 0;
        std::size_t budget = 0;  // Matcher::memory_budget_bytes
    };
    // Adds (sign +1) or removes (-1) an entry's bytes and budget in the attribution.
    static void attribute(const Entry& entry, int sign);
    mutable std::mutex mutex_;
    std::list<Entry> lru_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
    std::size_t max_entries_;
    std::size_t bytes_ = 0;
};

// Compiles `options` into the best matcher for it (literal fast path or PCRE2), uncached.
// Throws PatternError naming the offending pattern.
std::shared_ptr<const Matcher> compile_matcher(const PatternOptions& options);

}  // namespace codescout
