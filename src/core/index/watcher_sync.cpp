// See watcher_sync.h.
#include "core/index/watcher_sync.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "core/index/index_reader.h"
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

// Wakes the waiting reader when the index folder changes (the log appended to or replaced).
// Made only when the first look at the log did not find the acknowledgement: a watcher that is
// awake usually answers before the reader looks.
//
// Closing an inotify instance that has a watch makes the kernel wait for the watch's release,
// an SRCU grace period (fsnotify_destroy_group()): 5-19 ms measured on the bench machine, 40x
// the round trip itself (0.2-0.5 ms). The descriptor is therefore closed on a thread of its
// own, which the search does not wait for; only the process's exit might, if the search ends
// first.
class LogWatch {
public:
    LogWatch() = default;
    ~LogWatch() {
        if (fd_ < 0) return;
        const int fd = fd_;
        try {
            std::thread([fd] { ::close(fd); }).detach();
        } catch (const std::system_error&) {
            ::close(fd);
        }
    }
    LogWatch(const LogWatch&) = delete;
    LogWatch& operator=(const LogWatch&) = delete;

    // Returns "" or why the folder cannot be watched.
    std::string start(const std::filesystem::path& folder) {
        fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (fd_ < 0) return std::string("no inotify instance to wait with: ") + std::strerror(errno);
        if (::inotify_add_watch(fd_, folder.c_str(), IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE) < 0) {
            return std::string("cannot watch the index folder: ") + std::strerror(errno);
        }
        return {};
    }
    bool started() const { return fd_ >= 0; }

    // Until the folder changes or `timeout` passes; drains the queued events.
    void wait(std::chrono::milliseconds timeout) const {
        pollfd fd{fd_, POLLIN, 0};
        if (::poll(&fd, 1, static_cast<int>(timeout.count())) > 0) {
            alignas(inotify_event) char buffer[4096];
            while (::read(fd_, buffer, sizeof buffer) > 0) {
            }
        }
    }

private:
    int fd_ = -1;
};

// The round trip; `why_not` set when it fails. Returns after the cookie is removed.
WatcherSyncResult round_trip(const std::filesystem::path& index_file, const IndexReader& reader,
                             std::chrono::milliseconds timeout, Clock::time_point start) {
    WatcherSyncResult result;
    const auto fail = [&](std::string why) {
        result.why_not = std::move(why);
        return result;
    };
    if (!watcher_running(index_file)) return fail("no watcher runs for this index");
    const IndexIdentity identity = identity_of(reader);
    const Cookie cookie(reader.root(), cookie_name());
    if (!cookie.created()) return fail("cannot create a sync cookie in " + reader.root() + " (" + cookie.error() + ")");
    const auto deadline = start + timeout;
    LogWatch watch;
    for (;;) {
        WatchLog log = read_watch_log(index_file);
        if (log.state == WatchLog::State::Missing) return fail("the watcher has not published its changes yet");
        if (log.state == WatchLog::State::Corrupt) return fail("its change log is not trusted (" + log.detail + ")");
        if (log.identity != identity) return fail("its change log belongs to another build of the index");
        if (log.untrusted) return fail("the watcher lost track (" + log.untrusted_why + ")");
        if (std::find(log.cookies.begin(), log.cookies.end(), cookie.name()) != log.cookies.end()) {
            auto fresh = std::make_shared<Freshness>();
            fresh->trusted = true;
            fresh->changed.reserve(log.files.size());
            for (const std::string& path : log.files) fresh->changed.insert(path);
            std::sort(log.dirs.begin(), log.dirs.end());
            log.dirs.erase(std::unique(log.dirs.begin(), log.dirs.end()), log.dirs.end());
            fresh->dirty_dirs = std::move(log.dirs);
            result.freshness = std::move(fresh);
            return result;
        }
        if (!watch.started()) {
            // Watch first, then read again: an append between the read above and the watch is
            // seen by that read, every later one wakes the wait.
            result.waited = true;
            if (std::string why = watch.start(index_file.parent_path()); !why.empty()) return fail(why);
            continue;
        }
        const auto now = Clock::now();
        if (now >= deadline) {
            return fail("the watcher did not acknowledge the sync cookie within " + std::to_string(timeout.count()) + " ms");
        }
        watch.wait(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now) + std::chrono::milliseconds(1));
    }
}

}  // namespace

WatcherSyncResult sync_with_watcher(const std::filesystem::path& index_file, const IndexReader& reader,
                                    std::chrono::milliseconds timeout) {
    const auto start = Clock::now();
    WatcherSyncResult result = round_trip(index_file, reader, timeout, start);
    result.elapsed_us =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count());
    return result;
}

}  // namespace codescout
