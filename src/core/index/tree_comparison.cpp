// See tree_comparison.h.
#include "core/index/tree_comparison.h"

#include <mutex>

#include <sys/stat.h>

#include "core/index/index_reader.h"
#include "core/index/walk_settings.h"
#include "core/walk/walker.h"

namespace codescout {

namespace {

std::int64_t to_ns(const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

}  // namespace

TreeDifferences compare_with_tree(const IndexReader& reader, bool with_added, const std::atomic<bool>& cancelled) {
    TreeDifferences out;
    const std::string& root = reader.root();
    const std::string base = root == "/" ? "/" : root + "/";
    for (std::uint32_t id = 0; id < reader.file_count(); ++id) {
        if ((id & 1023) == 0 && cancelled.load(std::memory_order_relaxed)) {
            out.cancelled = true;
            return out;
        }
        const auto& record = reader.file(id);
        const std::string relative(reader.path(id));
        struct stat st {};
        if (::stat((base + relative).c_str(), &st) != 0) {
            out.deleted.push_back(relative);
        } else if (static_cast<std::uint64_t>(st.st_size) != record.size || to_ns(st.st_mtim) != record.mtime_ns ||
                   to_ns(st.st_ctim) != record.ctime_ns || st.st_ino != record.inode) {
            out.changed.push_back(relative);
        }
    }
    if (!with_added) return out;
    auto walk = decode_walk_settings(reader.walk_settings());
    if (!walk) {
        out.walk_rules_valid = false;
        return out;
    }
    walk->roots = {root};
    std::mutex added_mutex;
    Walker walker(*walk, 2);
    walker.run(
        [&](const WalkEntry& entry) {
            if (entry.path.size() > base.size() && !reader.find(std::string_view(entry.path).substr(base.size()))) {
                std::lock_guard guard(added_mutex);
                out.added.push_back(entry.path.substr(base.size()));
            }
            return true;
        },
        [](const PathError&) {}, cancelled);
    out.cancelled = cancelled.load();
    return out;
}

}  // namespace codescout
