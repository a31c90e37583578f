// DiffEditor (see the header).
#include "gui/replace/diff_editor.h"

#include <QPlainTextDocumentLayout>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace codescout::gui {

DiffEditor::DiffEditor(Side side, QWidget* parent)
    : NumberedEditor(parent), side_(side), lines_(std::make_shared<const std::vector<DiffLine>>())
{
}

void DiffEditor::showLines(std::shared_ptr<const std::vector<DiffLine>> lines, const DiffStyle& style)
{
    lines_ = std::move(lines);
    style_ = style;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    rebuild();
    moveCursor(QTextCursor::Start);
}

void DiffEditor::restyle(const DiffStyle& style)
{
    style_ = style;
    rebuild();
}

QBrush DiffEditor::backgroundFor(DiffLineKind kind) const
{
    switch (kind) {
    case DiffLineKind::Removed: return style_.colors.removedLine;
    case DiffLineKind::Added: return style_.colors.addedLine;
    case DiffLineKind::FileHeader:
    case DiffLineKind::HunkHeader: return style_.colors.headerBackground;
    case DiffLineKind::Filler: return style_.colors.filler;
    case DiffLineKind::Context:
    case DiffLineKind::NoNewline: break;
    }
    return Qt::NoBrush;
}

QBrush DiffEditor::lineBackground(int block) const
{
    return document()->findBlockByNumber(block).blockFormat().background();
}

void DiffEditor::rebuild()
{
    const int top = verticalScrollBar()->value();
    const int left = horizontalScrollBar()->value();
    auto* document = new QTextDocument(this);
    document->setDocumentLayout(new QPlainTextDocumentLayout(document));
    document->setUndoRedoEnabled(false);
    document->setDefaultFont(font());
    // Attached before the text goes in, so the one change at the end of the edit block is what it
    // highlights (once); attached later it would highlight again on a timer.
    new DiffHighlighter(document, lines_, side_ == Side::Unified ? DiffHighlighter::States::OldAndNew : DiffHighlighter::States::One,
                        style_);
    QString text;
    qsizetype size = 0;
    for (const DiffLine& line : *lines_)
        size += line.text.size() + 1;
    text.reserve(size);
    for (std::size_t i = 0; i < lines_->size(); ++i) {
        if (i > 0)
            text += QLatin1Char('\n');
        text += (*lines_)[i].text;
    }
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    cursor.insertText(text);
    QTextBlock block = document->begin();
    for (const DiffLine& line : *lines_) {
        const QBrush background = backgroundFor(line.kind);
        if (background.style() != Qt::NoBrush) {
            QTextBlockFormat format;
            format.setBackground(background);
            cursor.setPosition(block.position());
            cursor.setBlockFormat(format);
        }
        block = block.next();
    }
    cursor.endEditBlock();
    // The editor deletes the document it made itself; the ones made here are ours to delete.
    QTextDocument* old = this->document();
    const bool ours = old && old->parent() == this;
    setDocument(document);
    if (ours)
        delete old;

    std::vector<std::vector<int>> columns;
    const auto numbers = [this](int DiffLine::*number) {
        std::vector<int> column;
        column.reserve(lines_->size());
        for (const DiffLine& line : *lines_)
            column.push_back(line.*number);
        return column;
    };
    if (side_ != Side::New)
        columns.push_back(numbers(&DiffLine::oldNumber));
    if (side_ != Side::Old)
        columns.push_back(numbers(&DiffLine::newNumber));
    setNumberColumns(std::move(columns));
    verticalScrollBar()->setValue(top);
    horizontalScrollBar()->setValue(left);
}

}  // namespace codescout::gui
