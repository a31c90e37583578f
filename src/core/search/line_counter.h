// Counting '\n' bytes fast: line numbers are computed lazily, only between the last counted
// position and the next line that is reported, so this runs over most of the searched bytes.
#pragma once

#include <cstddef>
#include <cstdint>

namespace codescout {

std::uint64_t count_newlines(const char* data, std::size_t size);
// The same for another line terminator (NUL for --null-data records).
std::uint64_t count_byte(const char* data, std::size_t size, char terminator);

}  // namespace codescout
