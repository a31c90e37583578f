// Where the process memory readers find /proc. Production reads the real "/proc/self"; tests
// point it at a folder of prepared files (or one with files missing) to check parsing and that a
// missing or unreadable file yields "unavailable", never zero.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace codescout {

class ProcSource {
public:
    // `self_dir` is the folder holding status, maps, pagemap, smaps, smaps_rollup (default: "/proc/self").
    explicit ProcSource(std::string self_dir = "/proc/self") : self_dir_(std::move(self_dir)) {}

    // The whole file, or nullopt when it is missing or unreadable. Plain POSIX reads: /proc files
    // report size 0, so they are read until EOF.
    std::optional<std::string> read(std::string_view name) const;

    // A read-only descriptor of the file (the caller closes it), or -1: for files read by
    // offset, such as pagemap.
    int open(std::string_view name) const;

    const std::string& self_dir() const { return self_dir_; }

private:
    std::string self_dir_;
};

}  // namespace codescout
