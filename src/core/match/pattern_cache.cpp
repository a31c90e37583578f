// PatternCache: an LRU of compiled matchers keyed by every field of PatternOptions.
#include "core/match/pattern_cache.h"

#include "core/metrics/engine_memory.h"

namespace codescout {

namespace {

// Unambiguous: each pattern is length-prefixed, so no choice of pattern bytes can make two
// different option sets produce the same key.
std::string cache_key(const PatternOptions& options) {
    std::string key;
    key += std::to_string(options.patterns.size());
    key += '#';
    for (const std::string& pattern : options.patterns) {
        key += std::to_string(pattern.size());
        key += ':';
        key += pattern;
    }
    key += options.fixed_strings ? 'F' : 'r';
    key += static_cast<char>('0' + static_cast<int>(options.case_mode));
    key += options.whole_word ? 'w' : '-';
    key += static_cast<char>('0' + static_cast<int>(options.hyphen_mode));
    key += options.whole_line ? 'x' : '-';
    key += options.multiline ? 'U' : '-';
    key += options.multiline_dotall ? 's' : '-';
    return key;
}

}  // namespace

PatternCache::~PatternCache() {
    for (const Entry& entry : lru_) attribute(entry, -1);
}

void PatternCache::attribute(const Entry& entry, int sign) {
    EngineMemory& memory = engine_memory();
    if (sign > 0) {
        memory.add(EngineComponent::PatternCache, entry.bytes);
        memory.add_budget(entry.budget);
    } else {
        memory.sub(EngineComponent::PatternCache, entry.bytes);
        memory.sub_budget(entry.budget);
    }
}

std::shared_ptr<const Matcher> PatternCache::get(const PatternOptions& options, MemoryMetrics& metrics) {
    std::string key = cache_key(options);
    {
        std::lock_guard lock(mutex_);
        if (auto found = index_.find(key); found != index_.end()) {
            lru_.splice(lru_.begin(), lru_, found->second);
            metrics.record_cache_operation(0, true);
            return found->second->matcher;
        }
    }

    // Compiling can take a while (JIT): other threads keep using the cache meanwhile.
    std::shared_ptr<const Matcher> compiled;
    try {
        compiled = compile_matcher(options);
    } catch (...) {
        metrics.record_cache_operation(0, false);
        throw;
    }
    const std::size_t compiled_bytes = compiled->memory_bytes();

    std::lock_guard lock(mutex_);
    if (auto found = index_.find(key); found != index_.end()) {
        // Another thread compiled the same options first: share theirs, drop ours (never cached).
        lru_.splice(lru_.begin(), lru_, found->second);
        metrics.record_cache_operation(0, false);
        return found->second->matcher;
    }
    std::int64_t delta = 0;
    if (max_entries_ > 0) {
        lru_.push_front(Entry{key, compiled, compiled_bytes, compiled->memory_budget_bytes()});
        attribute(lru_.front(), +1);
        index_.emplace(std::move(key), lru_.begin());
        bytes_ += compiled_bytes;
        delta += static_cast<std::int64_t>(compiled_bytes);
    }
    while (lru_.size() > max_entries_) {
        const Entry& victim = lru_.back();
        bytes_ -= victim.bytes;
        delta -= static_cast<std::int64_t>(victim.bytes);
        index_.erase(victim.key);
        attribute(victim, -1);
        lru_.pop_back();
    }
    metrics.record_cache_operation(delta, false);
    return compiled;
}

std::size_t PatternCache::size() const {
    std::lock_guard lock(mutex_);
    return lru_.size();
}

std::size_t PatternCache::bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

void PatternCache::clear(MemoryMetrics& metrics) {
    std::lock_guard lock(mutex_);
    if (bytes_ > 0) metrics.record_cache_size_change(-static_cast<std::int64_t>(bytes_));
    for (const Entry& entry : lru_) attribute(entry, -1);
    lru_.clear();
    index_.clear();
    bytes_ = 0;
}

}  // namespace codescout
