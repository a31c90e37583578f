// One match's capture groups, as plain data: the subject and, per group, where it matched (or
// that it did not take part), plus the regex's group names. Filled from a PCRE2 ovector by
// CaptureFinder; read by ReplacementTemplate::expand. A front end that finds captures its own way
// can fill it directly.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace codescout {

// Group names of a regex and their numbers ("(?<year>..)" -> {"year", 1}).
using CaptureNames = std::vector<std::pair<std::string, std::size_t>>;

struct CaptureGroups {
    static constexpr std::size_t kUnset = static_cast<std::size_t>(-1);

    std::string_view subject;
    // Group i matched subject[spans[i].first, spans[i].second); kUnset for a group that did not
    // take part in the match. spans[0] is the whole match.
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    const CaptureNames* names = nullptr;  // may be null: no named groups

    // The text of group `index`; nullopt if there is no such group or it did not take part.
    std::optional<std::string_view> group(std::size_t index) const;
    // The number of the group called `name`; nullopt if the regex has none by that name.
    std::optional<std::size_t> index_of(std::string_view name) const;
};

}  // namespace codescout
