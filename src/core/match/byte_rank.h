// Byte frequency ranks for choosing the rarest bytes of a literal needle (see byte_rank.cpp).
#pragma once

#include <cstdint>

namespace codescout {

// 0 for the rarest byte value in typical source text, 255 for the most common (the space).
std::uint8_t byte_rank(std::uint8_t byte);

}  // namespace codescout
