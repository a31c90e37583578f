// One pane of the diff: a NumberedEditor (the gutter shows the file's line numbers) holding a
// document of DiffLines, one block each — the whole unified diff, or one side of the side by side.
// Removed, added, header and filler lines get their background as block formats (painted across
// the whole width), the text its highlighting from a DiffHighlighter.
//
// Every showLines() builds a new document in one edit block (the text inserted at once, the block
// formats set, one highlighting pass and one layout at the end): a diff of many thousands of lines
// costs one pass, never a relayout per line. A new style (the palette changed) builds it again,
// keeping the scroll position.
#pragma once

#include <memory>
#include <vector>

#include "gui/preview/numbered_editor.h"
#include "gui/replace/diff_highlighter.h"
#include "gui/replace/diff_lines.h"

namespace codescout::gui {

class DiffEditor : public NumberedEditor {
    Q_OBJECT
public:
    // Which numbers the gutter shows, and which highlighting states the lines continue.
    enum class Side { Unified, Old, New };

    explicit DiffEditor(Side side, QWidget* parent = nullptr);

    void showLines(std::shared_ptr<const std::vector<DiffLine>> lines, const DiffStyle& style);
    void restyle(const DiffStyle& style);

    const std::vector<DiffLine>& lines() const { return *lines_; }
    // The line-wide background of `block` (Qt::NoBrush for a context line).
    QBrush lineBackground(int block) const;

private:
    void rebuild();
    QBrush backgroundFor(DiffLineKind kind) const;

    Side side_;
    std::shared_ptr<const std::vector<DiffLine>> lines_;
    DiffStyle style_;
};

}  // namespace codescout::gui
