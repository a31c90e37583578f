// plan_roots, locate_confined, open_confined (see confined_path.h).
#include "core/edit/confined_path.h"

#include <cerrno>
#include <climits>
#include <cstdlib>

#include <fcntl.h>
#include <unistd.h>

namespace codescout {

namespace {

// What realpath() gives, in three system calls instead of one readlink() per component (glibc's
// realpath asks each component in turn, and the kernel walks the path again for each: ~10 walks
// per file of the kernel tree): the path opened once, following links, and the kernel asked for
// the name of what it opened. realpath() where /proc is not mounted.
std::optional<std::string> real_path(const std::string& path) {
    if (const FileDescriptor opened(::open(path.c_str(), O_PATH | O_CLOEXEC)); opened) {
        char name[PATH_MAX];
        const std::string link = "/proc/self/fd/" + std::to_string(opened.get());
        const ssize_t size = ::readlink(link.c_str(), name, sizeof name);
        // A name that does not start with "/" is not a path ("anon_inode:...", or unreachable
        // from this process's root); " (deleted)": it went away meanwhile. Ask realpath() then.
        if (size > 0 && static_cast<std::size_t>(size) < sizeof name && name[0] == '/') {
            std::string result(name, static_cast<std::size_t>(size));
            if (!result.ends_with(" (deleted)")) return result;
        }
    } else if (errno == ENOENT || errno == ENOTDIR || errno == ELOOP) {
        return std::nullopt;  // errno as realpath() would leave it
    }
    char* resolved = ::realpath(path.c_str(), nullptr);
    if (resolved == nullptr) return std::nullopt;
    std::string result(resolved);
    std::free(resolved);
    return result;
}

bool is_directory(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

int open_retrying(int dir, const char* name, int flags) {
    int fd = -1;
    do {
        fd = ::openat(dir, name, flags | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

Skip path_error(int error, const std::string& what) {
    if (error == ELOOP || error == ENOTDIR)
        return {SkipReason::PathChanged,
                what + " is now a symbolic link or no longer a folder: the path changed after it was checked"};
    if (error == ENOENT) return {SkipReason::Missing, what + " no longer exists"};
    return {SkipReason::WriteFailed, "cannot open " + what + ": " + errno_message(error)};
}

}  // namespace

std::vector<std::string> plan_roots(const std::vector<std::string>& roots) {
    std::vector<std::string> canonical;
    for (const std::string& root : roots) {
        if (auto resolved = real_path(root.empty() ? std::string(".") : root)) canonical.push_back(*resolved);
    }
    return canonical;
}

bool is_clean_relative(const std::string& relative) {
    if (relative.empty() || relative.front() == '/' || relative.back() == '/') return false;
    std::size_t start = 0;
    while (start <= relative.size()) {
        std::size_t slash = relative.find('/', start);
        if (slash == std::string::npos) slash = relative.size();
        const std::string_view part(relative.data() + start, slash - start);
        if (part.empty() || part == "." || part == ".." || part.find('\0') != std::string_view::npos) return false;
        start = slash + 1;
    }
    return true;
}

Located locate_confined(const std::string& path, const std::vector<std::string>& roots) {
    Located result;
    const auto resolved = real_path(path);
    if (!resolved) {
        const int error = errno;
        result.skip = error == ENOENT ? Skip{SkipReason::Missing, "it no longer exists (or is a dangling link)"}
                                      : Skip{SkipReason::WriteFailed, "cannot resolve it: " + errno_message(error)};
        return result;
    }
    result.resolved = *resolved;
    for (const std::string& root : roots) {
        if (*resolved == root) {
            if (is_directory(root)) continue;  // a folder root itself is not a file to write
            const std::size_t slash = root.rfind('/');
            result.location = ConfinedLocation{slash == 0 ? std::string("/") : root.substr(0, slash), root.substr(slash + 1)};
            return result;
        }
        // Below the root: the resolution went through it, so it is a folder (no stat of the
        // root per file; open_confined opens it with O_DIRECTORY anyway).
        const std::string prefix = root == "/" ? root : root + "/";
        if (resolved->size() > prefix.size() && resolved->compare(0, prefix.size(), prefix) == 0) {
            result.location = ConfinedLocation{root, resolved->substr(prefix.size())};
            return result;
        }
    }
    result.skip = Skip{SkipReason::OutsideRoots,
                       "it resolves to " + *resolved + ", outside the searched folders (a link or \"..\" leads out): never written"};
    return result;
}

std::optional<ConfinedLocation> locate_by_text(std::string_view path, const std::vector<std::string>& roots, const std::string& cwd) {
    std::string absolute;
    if (path.starts_with('/')) {
        absolute = path;
    } else {
        if (cwd.empty() || cwd.front() != '/') return std::nullopt;
        if (path.starts_with("./")) path.remove_prefix(2);
        absolute = cwd == "/" ? "/" + std::string(path) : cwd + "/" + std::string(path);
    }
    for (const std::string& root : roots) {
        // The same root locate_confined() would pick: the first whose folder holds the path.
        if (absolute == root) return std::nullopt;  // a root that is a file: locate_confined() knows
        const std::string prefix = root == "/" ? root : root + "/";
        if (absolute.size() <= prefix.size() || absolute.compare(0, prefix.size(), prefix) != 0) continue;
        std::string relative = absolute.substr(prefix.size());
        if (!is_clean_relative(relative)) return std::nullopt;
        return ConfinedLocation{root, std::move(relative)};
    }
    return std::nullopt;
}

ConfinedFile open_confined_folder(const ConfinedLocation& location, FolderChain* chain) {
    ConfinedFile out;
    if (!is_clean_relative(location.relative)) {
        out.skip = Skip{SkipReason::OutsideRoots, "its path below the root is not clean (\"..\" or empty parts): never written"};
        return out;
    }
    FolderChain local;
    FolderChain& c = chain != nullptr ? *chain : local;
    if (c.folders_.empty() || c.root_ != location.root) {
        c.clear();
        FileDescriptor root(open_retrying(AT_FDCWD, location.root.c_str(), O_RDONLY | O_DIRECTORY));
        if (!root) {
            out.skip = path_error(errno, "the searched folder " + location.root);
            return out;
        }
        c.root_ = location.root;
        c.folders_.push_back({std::string(), std::move(root)});
    }
    std::size_t depth = 1;  // folders of c that lead to this file so far (the root is one)
    std::size_t start = 0;
    for (;;) {
        const std::size_t slash = location.relative.find('/', start);
        if (slash == std::string::npos) break;
        const std::string_view part(location.relative.data() + start, slash - start);
        if (depth < c.folders_.size() && c.folders_[depth].name == part) {
            ++depth;
            start = slash + 1;
            continue;
        }
        c.folders_.erase(c.folders_.begin() + static_cast<std::ptrdiff_t>(depth), c.folders_.end());
        const std::string name(part);
        FileDescriptor next(open_retrying(c.folders_.back().fd.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW));
        if (!next) {
            out.skip = path_error(errno, "its folder " + location.relative.substr(0, slash));
            return out;
        }
        c.folders_.push_back({name, std::move(next)});
        ++depth;
        start = slash + 1;
    }
    c.folders_.erase(c.folders_.begin() + static_cast<std::ptrdiff_t>(depth), c.folders_.end());
    out.name = location.relative.substr(start);
    // The chain keeps its folder; the file gets its own descriptor of it (a batch holds it).
    FileDescriptor dir(chain != nullptr ? ::fcntl(c.folders_.back().fd.get(), F_DUPFD_CLOEXEC, 0) : -1);
    if (chain == nullptr) dir = std::move(c.folders_.back().fd);
    if (!dir) {
        out.skip = Skip{SkipReason::WriteFailed, "cannot open its folder: " + errno_message(errno)};
        return out;
    }
    out.dir = std::move(dir);
    return out;
}

ConfinedFile open_confined(const ConfinedLocation& location, FolderChain* chain) {
    ConfinedFile out = open_confined_folder(location, chain);
    if (out.skip) return out;
    FileDescriptor dir = std::move(out.dir);
    // O_NONBLOCK: a FIFO swapped in under this name must not make the apply hang.
    FileDescriptor file(open_retrying(dir.get(), out.name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK));
    out.dir = std::move(dir);
    if (!file) {
        out.skip = path_error(errno, "the file");
        return out;
    }
    if (::fstat(file.get(), &out.status) != 0) {
        out.skip = Skip{SkipReason::WriteFailed, "cannot read its status: " + errno_message(errno)};
        return out;
    }
    if (!S_ISREG(out.status.st_mode)) {
        out.skip = Skip{SkipReason::NotRegular, "it is not a regular file (any more)"};
        return out;
    }
    out.file = std::move(file);
    return out;
}

}  // namespace codescout
