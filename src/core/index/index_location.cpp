// See index_location.h.
#include "core/index/index_location.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/index/checksum.h"

namespace codescout {

std::filesystem::path default_index_directory() {
    const char* cache = std::getenv("XDG_CACHE_HOME");
    if (cache != nullptr && cache[0] == '/') return std::filesystem::path(cache) / "codescout" / "index";
    const char* home = std::getenv("HOME");
    if (home != nullptr && home[0] == '/') return std::filesystem::path(home) / ".cache" / "codescout" / "index";
    throw std::runtime_error("no cache directory for the index: set XDG_CACHE_HOME or HOME to an absolute path");
}

std::string canonical_root(const std::string& root) {
    char* resolved = ::realpath(root.c_str(), nullptr);
    if (resolved == nullptr) throw std::runtime_error(root + ": " + std::strerror(errno));
    std::string result(resolved);
    std::free(resolved);
    struct stat st {};
    if (::stat(result.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        throw std::runtime_error(root + ": not a directory (only folders are indexed)");
    }
    return result;
}

std::filesystem::path index_file_for(const std::filesystem::path& directory, const std::string& canonical) {
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.idx", static_cast<unsigned long long>(checksum_of(canonical)));
    return directory / name;
}

IndexLock::IndexLock(const std::filesystem::path& index_file) {
    const std::string path = index_file.string() + ".lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) return;
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

IndexLock::~IndexLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

bool IndexLock::held_by_anyone(const std::filesystem::path& index_file) {
    const std::string path = index_file.string() + ".lock";
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return held;
}

}  // namespace codescout
