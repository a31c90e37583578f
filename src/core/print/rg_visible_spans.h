// The matches of a line that rg's printers show. They find a line's matches again, within the
// line and its terminator, and keep those that start inside that range (grep-printer's
// find_iter_at_in_context): an empty match at the very end of a last line without a terminator
// (`$` on a file's unterminated last line) is not among them. That line still prints as a
// match, but -o prints it whole, --column and --vimgrep give it no column, -r replaces nothing
// in it and --json lists no submatch — so do we.
#pragma once

#include <cstddef>
#include <span>

#include "core/search/line_list.h"

namespace codescout {

// `with_terminator`: the line's size, its terminator included when it has one.
inline std::span<const MatchSpan> rg_visible_spans(std::span<const MatchSpan> spans, std::size_t with_terminator) {
    std::size_t kept = spans.size();
    while (kept > 0 && spans[kept - 1].begin >= with_terminator) --kept;  // in order: only the last can be
    return spans.first(kept);
}

}  // namespace codescout
