// Unicode case variants of ASCII literals (see caseless_variants.h).
#include "core/match/caseless_variants.h"

#include <cstdint>
#include <limits>

namespace codescout {

namespace {

constexpr std::string_view kKelvinSign = "\xE2\x84\xAA";  // U+212A, folds to 'k'
constexpr std::string_view kLongS = "\xC5\xBF";           // U+017F, folds to 's'

// The non-ASCII character that folds onto this ASCII byte, or an empty view.
std::string_view non_ascii_variant(char c) {
    switch (c) {
    case 'k': case 'K': return kKelvinSign;
    case 's': case 'S': return kLongS;
    default: return {};
    }
}

}  // namespace

std::size_t unicode_case_variant_count(std::string_view ascii) {
    std::size_t count = 1;
    for (const char c : ascii) {
        if (non_ascii_variant(c).empty()) continue;
        if (count > std::numeric_limits<std::size_t>::max() / 2) return std::numeric_limits<std::size_t>::max();
        count *= 2;
    }
    return count;
}

std::vector<std::string> unicode_case_variants(std::string_view ascii) {
    std::vector<std::string> variants{std::string()};
    for (const char c : ascii) {
        const std::string_view other = non_ascii_variant(c);
        const std::size_t before = variants.size();
        for (std::size_t i = 0; i < before; ++i) {
            if (!other.empty()) variants.push_back(variants[i] + std::string(other));
            variants[i] += c;
        }
    }
    return variants;
}

}  // namespace codescout
