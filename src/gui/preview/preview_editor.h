// The read-only text view of the preview: a NumberedEditor (the line-number gutter) with the
// current match's spans marked.
#pragma once

#include <QColor>
#include <QList>

#include "gui/preview/numbered_editor.h"

namespace codescout::gui {

// How far a multi-line match (-U) reaches past its first line.
struct MatchExtent {
    int moreLines = 0;        // lines after the first
    quint64 lastLineEnd = 0;  // UTF-8 bytes into the last of them where it ends
};


class PreviewEditor : public NumberedEditor {
    Q_OBJECT
public:
    explicit PreviewEditor(QWidget* parent = nullptr);

    void setMarkColors(const QColor& currentLine, const QColor& match);

    // Moves the cursor to the start of 1-based `line`, centres it, and marks the line and the
    // given spans: begin,end pairs in UTF-16 units of the results' copy of the line, which
    // starts `column` bytes (UTF-8) into the line (it may lack the indentation or, for a long
    // line, the start). See ResultsModel::ColumnRole.
    // A multi-line match (`extent.moreLines` > 0) is marked from its first span's start to
    // `extent.lastLineEnd` bytes into the line `extent.moreLines` lines further down.
    void showLine(int line, quint64 column, const QList<int>& spans, const MatchExtent& extent = {});
    // The text was decoded from a one-byte-per-character encoding (Windows-1252 for a file that is
    // not UTF-8): the results' byte columns are then character columns.
    void setOneBytePerCharacter(bool yes) { oneBytePerCharacter_ = yes; }
    int currentLineNumber() const;  // 1-based

private:
    QColor currentLineColor_;
    bool oneBytePerCharacter_ = false;
    QColor matchColor_;
};

}  // namespace codescout::gui
