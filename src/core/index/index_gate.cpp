// See index_gate.h.
#include "core/index/index_gate.h"

#include <sys/stat.h>

#include "core/index/index_format.h"
#include "core/index/index_reader.h"

namespace codescout {

namespace {

constexpr auto relaxed = std::memory_order_relaxed;

std::int64_t to_ns(const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

// Where a walked path's part below the root starts, as the walker joins them.
std::size_t relative_begin(const std::string& root) { return root.ends_with('/') ? root.size() : root.size() + 1; }

}  // namespace

struct IndexGate::Counters {
    std::atomic<std::uint64_t> walked{0};
    std::atomic<std::uint64_t> skipped{0};
    std::atomic<std::uint64_t> skipped_bytes{0};      // of those not too large
    std::atomic<std::uint64_t> skipped_too_large{0};  // of skipped: over max_file_size
    std::atomic<std::uint64_t> candidates{0};
    std::atomic<std::uint64_t> unknown{0};
    std::atomic<std::uint64_t> changed{0};
    std::atomic<std::uint64_t> unindexed{0};
    std::atomic<std::uint64_t> unproven{0};
};

IndexGate::IndexGate(std::vector<Root> roots, std::optional<std::uint64_t> max_file_size)
    : roots_(std::move(roots)), max_file_size_(max_file_size), counters_(std::make_unique<Counters>()) {}

IndexGate::~IndexGate() = default;

bool IndexGate::may_match(const WalkEntry& entry) const {
    Counters& c = *counters_;
    c.walked.fetch_add(1, relaxed);
    // The root this entry was walked from: the longest display root that prefixes its path.
    const Root* root = nullptr;
    for (const Root& r : roots_) {
        const std::size_t begin = relative_begin(r.display_root);
        if (entry.path.size() > begin && entry.path.starts_with(r.display_root) &&
            (r.display_root.ends_with('/') || entry.path[r.display_root.size()] == '/') &&
            (root == nullptr || r.display_root.size() > root->display_root.size())) {
            root = &r;
        }
    }
    if (root == nullptr) {
        c.unknown.fetch_add(1, relaxed);
        return true;
    }
    const std::string_view below = std::string_view(entry.path).substr(relative_begin(root->display_root));
    std::optional<std::uint32_t> id;
    std::string prefixed;
    std::string_view key = below;
    if (!root->index_prefix.empty()) {
        prefixed = root->index_prefix;
        prefixed.push_back('/');
        prefixed.append(below);
        key = prefixed;
    }
    if (root->freshness && root->freshness->must_search(key)) {
        c.changed.fetch_add(1, relaxed);
        return true;
    }
    id = root->reader->find(key);
    if (!id) {
        c.unknown.fetch_add(1, relaxed);
        return true;
    }
    return may_match_indexed(*root, *id, entry.path);
}

bool IndexGate::may_match_listed(std::size_t root, std::uint32_t id, const std::string& path, int dirfd,
                                 const char* name) const {
    counters_->walked.fetch_add(1, relaxed);
    return may_match_indexed(roots_[root], id, path, dirfd, name);
}

bool IndexGate::may_match_indexed(const Root& root_entry, std::uint32_t id, const std::string& path, int dirfd,
                                  const char* name) const {
    Counters& c = *counters_;
    const Root* root = &root_entry;
    const index_format::FileRecord& record = root->reader->file(id);
    if ((record.flags & index_format::kIndexed) == 0) {
        c.unindexed.fetch_add(1, relaxed);
        return true;
    }
    if (root->candidates[id]) {
        // Searched whether changed or not: no need to prove anything.
        c.candidates.fetch_add(1, relaxed);
        return true;
    }
    if (root->freshness && root->freshness->trusted) {
        // The watcher saw no change to it since the build (must_search() above).
        c.unproven.fetch_add(1, relaxed);
        count_skip(record.size);
        return false;
    }
    struct stat st {};
    const int stated = name != nullptr ? ::fstatat(dirfd, name, &st, 0) : ::stat(path.c_str(), &st);
    if (stated != 0 || static_cast<std::uint64_t>(st.st_size) != record.size ||
        to_ns(st.st_mtim) != record.mtime_ns || to_ns(st.st_ctim) != record.ctime_ns || st.st_ino != record.inode ||
        st.st_dev != record.device) {
        c.changed.fetch_add(1, relaxed);
        return true;  // the searcher reads it (and reports it if it is gone or unreadable)
    }
    count_skip(record.size);
    return false;
}

void IndexGate::count_skip(std::uint64_t size) const {
    Counters& c = *counters_;
    if (max_file_size_ && size > *max_file_size_) c.skipped_too_large.fetch_add(1, relaxed);
    else c.skipped_bytes.fetch_add(size, relaxed);
    c.skipped.fetch_add(1, relaxed);
}

GateRejections IndexGate::counted_rejections() const {
    GateRejections out;
    out.too_large = counters_->skipped_too_large.load(relaxed);
    const std::uint64_t skipped = counters_->skipped.load(relaxed);
    // (Read during the search, for progress, a skip may be half counted.)
    out.files_searched = skipped >= out.too_large ? skipped - out.too_large : 0;
    out.bytes_searched = counters_->skipped_bytes.load(relaxed);
    return out;
}

IndexGateCounters IndexGate::counters() const {
    IndexGateCounters out;
    out.walked = counters_->walked.load(relaxed);
    out.skipped = counters_->skipped.load(relaxed);
    out.skipped_bytes = counters_->skipped_bytes.load(relaxed);
    out.candidates = counters_->candidates.load(relaxed);
    out.unknown = counters_->unknown.load(relaxed);
    out.changed = counters_->changed.load(relaxed);
    out.unindexed = counters_->unindexed.load(relaxed);
    out.unproven = counters_->unproven.load(relaxed);
    return out;
}

}  // namespace codescout
