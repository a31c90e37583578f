// See watcher_sync.h.
#include "core/index/watcher_sync.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "core/index/index_reader.h"
#include "core/io/open_file.h"
#include "core/index/watch_journal.h"
#include "core/walk/sync_cookie.h"

namespace codescout {

namespace {

using Clock = std::chrono::steady_clock;

std::string cookie_name() {
    std::random_device device;
    char name[64];
    std::snprintf(name, sizeof name, "%d-%08x%08x", static_cast<int>(::getpid()), device(), device());
    return std::string(kSyncCookiePrefix) + name;
}

// Removes the cookie whatever the round trip's outcome.
class Cookie {
public:
    Cookie(const std::string& folder, std::string name)
        : name_(std::move(name)), path_(folder == "/" ? "/" + name_ : folder + "/" + name_) {
        const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0600);
        if (fd < 0) {
            error_ = std::strerror(errno);
            return;
        }
        ::close(fd);
        created_ = true;
    }
    ~Cookie() {
        if (created_) ::unlink(path_.c_str());
    }
    Cookie(const Cookie&) = delete;
    Cookie& operator=(const Cookie&) = delete;
    bool created() const { return created_; }
    const std::string& error() const { return error_; }
    const std::string& name() const { return name_; }

private:
    std::string name_;
    std::string path_;
    std::string error_;
    bool created_ = false;
};

}  // namespace

WatcherSyncResult sync_with_watcher(const std::filesystem::path& index_file, const IndexReader& reader,
                                    std::chrono::milliseconds timeout) {
    const auto start = Clock::now();
    WatcherSyncResult result;
    const auto finish = [&](std::string why) {
        result.why_not = std::move(why);
        result.elapsed_us = static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count());
        return result;
    };
    if (!watcher_running(index_file)) return finish("no watcher runs for this index");
    const IndexIdentity identity = identity_of(reader);
    // Watch the log's folder before the cookie exists: no acknowledgement can slip by unseen.
    const FileDescriptor notify(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
    if (notify.get() < 0) return finish(std::string("no inotify instance to wait with: ") + std::strerror(errno));
    if (::inotify_add_watch(notify.get(), index_file.parent_path().c_str(),
                            IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE) < 0) {
        return finish(std::string("cannot watch the index folder: ") + std::strerror(errno));
    }
    const Cookie cookie(reader.root(), cookie_name());
    if (!cookie.created()) return finish("cannot create a sync cookie in " + reader.root() + " (" + cookie.error() + ")");
    const auto deadline = start + timeout;
    for (;;) {
        WatchLog log = read_watch_log(index_file);
        if (log.state == WatchLog::State::Missing) return finish("the watcher has not published its changes yet");
        if (log.state == WatchLog::State::Corrupt) return finish("its change log is not trusted (" + log.detail + ")");
        if (log.identity != identity) return finish("its change log belongs to another build of the index");
        if (log.untrusted) return finish("the watcher lost track (" + log.untrusted_why + ")");
        if (std::find(log.cookies.begin(), log.cookies.end(), cookie.name()) != log.cookies.end()) {
            auto fresh = std::make_shared<Freshness>();
            fresh->trusted = true;
            fresh->changed.reserve(log.files.size());
            for (const std::string& path : log.files) fresh->changed.insert(path);
            std::sort(log.dirs.begin(), log.dirs.end());
            log.dirs.erase(std::unique(log.dirs.begin(), log.dirs.end()), log.dirs.end());
            fresh->dirty_dirs = std::move(log.dirs);
            result.freshness = std::move(fresh);
            return finish({});
        }
        const auto now = Clock::now();
        if (now >= deadline) {
            return finish("the watcher did not acknowledge the sync cookie within " + std::to_string(timeout.count()) +
                          " ms");
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count() + 1;
        pollfd fd{notify.get(), POLLIN, 0};
        if (::poll(&fd, 1, static_cast<int>(left)) > 0) {
            alignas(inotify_event) char buffer[4096];
            while (::read(notify.get(), buffer, sizeof buffer) > 0) {
            }
        }
    }
}

}  // namespace codescout
