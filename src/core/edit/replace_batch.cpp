// ReplaceBatch, temp_name_for (see replace_batch.h).
#include "core/edit/replace_batch.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>  // renameat2, RENAME_EXCHANGE
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <variant>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "core/edit/file_io.h"
#include "core/edit/metadata_copy.h"

namespace codescout {

namespace {

bool same_file_unchanged(const struct stat& a, const struct stat& b) {
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_size == b.st_size &&
           a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec &&
           a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec;
}

Skip write_failure(int error, const std::string& what) {
    if (error == ENOSPC) return {SkipReason::WriteFailed, what + ": no space left on the device; the file is unchanged"};
    return {SkipReason::WriteFailed, what + ": " + errno_message(error) + "; the file is unchanged"};
}

// Batches of fewer files rename on the calling thread (see commit()).
constexpr std::size_t kThreadedRenamesFrom = 128;

std::size_t rename_threads() { return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4); }

FolderId folder_of(int dir) {
    struct stat st {};
    if (::fstat(dir, &st) != 0) return {};
    return {st.st_dev, st.st_ino};
}

}  // namespace

// Network and FUSE file systems, where syncfs() may not reach the server's disk (or is not
// passed on at all): their files and folders are fsynced one by one.
bool flushed_file_by_file(int dir) {
    struct statfs fs {};
    if (::fstatfs(dir, &fs) != 0) return true;
    switch (static_cast<unsigned long>(fs.f_type)) {
    case 0x6969:      // NFS
    case 0x65735546:  // FUSE (sshfs, virtiofs, ...)
    case 0x517B:      // SMB
    case 0xFF534D42:  // CIFS
    case 0xFE534D42:  // SMB2
    case 0x01021997:  // 9P
    case 0x00C36400:  // Ceph
    case 0x6B414653:  // AFS
        return true;
    default:
        return false;
    }
}

namespace {

bool needs_fsync_each(int dir) { return flushed_file_by_file(dir); }

}  // namespace

std::string temp_name_for(const std::string& name, const std::string& entry_id, std::size_t index, std::string_view purpose) {
    // NAME_MAX is 255: keep the tag whole and shorten the borrowed name instead.
    const std::string tag = ".codescout-" + std::string(purpose) + "-" + entry_id + "-" + std::to_string(index);
    const std::size_t room = 250 - tag.size();
    return "." + name.substr(0, room) + tag;
}

ReplaceBatch::ReplaceBatch(StepHook hook, BatchLimits limits) : hook_(std::move(hook)), limits_(limits) {
    limits_.files = std::max<std::size_t>(limits_.files, 1);
    limits_.descriptors = std::max<std::size_t>(limits_.descriptors, 2);
}

ReplaceBatch::~ReplaceBatch() { discard(); }

std::size_t ReplaceBatch::descriptors() const { return folders_.size() + open_temps_; }

bool ReplaceBatch::full() const {
    return staged_.size() >= limits_.files || bytes_ >= limits_.bytes || descriptors() >= limits_.descriptors;
}

WrittenTemp::~WrittenTemp() {
    if (!name.empty() && dir >= 0) ::unlinkat(dir, name.c_str(), 0);
}

WrittenTemp& WrittenTemp::operator=(WrittenTemp&& other) noexcept {
    if (this != &other) {
        if (!name.empty() && dir >= 0) ::unlinkat(dir, name.c_str(), 0);
        dir = other.dir;
        name = std::exchange(other.name, {});
        fd = std::move(other.fd);
        bytes = other.bytes;
        owner_kept = other.owner_kept;
    }
    return *this;
}

