// first_line_match() and the default Matcher::find_matching_line() (see line_match.h).
#include "core/match/line_match.h"

#include <cstring>

namespace codescout {

std::optional<LineMatch> first_line_match(const Matcher& matcher, std::string_view haystack, std::size_t from,
                                          MatchScratch& scratch) {
    const std::size_t end = haystack.size();
    std::size_t pos = from;
    while (pos < end) {
        const std::optional<MatchRange> candidate = matcher.find(haystack, pos, scratch);
        if (!candidate) return std::nullopt;
        if (candidate->begin > end || (candidate->begin == end && haystack[end - 1] == '\n')) return std::nullopt;
        const std::size_t line_start = line_start_of(haystack, pos, candidate->begin);
        const std::size_t line_end = line_end_of(haystack, candidate->begin);
        if (candidate->end <= line_end) {
            return LineMatch{line_start, line_end, {candidate->begin - line_start, candidate->end - line_start}};
        }
        if (auto first = matcher.find_in_line(haystack.substr(line_start, line_end - line_start), 0, scratch)) {
            return LineMatch{line_start, line_end, *first};
        }
        pos = line_end + 1;
    }
    return std::nullopt;
}

std::optional<std::size_t> Matcher::find_matching_line(std::string_view haystack, std::size_t from,
                                                       MatchScratch& scratch) const {
    const std::optional<LineMatch> match = first_line_match(*this, haystack, from, scratch);
    if (!match) return std::nullopt;
    return match->line_start;
}

}  // namespace codescout
