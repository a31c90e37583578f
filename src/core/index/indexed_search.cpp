// See indexed_search.h.
#include "core/index/indexed_search.h"

#include <atomic>
#include <mutex>
#include <stdexcept>

#include <sys/stat.h>

#include "core/index/index_location.h"
#include "core/index/walk_settings.h"
#include "core/walk/walker.h"

namespace codescout {

namespace {

std::int64_t to_ns(const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

struct Found {
    std::shared_ptr<const IndexReader> reader;
    std::string prefix;  // the root's path below the indexed folder
};

// The index of `canonical` or of the nearest folder above it that has a usable one.
std::optional<Found> find_index(const std::string& canonical, const std::filesystem::path& directory,
                                std::vector<std::string>& notes) {
    std::string folder = canonical;
    std::string prefix;
    for (;;) {
        auto opened = IndexReader::open(index_file_for(directory, folder).string(), folder);
        if (opened.status == IndexOpenStatus::Ok) return Found{std::move(opened.reader), prefix};
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

IndexUse attach_index(Search& search, const SearchOptions& options, const std::filesystem::path& index_directory) {
    IndexUse use;
    // The index holds the trigrams of each file's bytes; with -E every file is searched as the
    // text decoded from them, whose bytes differ (Latin-1, Shift_JIS, U+FFFD for bad input).
    if (options.processing.encoding.mode == EncodingMode::Forced) {
        use.notes.push_back("-E decodes every file: the index holds raw bytes, scanning");
        return use;
    }
    use.query = plan_index_query(options.pattern);
    if (!use.query.narrows()) {
        use.notes.push_back("the pattern gives the index nothing to look up: scanning");
        return use;
    }
    std::vector<IndexGate::Root> roots;
    for (const auto& root_path : options.walk.roots) {
        const std::string root = root_path.string();
        if (options.dash_is_stdin && root == "-") continue;
        struct stat st {};
        if (::stat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;  // files are searched as named
        std::string canonical;
        try {
            canonical = canonical_root(root);
        } catch (const std::runtime_error& e) {
            use.notes.push_back(e.what());
            continue;
        }
        auto found = find_index(canonical, index_directory, use.notes);
        if (!found) {
            use.notes.push_back(canonical + ": no index");
            continue;
        }
        auto candidates = evaluate_index_query(use.query, *found->reader);
        if (!candidates) {
            use.notes.push_back(found->reader->root() + ": index not used (a posting list fails its checksum)");
            continue;
        }
        use.readers.push_back(found->reader);
        roots.push_back(IndexGate::Root{root, found->prefix, found->reader, std::move(*candidates)});
    }
    if (roots.empty()) return use;
    auto gate = std::make_shared<IndexGate>(std::move(roots));
    search.set_file_gate(gate);
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
    status.built_unix_ns = h.built_unix_ns;
    if (!check_files) return status;

    const std::string base = status.root == "/" ? "/" : status.root + "/";
    for (std::uint32_t id = 0; id < reader.file_count(); ++id) {
        const auto& record = reader.file(id);
        const std::string path = base + std::string(reader.path(id));
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            ++status.deleted;
        } else if (static_cast<std::uint64_t>(st.st_size) != record.size || to_ns(st.st_mtim) != record.mtime_ns ||
                   to_ns(st.st_ctim) != record.ctime_ns || st.st_ino != record.inode) {
            ++status.changed;
        }
    }
    auto walk = decode_walk_settings(reader.walk_settings());
    if (!walk) {
        status.open = IndexOpenStatus::Corrupt;
        status.detail = "the index's walk settings do not parse";
        return status;
    }
    walk->roots = {status.root};
    std::atomic<std::uint64_t> added{0};
    std::atomic<bool> never{false};
    Walker walker(*walk, 2);
    walker.run(
        [&](const WalkEntry& entry) {
            if (entry.path.size() > base.size() && !reader.find(std::string_view(entry.path).substr(base.size()))) {
                added.fetch_add(1, std::memory_order_relaxed);
            }
            return true;
        },
        [](const PathError&) {}, never);
    status.added = added.load();
    status.checked = true;
    return status;
}

}  // namespace codescout
