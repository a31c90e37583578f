// The parallel walk (see walk_run.h). System calls dominate a walk, so per directory it costs one
// open, getdents64 until it returns 0, and one close; fstatat only for DT_UNKNOWN entries and for
// symlinks that are followed; fstat of the directory only when following links (loop detection);
// fstatfs only with WalkOptions::check_read_semantics.
// Files go to the visitor on the thread that read their directory; to a batch visitor (Walker::
// run_batched) all of a directory's at once, before the directory is closed.
#include "core/walk/walk_run.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/walk/dir_entries.h"
#include "core/walk/read_semantics.h"
#include "core/walk/sync_cookie.h"

namespace codescout {

// A directory on the current chain, kept only when following links.
struct WalkRun::Ancestor {
    dev_t dev;
    ino_t ino;
    std::string path;
    std::shared_ptr<const Ancestor> parent;
};

// A unit of work: a directory to read, or a file named as a root.
struct WalkRun::Item {
    std::string path;           // display path
    std::size_t rel_begin = 0;  // where root-relative paths start in the display paths of children
    std::size_t glob_begin = 0; // where -g paths start (ripgrep matches them from the current dir)
    unsigned depth = 0;
    bool file_root = false;
    std::shared_ptr<const IgnoreLevel> ignore;
    std::shared_ptr<const Ancestor> ancestors;
    std::size_t root = 0;       // its root's index in WalkOptions::roots (for the oracle)
};

// Per-thread buffers, reused for every directory.
struct WalkRun::Scratch {
    DirEntries entries;
    WalkEntry entry;
    std::string match_scratch;
    std::vector<Item> children;
    std::vector<IgnoreLoadProblem> problems;
    WalkCounters local;
    // A directory's files for a batch visitor: the first batch_used entries (kept, with their
    // strings' capacity, from batch to batch).
    std::vector<WalkEntry> batch;
    std::size_t batch_used = 0;
};

namespace {

std::string errno_text(int err) {
    char buf[256];
    // GNU strerror_r returns the message (maybe not in buf); thread-safe unlike strerror.
    const char* msg = ::strerror_r(err, buf, sizeof buf);
    return std::string(msg) + " (os error " + std::to_string(err) + ")";
}

// Closes a directory even when a visitor throws.
class FdCloser {
public:
    explicit FdCloser(int fd) : fd_(fd) {}
    ~FdCloser() { ::close(fd_); }
    FdCloser(const FdCloser&) = delete;
    FdCloser& operator=(const FdCloser&) = delete;

private:
    int fd_;
};

unsigned char type_from_mode(mode_t mode) {
    if (S_ISREG(mode)) return DT_REG;
    if (S_ISDIR(mode)) return DT_DIR;
    if (S_ISLNK(mode)) return DT_LNK;
    if (S_ISFIFO(mode)) return DT_FIFO;
    if (S_ISSOCK(mode)) return DT_SOCK;
    if (S_ISCHR(mode)) return DT_CHR;
    if (S_ISBLK(mode)) return DT_BLK;
    return DT_UNKNOWN;
}

// Bytes to drop from a display path before matching -g globs: ripgrep strips "./" and, for an
// absolute path below the current directory, the current directory.
std::size_t glob_offset(const std::string& root, const std::string& cwd) {
    std::string prefix = root;
    if (prefix.empty() || prefix.back() != '/') prefix.push_back('/');
    std::size_t off = 0;
    while (prefix.compare(off, 2, "./") == 0) off += 2;
    if (off == 0 && !cwd.empty() && prefix.front() == '/') {
        const std::string base = cwd == "/" ? "/" : cwd + "/";
        if (prefix.starts_with(base)) off = base.size();
    }
    return off;
}

std::string absolute_normal(const std::string& root) {
    std::error_code ec;
    std::string p = std::filesystem::absolute(root, ec).lexically_normal().string();
    if (ec) return {};
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return p;
}

std::string current_directory() {
    std::error_code ec;
    auto p = std::filesystem::current_path(ec);
    return ec ? std::string() : p.string();
}

}  // namespace

WalkRun::WalkRun(const WalkOptions& options, const PathFilters& filters, const Walker::Visitor* visit,
                 const Walker::BatchVisitor* batch_visit, const Walker::ErrorHandler& on_error,
                 const std::atomic<bool>& cancelled, WalkSharedCounters& counters, WalkObserver* observer,
                 WalkOracle* oracle)
    : options_(options), filters_(filters), visit_(visit), batch_visit_(batch_visit), on_error_(on_error), cancelled_(cancelled),
      counters_(counters), observer_(observer), oracle_(options.follow_links ? nullptr : oracle) {
    if (options_.respect_ignore_files) ignore_env_ = IgnoreEnvironment::from_process_environment(observer_);
}

WalkRun::~WalkRun() = default;

void WalkRun::seed_roots() {
    const std::string cwd = current_directory();
    std::vector<Item> items;
    for (std::size_t index = 0; index < options_.roots.size(); ++index) {
        const std::string root = options_.roots[index].native();
        struct stat st {};
        if (::stat(root.c_str(), &st) != 0) {  // roots are followed even without -L, as in ripgrep
            report_errno(root, errno);
            continue;
        }
        Item item;
        item.path = root;
        item.root = index;
        if (!S_ISDIR(st.st_mode)) {
            // Named explicitly: searched whatever it is, even hidden or ignored (ripgrep reads an
            // explicit FIFO too, e.g. `<(cmd)`).
            item.file_root = true;
            items.push_back(std::move(item));
            continue;
        }
        if (options_.max_depth && *options_.max_depth == 0) continue;
        item.rel_begin = root.ends_with('/') ? root.size() : root.size() + 1;
        item.glob_begin = glob_offset(root, cwd);
        if (options_.respect_ignore_files) {
            std::vector<IgnoreLoadProblem> problems;
            item.ignore = levels_above(absolute_normal(root), ignore_env_, problems);
            for (const auto& p : problems) warn(p.path, p.message);
        }
        if (oracle_ != nullptr && handed_to_oracle(item, items)) continue;
        items.push_back(std::move(item));
    }
    // LIFO: push in reverse so the first root is taken first.
    std::lock_guard lock(mutex_);
    for (auto it = items.rbegin(); it != items.rend(); ++it) push_item(std::move(*it));
}

void WalkRun::push_item(Item&& item) {
    stack_path_bytes_ += string_heap_bytes(item.path);
    stack_.push_back(std::move(item));
    stack_memory_.set(stack_.capacity() * sizeof(Item) + stack_path_bytes_);
}

WalkRun::Item WalkRun::pop_item() {
    Item item = std::move(stack_.back());
    stack_.pop_back();
    stack_path_bytes_ -= string_heap_bytes(item.path);
    stack_memory_.set(stack_.capacity() * sizeof(Item) + stack_path_bytes_);
    return item;
}

WalkLoad WalkRun::load() {
    std::lock_guard lock(mutex_);
    WalkLoad now;
    now.queued = stack_.size();
    now.busy = busy_;
    now.idle = idle_;
    return now;
}

void WalkRun::work() {
    Scratch s;
    std::unique_lock lock(mutex_);
    for (;;) {
        while (stack_.empty() && busy_ > 0 && !should_stop()) {
            ++idle_;
            wake_.wait(lock);
            --idle_;
        }
        if (stack_.empty() || should_stop()) break;  // empty and nobody busy: the walk is over
        Item item = pop_item();
        ++busy_;
        lock.unlock();

        try {
            process(item, s);
        } catch (...) {
            {
                std::lock_guard guard(error_mutex_);
                if (!failure_) failure_ = std::current_exception();
            }
            request_stop();
        }
        flush(s);

        lock.lock();
        --busy_;
        if (!s.children.empty()) {
            for (auto& child : s.children) push_item(std::move(child));
            const bool many = s.children.size() > 1;
            s.children.clear();
            if (idle_ > 0) {
                if (many) wake_.notify_all();
                else wake_.notify_one();
            }
        } else if (busy_ == 0 && stack_.empty() && idle_ > 0) {
            wake_.notify_all();
        }
    }
    // Whoever leaves first on a stop makes sure nobody keeps waiting.
    if (idle_ > 0) wake_.notify_all();
}

void WalkRun::process(Item& item, Scratch& s) {
    if (should_stop()) return;
    if (item.file_root) {
        s.entry.path = item.path;
        s.entry.depth = 0;
        s.entry.explicit_root = true;
        s.entry.dir_fd = -1;
        s.entry.name_offset = 0;
        s.entry.short_read_is_end = false;
        if (!visit_file(s) || !hand_over(s)) request_stop();
        return;
    }
    process_directory(item, s);
}

void WalkRun::process_directory(Item& dir, Scratch& s) {
    s.batch_used = 0;  // nothing left from a directory a visitor's exception cut short
    const int fd = ::open(dir.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        report_errno(dir.path, errno);
        return;
    }
    const FdCloser closer(fd);
    if (observer_ != nullptr) observer_->directory_opened(dir.path, fd);
    std::shared_ptr<const Ancestor> self;
    if (options_.follow_links) {
        struct stat st {};
        if (::fstat(fd, &st) == 0) self = std::make_shared<Ancestor>(Ancestor{st.st_dev, st.st_ino, dir.path, dir.ancestors});
    }
    if (const int err = s.entries.read_all(fd); err != 0) {
        report_errno(dir.path, err);
        return;
    }

    IgnoreFilesPresent present;
    const std::shared_ptr<const IgnoreLevel> level = directory_level(dir, fd, s.entries, present, s);
    // One fstatfs here spares the searcher an fstat for each small file in the directory.
    const bool short_read_is_end = options_.check_read_semantics && short_read_means_end(fd);

    const unsigned child_depth = dir.depth + 1;
    const bool descend = !options_.max_depth || child_depth < *options_.max_depth;
    const bool add_separator = !dir.path.ends_with('/');
    std::string name_z;  // NUL-terminated copy of a name, for the rare fstatat
    for (const auto e : s.entries) {
        if (should_stop()) break;
        const std::string_view name = e.name;
        if (name == "." || name == "..") continue;
        if (is_sync_cookie(name)) continue;  // another search's, for a moment (sync_cookie.h)

        s.entry.path.assign(dir.path);
        if (add_separator) s.entry.path.push_back('/');
        s.entry.path.append(name);

        unsigned char type = e.type;
        if (type == DT_UNKNOWN || (type == DT_LNK && options_.follow_links)) {
            name_z.assign(name);
            struct stat st {};
            const int flags = type == DT_LNK ? 0 : AT_SYMLINK_NOFOLLOW;
            if (::fstatat(fd, name_z.c_str(), &st, flags) != 0) {
                report_errno(s.entry.path, errno);  // a broken link when following, or a race
                continue;
            }
            if (type == DT_LNK && S_ISDIR(st.st_mode)) {
                const Ancestor* loop = nullptr;
                for (const Ancestor* a = self.get(); a; a = a->parent.get()) {
                    if (a->dev == st.st_dev && a->ino == st.st_ino) {
                        loop = a;
                        break;
                    }
                }
                if (loop) {
                    report(s.entry.path, "File system loop found: " + s.entry.path + " points to an ancestor " + loop->path);
                    continue;
                }
            }
            type = type_from_mode(st.st_mode);
        }
        // Not following links: a symlink is skipped silently, as ripgrep does (not counted).
        if (type == DT_LNK) continue;

        const bool is_dir = type == DT_DIR;
        if (is_dir && name == ".git") {
            if (options_.include_hidden) ++s.local.ignored;
            else ++s.local.hidden;
            continue;
        }
        if (!passes_filters(dir, s, name, is_dir, level.get())) continue;
        if (is_dir) {
            if (descend) {
                Item child{s.entry.path, dir.rel_begin, dir.glob_begin, child_depth, false, level, self, dir.root};
                if (oracle_ == nullptr || !handed_to_oracle(child, s.children)) s.children.push_back(std::move(child));
            }
            continue;
        }
        if (type != DT_REG) {
            ++s.local.special;  // FIFOs, sockets, devices: never opened
            continue;
        }
        s.entry.depth = child_depth;
        s.entry.explicit_root = false;
        s.entry.dir_fd = fd;
        s.entry.name_offset = s.entry.path.size() - name.size();
        s.entry.short_read_is_end = short_read_is_end;
        if (!visit_file(s)) {
            request_stop();
            return;
        }
    }
    // While the directory is open: the batch's entries name their files relative to it.
    if (!hand_over(s)) {
        request_stop();
        return;
    }
    if (observer_ != nullptr && !should_stop()) observer_->directory_done(dir.path, present, s.local);
}

std::shared_ptr<const IgnoreLevel> WalkRun::directory_level(const Item& dir, int fd, const DirEntries& entries,
                                                            IgnoreFilesPresent& present, Scratch& s) {
    if (!options_.respect_ignore_files) return dir.ignore;
    for (const auto e : entries) {
        if (e.name.size() < 4 || e.name[0] != '.') continue;
        const bool git = e.name == ".git", gitignore = e.name == ".gitignore", ignore = e.name == ".ignore";
        if (!git && !gitignore && !ignore) continue;
        unsigned char type = e.type;
        if (type == DT_UNKNOWN) {
            struct stat st {};
            const std::string name(e.name);
            if (::fstatat(fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) type = type_from_mode(st.st_mode);
        }
        if (git && (type == DT_DIR || type == DT_REG)) {
            present.git = true;
            present.git_is_file = type == DT_REG;
        }
        if (gitignore) present.gitignore = type == DT_REG;
        if (ignore) present.ignore = type == DT_REG;
    }
    if (!present.any()) return dir.ignore;
    const std::string_view dir_view = dir.path;
    const std::string_view dir_relative = dir_view.size() > dir.rel_begin ? dir_view.substr(dir.rel_begin) : std::string_view();
    s.problems.clear();
    auto level = make_level(dir.ignore, fd, dir.path, dir_relative, present, ignore_env_, s.problems);
    for (const auto& p : s.problems) warn(p.path, p.message);
    return level;
}

bool WalkRun::handed_to_oracle(const Item& dir, std::vector<Item>& out) {
    const std::string_view relative =
        dir.path.size() > dir.rel_begin ? std::string_view(dir.path).substr(dir.rel_begin) : std::string_view();
    std::vector<std::string> still_to_read;
    if (!oracle_->serves(dir.root, relative, still_to_read)) return false;
    for (const std::string& target : still_to_read) {
        if (auto item = descend(dir, target)) out.push_back(std::move(*item));
    }
    return true;
}

std::optional<WalkRun::Item> WalkRun::descend(const Item& from, std::string_view target) {
    Item current = from;
    const std::size_t from_length = from.path.size() > from.rel_begin ? from.path.size() - from.rel_begin : 0;
    std::string_view rest = target.substr(std::min(target.size(), from_length == 0 ? 0 : from_length + 1));
    Scratch s;  // its counts are dropped: the oracle accounts for the directories it serves
    while (!rest.empty()) {
        const std::size_t slash = rest.find('/');
        const std::string_view name = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        const int fd = ::open(current.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            report_errno(current.path, errno);
            return std::nullopt;
        }
        const FdCloser closer(fd);
        if (const int err = s.entries.read_all(fd); err != 0) {
            report_errno(current.path, err);
            return std::nullopt;
        }
        IgnoreFilesPresent present;
        const std::shared_ptr<const IgnoreLevel> level = directory_level(current, fd, s.entries, present, s);
        bool found = false;
        unsigned char type = DT_UNKNOWN;
        for (const auto e : s.entries) {
            if (e.name != name) continue;
            found = true;
            type = e.type;
            break;
        }
        if (type == DT_UNKNOWN && found) {
            const std::string name_z(name);
            struct stat st {};
            if (::fstatat(fd, name_z.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
            type = type_from_mode(st.st_mode);
        }
        const unsigned child_depth = current.depth + 1;
        // Gone, no longer a folder, or one the walk would not enter: nothing to read there.
        if (!found || type != DT_DIR || name == ".git" || (options_.max_depth && child_depth >= *options_.max_depth)) {
            return std::nullopt;
        }
        s.entry.path.assign(current.path);
        if (!current.path.ends_with('/')) s.entry.path.push_back('/');
        s.entry.path.append(name);
        if (!passes_filters(current, s, name, true, level.get())) return std::nullopt;
        current = Item{s.entry.path, current.rel_begin, current.glob_begin, child_depth, false, level, nullptr, current.root};
    }
    return current;
}

bool WalkRun::passes_filters(const Item& dir, Scratch& s, std::string_view name, bool is_dir,
                             const IgnoreLevel* level) {
    const std::string_view path = s.entry.path;
    const std::string_view relative = path.substr(dir.rel_begin);
    bool whitelisted = false;
    bool by_glob = false;
    if (filters_.has_globs()) {
        // Globs beat ignore files, file types and the hidden rule (ripgrep's overrides).
        const IgnoreMatch m = filters_.match_globs(path.substr(dir.glob_begin), name, is_dir);
        if (m == IgnoreMatch::Ignore) {
            ++s.local.ignored;
            return false;
        }
        whitelisted = by_glob = m == IgnoreMatch::Whitelist;
    }
    if (!whitelisted && level) {
        const IgnoreMatch m = match_ignore_chain(level, relative, name, is_dir, s.match_scratch);
        if (m == IgnoreMatch::Ignore) {
            ++s.local.ignored;
            return false;
        }
        whitelisted = m == IgnoreMatch::Whitelist;
    }
    if (!by_glob && filters_.has_types()) {
        // As in ripgrep, a file of a selected type is searched even when hidden (-t sh finds
        // .bashrc); an excluded or unselected type is ignored.
        const IgnoreMatch m = filters_.match_type(name, is_dir);
        if (m == IgnoreMatch::Ignore) {
            ++s.local.ignored;
            return false;
        }
        if (m == IgnoreMatch::Whitelist) whitelisted = true;
    }
    if (is_dir ? filters_.rejected_dir(relative, name) : filters_.rejected_file(relative, name)) {
        ++s.local.ignored;
        return false;
    }
    if (!whitelisted && !options_.include_hidden && name.front() == '.') {
        ++s.local.hidden;
        return false;
    }
    return true;
}

bool WalkRun::visit_file(Scratch& s) {
    if (batch_visit_ == nullptr) return (*visit_)(s.entry);
    if (s.batch_used == s.batch.size()) s.batch.emplace_back();
    WalkEntry& kept = s.batch[s.batch_used++];
    kept.path.assign(s.entry.path);
    kept.depth = s.entry.depth;
    kept.explicit_root = s.entry.explicit_root;
    kept.dir_fd = s.entry.dir_fd;
    kept.name_offset = s.entry.name_offset;
    kept.short_read_is_end = s.entry.short_read_is_end;
    return s.batch_used < Walker::kBatchFiles || hand_over(s);
}

bool WalkRun::hand_over(Scratch& s) {
    const std::size_t count = std::exchange(s.batch_used, 0);
    if (count == 0 || should_stop()) return true;
    return (*batch_visit_)(std::span<const WalkEntry>(s.batch.data(), count));
}

void WalkRun::flush(Scratch& s) {
    auto add = [](std::atomic<std::uint64_t>& to, std::uint64_t& from) {
        if (from != 0) to.fetch_add(from, std::memory_order_relaxed);
        from = 0;
    };
    add(counters_.ignored, s.local.ignored);
    add(counters_.hidden, s.local.hidden);
    add(counters_.special, s.local.special);
    add(counters_.errors, s.local.errors);
}

void WalkRun::report(const std::string& path, const std::string& message) {
    counters_.errors.fetch_add(1, std::memory_order_relaxed);
    if (!on_error_) return;
    std::lock_guard guard(error_mutex_);
    on_error_(PathError{path, message});
}

// Problems in ignore files: rg and git go on with the rules they could read, so do we.
void WalkRun::warn(const std::string& path, const std::string& message) {
    if (!on_error_) return;
    std::lock_guard guard(error_mutex_);
    on_error_(PathError{path, message, true});
}

void WalkRun::report_errno(const std::string& path, int err) { report(path, errno_text(err)); }

void WalkRun::request_stop() {
    {
        std::lock_guard lock(mutex_);  // under the lock, so no waiter misses the wake-up
        stop_.store(true, std::memory_order_relaxed);
    }
    wake_.notify_all();
}

}  // namespace codescout
