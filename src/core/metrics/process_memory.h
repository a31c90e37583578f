// What the operating system says this process uses, to set beside the engine's own accounting.
#pragma once

#include <cstdint>

namespace codescout {

// Resident set size of this process in bytes, from /proc/self/statm; 0 where unavailable.
std::uint64_t process_resident_bytes();

}  // namespace codescout
