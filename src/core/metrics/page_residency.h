// Which bytes of an address range of this process are in memory, asked of the kernel (mincore):
// a heap block or part of a mapping may be allocated but never touched, and then it is not resident.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace codescout {

// Resident bytes of [start, start + size): each resident page counts for its overlap with the
// range. nullopt when mincore refuses (part of the range is not mapped).
std::optional<std::uint64_t> resident_bytes(std::uintptr_t start, std::size_t size);

}  // namespace codescout