std::variant<WrittenTemp, Skip> write_temp(const ConfinedFile& file, const std::string& temp_name, std::string_view content,
                                           const struct timespec* times) {
    const int dir = file.dir.get();
    const char* temp = temp_name.c_str();
    const int create = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    const mode_t mode = creation_mode(file.status);
    FileDescriptor out(::openat(dir, temp, create, mode));
    if (!out && errno == EEXIST) {  // our own leftover from an interrupted run (the name is ours alone)
        ::unlinkat(dir, temp, 0);
        out = FileDescriptor(::openat(dir, temp, create, mode));
    }
    if (!out) return write_failure(errno, "cannot create a temporary file next to it");
    WrittenTemp written;  // from here on, removed again unless handed to a batch
    written.dir = dir;
    written.name = temp_name;
    written.bytes = content.size();
    const int fd = out.get();
    if (const int error = write_all(fd, content); error != 0) return write_failure(error, "cannot write its new content");
    const MetadataResult metadata = copy_metadata(file.file.get(), file.status, fd);
    if (!metadata.error.empty()) return Skip{SkipReason::MetadataNotKept, metadata.error + "; the file is unchanged"};
    written.owner_kept = metadata.owner_kept;
    if (times != nullptr && ::futimens(fd, times) != 0) return write_failure(errno, "cannot set its times");
    written.fd = std::move(out);
    return std::variant<WrittenTemp, Skip>(std::in_place_type<WrittenTemp>, std::move(written));
}

std::optional<Skip> ReplaceBatch::stage(std::size_t key, ConfinedFile file, const std::string& temp_name, std::string_view content,
                                        const struct timespec* times) {
    std::variant<WrittenTemp, Skip> written = write_temp(file, temp_name, content, times);
    if (Skip* skip = std::get_if<Skip>(&written)) return std::move(*skip);
    add_written(key, std::move(file), std::get<WrittenTemp>(written));
    return std::nullopt;
}

bool ReplaceBatch::is_clean(dev_t dev) const { return std::find(clean_.begin(), clean_.end(), dev) != clean_.end(); }

void ReplaceBatch::written_on(dev_t dev) { std::erase(clean_, dev); }

void ReplaceBatch::add_written(std::size_t key, ConfinedFile file, WrittenTemp& written) {
    const std::size_t folder = add_folder(file.dir);
    written_on(folders_[folder].id.dev);  // the next round flushes its file system again
    // From here on the temporary file is the batch's: discard() and commit() remove it on failure.
    staged_.push_back(Staged{key, folder, file.name, file.status, written.name, std::move(written.fd), written.owner_kept});
    ++staged_names_[file.name];
    written.name.clear();
    reach_step(hook_, "temp-created");
    // syncfs() needs no descriptor of it: it is handed to the writeback starter (so that its
    // writeback overlaps the rest of the batch's work and the flush round finds most of the data
    // on the disk), which closes it.
    if (!folders_[folder].flush_each) writeback_.start(std::move(staged_.back().temp), written.bytes);
    else ++open_temps_;
    bytes_ += written.bytes;
    reach_step(hook_, "temp-written");
}

std::optional<Skip> ReplaceBatch::add_prepared(std::size_t key, ConfinedFile file, const std::string& temp_name, FolderId folder,
                                               std::uint64_t bytes, bool owner_kept) {
    if (!(folder_of(file.dir.get()) == folder))
        return Skip{SkipReason::ChangedSinceSearch, "its folder was moved or replaced while it was being rewritten; the file is unchanged"};
    const std::size_t index = add_folder(file.dir, folder);
    staged_.push_back(Staged{key, index, file.name, file.status, temp_name, FileDescriptor(), owner_kept});
    ++staged_names_[file.name];
    bytes_ += bytes;
    return std::nullopt;
}

std::size_t ReplaceBatch::add_folder(FileDescriptor& dir) { return add_folder(dir, folder_of(dir.get())); }

std::size_t ReplaceBatch::add_folder(FileDescriptor& dir, FolderId id) {
    if (const auto known = folder_index_.find(id); known != folder_index_.end()) return known->second;
    const bool flush_each = needs_fsync_each(dir.get());
    folders_.push_back(Folder{id, std::move(dir), flush_each});
    folder_index_.emplace(id, folders_.size() - 1);
    return folders_.size() - 1;
}

bool ReplaceBatch::stage_exchange(std::size_t key, ConfinedFile& file, int source_dir, const std::string& source_name,
                                  const struct stat& source_status) {
    const FolderId id = folder_of(file.dir.get());
    const auto known = folder_index_.find(id);
    if (known != folder_index_.end() ? folders_[known->second].flush_each : needs_fsync_each(file.dir.get())) return false;
    const std::size_t folder = add_folder(file.dir);
    Staged s{key, folder, file.name, file.status, source_name, FileDescriptor(), true};
    s.source_dir = source_dir;
    s.source_status = source_status;
    staged_.push_back(std::move(s));
    ++staged_names_[file.name];
    reach_step(hook_, "exchange-staged");
    return true;
}

