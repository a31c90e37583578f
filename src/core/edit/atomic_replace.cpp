// replace_atomically, temp_name_for (see atomic_replace.h).
#include "core/edit/atomic_replace.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
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

}  // namespace

std::string temp_name_for(const std::string& name, const std::string& entry_id, std::size_t index, std::string_view purpose) {
    // NAME_MAX is 255: keep the tag whole and shorten the borrowed name instead.
    const std::string tag = ".codescout-" + std::string(purpose) + "-" + entry_id + "-" + std::to_string(index);
    const std::size_t room = 250 - tag.size();
    return "." + name.substr(0, room) + tag;
}

ReplaceResult replace_atomically(const ReplaceRequest& request, const StepHook& hook) {
    ReplaceResult result;
    const ConfinedFile& file = *request.file;
    const int dir = file.dir.get();
    const char* temp = request.temp_name.c_str();

    ::unlinkat(dir, temp, 0);  // our own leftover from an interrupted run (the name is ours alone)
    FileDescriptor out(::openat(dir, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!out) {
        result.skip = write_failure(errno, "cannot create a temporary file next to it");
        return result;
    }
    reach_step(hook, "temp-created");
    auto fail = [&](Skip skip) {
        out.reset();
        ::unlinkat(dir, temp, 0);
        result.skip = std::move(skip);
        return result;
    };
    if (const int error = write_all(out.get(), request.content); error != 0)
        return fail(write_failure(error, "cannot write its new content"));
    reach_step(hook, "temp-written");
    const MetadataResult metadata = copy_metadata(file.file.get(), file.status, out.get());
    if (!metadata.error.empty()) return fail({SkipReason::MetadataNotKept, metadata.error + "; the file is unchanged"});
    result.owner_kept = metadata.owner_kept;
    if (request.times != nullptr && ::futimens(out.get(), request.times) != 0)
        return fail(write_failure(errno, "cannot set its times"));
    if (const int error = sync_fd(out.get()); error != 0) return fail(write_failure(error, "cannot flush its new content to disk"));
    reach_step(hook, "temp-synced");

    struct stat now {};
    if (::fstatat(dir, file.name.c_str(), &now, AT_SYMLINK_NOFOLLOW) != 0 || !same_file_unchanged(now, file.status))
        return fail({SkipReason::ChangedSinceSearch, "it changed while it was being rewritten (someone saved it); left as they saved it"});
    if (::renameat(dir, temp, dir, file.name.c_str()) != 0) return fail(write_failure(errno, "cannot rename the new content over it"));
    out.reset();
    reach_step(hook, "renamed");
    // The rename is durable once the folder is; if this fails the file is new in memory and may
    // be either after a power cut — both are whole, and the journal handles either.
    (void)sync_fd(dir);
    reach_step(hook, "folder-synced");
    return result;
}

}  // namespace codescout
