// PathOrderedFiles (see path_ordered_files.h).
#include "core/walk/path_ordered_files.h"

#include <algorithm>

#include "core/walk/path_order.h"

namespace codescout {

void PathOrderedFiles::add_standard_input(std::size_t root) { add(root, "", Standard); }

void PathOrderedFiles::add_walked(const WalkEntry& entry) {
    const std::size_t root = root_index(entry.path, roots_);
    const std::size_t prefix = root < roots_.size() ? roots_[root].size() : 0;
    add(root, std::string_view(entry.path).substr(prefix),
        (entry.explicit_root ? Explicit : 0) | (entry.short_read_is_end ? ShortReadIsEnd : 0));
}

void PathOrderedFiles::sort() {
    // Within a root, the root's own string is common to all and ends at a component boundary,
    // so the rest of the path decides.
    std::stable_sort(files_.begin(), files_.end(), [this](const File& a, const File& b) {
        return a.root != b.root ? a.root < b.root : path_less(name(a), name(b));
    });
}

std::string PathOrderedFiles::path(std::size_t i) const {
    const File& file = files_[i];
    if (file.flags & Standard) return "-";
    return (file.root < roots_.size() ? roots_[file.root] : std::string()) + std::string(name(file));
}

void PathOrderedFiles::add(std::size_t root, std::string_view name, int flags) {
    std::lock_guard lock(mutex_);
    files_.push_back(File{names_.size(), static_cast<std::uint32_t>(name.size()), static_cast<std::uint32_t>(root),
                          static_cast<std::uint8_t>(flags)});
    names_.append(name);
}

}  // namespace codescout
