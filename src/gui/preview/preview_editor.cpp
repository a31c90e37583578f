// PreviewEditor: match marking.
#include "gui/preview/preview_editor.h"

#include <QTextBlock>

namespace codescout::gui {

namespace {

// UTF-16 units of `text` whose UTF-8 form is the first `bytes` bytes (all of it if shorter).
// The results count in the bytes the engine read; the document holds the text the loader decoded
// from the same bytes, so this maps one onto the other — exactly for valid UTF-8. (An invalid
// byte became U+FFFD, which counts three bytes here: a line with one may be marked off by that.)
qsizetype utf16Offset(const QString& text, quint64 bytes)
{
    quint64 seen = 0;
    qsizetype i = 0;
    while (i < text.size() && seen < bytes) {
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            seen += 4;
            i += 2;
            continue;
        }
        seen += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        ++i;
    }
    return i;
}

}  // namespace

PreviewEditor::PreviewEditor(QWidget* parent) : NumberedEditor(parent)
{
    currentLineColor_ = palette().color(QPalette::AlternateBase);
    matchColor_ = QColor(0xff, 0xd8, 0x4a);
}

void PreviewEditor::setMarkColors(const QColor& currentLine, const QColor& match)
{
    currentLineColor_ = currentLine;
    matchColor_ = match;
}

void PreviewEditor::showLine(int line, quint64 column, const QList<int>& spans, const MatchExtent& extent)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    setTextCursor(cursor);
    centerCursor();

    QList<QTextEdit::ExtraSelection> marks;
    QTextEdit::ExtraSelection lineMark;
    lineMark.format.setBackground(currentLineColor_);
    lineMark.format.setProperty(QTextFormat::FullWidthSelection, true);
    lineMark.cursor = cursor;
    marks.append(lineMark);
    // Spans count from where the results' copy of the line starts. Not found by searching for
    // that copy: a repeated text (a long line's clipped window) would be found in the wrong place.
    const QString text = block.text();
    const qsizetype indent = oneBytePerCharacter_ ? static_cast<qsizetype>(std::min<quint64>(column, static_cast<quint64>(text.size())))
                                                  : utf16Offset(text, column);
    for (qsizetype i = 0; i + 1 < spans.size(); i += 2) {
        QTextEdit::ExtraSelection match;
        match.format.setBackground(matchColor_);
        match.cursor = QTextCursor(block);
        match.cursor.setPosition(block.position() + static_cast<int>(std::min<qsizetype>(indent + spans[i], text.size())));
        match.cursor.setPosition(block.position() + static_cast<int>(std::min<qsizetype>(indent + spans[i + 1], text.size())),
                                 QTextCursor::KeepAnchor);
        marks.append(match);
    }
    if (extent.moreLines > 0 && spans.size() >= 2) {
        const QTextBlock last = document()->findBlockByNumber(block.blockNumber() + extent.moreLines);
        if (last.isValid()) {
            const QString lastText = last.text();
            const qsizetype end = oneBytePerCharacter_
                                      ? static_cast<qsizetype>(std::min<quint64>(extent.lastLineEnd, static_cast<quint64>(lastText.size())))
                                      : utf16Offset(lastText, extent.lastLineEnd);
            QTextEdit::ExtraSelection match;
            match.format.setBackground(matchColor_);
            match.cursor = QTextCursor(block);
            match.cursor.setPosition(block.position() + static_cast<int>(std::min<qsizetype>(indent + spans[spans.size() - 2], text.size())));
            match.cursor.setPosition(last.position() + static_cast<int>(std::min<qsizetype>(end, lastText.size())),
                                     QTextCursor::KeepAnchor);
            marks.append(match);
        }
    }
    setExtraSelections(marks);
}

int PreviewEditor::currentLineNumber() const
{
    return textCursor().blockNumber() + 1;
}

}  // namespace codescout::gui
