// The folder now against its index: which indexed files changed or vanished (one stat each: size,
// mtime, ctime, inode), and which files the index's own walk rules find that it does not know.
// Used when a folder is opened (live_index.h), after a watcher overflow, and by index_status().
#pragma once

#include <atomic>
#include <string>
#include <vector>

namespace codescout {

class IndexReader;

struct TreeDifferences {
    std::vector<std::string> changed;  // relative paths
    std::vector<std::string> deleted;
    std::vector<std::string> added;
    bool walk_rules_valid = true;      // false: the index's walk settings do not parse (corrupt)
    bool cancelled = false;
};

// `with_added` false skips the walk (the stats alone are cheap; the walk costs a scan's walk).
TreeDifferences compare_with_tree(const IndexReader& reader, bool with_added, const std::atomic<bool>& cancelled);

}  // namespace codescout
