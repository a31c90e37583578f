// CaptureGroups lookups (see capture_groups.h).
#include "core/match/capture_groups.h"

namespace codescout {

std::optional<std::string_view> CaptureGroups::group(std::size_t index) const {
    if (index >= spans.size()) return std::nullopt;
    const auto [begin, end] = spans[index];
    if (begin == kUnset || end == kUnset || begin > end || end > subject.size()) return std::nullopt;
    return subject.substr(begin, end - begin);
}

std::optional<std::size_t> CaptureGroups::index_of(std::string_view name) const {
    if (names == nullptr) return std::nullopt;
    for (const auto& [group_name, index] : *names) {
        if (group_name == name) return index;
    }
    return std::nullopt;
}

}  // namespace codescout
