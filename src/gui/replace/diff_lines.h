// A unified diff read back into lines for the diff views: what each line is (header, context,
// removed, added, "\ No newline at end of file"), the line numbers it has in the old and new file
// (from the hunk headers), and for each removed/added pair which characters changed
// (intra_line_diff.h).
//
// Pairs: within a run of removed and added lines, the i-th removed line goes with the i-th added
// one — the lines a replacement rewrote, in order; a replacement that adds or removes lines leaves
// the extra ones unpaired (wholly added or removed, no intra-line marks).
//
// Also the unit of the documents the views build (DiffEditor, diff_editor.h): one DiffLine per
// block, so the text is made safe for a QTextDocument block (see displayText()).
#pragma once

#include <QList>
#include <QString>

#include <vector>

#include "gui/replace/intra_line_diff.h"

namespace codescout::gui {

enum class DiffLineKind : quint8 {
    FileHeader,  // "--- a/x" and "+++ b/x"
    HunkHeader,  // "@@ -1,3 +1,3 @@"
    Context,
    Removed,
    Added,
    NoNewline,  // "\ No newline at end of file", about the line before
    Filler,     // side by side: the row the other side needs for its extra lines
};

struct DiffLine {
    DiffLineKind kind = DiffLineKind::Context;
    QString text;             // as shown (the unified view keeps the +/-/space marker)
    int codeStart = 0;        // where the file's own text starts in `text` (1 after a marker)
    int oldNumber = 0;        // 1-based line of the old file, 0: none
    int newNumber = 0;        // 1-based line of the new file, 0: none
    QList<CharSpan> changed;  // intra-line marks, into `text`

    bool isCode() const
    {
        return kind == DiffLineKind::Context || kind == DiffLineKind::Removed || kind == DiffLineKind::Added;
    }
};

// One DiffLine per line of `diff` (the final newline ends the last line; it starts none).
std::vector<DiffLine> parseUnifiedDiff(const QString& diff);

// `line` as one QTextDocument block shows it on one row: a carriage return at its end (a CRLF
// file) is dropped, as editors show it; the characters that would start another block or row (a
// lone "\r", U+2028, U+2029, the document's frame markers) become U+FFFD, so every DiffLine stays
// exactly one block and the two sides of the side-by-side view keep their rows aligned.
QString displayText(QStringView line);

}  // namespace codescout::gui
