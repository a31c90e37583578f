// Where the index of a folder lives and who may write it: one file per root folder under
// $XDG_CACHE_HOME/codescout/index/ (default ~/.cache/codescout/index/), named after a hash of the
// folder's canonical path (which the file also records, so a collision is detected), and a lock
// file beside it that one builder at a time holds (two CodeScout processes on one folder).
#pragma once

#include <filesystem>
#include <string>

namespace codescout {

// $XDG_CACHE_HOME/codescout/index, or $HOME/.cache/codescout/index. Throws std::runtime_error
// when neither variable gives an absolute path.
std::filesystem::path default_index_directory();

// The folder's canonical absolute path (symlinks resolved): what identifies an index. Throws
// std::runtime_error when `root` does not exist or is not a directory.
std::string canonical_root(const std::string& root);

// The index file of `canonical` (as canonical_root() returns it) in `directory`.
std::filesystem::path index_file_for(const std::filesystem::path& directory, const std::string& canonical);

// An exclusive, non-blocking advisory lock (flock) on "<index file>.lock"; released by the
// destructor or when the process dies, so a killed builder never leaves a folder locked.
class IndexLock {
public:
    explicit IndexLock(const std::filesystem::path& index_file);
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;
    bool acquired() const { return fd_ >= 0; }
    // Whether some process holds the lock right now (for status displays).
    static bool held_by_anyone(const std::filesystem::path& index_file);

private:
    int fd_ = -1;
};

}  // namespace codescout
