// The files of a walk in path order (--sort path), listed whole before any is used: for the
// kernel's 86,000 files a few MB, because each keeps only its path after the root it came from
// (the roots' strings are shared), in one block of names. The path-ordered search and --files
// --sort path both list through it, so one piece decides the order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/walk/walker.h"

namespace codescout {

class PathOrderedFiles {
public:
    // `roots`: the roots as the walk names them, in the order given.
    explicit PathOrderedFiles(std::vector<std::string> roots) : roots_(std::move(roots)) {}

    // Thread-safe: the walk adds from its threads.
    void add_standard_input(std::size_t root);
    void add_walked(const WalkEntry& entry);
    // Roots in the order given, then component by component (path_order.h), as rg --sort path.
    void sort();

    std::size_t size() const { return files_.size(); }
    bool standard_input(std::size_t i) const { return files_[i].flags & Standard; }
    bool explicit_root(std::size_t i) const { return files_[i].flags & Explicit; }
    bool short_read_is_end(std::size_t i) const { return files_[i].flags & ShortReadIsEnd; }
    // The walk's display path of file `i` ("-" for standard input).
    std::string path(std::size_t i) const;

private:
    enum Flags : std::uint8_t { Standard = 1, Explicit = 2, ShortReadIsEnd = 4 };
    struct File {
        std::uint64_t name_at;
        std::uint32_t name_size;
        std::uint32_t root;
        std::uint8_t flags;
    };
    void add(std::size_t root, std::string_view name, int flags);
    std::string_view name(const File& file) const { return std::string_view(names_).substr(file.name_at, file.name_size); }

    std::vector<std::string> roots_;
    std::mutex mutex_;
    std::vector<File> files_;
    std::string names_;
};

}  // namespace codescout
