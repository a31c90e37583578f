// See page_residency.h.
#include "core/metrics/page_residency.h"

#include <algorithm>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

namespace codescout {

std::optional<std::uint64_t> resident_bytes(std::uintptr_t start, std::size_t size) {
    static const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    if (size == 0) return 0;
    const std::uintptr_t first = start / page * page;
    const std::uintptr_t end = start + size;
    const std::size_t pages = (end - first + page - 1) / page;
    std::vector<unsigned char> present(pages);
    if (::mincore(reinterpret_cast<void*>(first), pages * page, present.data()) != 0) return std::nullopt;
    std::uint64_t bytes = 0;
    for (std::size_t i = 0; i < pages; ++i) {
        if ((present[i] & 1) == 0) continue;
        const std::uintptr_t lo = std::max(first + i * page, start);
        const std::uintptr_t hi = std::min(first + (i + 1) * page, end);
        bytes += hi - lo;
    }
    return bytes;
}

}  // namespace codescout
