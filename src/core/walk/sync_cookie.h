// The names of sync cookies (issue 12, docs/index.md "The CLI and a running watcher"): a search
// that wants to trust a running watcher creates a uniquely named file in the watched folder and
// waits until the watcher reports having seen it (watchman's method), then removes it. Another
// search may walk the folder while such a file exists, so the walker skips these names, whatever
// the walk rules: no search ever lists, counts or opens a cookie. The prefix is long and specific
// enough that no real file is expected to carry it.
#pragma once

#include <string_view>

namespace codescout {

inline constexpr std::string_view kSyncCookiePrefix = ".codescout-sync-cookie-";

inline bool is_sync_cookie(std::string_view name) { return name.starts_with(kSyncCookiePrefix); }

}  // namespace codescout