bool ReplaceBatch::holds(const ConfinedFile& file) const {
    const auto same_name = [&](const Staged& s) { return s.name == file.name; };
    if (!staged_names_.contains(file.name)) return false;  // the common case: no scan, no fstat
    const FolderId id = folder_of(file.dir.get());
    return std::any_of(staged_.begin(), staged_.end(), [&](const Staged& s) { return same_name(s) && folders_[s.folder].id == id; });
}

void ReplaceBatch::commit(const std::function<bool(std::size_t key, const ReplaceResult& result)>& done) {
    if (staged_.empty()) {
        forget_staged();
        return;
    }
    reach_step(hook_, "batch-written");
    // The flush round: one syncfs() per file system with temporary files not flushed yet, which
    // also makes the renames pending there durable; fsync() one by one where syncfs() is not
    // enough. The renames on a clean file system stay pending (see the header).
    std::vector<std::pair<dev_t, int>> synced;  // file system, its flush's errno
    auto flush = [&](dev_t dev, int fd) {
        for (const auto& [done_dev, error] : synced)
            if (done_dev == dev) return error;
        synced.emplace_back(dev, sync_file_system(fd));
        if (synced.back().second == 0) clean_.push_back(dev);
        reach_step(hook_, "file-system-synced");
        return synced.back().second;
    };
    std::vector<int> folder_error(folders_.size(), 0);
    for (std::size_t f = 0; f < folders_.size(); ++f)
        if (!folders_[f].flush_each && !is_clean(folders_[f].id.dev)) folder_error[f] = flush(folders_[f].id.dev, folders_[f].fd.get());
    std::erase_if(pending_, [&](const Pending& p) {
        if (p.flush_each) {
            (void)sync_fd(p.fd.get());
            return true;
        }
        const bool synced_now = std::any_of(synced.begin(), synced.end(), [&](const auto& s) { return s.first == p.dev; });
        if (is_clean(p.dev) && !synced_now) return false;  // waits for sync_renames()
        (void)flush(p.dev, p.fd.get());
        return true;
    });
    std::vector<int> flush_error(staged_.size(), 0);
    for (std::size_t i = 0; i < staged_.size(); ++i)
        flush_error[i] = staged_[i].temp ? sync_fd(staged_[i].temp.get()) : folder_error[staged_[i].folder];
    reach_step(hook_, "batch-synced");

    // The renames (or exchanges). A large batch's are split between threads, in halves (mostly
    // different folders, so they seldom wait on one folder's lock): the kernel tree's 10,922
    // renames took 0.12-0.14 s on one thread and 0.07-0.09 s on two (bench/replace-floor.c,
    // journaled ext4). `done` is called under a lock, one file at a time, in the order the files
    // finish; once it says stop, each thread stops after the file it is on, and that file is
    // reported too — every file renamed is reported, so a rollback finds it. A small batch stays
    // on this thread, in staging order: a thread gains nothing there, and what a crash leaves
    // is then the staging order's (the crash tests name exact states).
    std::vector<char> renamed_in(folders_.size(), 0);
    std::mutex done_mutex;
    std::atomic<bool> go_on{true};
    auto settle_range = [&](std::size_t begin, std::size_t end) {
        for (std::size_t next = begin; next < end && go_on; ++next) {
            Staged& s = staged_[next];
            const ReplaceResult result = replace_one(s, flush_error[next]);
            const std::lock_guard lock(done_mutex);
            if (!result.skip || s.source_dir >= 0) renamed_in[s.folder] = 1;
            if (!done(s.key, result)) go_on = false;
        }
    };
    const std::size_t count = staged_.size();
    const std::size_t threads = count >= kThreadedRenamesFrom ? rename_threads() : 1;
    {
        std::vector<std::jthread> helpers;
        std::size_t t = 1;
        for (; t < threads; ++t) {
            try {
                helpers.emplace_back(settle_range, count * t / threads, count * (t + 1) / threads);
            } catch (const std::system_error&) {
                break;  // no thread to be had: this one does the rest
            }
        }
        settle_range(0, count / threads);
        for (; t < threads; ++t) settle_range(count * t / threads, count * (t + 1) / threads);
    }
    // The renames wait for the next flush round or sync_renames(): one descriptor per file
    // system (per folder where folders are flushed one by one).
    for (std::size_t f = 0; f < folders_.size(); ++f) {
        if (!renamed_in[f]) continue;
        const bool each = folders_[f].flush_each;
        const bool have = !each && std::any_of(pending_.begin(), pending_.end(), [&](const Pending& p) {
            return !p.flush_each && p.dev == folders_[f].id.dev;
        });
        if (!have) pending_.push_back(Pending{folders_[f].id.dev, FileDescriptor(::fcntl(folders_[f].fd.get(), F_DUPFD_CLOEXEC, 0)), each});
    }
    forget_staged();  // the rest, if stopped, keep their old content
}

