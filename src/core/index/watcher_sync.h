// A search in one process trusting a watcher in another (issue 12, docs/index.md "The CLI and a
// running watcher"): watchman's sync cookie over the change log of watch_journal.h.
//
// sync_with_watcher() proves that the log of `index_file` names every file changed since that
// index was written, up to now:
//   1. a process holds the watcher lock (else: no watcher, or it died);
//   2. a uniquely named cookie file (sync_cookie.h) is created in the indexed folder; inotify
//      queues events in the order they happen, so every change that finished before this
//      moment is queued for the watcher before the cookie's creation;
//   3. the log, relative to this very index file, acknowledges the cookie within `timeout`
//      (the watcher appends the changes it read before the acknowledgement), holds no Untrusted
//      record and passes every checksum;
//   4. the cookie is removed, whatever happened.
// The log is read once right after the cookie is made (a watcher that is awake has usually
// answered by then); only otherwise is the index folder watched (inotify) and the log read again
// on each change, the watch made before the second read so that no acknowledgement slips by.
// Then the result is a trusted Freshness (freshness.h) made of the log's paths: those files are
// searched, every other indexed file is taken to be the one indexed without a stat. Anything
// else (no watcher, a read-only folder, a timeout, a corrupt or foreign log, an overflow, the
// watch limit) returns no freshness and says why: the caller proves files by stat as before.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/index/freshness.h"

namespace codescout {

class IndexReader;

struct WatcherSyncOptions {
    bool enabled = false;
    std::chrono::milliseconds timeout{100};
};

struct WatcherSyncResult {
    std::shared_ptr<const Freshness> freshness;  // null: prove files by stat
    std::string why_not;                         // when null
    std::uint64_t elapsed_us = 0;                // the whole call, the cookie's removal included
    bool waited = false;                         // the first read of the log lacked the acknowledgement
};

WatcherSyncResult sync_with_watcher(const std::filesystem::path& index_file, const IndexReader& reader,
                                    std::chrono::milliseconds timeout);

}  // namespace codescout
