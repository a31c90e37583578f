// How a path the engine reports is shown: with no PATH argument the engine walks "." and reports
// "./a/b.c", but ripgrep shows "a/b.c" then; with an explicit "." both show "./a/b.c".
#pragma once

#include <string_view>

namespace codescout {

inline std::string_view display_path(std::string_view path, bool strip_dot_slash) {
    if (strip_dot_slash && path.size() > 2 && path.starts_with("./")) path.remove_prefix(2);
    return path;
}

}  // namespace codescout
