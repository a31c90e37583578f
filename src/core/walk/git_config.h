// The little of git's configuration the walker needs: where core.excludesFile points, and where a
// repository's git directory is when `.git` is a file (worktrees, submodules).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace codescout {

// The last `core.excludesFile` value in the text of a git config file, `~/` expanded with `home`.
std::optional<std::string> excludes_file_from_config(std::string_view config_text, std::string_view home);

// The user-level excludes file: core.excludesFile from the system, XDG and ~/.gitconfig files
// (later ones win), else $XDG_CONFIG_HOME/git/ignore or ~/.config/git/ignore. Reads the
// environment (HOME, XDG_CONFIG_HOME, GIT_CONFIG_NOSYSTEM) when called.
std::string user_excludes_file();

// "gitdir: PATH" from the text of a `.git` file.
std::optional<std::string> gitdir_from_gitfile(std::string_view text);

// Reads a whole small regular file; nothing if it is missing, unreadable or not a regular file.
// Opened non-blocking, so a FIFO in its place never blocks. `dirfd` may be AT_FDCWD.
std::optional<std::string> read_regular_file(int dirfd, const std::string& path);

}  // namespace codescout
