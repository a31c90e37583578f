// The reference the literal finder tests compare against: a byte-by-byte search with the
// contract of LiteralSearcher::find (leftmost position, lowest needle index at that position).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/match/literal_search.h"

namespace codescout::test {

inline char fold_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }

inline std::optional<LiteralSearcher::Hit> naive_find(const std::string& hay, std::size_t from,
                                                      const std::vector<LiteralNeedle>& needles) {
    for (std::size_t pos = from; pos < hay.size(); ++pos) {
        for (std::size_t k = 0; k < needles.size(); ++k) {
            const std::string& n = needles[k].bytes;
            if (n.size() > hay.size() - pos) continue;
            bool equal = true;
            for (std::size_t i = 0; i < n.size() && equal; ++i) {
                equal = needles[k].ascii_caseless ? fold_ascii(hay[pos + i]) == fold_ascii(n[i]) : hay[pos + i] == n[i];
            }
            if (equal) return LiteralSearcher::Hit{pos, k};
        }
    }
    return std::nullopt;
}

}  // namespace codescout::test
