// Replacing some of a file's matches, not all, and only in the file the user saw: what a front
// end that shows results before applying (the GUI) needs on top of match_edits.h.
//
// The GUI searches, shows the matches, lets the user uncheck some, and applies later — perhaps
// much later. plan_file() fingerprints the bytes it reads at apply time, so the apply itself is
// safe from then on; but the file must also still be the one the search showed. What the search
// recorded is compared with what plan_file read:
//   - the size and mtime the search saw when it opened the file (the size only for a file
//     searched byte for byte: a decoded file's searched size is that of its text);
//   - every matching line shown: the same line number, and the matches shown on it, in order,
//     with the same matched text; no other line matches now.
// Any difference skips the file as changed-since-search. A match is named by its line and its
// ordinal among that line's matches (LocatedEdit), so a selection survives nothing but the file
// as it was: which is the point.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit/apply_plan.h"
#include "core/edit/match_edits.h"
#include "core/edit/skip_reason.h"

namespace codescout {

// One matching line as the search showed it.
struct ShownLine {
    std::uint64_t number = 0;
    // The matched texts shown, in order: the line's first matches (a front end may show fewer
    // than all of a long line's matches; then `all_shown` is false).
    std::vector<std::string> matches;
    bool all_shown = true;
};

struct ShownFile {
    std::optional<std::uint64_t> size;  // nullopt: the search decoded the file (size not comparable)
    std::int64_t mtime_ns = 0;
    std::vector<ShownLine> lines;  // ascending line numbers
};

// Nullopt when `content` (read by plan_file, with `now` its fingerprint) and its `found` matches
// are what `shown` recorded; else the changed-since-search skip, naming the first difference.
std::optional<Skip> compare_with_shown(const ShownFile& shown, const FileFingerprint& now, std::string_view content,
                                       const std::vector<LocatedEdit>& found);
// The two halves of compare_with_shown, for a caller that has the content (plan_file's
// callback) before the fingerprint (plan_file's result): size and mtime; the matching lines.
std::optional<Skip> compare_fingerprint(const ShownFile& shown, const FileFingerprint& now);
std::optional<Skip> compare_lines(const ShownFile& shown, std::string_view content, const std::vector<LocatedEdit>& found);

// Whether the user chose to replace match `ordinal` of line `line`.
using MatchChosen = std::function<bool(std::uint64_t line, std::uint32_t ordinal)>;

// The effective edits of the chosen matches, in order.
std::vector<TextEdit> chosen_edits(std::vector<LocatedEdit>&& found, const MatchChosen& chosen);

}  // namespace codescout