ReplaceResult ReplaceBatch::replace_one(Staged& s, int flush_error) {
    const int dir = folders_[s.folder].fd.get();
    s.temp.reset();
    ReplaceResult result;
    result.owner_kept = s.owner_kept;
    struct stat now {};
    if (flush_error != 0) {
        result.skip = write_failure(flush_error, "cannot flush its new content to disk");
    } else if (::fstatat(dir, s.name.c_str(), &now, AT_SYMLINK_NOFOLLOW) != 0 || !same_file_unchanged(now, s.status)) {
        result.skip = Skip{SkipReason::ChangedSinceSearch, "it changed while it was being rewritten (someone saved it); left as they saved it"};
    } else if (s.source_dir >= 0) {
        result = exchange(s, dir);
    } else if (::renameat(dir, s.temp_name.c_str(), dir, s.name.c_str()) != 0) {
        result.skip = write_failure(errno, "cannot rename the new content over it");
    }
    if (result.skip && s.source_dir < 0) ::unlinkat(dir, s.temp_name.c_str(), 0);
    s.temp_name.clear();  // renamed or removed: nothing left to discard
    return result;
}

ReplaceResult ReplaceBatch::exchange(const Staged& s, int dir) {
    ReplaceResult result;
    struct stat source {};
    if (::fstatat(s.source_dir, s.temp_name.c_str(), &source, AT_SYMLINK_NOFOLLOW) != 0 || !same_file_unchanged(source, s.source_status)) {
        result.skip = Skip{SkipReason::WriteFailed, "the journal's copy of its original changed before it was put back; the file is unchanged"};
    } else if (::renameat2(s.source_dir, s.temp_name.c_str(), dir, s.name.c_str(), RENAME_EXCHANGE) != 0) {
        const int error = errno;
        result.exchange_unsupported = error == EINVAL || error == ENOSYS || error == EXDEV || error == ENOTSUP;
        result.skip = write_failure(error, "cannot put its original back in place");
    }
    return result;
}

int ReplaceBatch::sync_renames() {
    if (pending_.empty()) return 0;
    int first_error = 0;
    std::vector<dev_t> synced;
    for (const Pending& p : pending_) {
        if (!p.fd) continue;
        if (!p.flush_each && std::find(synced.begin(), synced.end(), p.dev) != synced.end()) continue;
        const int error = p.flush_each ? sync_fd(p.fd.get()) : sync_file_system(p.fd.get());
        if (!p.flush_each) synced.push_back(p.dev);
        if (first_error == 0) first_error = error;
    }
    pending_.clear();
    reach_step(hook_, "renames-synced");
    return first_error;
}

void ReplaceBatch::forget_staged() {
    for (Staged& s : staged_) {
        s.temp.reset();
        if (!s.temp_name.empty() && s.source_dir < 0) ::unlinkat(folders_[s.folder].fd.get(), s.temp_name.c_str(), 0);
    }
    staged_.clear();
    staged_names_.clear();
    open_temps_ = 0;
    folders_.clear();
    folder_index_.clear();
    bytes_ = 0;
}

void ReplaceBatch::discard() { forget_staged(); }

}  // namespace codescout
