// Whether a regex must be run on each line alone to answer as ripgrep does. rg (without -U)
// asks PCRE2 about every line on its own: the subject is the line without its terminator, with
// nothing before or after it. The matchers run PCRE2 over many lines at once instead (one call
// for a buffer, bytes before the start visible to look-behind) and re-check a match that runs
// past its line's end on that line alone — the same answers for most patterns, since a
// backtracking match that exists within a line is found at the same start over the buffer too.
// Not for these, whose answer for a line can depend on the lines around it:
//   - look-arounds: (?=\n), (?!\s), (?<=\n) see past the line's end or before its start;
//   - possessive quantifiers and atomic groups: \W++ swallows the '\n' and the next line's
//     punctuation, then cannot give them back (\W++\B misses a line the line alone matches);
//   - \A, \z, \Z: the line's edges to rg, the buffer's here (\G is left alone: it asserts the
//     start offset of a call, which the literal matcher's anchored -w verifier relies on);
//   - backtracking verbs and conditionals ((*PRUNE), (?(1)...)), read conservatively.
// The look-arounds -w wraps every pattern in ((?<!\w), (?!\w), (?<=\W), (?=\W) and their [\w-]
// forms, the last two beside ^ and $) see a '\n' and a subject's edge alike, so they do not
// count. Conservative: an unsure reading counts.
#pragma once

#include <string_view>

namespace codescout {

bool needs_lines_alone(std::string_view regex);

}  // namespace codescout
