// Which line holds a match: the protocol the searcher (search/scanner.h) and the matchers'
// find_matching_line() share, so that "this line matches" means one thing everywhere.
#pragma once

#include <cstddef>
#include <cstring>
#include <optional>
#include <string_view>

#include "core/match/matcher.h"

namespace codescout {

// Start of the line holding `offset`, looking back no further than `floor` (a line start, or
// where the search on this line began: bounding the look back keeps a long line with many
// candidates linear, and ThreadSanitizer's memrchr, which marks the whole range read, usable).
inline std::size_t line_start_of(std::string_view text, std::size_t floor, std::size_t offset, char terminator = '\n') {
    if (offset <= floor) return floor;
    const void* found = ::memrchr(text.data() + floor, terminator, offset - floor);
    return found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - text.data()) + 1 : floor;
}

// Index of the terminator ending the line that holds `offset`, or text.size() for an
// unterminated last line.
inline std::size_t line_end_of(std::string_view text, std::size_t offset, char terminator = '\n') {
    if (offset >= text.size()) return text.size();
    const void* found = std::memchr(text.data() + offset, terminator, text.size() - offset);
    return found != nullptr ? static_cast<std::size_t>(static_cast<const char*>(found) - text.data()) : text.size();
}

struct LineMatch {
    std::size_t line_start = 0;
    std::size_t line_end = 0;  // at its '\n' (or the haystack's end)
    MatchRange first;          // the line's first match, relative to line_start
};

// The first line at or after `from` (a line start in `haystack`, whose lines end in '\n') that
// holds a match. The matcher's find() looks for the next candidate in the whole haystack (its
// bytes before `from` visible to look-behind); a candidate that runs past the end of its line
// is asked about again with find_in_line() on that line alone, since matches never span lines
// here. An empty match just past a final '\n' belongs to no line.
std::optional<LineMatch> first_line_match(const Matcher& matcher, std::string_view haystack, std::size_t from,
                                          MatchScratch& scratch);

}  // namespace codescout
