// Where collector plugins are looked for, and which files in those places are candidates.
//
// Choices worth knowing:
//  - Three places, in this order: the install's plugin folder, $XDG_DATA_HOME/codescout/collectors
//    (default ~/.local/share/codescout/collectors), then each entry of CODESCOUT_COLLECTOR_PATH
//    (colon-separated; an entry may also name a single plugin file).
//  - The install folder is found relative to the running executable (<exe>/../<libdir>/...), so
//    an unpacked TGZ or a DESTDIR install finds its own plugins; the configured
//    ${CMAKE_INSTALL_FULL_LIBDIR}/codescout/collectors follows as a fallback.
//  - Every regular, non-hidden file in a folder is a candidate, whatever its name: garbage in a
//    plugin folder is reported (naming the file), not silently skipped.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

namespace codescout::collectors {

// The folders (or files) to search, in order, duplicates removed. Folders that do not exist are
// kept out. `env_path` and `xdg_data_home`/`home` are parameters so tests need no setenv.
std::vector<std::filesystem::path> collector_search_path(std::string_view env_path, std::string_view xdg_data_home,
                                                         std::string_view home);

// The same from the real environment (CODESCOUT_COLLECTOR_PATH, XDG_DATA_HOME, HOME).
std::vector<std::filesystem::path> default_collector_search_path();

// Candidate plugin files: a file entry as is, a folder's regular non-hidden files sorted by name
// (so the load order, and a duplicate series' winner, is stable). Same file twice: listed once.
std::vector<std::filesystem::path> collector_candidates(const std::vector<std::filesystem::path>& search_path);

}  // namespace codescout::collectors
