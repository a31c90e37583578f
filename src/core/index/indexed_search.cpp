// See indexed_search.h.
#include "core/index/indexed_search.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>

#include <sys/stat.h>

#include "core/index/index_location.h"
#include "core/index/tree_comparison.h"

namespace codescout {

namespace {

std::uint64_t micros_since(std::chrono::steady_clock::time_point start) {
    return static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count());
}

struct Found {
    std::shared_ptr<const IndexReader> reader;
    std::string prefix;  // the root's path below the indexed folder
    std::shared_ptr<const Freshness> freshness;
};

// The index of `canonical` or of the nearest folder above it that has a usable one; the live
// view's when `canonical` is its folder or below it.
std::optional<Found> find_index(const std::string& canonical, const std::filesystem::path& directory,
                                const LiveView* live, const WatcherSyncOptions& watcher, IndexUse& use) {
    std::vector<std::string>& notes = use.notes;
    if (live != nullptr && live->reader) {
        const std::string& top = live->reader->root();
        if (canonical == top) return Found{live->reader, {}, live->freshness};
        if (canonical.size() > top.size() && canonical.starts_with(top) && (top == "/" || canonical[top.size()] == '/')) {
            return Found{live->reader, canonical.substr(top == "/" ? 1 : top.size() + 1), live->freshness};
        }
    }
    std::string folder = canonical;
    std::string prefix;
    for (;;) {
        const std::filesystem::path index_file = index_file_for(directory, folder);
        const auto open_start = std::chrono::steady_clock::now();
        auto opened = IndexReader::open(index_file.string(), folder);
        use.open_us += micros_since(open_start);
        if (opened.status == IndexOpenStatus::Ok) {
            std::shared_ptr<const Freshness> freshness;
            if (watcher.enabled) {
                const auto sync_start = std::chrono::steady_clock::now();
                WatcherSyncResult synced = sync_with_watcher(index_file, *opened.reader, watcher.timeout);
                use.sync_us += micros_since(sync_start);
                if (synced.freshness) {
                    notes.push_back(folder + ": a watcher vouches for unchanged files (synced in " +
                                    std::to_string(synced.elapsed_us) + " us" +
                                    (synced.waited ? ", after waiting for it; " : ", acknowledged at the first look; ") +
                                    std::to_string(synced.freshness->changed.size()) + " changed files, " +
                                    std::to_string(synced.freshness->dirty_dirs.size()) + " changed folders)");
                } else {
                    notes.push_back(folder + ": files proven by stat: " + synced.why_not + " (" +
                                    std::to_string(synced.elapsed_us) + " us)");
                }
                freshness = std::move(synced.freshness);
            }
            return Found{std::move(opened.reader), prefix, std::move(freshness)};
        }
        if (opened.status != IndexOpenStatus::Missing) {
            notes.push_back(folder + ": index not used (" + to_string(opened.status) + ": " + opened.detail + ")");
        }
        if (folder == "/") return std::nullopt;
        const std::size_t slash = folder.rfind('/');
        const std::string name = folder.substr(slash + 1);
        prefix = prefix.empty() ? name : name + "/" + prefix;
        folder = slash == 0 ? "/" : folder.substr(0, slash);
    }
}

}  // namespace

