// The side-by-side layout of a unified diff: the old file's lines on the left, the new file's on
// the right, one row per pair, so the two halves are documents with the same number of blocks
// that scroll together.
//
// Row by row: the "---" and "+++" headers share the first row; a hunk header spans both sides; a
// context line is on both; a run of removed and added lines becomes max(removed, added) rows, the
// i-th removed line beside the i-th added one (the pairs whose changes intra_line_diff marked) and
// a Filler row opposite each line the other side lacks; "\ No newline at end of file" notes follow
// their run on the side(s) they concern, on a row of their own. Cells drop the unified marker: text
// is the file's own text (codeStart 0), intra-line marks shifted to match.
#pragma once

#include <vector>

#include "gui/replace/diff_lines.h"

namespace codescout::gui {

struct SideBySide {
    std::vector<DiffLine> left;   // old
    std::vector<DiffLine> right;  // new; always as many rows as left
};

SideBySide alignSideBySide(const std::vector<DiffLine>& unified);

}  // namespace codescout::gui
