// The side-by-side diff: the old file's lines in a DiffEditor on the left, the new file's on the
// right (alignSideBySide, side_by_side.h), each with its own line numbers. The two halves have the
// same rows, so they scroll as one: each follows the other's vertical and horizontal scroll bar
// (QPlainTextEdit scrolls by block, so the rows stay aligned even where a row is taller on one
// side). Only the right half shows a vertical scroll bar.
#pragma once

#include <QWidget>

#include <memory>

#include "gui/replace/diff_highlighter.h"
#include "gui/replace/side_by_side.h"

class QSplitter;

namespace codescout::gui {

class DiffEditor;

class SideBySideView : public QWidget {
    Q_OBJECT
public:
    explicit SideBySideView(QWidget* parent = nullptr);

    void showRows(SideBySide rows, const DiffStyle& style);
    void restyle(const DiffStyle& style);

    DiffEditor* left() const { return left_; }
    DiffEditor* right() const { return right_; }

private:
    QSplitter* splitter_;
    DiffEditor* left_;
    DiffEditor* right_;
};

}  // namespace codescout::gui
