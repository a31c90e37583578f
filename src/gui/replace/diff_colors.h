// The colours of the diff views, from the syntax theme and the palette: the red and green line
// backgrounds, the stronger marks of the changed characters, the headers, the notes and the
// hatching of filler rows. KSyntaxHighlighting themes have no roles for a diff, so the hues are
// fixed (red for removed, green for added, as in every diff tool) and mixed into the editor's own
// background: a light palette gets pale tints, a dark one deep ones, and the theme's code colours
// stay readable on both.
#pragma once

#include <QBrush>
#include <QColor>
#include <QPalette>

namespace KSyntaxHighlighting {
class Theme;
}

namespace codescout::gui {

struct DiffColors {
    QColor removedLine;
    QColor addedLine;
    QColor removedChange;  // the changed characters of a removed line
    QColor addedChange;
    QColor headerBackground;
    QColor fileHeaderText;
    QColor hunkHeaderText;
    QColor noteText;       // "\ No newline at end of file"
    QBrush filler;         // side by side: the rows one side lacks

    static DiffColors forTheme(const KSyntaxHighlighting::Theme& theme, const QPalette& palette);
};

}  // namespace codescout::gui
