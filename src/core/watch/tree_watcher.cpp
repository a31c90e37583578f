// See tree_watcher.h.
#include "core/watch/tree_watcher.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <unordered_set>

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "core/walk/sync_cookie.h"
#include "core/walk/walker.h"

namespace codescout {

namespace {

// Everything that can change which files a directory holds or what they hold. IN_MODIFY as well
// as IN_CLOSE_WRITE: a writer that keeps its file open must still be seen.
constexpr std::uint32_t kWatchMask = IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                     IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

std::string join(const std::string& dir, std::string_view name) {
    if (dir.empty()) return std::string(name);
    std::string out = dir;
    out.push_back('/');
    out.append(name);
    return out;
}

std::string kernel_watch_limit() {
    std::ifstream in("/proc/sys/fs/inotify/max_user_watches");
    std::string value;
    if (!(in >> value)) return "?";
    return value;
}

}  // namespace

TreeWatcher::TreeWatcher(TreeWatchOptions options) : options_(std::move(options)) {
    fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (fd_ < 0) {
        exhausted_ = true;
        note_ = std::string("no inotify instance (") + std::strerror(errno) +
                "; fs.inotify.max_user_instances?): files are compared by size and time at each search";
    }
}

TreeWatcher::~TreeWatcher() {
    if (fd_ >= 0) ::close(fd_);
    if (wake_fd_ >= 0) ::close(wake_fd_);
}

std::string TreeWatcher::absolute(const std::string& relative) const {
    if (relative.empty()) return options_.root;
    return options_.root == "/" ? "/" + relative : options_.root + "/" + relative;
}

bool TreeWatcher::add_watch(const std::string& relative) {
    if (exhausted_) return false;
    if (options_.watch_limit > 0 && wd_by_dir_.size() >= options_.watch_limit && !wd_by_dir_.contains(relative)) {
        errno = ENOSPC;
    } else {
        const int wd = ::inotify_add_watch(fd_, absolute(relative).c_str(), kWatchMask);
        if (wd >= 0) {
            dirs_by_wd_[wd] = relative;  // a directory moved in under a new name keeps its wd
            wd_by_dir_[relative] = wd;
            return true;
        }
    }
    if (errno == ENOSPC) {
        exhausted_ = true;
        note_ = "inotify watch limit reached after " + std::to_string(wd_by_dir_.size()) +
                " folders (fs.inotify.max_user_watches = " + kernel_watch_limit() +
                "): files are compared by size and time at each search";
        return false;
    }
    return true;  // gone or unreadable: nothing there to watch, the walk reports it
}

std::vector<std::string> TreeWatcher::watch_directories(const std::vector<std::string>& relative_dirs) {
    std::lock_guard guard(mutex_);
    std::vector<std::string> added;
    for (const std::string& dir : relative_dirs) {
        const bool known = wd_by_dir_.contains(dir);
        if (!add_watch(dir)) break;
        if (!known && wd_by_dir_.contains(dir)) added.push_back(dir);
    }
    return added;
}

void TreeWatcher::watch_subtree(const std::string& relative) {
    // The folder's own directories with the walk's rules: only those holding walked files and
    // their ancestors below `relative`, like the directories an index build would watch.
    WalkOptions walk = options_.walk;
    walk.roots = {absolute(relative)};
    const std::string base = walk.roots.front().string() + "/";
    std::mutex found_mutex;
    std::unordered_set<std::string> found{relative};
    std::atomic<bool> never{false};
    try {
        Walker walker(walk, 1);
        walker.run(
            [&](const WalkEntry& entry) {
                if (!entry.path.starts_with(base)) return true;
                std::string dir = join(relative, std::string_view(entry.path).substr(base.size()));
                std::lock_guard guard(found_mutex);
                for (std::size_t slash = dir.rfind('/'); slash != std::string::npos && slash > relative.size();
                     slash = dir.rfind('/')) {
                    dir.resize(slash);
                    if (!found.insert(dir).second) break;
                }
                return true;
            },
            [](const PathError&) {}, never);
    } catch (const std::exception&) {
        // An invalid glob cannot happen here (the same rules walked the folder before); a
        // vanished subtree simply has nothing to watch.
    }
    for (const std::string& dir : found) {
        if (!add_watch(dir)) return;
    }
}

WatchBatch TreeWatcher::poll() {
    std::lock_guard guard(mutex_);
    WatchBatch batch;
    std::unordered_set<std::string> files;
    std::unordered_set<std::string> dirs;
    std::vector<std::string> appeared;
    if (injected_overflow_) {
        batch.overflow = true;
        injected_overflow_ = false;
    }
    alignas(inotify_event) char buffer[64 * 1024];
    while (fd_ >= 0) {
        const ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // EAGAIN: the queue is empty
        for (ssize_t at = 0; at < n;) {
            const auto* ev = reinterpret_cast<const inotify_event*>(buffer + at);
            at += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
            if (ev->mask & IN_Q_OVERFLOW) {
                batch.overflow = true;
                continue;
            }
            const auto it = dirs_by_wd_.find(ev->wd);
            if (it == dirs_by_wd_.end()) continue;
            const std::string dir = it->second;
            if (ev->mask & IN_IGNORED) {
                const auto back = wd_by_dir_.find(dir);
                if (back != wd_by_dir_.end() && back->second == ev->wd) wd_by_dir_.erase(back);
                dirs_by_wd_.erase(it);
                continue;
            }
            if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) {
                dirs.insert(dir);
                continue;
            }
            // A folder's own attributes (its permissions: a walk may no longer read it).
            if (ev->len == 0) {
                if (ev->mask & IN_ATTRIB) dirs.insert(dir);
                continue;
            }
            if (is_sync_cookie(ev->name)) {
                if (dir.empty() && (ev->mask & (IN_CREATE | IN_MOVED_TO)) && !(ev->mask & IN_ISDIR)) {
                    batch.cookies.emplace_back(ev->name);
                }
                continue;
            }
            const std::string path = join(dir, std::string_view(ev->name));
            if (ev->mask & IN_ISDIR) {
                if (ev->mask & (IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ATTRIB)) dirs.insert(path);
                if (ev->mask & (IN_CREATE | IN_MOVED_TO)) appeared.push_back(path);
                continue;
            }
            files.insert(path);
        }
    }
    for (const std::string& dir : appeared) watch_subtree(dir);
    batch.files.assign(files.begin(), files.end());
    batch.dirs.assign(dirs.begin(), dirs.end());
    return batch;
}

