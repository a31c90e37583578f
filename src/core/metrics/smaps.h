// Parsers for the kernel's view of this process's memory: /proc/self/smaps (one record per
// mapping), smaps_rollup (the totals) and status (VmHWM, the peak resident size). Plain data out,
// so the attribution can be computed from real files or from test fixtures alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codescout {

// One mapping (VMA) of /proc/self/smaps.
struct SmapsRegion {
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    std::string perms;      // "r-xp", "---p", ...
    std::uint64_t inode = 0;
    std::string name;       // "/usr/lib/...", "[heap]", "[stack]", "" for anonymous
    std::uint64_t rss = 0;  // bytes ("Rss:" is in kB)

    bool file_backed() const { return inode != 0 || (!name.empty() && name.front() == '/'); }
    bool guard() const { return perms.size() >= 3 && perms.compare(0, 3, "---") == 0; }
};

// All regions in address order; nullopt when the text has no region at all (not smaps).
std::optional<std::vector<SmapsRegion>> parse_smaps(std::string_view text);

// The "Rss:" total of smaps_rollup in bytes, or nullopt.
std::optional<std::uint64_t> parse_rollup_rss(std::string_view text);

// A "Key:   N kB" line of /proc/self/status (VmHWM, VmRSS) in bytes, or nullopt.
std::optional<std::uint64_t> parse_status_kb(std::string_view text, std::string_view key);

}  // namespace codescout
