// Which files a walk visits, as plain data. The walk layer owns this type; SearchOptions embeds it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/walk/file_types.h"

namespace codescout {

struct WalkOptions {
    std::vector<std::filesystem::path> roots{"."};
    bool include_hidden = false;        // --hidden
    bool follow_links = false;          // -L
    bool respect_ignore_files = true;   // false with --no-ignore (.gitignore, .ignore, excludes)
    std::vector<std::string> globs;     // ripgrep -g: "pat" includes, "!pat" excludes; last match wins
    std::vector<std::string> extensions;    // RustScout --extensions: "rs,cpp" style, case-insensitive
    std::vector<std::string> ignore_globs;  // RustScout --ignore: no '/' = file name, else whole path
    std::optional<std::size_t> max_depth;   // 0 = only the roots themselves
    // ripgrep -t/-T/--type-add/--type-clear, in command-line order, applied to the default
    // file types (file_types.h). Empty: file types select nothing.
    std::vector<FileTypeChange> type_changes;
    // Ask each directory's file system whether a short read of its files means their end
    // (read_semantics.h: one fstatfs per directory), and say so in WalkEntry::short_read_is_end.
    bool check_read_semantics = false;
};

}  // namespace codescout