bool TreeWatcher::wait(std::chrono::milliseconds timeout) {
    pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    const int ready = ::poll(fds, 2, static_cast<int>(timeout.count()));
    if (ready > 0 && (fds[1].revents & POLLIN)) {
        std::uint64_t count = 0;
        [[maybe_unused]] const ssize_t n = ::read(wake_fd_, &count, sizeof count);
    }
    std::lock_guard guard(mutex_);
    return (ready > 0 && (fds[0].revents & POLLIN)) || injected_overflow_;
}

void TreeWatcher::wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

bool TreeWatcher::exhausted() const {
    std::lock_guard guard(mutex_);
    return exhausted_;
}

std::string TreeWatcher::note() const {
    std::lock_guard guard(mutex_);
    return note_;
}

std::size_t TreeWatcher::watch_count() const {
    std::lock_guard guard(mutex_);
    return wd_by_dir_.size();
}

void TreeWatcher::inject_overflow() {
    {
        std::lock_guard guard(mutex_);
        // What the kernel does when its queue is full: the events queued are lost (here: all of
        // them), and the reader learns only that something was.
        alignas(inotify_event) char buffer[64 * 1024];
        while (fd_ >= 0 && ::read(fd_, buffer, sizeof buffer) > 0) {
        }
        injected_overflow_ = true;
    }
    wake();
}

}  // namespace codescout
