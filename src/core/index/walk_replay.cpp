// See walk_replay.h.
#include "core/index/walk_replay.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/index/index_format.h"
#include "core/index/index_gate.h"
#include "core/index/index_reader.h"
#include "core/index/walk_record.h"
#include "core/index/walk_settings.h"
#include "core/walk/git_config.h"

namespace codescout {

namespace fmt = index_format;

namespace {

constexpr auto relaxed = std::memory_order_relaxed;
constexpr std::uint32_t kPresenceBits = fmt::kHasGit | fmt::kGitIsFile | fmt::kHasGitignore | fmt::kHasIgnore;
constexpr std::uint32_t kKindBits = fmt::kMissing | fmt::kIsDirectory | fmt::kIsOther;
constexpr std::uint32_t kListChunk = 256;

std::int64_t to_ns(const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

bool input_unchanged(const fmt::InputRecord& recorded, const std::string& path) {
    struct stat st {};
    const bool presence_only = (recorded.flags & fmt::kPresenceOnly) != 0;
    const fmt::InputRecord now = input_state(::stat(path.c_str(), &st), st, presence_only);
    if ((now.flags & kKindBits) != (recorded.flags & kKindBits)) return false;
    if (presence_only || (recorded.flags & fmt::kMissing) != 0) return true;
    return (recorded.flags & fmt::kInputRacy) == 0 && now.size == recorded.size && now.mtime_ns == recorded.mtime_ns &&
           now.ctime_ns == recorded.ctime_ns && now.inode == recorded.inode && now.device == recorded.device;
}

// The ignore files a directory holds now, as the walk tells them (by the entry's own type, not
// following links); nullopt when the directory is gone.
std::optional<std::uint32_t> presence_now(const std::string& dir) {
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return std::nullopt;
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;  // the walker reports it when it tries
    std::uint32_t flags = 0;
    if (::fstatat(fd, ".git", &st, AT_SYMLINK_NOFOLLOW) == 0 && (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode))) {
        flags |= fmt::kHasGit;
        if (S_ISREG(st.st_mode)) flags |= fmt::kGitIsFile;
    }
    if (::fstatat(fd, ".gitignore", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) flags |= fmt::kHasGitignore;
    if (::fstatat(fd, ".ignore", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) flags |= fmt::kHasIgnore;
    ::close(fd);
    return flags;
}

// The nearest directory of the record at or above `relative` (a directory's relative path).
std::optional<std::uint32_t> nearest_recorded(const IndexReader& reader, std::string_view relative) {
    for (;;) {
        if (auto id = reader.find_dir(relative)) return id;
        if (relative.empty()) return std::nullopt;
        const std::size_t slash = relative.rfind('/');
        relative = slash == std::string_view::npos ? std::string_view() : relative.substr(0, slash);
    }
}

ReplayPlan not_usable(std::string why) {
    ReplayPlan plan;
    plan.why_not = std::move(why);
    return plan;
}

}  // namespace

namespace {

ReplayPlan check_walk_replay(const IndexReader& reader, const WalkOptions& walk, const Freshness* freshness) {
    if (!reader.replayable() || reader.dir_count() == 0) {
        return not_usable("the index holds no record of its walk (the build met errors, or is of a folder that changed while built)");
    }
    if (walk.follow_links) return not_usable("symbolic links are followed: walking");
    if (encode_walk_settings(walk) != reader.walk_settings()) return not_usable("the walk rules differ from the build's: walking");
    ReplayPlan plan;
    if (walk.respect_ignore_files) {
        const char* home = std::getenv("HOME");
        if ((home != nullptr ? home : "") != reader.build_home() || user_excludes_file() != reader.build_user_excludes()) {
            return not_usable("HOME or the git excludes file changed since the build: walking");
        }
    }
    for (std::uint32_t i = 0; i < reader.input_count(); ++i) {
        ++plan.stats;
        const std::string path(reader.input_path(i));
        if (!input_unchanged(reader.input(i), path)) return not_usable(path + " changed since the build: walking");
    }

    const std::uint32_t dirs = reader.dir_count();
    plan.reread.assign(dirs, 0);
    const std::string& root = reader.root();
    const std::string base = root == "/" ? "/" : root + "/";
    const auto full_path = [&](std::uint32_t d) { return d == 0 ? root : base + std::string(reader.dir_path(d)); };
    if (freshness != nullptr && freshness->trusted) {
        for (std::uint32_t d = 0; d < dirs; ++d) plan.reread[d] = (reader.dir(d).flags & fmt::kDirRacy) != 0;
        for (const std::string& path : freshness->changed) {
            const std::size_t slash = path.rfind('/');
            if (auto d = nearest_recorded(reader, slash == std::string::npos ? std::string_view() : std::string_view(path).substr(0, slash))) {
                plan.reread[*d] = 1;
            }
        }
        for (const std::string& dirty : freshness->dirty_dirs) {
            if (auto d = nearest_recorded(reader, dirty)) plan.reread[*d] = 1;
            for (std::uint32_t d = 0; d < dirs; ++d) {
                const std::string_view path = reader.dir_path(d);
                if (dirty.empty() || (path.size() > dirty.size() && path.starts_with(dirty) && path[dirty.size()] == '/')) {
                    plan.reread[d] = 1;
                }
            }
        }
    } else {
        // One stat per directory, on two threads (the stats are the whole cost; the search has
        // not started yet, so its threads are free).
        const auto check_range = [&](std::uint32_t begin, std::uint32_t end) {
            for (std::uint32_t d = begin; d < end; ++d) {
                const fmt::DirRecord& r = reader.dir(d);
                struct stat st {};
                plan.reread[d] = (r.flags & fmt::kDirRacy) != 0 || ::stat(full_path(d).c_str(), &st) != 0 ||
                                 to_ns(st.st_mtim) != r.mtime_ns || to_ns(st.st_ctim) != r.ctime_ns ||
                                 st.st_ino != r.inode || st.st_dev != r.device;
            }
        };
        const std::uint32_t half = dirs / 2;
        std::thread other;
        if (half >= 256) {
            try {
                other = std::thread(check_range, half, dirs);
            } catch (const std::system_error&) {
            }
        }
        check_range(0, other.joinable() ? half : dirs);
        if (other.joinable()) other.join();
        plan.stats += dirs;
    }
    for (std::uint32_t d = 0; d < dirs; ++d) {
        if (plan.reread[d] == 0) continue;
        ++plan.reread_count;
        if (!walk.respect_ignore_files) continue;
        // The rules of everything below a directory hang on its ignore files: those must be the
        // same kinds of entries as at the build (their contents are inputs, checked above).
        plan.stats += 4;
        const auto present = presence_now(full_path(d));
        if (present && *present != (reader.dir(d).flags & kPresenceBits)) {
            return not_usable("ignore files appeared or vanished in " + full_path(d) + ": walking");
        }
    }
    // Reading most folders of a large tree again through the record costs more than a walk.
    if (plan.reread_count > 32 && plan.reread_count * 4 > dirs) return not_usable(std::to_string(plan.reread_count) + " folders changed: walking");
    plan.usable = true;
    return plan;
}

}  // namespace

ReplayPlan plan_walk_replay(const IndexReader& reader, const WalkOptions& walk, const Freshness* freshness) {
    const auto start = std::chrono::steady_clock::now();
    ReplayPlan plan = check_walk_replay(reader, walk, freshness);
    plan.check_ns = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
    return plan;
}

WalkReplay::WalkReplay(std::shared_ptr<const IndexReader> reader, ReplayPlan plan, std::size_t root_index,
                       std::string display_root, std::shared_ptr<const IndexGate> gate, std::size_t gate_root)
    : reader_(std::move(reader)), plan_(std::move(plan)), root_index_(root_index),
      display_prefix_(std::move(display_root)), gate_(std::move(gate)), gate_root_(gate_root) {
    if (!display_prefix_.ends_with('/')) display_prefix_.push_back('/');
    const std::uint32_t dirs = reader_->dir_count();
    // Children by parent, in one array (parents come before their children in path order).
    child_begin_.assign(dirs + 1, 0);
    for (std::uint32_t d = 1; d < dirs; ++d) ++child_begin_[reader_->dir(d).parent + 1];
    for (std::uint32_t d = 0; d < dirs; ++d) child_begin_[d + 1] += child_begin_[d];
    children_.resize(dirs > 0 ? dirs - 1 : 0);
    std::vector<std::uint32_t> fill(child_begin_.begin(), child_begin_.end() - 1);
    for (std::uint32_t d = 1; d < dirs; ++d) children_[fill[reader_->dir(d).parent]++] = d;
    asked_.assign(dirs, 0);
}

bool WalkReplay::serves(std::size_t root, std::string_view relative, std::vector<std::string>& still_to_read) {
    if (root != root_index_) return false;
    const auto id = reader_->find_dir(relative);
    if (!id || plan_.reread[*id] != 0) return false;
    {
        std::lock_guard guard(mutex_);
        if (asked_[*id] != 0) return true;  // the walk reached it twice (cannot happen without links)
        asked_[*id] = 1;
    }
    // The directories below it that must be read again, reached through served ones.
    std::vector<std::uint32_t> stack{*id};
    while (!stack.empty()) {
        const std::uint32_t d = stack.back();
        stack.pop_back();
        for (std::uint32_t i = child_begin_[d]; i < child_begin_[d + 1]; ++i) {
            const std::uint32_t child = children_[i];
            if (plan_.reread[child] != 0) still_to_read.emplace_back(reader_->dir_path(child));
            else stack.push_back(child);
        }
    }
    return true;
}

WalkCounters WalkReplay::list(const std::function<bool(const WalkEntry&)>& search_file, unsigned threads,
                              const std::atomic<bool>& stop) {
    const auto start = std::chrono::steady_clock::now();
    const std::uint32_t dirs = reader_->dir_count();
    // A served directory is listed when the walk handed it over, or its parent is listed.
    std::vector<std::uint8_t> listed(dirs, 0);
    WalkCounters counted;
    {
        std::lock_guard guard(mutex_);
        for (std::uint32_t d = 0; d < dirs; ++d) {
            if (plan_.reread[d] != 0) continue;
            listed[d] = asked_[d] != 0 || (d > 0 && listed[reader_->dir(d).parent] != 0);
            if (listed[d] == 0) continue;
            ++replayed_dirs_;
            const fmt::DirRecord& r = reader_->dir(d);
            counted.ignored += r.ignored;
            counted.hidden += r.hidden;
            counted.special += r.special;
        }
    }
    if (replayed_dirs_ == 0) return counted;
    const std::uint32_t files = reader_->file_count();
    // Without a trusted watcher, each file not among the candidates is proven unchanged by a
    // stat: relative to its open folder, which spares resolving the whole path for every file
    // (files come in path order, so a folder's files mostly come in a row).
    const auto& freshness = gate_->roots()[gate_root_].freshness;
    const bool by_stat = !(freshness && freshness->trusted);
    // The threads share the work in two kinds: deciding a chunk of file ids (the gate, a stat
    // without a trusted watcher) and searching one file that passed. Files that pass go to a
    // shared queue that every thread serves before it decides the next chunk, so candidates that
    // cluster in a few chunks (a folder of large generated headers) are still searched on every
    // core, one file at a time.
    std::mutex queue_mutex;
    std::condition_variable queue_changed;
    std::deque<WalkEntry> queue;      // files to search, under queue_mutex
    std::uint32_t next_chunk = 0;     // under queue_mutex
    unsigned deciding = 0;            // threads deciding a chunk, under queue_mutex
    std::atomic<bool> halted{false};
    std::mutex failure_mutex;
    std::exception_ptr failure;  // as the walker does: the first exception stops the listing, rethrown
    const auto halt = [&] {
        {
            std::lock_guard guard(queue_mutex);
            halted.store(true, relaxed);
        }
        queue_changed.notify_all();
    };
    const auto work = [&] {
        WalkEntry entry;
        entry.explicit_root = false;
        std::uint64_t count = 0;
        int dir_fd = -1;
        std::uint32_t dir_open = UINT32_MAX;
        std::string name;
        std::vector<WalkEntry> passed;
        try {
            for (;;) {
                std::optional<WalkEntry> job;
                std::uint32_t begin = files;
                {
                    std::unique_lock lock(queue_mutex);
                    for (;;) {
                        if (stop.load(relaxed) || halted.load(relaxed)) break;
                        if (!queue.empty()) {
                            job = std::move(queue.front());
                            queue.pop_front();
                            break;
                        }
                        if (next_chunk < files) {
                            begin = next_chunk;
                            next_chunk = std::min(files, next_chunk + kListChunk);
                            ++deciding;
                            break;
                        }
                        if (deciding == 0) break;  // nothing left to decide or search
                        queue_changed.wait(lock);
                    }
                }
                if (job) {
                    if (!search_file(*job)) {
                        halt();
                        break;
                    }
                    continue;
                }
                if (begin >= files) break;
                const std::uint32_t end = std::min(files, begin + kListChunk);
                passed.clear();
                for (std::uint32_t id = begin; id < end; ++id) {
                    const std::uint32_t dir = reader_->file(id).dir;
                    if (listed[dir] == 0) continue;
                    const std::string_view relative = reader_->path(id);
                    ++count;
                    if (by_stat && dir != dir_open) {
                        if (dir_fd >= 0) ::close(dir_fd);
                        const std::string folder = display_prefix_ + std::string(reader_->dir_path(dir));
                        dir_fd = ::open(folder.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
                        dir_open = dir;
                    }
                    const char* stat_name = nullptr;
                    if (by_stat && dir_fd >= 0) {
                        name.assign(relative.substr(relative.rfind('/') + 1));  // npos + 1 == 0
                        stat_name = name.c_str();
                    }
                    // The gate reads the path only to stat by it (no open folder): most files are
                    // skipped without their path ever being put together.
                    const bool stat_by_path = by_stat && dir_fd < 0;
                    const auto make_entry = [&] {
                        entry.path.assign(display_prefix_);
                        entry.path.append(relative);
                        entry.depth = 1 + static_cast<unsigned>(std::count(relative.begin(), relative.end(), '/'));
                    };
                    if (stat_by_path) make_entry();
                    if (!gate_->may_match_listed(gate_root_, id, entry.path, dir_fd, stat_name)) continue;
                    if (!stat_by_path) make_entry();
                    passed.push_back(entry);
                }
                {
                    std::lock_guard guard(queue_mutex);
                    for (WalkEntry& e : passed) queue.push_back(std::move(e));
                    --deciding;
                }
                queue_changed.notify_all();
            }
        } catch (...) {
            {
                std::lock_guard guard(failure_mutex);
                if (!failure) failure = std::current_exception();
            }
            halt();  // the others stop too; a chunk this thread was deciding is not waited for
        }
        if (dir_fd >= 0) ::close(dir_fd);
        listed_files_.fetch_add(count, relaxed);
    };
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t) {
        try {
            workers.emplace_back(work);
        } catch (const std::system_error&) {
            break;  // fewer threads still list everything
        }
    }
    work();
    for (auto& w : workers) w.join();
    list_ns_ = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
    if (failure) std::rethrow_exception(failure);
    return counted;
}

}  // namespace codescout
