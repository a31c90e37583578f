// See walk_record.h.
#include "core/index/walk_record.h"

#include <algorithm>
#include <ctime>

#include <fcntl.h>
#include <sys/stat.h>

namespace codescout {

namespace fmt = index_format;

namespace {

std::int64_t to_ns(const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

std::int64_t now_realtime_ns() {
    timespec t {};
    ::clock_gettime(CLOCK_REALTIME, &t);
    return to_ns(t);
}

}  // namespace

fmt::InputRecord input_state(int stat_result, const struct stat& st, bool presence_only) {
    fmt::InputRecord r;
    if (presence_only) r.flags |= fmt::kPresenceOnly;
    if (stat_result != 0) {
        r.flags |= fmt::kMissing;
        return r;
    }
    if (S_ISDIR(st.st_mode)) r.flags |= fmt::kIsDirectory;
    else if (!S_ISREG(st.st_mode)) r.flags |= fmt::kIsOther;
    if (presence_only) return r;
    r.size = static_cast<std::uint64_t>(st.st_size);
    r.mtime_ns = to_ns(st.st_mtim);
    r.ctime_ns = to_ns(st.st_ctim);
    r.inode = st.st_ino;
    r.device = st.st_dev;
    return r;
}

WalkRecord::WalkRecord(std::string root, std::chrono::nanoseconds racy_window)
    : root_(std::move(root)), racy_ns_(racy_window.count()) {}

std::string WalkRecord::relative_of(const std::string& path) const {
    const std::size_t begin = root_ == "/" ? 1 : root_.size() + 1;
    return path.size() > begin ? path.substr(begin) : std::string();
}

void WalkRecord::directory_opened(const std::string& path, int fd) {
    Dir dir;
    dir.relative = relative_of(path);
    const std::int64_t now = now_realtime_ns();
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        walk_problem();
        return;
    }
    fmt::DirRecord& r = dir.record;
    r.mtime_ns = to_ns(st.st_mtim);
    r.ctime_ns = to_ns(st.st_ctim);
    r.inode = st.st_ino;
    r.device = st.st_dev;
    // An entry made later in the same clock tick would leave the times as they are.
    if (r.mtime_ns >= now - racy_ns_ || r.ctime_ns >= now - racy_ns_) r.flags |= fmt::kDirRacy;
    std::lock_guard guard(mutex_);
    dirs_.push_back(std::move(dir));
}

void WalkRecord::directory_done(const std::string& path, const IgnoreFilesPresent& present, const WalkCounters& skipped) {
    const std::string relative = relative_of(path);
    std::lock_guard guard(mutex_);
    // The thread that opened it finishes it; search from the back, where it was put.
    for (auto it = dirs_.rbegin(); it != dirs_.rend(); ++it) {
        if (it->relative != relative || it->done) continue;
        fmt::DirRecord& r = it->record;
        if (present.git) r.flags |= fmt::kHasGit;
        if (present.git_is_file) r.flags |= fmt::kGitIsFile;
        if (present.gitignore) r.flags |= fmt::kHasGitignore;
        if (present.ignore) r.flags |= fmt::kHasIgnore;
        r.ignored = static_cast<std::uint32_t>(skipped.ignored);
        r.hidden = static_cast<std::uint32_t>(skipped.hidden);
        r.special = static_cast<std::uint32_t>(skipped.special);
        it->done = true;
        return;
    }
    problem_ = true;
}

void WalkRecord::ignore_input(int dirfd, const std::string& name, const std::string& path, bool presence_only) {
    const std::int64_t now = now_realtime_ns();
    struct stat st {};
    const int result = ::fstatat(dirfd, name.c_str(), &st, 0);  // followed, as the reader opens it
    fmt::InputRecord r = input_state(result, st, presence_only);
    if (!presence_only && result == 0 && (r.mtime_ns >= now - racy_ns_ || r.ctime_ns >= now - racy_ns_)) {
        r.flags |= fmt::kInputRacy;
    }
    std::lock_guard guard(mutex_);
    inputs_.emplace_back(path, r);
}

void WalkRecord::walk_problem() {
    std::lock_guard guard(mutex_);
    problem_ = true;
}

WalkRecord::Sections WalkRecord::finish() {
    std::lock_guard guard(mutex_);
    Sections out;
    std::sort(dirs_.begin(), dirs_.end(), [](const Dir& a, const Dir& b) { return a.relative < b.relative; });
    bool complete = !problem_ && !dirs_.empty() && dirs_.front().relative.empty();
    for (std::size_t i = 0; complete && i < dirs_.size(); ++i) {
        if (!dirs_[i].done || (i > 0 && dirs_[i].relative == dirs_[i - 1].relative)) complete = false;
    }
    if (!complete || dirs_.size() >= UINT32_MAX) return out;
    for (std::size_t i = 0; i < dirs_.size(); ++i) {
        fmt::DirRecord r = dirs_[i].record;
        const std::string& relative = dirs_[i].relative;
        r.parent = 0;
        if (i > 0) {
            const std::size_t slash = relative.rfind('/');
            const std::string parent = slash == std::string::npos ? std::string() : relative.substr(0, slash);
            const auto it = std::lower_bound(dirs_.begin(), dirs_.end(), parent,
                                             [](const Dir& d, const std::string& p) { return d.relative < p; });
            if (it == dirs_.end() || it->relative != parent) return Sections{};  // a directory read without its parent
            r.parent = static_cast<std::uint32_t>(it - dirs_.begin());
        }
        out.dirs.push_back(r);
        out.dir_paths.push_back(relative);
    }
    // The same file may be read for several directories (a repository's excludes): once is enough.
    std::sort(inputs_.begin(), inputs_.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.flags < b.second.flags;
    });
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
        if (i > 0 && inputs_[i].first == inputs_[i - 1].first &&
            (inputs_[i].second.flags & fmt::kPresenceOnly) == (inputs_[i - 1].second.flags & fmt::kPresenceOnly)) {
            continue;
        }
        out.inputs.push_back(inputs_[i].second);
        out.input_paths.push_back(inputs_[i].first);
    }
    out.replayable = true;
    return out;
}

}  // namespace codescout
