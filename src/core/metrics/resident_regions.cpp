// See resident_regions.h.
#include "core/metrics/resident_regions.h"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

namespace codescout {

namespace {

constexpr std::uint64_t kPresentBit = std::uint64_t{1} << 63;
constexpr std::uint64_t kMergeGapBytes = std::uint64_t{1} << 20;
constexpr std::size_t kEntriesPerRead = 8192;  // 64 KiB of entries

bool read_through_pagemap(const SmapsRegion& region) {
    // [vsyscall] lies at the top of the address space, outside what pagemap describes.
    return !region.guard() && region.name != "[vsyscall]" && region.end > region.start;
}

bool read_entries(int fd, std::uint64_t first_page, std::size_t count, std::vector<std::uint64_t>& out) {
    out.resize(count);
    auto* bytes = reinterpret_cast<char*>(out.data());
    std::size_t want = count * sizeof(std::uint64_t);
    off_t offset = static_cast<off_t>(first_page * sizeof(std::uint64_t));
    while (want > 0) {
        const ssize_t n = ::pread(fd, bytes, want, offset);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes += n;
        want -= static_cast<std::size_t>(n);
        offset += n;
    }
    return true;
}

}  // namespace

bool count_present_pages(std::vector<SmapsRegion>& regions, int pagemap_fd, std::uint64_t page_size) {
    std::vector<std::uint64_t> entries;
    std::size_t i = 0;
    while (i < regions.size()) {
        if (!read_through_pagemap(regions[i])) {
            regions[i++].rss = 0;
            continue;
        }
        // One run: this region and the next readable ones that start within the gap of its end.
        std::size_t last = i;
        for (std::size_t j = i + 1; j < regions.size(); ++j) {
            if (!read_through_pagemap(regions[j])) continue;
            if (regions[j].start < regions[last].end || regions[j].start - regions[last].end > kMergeGapBytes) break;
            last = j;
        }
        const std::uint64_t run_first = regions[i].start / page_size;
        const std::uint64_t run_end = (regions[last].end + page_size - 1) / page_size;
        for (std::size_t r = i; r <= last; ++r) regions[r].rss = 0;
        std::size_t region = i;
        for (std::uint64_t page = run_first; page < run_end;) {
            const std::size_t count = static_cast<std::size_t>(std::min<std::uint64_t>(run_end - page, kEntriesPerRead));
            if (!read_entries(pagemap_fd, page, count, entries)) return false;
            for (std::size_t k = 0; k < count; ++k) {
                if ((entries[k] & kPresentBit) == 0) continue;
                const std::uint64_t address = (page + k) * page_size;
                while (region <= last && regions[region].end <= address) ++region;
                if (region > last) break;
                if (address >= regions[region].start && read_through_pagemap(regions[region])) {
                    regions[region].rss += page_size;
                }
            }
            page += count;
        }
        i = last + 1;
    }
    return true;
}

ResidentRegions read_resident_regions(const ProcSource& proc) {
    ResidentRegions out;
    if (const auto maps = proc.read("maps")) {
        if (auto regions = parse_smaps(*maps)) {
            static const auto page_size = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
            std::uint64_t pages = 0;
            for (const SmapsRegion& region : *regions) {
                if (read_through_pagemap(region)) pages += (region.end - region.start) / page_size;
            }
            if (pages <= kMaxPagemapPages) {
                const int fd = proc.open("pagemap");
                const bool counted = fd >= 0 && count_present_pages(*regions, fd, page_size);
                if (fd >= 0) ::close(fd);
                if (counted) {
                    out.regions = std::move(regions);
                    out.source = RegionSource::pagemap;
                    return out;
                }
            }
        }
    }
    if (const auto smaps = proc.read("smaps")) {
        out.regions = parse_smaps(*smaps);
        if (out.regions) out.source = RegionSource::smaps;
    }
    return out;
}

}  // namespace codescout
