// The user's path filters, compiled once per walk: ripgrep -g globs, RustScout --extensions and
// RustScout --ignore globs, ripgrep file types. Constructing one throws std::invalid_argument for
// a malformed glob and FileTypeError (an invalid_argument) for an unknown type or a bad definition.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/walk/file_types.h"
#include "core/walk/glob.h"
#include "core/walk/ignore_rules.h"
#include "core/walk/walk_options.h"

namespace codescout {

class PathFilters {
public:
    explicit PathFilters(const WalkOptions& options);

    // ripgrep -g: "pat" whitelists, "!pat" ignores, the last matching glob wins, and a file that
    // matches no glob is ignored when there is at least one whitelist glob. Directories are never
    // ignored for matching no whitelist glob. `path` is relative to the current directory.
    IgnoreMatch match_globs(std::string_view path, std::string_view name, bool is_dir) const;
    bool has_globs() const { return !globs_.empty(); }

    // ripgrep -t/-T on a file's name: Whitelist (a selected type), Ignore or None.
    IgnoreMatch match_type(std::string_view name, bool is_dir) const { return types_.match(name, is_dir); }
    bool has_types() const { return !types_.empty(); }

    // RustScout filters: true when the entry must be skipped. `relative` is relative to the root.
    bool rejected_file(std::string_view relative, std::string_view name) const;
    bool rejected_dir(std::string_view relative, std::string_view name) const;

private:
    bool matches_ignore_globs(std::string_view relative, std::string_view name) const;
    bool has_listed_extension(std::string_view name) const;

    IgnoreRules globs_;
    FileTypeMatcher types_;
    bool globs_whitelist_ = false;
    std::vector<std::string> extensions_;  // lower case, no leading dot
    struct NameOrPathGlob {
        Glob glob;
        bool whole_path;
    };
    std::vector<NameOrPathGlob> ignore_globs_;
};

}  // namespace codescout
