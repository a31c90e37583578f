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
    std::atomic<std::uint64_t> ranged{0};
    std::atomic<std::uint64_t> ranged_bytes{0};
    std::atomic<std::uint64_t> ranged_file_bytes{0};
};

IndexGate::IndexGate(std::vector<Root> roots, std::optional<std::uint64_t> max_file_size)
    : roots_(std::move(roots)), max_file_size_(max_file_size), counters_(std::make_unique<Counters>()) {
    chunked_.resize(roots_.size());
    for (std::size_t r = 0; r < roots_.size(); ++r) {
        const Root& root = roots_[r];
        if (root.documents.empty()) continue;
        // One pass over the further chunks (a file's are consecutive): those of candidates.
        const IndexReader& reader = *root.reader;
        for (std::uint32_t d = reader.file_count(); d < reader.document_count(); ++d) {
            const std::uint32_t file = reader.file_of_document(d);
            if (!root.candidates[file]) continue;
            auto [it, fresh] = chunked_[r].try_emplace(file, d, d);
            if (!fresh) it->second.second = d;
        }
    }
}

IndexGate::~IndexGate() = default;

std::optional<IndexGate::Located> IndexGate::locate(const std::string& path) const {
    // The root this entry was walked from: the longest display root that prefixes its path.
    const Root* root = nullptr;
    for (const Root& r : roots_) {
        const std::size_t begin = relative_begin(r.display_root);
        if (path.size() > begin && path.starts_with(r.display_root) &&
            (r.display_root.ends_with('/') || path[r.display_root.size()] == '/') &&
            (root == nullptr || r.display_root.size() > root->display_root.size())) {
            root = &r;
        }
    }
    if (root == nullptr) return std::nullopt;
    const std::string_view below = std::string_view(path).substr(relative_begin(root->display_root));
    Located out{root, {}};
    if (!root->index_prefix.empty()) {
        out.key = root->index_prefix;
        out.key.push_back('/');
    }
    out.key.append(below);
    return out;
}

bool IndexGate::may_match(const WalkEntry& entry) const {
    Counters& c = *counters_;
    c.walked.fetch_add(1, relaxed);
    const std::optional<Located> located = locate(entry.path);
    if (!located) {
        c.unknown.fetch_add(1, relaxed);
        return true;
    }
    const Root* root = located->root;
    const std::string_view key = located->key;
    std::optional<std::uint32_t> id;
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

std::shared_ptr<const LineRanges> IndexGate::match_ranges(const WalkEntry& entry) const {
    const std::optional<Located> located = locate(entry.path);
    if (!located) return nullptr;
    const Root& root = *located->root;
    const auto& chunked = chunked_[static_cast<std::size_t>(located->root - roots_.data())];
    if (chunked.empty() || (root.freshness && root.freshness->must_search(located->key))) return nullptr;
    const IndexReader& reader = *root.reader;
    const std::optional<std::uint32_t> id = reader.find(located->key);
    if (!id) return nullptr;
    const auto further = chunked.find(*id);
    if (further == chunked.end()) return nullptr;
    const auto [first, last] = further->second;
    const index_format::FileRecord& record = reader.file(*id);
    auto out = std::make_shared<LineRanges>();
    const auto add = [&](std::uint64_t begin, std::uint64_t end, std::uint64_t line) {
        if (!out->ranges.empty() && out->ranges.back().end == begin) out->ranges.back().end = end;
        else out->ranges.push_back(LineRange{begin, end, line});
    };
    // The first chunk document is the file's own: from the file's start (chunks without trigrams
    // before it hold no match) to the first further chunk.
    const auto& documents = root.documents;
    if (std::binary_search(documents.begin(), documents.end(), *id)) add(0, reader.chunk_start(first).offset, 1);
    for (auto it = std::lower_bound(documents.begin(), documents.end(), first); it != documents.end() && *it <= last; ++it) {
        const index_format::ChunkStart& start = reader.chunk_start(*it);
        add(start.offset, *it < last ? reader.chunk_start(*it + 1).offset : record.size, start.line);
    }
    if (out->ranges.empty() || (out->ranges.size() == 1 && out->ranges[0].begin == 0 && out->ranges[0].end == record.size)) {
        return nullptr;
    }
    out->size = record.size;
    out->mtime_ns = record.mtime_ns;
    out->ctime_ns = record.ctime_ns;
    out->inode = record.inode;
    out->device = record.device;
    std::uint64_t bytes = 0;
    for (const LineRange& r : out->ranges) bytes += r.end - r.begin;
    counters_->ranged.fetch_add(1, relaxed);
    counters_->ranged_bytes.fetch_add(bytes, relaxed);
    counters_->ranged_file_bytes.fetch_add(record.size, relaxed);
    return out;
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
    out.ranged = counters_->ranged.load(relaxed);
    out.ranged_bytes = counters_->ranged_bytes.load(relaxed);
    out.ranged_file_bytes = counters_->ranged_file_bytes.load(relaxed);
    return out;
}

}  // namespace codescout
