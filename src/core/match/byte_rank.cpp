// How common each byte value is in source code and text, as a rank (0 = rarest, 255 = most
// common). The literal finder anchors its SIMD scan on the two rarest bytes of a needle, so that
// few positions survive the prefilter. Measured once over /usr/include and /usr/share/doc of a
// Debian system (156 MB); only the order matters, so small shifts in the corpus change nothing.
#include "core/match/byte_rank.h"

#include <array>

namespace codescout {

namespace {

constexpr std::array<std::uint8_t, 256> kRanks = {
      0,   1,   2,   3,   4,   5,   6,   7,   8, 198, 244,   9, 132, 136,  10,  11,  // 0x00
     12,  13,  14,  15,  16,  17,  18,  19,  61,  20,  21,  22,  23,  24,  25,  26,  // 0x10
    255, 162, 203, 206, 161, 160, 172, 173, 230, 231, 234, 166, 222, 217, 215, 236,  // 0x20
    214, 210, 204, 191, 189, 193, 187, 179, 185, 192, 201, 205, 211, 194, 212, 158,  // 0x30
    170, 221, 195, 226, 208, 235, 202, 199, 188, 229, 169, 186, 225, 207, 228, 227,  // 0x40
    219, 165, 224, 240, 232, 197, 190, 174, 196, 183, 164, 182, 178, 181, 155, 251,  // 0x50
    180, 247, 220, 245, 243, 254, 238, 223, 239, 249, 184, 216, 242, 233, 250, 248,  // 0x60
    241, 171, 246, 252, 253, 237, 213, 200, 209, 218, 175, 177, 163, 176, 159,  27,  // 0x70
    154, 106, 144, 112,  83, 101,  98, 124, 117,  93,  65,  81,  99, 113,  82,  91,  // 0x80
    123,  85,  86, 111, 153,  76,  87,  75, 130, 146,  94,  90, 148, 145,  72, 149,  // 0x90
    167, 141, 103, 127, 128, 108, 114, 122, 120, 152,  79, 150, 115, 125, 100,  78,  // 0xA0
    135, 121, 133, 116, 139, 134, 147,  63, 142,  71, 137, 110, 129, 131, 140,  92,  // 0xB0
     28,  29, 168, 157, 126, 138,  66,  30,  69,  80,  64,  67,  88,  31,  84,  96,  // 0xC0
    151, 143,  32,  33,  34,  35,  36, 107,  73,  74,  37,  38,  39,  40,  41,  42,  // 0xD0
    118, 102, 156,  89, 104, 119, 105,  97,  95, 109,  43,  44,  45,  46,  47,  77,  // 0xE0
     70,  48,  49,  62,  59,  50,  60,  51,  52,  53,  58,  54,  55,  68,  56,  57,  // 0xF0
};

}  // namespace

std::uint8_t byte_rank(std::uint8_t byte) { return kRanks[byte]; }

}  // namespace codescout
