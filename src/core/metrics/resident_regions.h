// The process's mappings with the resident bytes of each, as smaps's "Rss" counts them (the
// pages present in this process's page tables), read the cheaper of two ways:
//   maps + pagemap - the mappings' list (no page walk) and one 8-byte entry per page of them,
//                    present or not. Measured in a process with the GUI's 120 libraries (~700
//                    mappings, 78 MiB resident; build/prof/probecost at load 7-11): 1.1 ms against
//                    7.4-12 ms for smaps, whose cost is mostly its 25 formatted lines per mapping.
//   smaps          - when pagemap is unreadable, or when the mappings are too large for it: its
//                    cost grows with their virtual size (a sanitizer's terabytes of shadow
//                    reservation would be gigabytes of entries), smaps's with the mappings and
//                    their present pages only.
// Inaccessible ("---") mappings are not read through pagemap: nothing can have touched their
// pages through them (glibc's arena tails and guard pages). A mapping made inaccessible after
// its pages were touched would be missed; nothing in CodeScout does that, and the shortfall
// would show as negative "unattributed", not be hidden.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/metrics/proc_source.h"
#include "core/metrics/smaps.h"

namespace codescout {

enum class RegionSource { none, pagemap, smaps };

struct ResidentRegions {
    std::optional<std::vector<SmapsRegion>> regions;  // nullopt: neither way could be read
    RegionSource source = RegionSource::none;
};

// Above this many pages of accessible mappings, smaps is read instead of pagemap (1 GiB of 4 KiB
// pages: ~2 MiB of pagemap entries, about smaps's cost at the measured rate).
inline constexpr std::uint64_t kMaxPagemapPages = std::uint64_t{1} << 18;

ResidentRegions read_resident_regions(const ProcSource& proc = ProcSource());

// Fills each region's rss from pagemap entries read from `pagemap_fd` (entry i describes the
// page at address i x page_size; bit 63: present). Neighbouring regions less than 1 MiB apart
// are read in one go (a library's mappings lie side by side; per-call cost dominates otherwise).
// False when the entries cannot be read.
bool count_present_pages(std::vector<SmapsRegion>& regions, int pagemap_fd, std::uint64_t page_size);

}  // namespace codescout