IndexUse attach_index(Search& search, const SearchOptions& options, const std::filesystem::path& index_directory,
                      const LiveView* live, const WatcherSyncOptions& watcher) {
    IndexUse use;
    // The index holds the trigrams of each file's bytes; with -E every file is searched as the
    // text decoded from them, whose bytes differ (Latin-1, Shift_JIS, U+FFFD for bad input).
    if (options.processing.encoding.mode == EncodingMode::Forced) {
        use.notes.push_back("-E decodes every file: the index holds raw bytes, scanning");
        return use;
    }
    // The index proves files without a match; these modes print such files too (-v: their
    // lines are the matching ones; --passthru: every line; --files-without-match and
    // --include-zero: the files themselves), so skipping them would lose output.
    if (options.report.invert || options.report.passthru || options.report.report_unmatched) {
        use.notes.push_back("-v, --passthru, --files-without-match and --include-zero print files without a match: scanning");
        return use;
    }
    // -m 0 stops every file at its first window, so a scan's bytes searched are not the files'
    // sizes, which is what skipped files count as (IndexGate::counted_rejections()); it finds
    // nothing either way.
    if (options.report.max_count == std::uint64_t{0}) {
        use.notes.push_back("-m 0 reads no file to its end: scanning");
        return use;
    }
    use.query = plan_index_query(options.pattern);
    if (!use.query.narrows()) {
        use.notes.push_back("the pattern gives the index nothing to look up: scanning");
        return use;
    }
    std::vector<IndexGate::Root> roots;
    struct ReplayCandidate {
        ReplayPlan plan;
        std::size_t walker_root = 0;  // the root's index among the walker's roots
        std::size_t gate_root = 0;
    };
    std::optional<ReplayCandidate> replay;
    std::size_t walker_root = 0;
    for (const auto& root_path : options.walk.roots) {
        const std::string root = root_path.string();
        if (options.dash_is_stdin && root == "-") continue;
        const std::size_t this_walker_root = walker_root++;
        struct stat st {};
        if (::stat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;  // files are searched as named
        std::string canonical;
        try {
            canonical = canonical_root(root);
        } catch (const std::runtime_error& e) {
            use.notes.push_back(e.what());
            continue;
        }
        auto found = find_index(canonical, index_directory, live, watcher, use);
        if (!found) {
            use.notes.push_back(canonical + ": no index");
            continue;
        }
        const auto query_start = std::chrono::steady_clock::now();
        std::vector<std::uint32_t> documents;
        auto candidates = evaluate_index_query(use.query, *found->reader, &documents);
        use.query_us += micros_since(query_start);
        if (!candidates) {
            use.notes.push_back(found->reader->root() + ": index not used (a posting list fails its checksum)");
            continue;
        }
        use.readers.push_back(found->reader);
        if (found->freshness && found->freshness->trusted && (live == nullptr || found->reader != live->reader)) {
            ++use.watched_roots;
        }
        // One root of the search (the indexed folder itself) may replay the build's walk.
        if (!replay && found->prefix.empty()) {
            const auto replay_start = std::chrono::steady_clock::now();
            ReplayPlan plan = plan_walk_replay(*found->reader, options.walk, found->freshness.get());
            use.replay_check_us += micros_since(replay_start);
            if (plan.usable) replay = ReplayCandidate{std::move(plan), this_walker_root, roots.size()};
            else use.notes.push_back(canonical + ": " + plan.why_not);
        }
        roots.push_back(IndexGate::Root{root, found->prefix, found->reader, std::move(*candidates), found->freshness,
                                        std::move(documents)});
    }
    if (roots.empty()) return use;
    auto gate = std::make_shared<IndexGate>(std::move(roots), options.processing.max_file_size);
    search.set_file_gate(gate);
    if (replay) {
        const IndexGate::Root& root = gate->roots()[replay->gate_root];
        auto source = std::make_shared<WalkReplay>(root.reader, std::move(replay->plan), replay->walker_root,
                                                   root.display_root, gate, replay->gate_root);
        search.set_file_source(source);
        use.replay = std::move(source);
    }
    use.gate = std::move(gate);
    use.used = true;
    return use;
}

IndexStatus index_status(const std::string& root, const std::filesystem::path& index_directory, bool check_files) {
    IndexStatus status;
    status.root = canonical_root(root);
    status.index_file = index_file_for(index_directory, status.root);
    status.building = IndexLock::held_by_anyone(status.index_file);
    auto opened = IndexReader::open(status.index_file.string(), status.root);
    status.open = opened.status;
    status.detail = opened.detail;
    if (opened.status != IndexOpenStatus::Ok) return status;
    const IndexReader& reader = *opened.reader;
    const auto& h = reader.header();
    status.files = h.file_count;
    status.indexed_files = h.indexed_files;
    status.source_bytes = h.source_bytes;
    status.index_bytes = h.file_size;
    status.trigrams = h.trigram_count;
    status.documents = h.document_count;
    status.built_unix_ns = h.built_unix_ns;
    if (!check_files) return status;

    const std::atomic<bool> never{false};
    const TreeDifferences differences = compare_with_tree(reader, true, never);
    if (!differences.walk_rules_valid) {
        status.open = IndexOpenStatus::Corrupt;
        status.detail = "the index's walk settings do not parse";
        return status;
    }
    status.changed = differences.changed.size();
    status.deleted = differences.deleted.size();
    status.added = differences.added.size();
    status.checked = true;
    return status;
}

}  // namespace codescout
