// A match inside one line of a result, as byte offsets into its text (line_list.h).
#pragma once

#include <cstdint>

namespace codescout {

struct MatchSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    bool operator==(const MatchSpan&) const = default;
};

}  // namespace codescout
