// alignSideBySide (see the header).
#include "gui/replace/side_by_side.h"

#include <algorithm>

namespace codescout::gui {

namespace {

// A unified line as a cell: without its marker.
DiffLine cell(const DiffLine& line)
{
    DiffLine out = line;
    if (line.codeStart > 0) {
        out.text = line.text.sliced(line.codeStart);
        out.codeStart = 0;
        for (CharSpan& span : out.changed) {
            span.begin -= line.codeStart;
            span.end -= line.codeStart;
        }
    }
    return out;
}

DiffLine filler()
{
    DiffLine out;
    out.kind = DiffLineKind::Filler;
    return out;
}

bool isChange(DiffLineKind kind)
{
    return kind == DiffLineKind::Removed || kind == DiffLineKind::Added || kind == DiffLineKind::NoNewline;
}

}  // namespace

SideBySide alignSideBySide(const std::vector<DiffLine>& unified)
{
    SideBySide out;
    out.left.reserve(unified.size());
    out.right.reserve(unified.size());
    const auto row = [&out](DiffLine left, DiffLine right) {
        out.left.push_back(std::move(left));
        out.right.push_back(std::move(right));
    };
    for (std::size_t i = 0; i < unified.size();) {
        const DiffLine& line = unified[i];
        switch (line.kind) {
        case DiffLineKind::FileHeader:
            // "--- a/x" beside "+++ b/x" (any other header line stands on both sides).
            if (line.text.startsWith(QLatin1String("---")) && i + 1 < unified.size() &&
                unified[i + 1].kind == DiffLineKind::FileHeader && unified[i + 1].text.startsWith(QLatin1String("+++"))) {
                row(line, unified[i + 1]);
                i += 2;
            } else {
                row(line, line);
                ++i;
            }
            break;
        case DiffLineKind::HunkHeader:
        case DiffLineKind::Filler:
            row(line, line);
            ++i;
            break;
        case DiffLineKind::Context: {
            DiffLine left = cell(line);
            left.newNumber = 0;
            DiffLine right = cell(line);
            right.oldNumber = 0;
            row(std::move(left), std::move(right));
            ++i;
            break;
        }
        case DiffLineKind::Removed:
        case DiffLineKind::Added:
        case DiffLineKind::NoNewline: {
            if (line.kind == DiffLineKind::NoNewline && i > 0 && unified[i - 1].kind == DiffLineKind::Context) {
                row(line, line);  // after a context line: both files end there without a newline
                ++i;
                break;
            }
            // A run of changes: the removed lines (each followed by its note, if any) on the left,
            // the added ones on the right, paired in order.
            std::vector<DiffLine> removed;
            std::vector<DiffLine> added;
            const DiffLine* oldNote = nullptr;
            const DiffLine* newNote = nullptr;
            DiffLineKind last = DiffLineKind::Context;
            for (; i < unified.size() && isChange(unified[i].kind); ++i) {
                const DiffLine& change = unified[i];
                if (change.kind == DiffLineKind::Removed)
                    removed.push_back(cell(change));
                else if (change.kind == DiffLineKind::Added)
                    added.push_back(cell(change));
                else if (last == DiffLineKind::Added)
                    newNote = &change;
                else
                    oldNote = &change;  // after a removed line, or a stray note: the old side's
                last = change.kind;
            }
            const std::size_t rows = std::max(removed.size(), added.size());
            for (std::size_t r = 0; r < rows; ++r)
                row(r < removed.size() ? std::move(removed[r]) : filler(), r < added.size() ? std::move(added[r]) : filler());
            if (oldNote || newNote)
                row(oldNote ? *oldNote : filler(), newNote ? *newNote : filler());
            break;
        }
        }
    }
    return out;
}

}  // namespace codescout::gui
