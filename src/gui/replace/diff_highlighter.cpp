// DiffHighlighter (see the header).
#include "gui/replace/diff_highlighter.h"

#include <KSyntaxHighlighting/Format>

#include <QFont>
#include <QTextDocument>

namespace codescout::gui {

DiffHighlighter::DiffHighlighter(QTextDocument* document, std::shared_ptr<const std::vector<DiffLine>> lines, States states,
                                 const DiffStyle& style)
    : QSyntaxHighlighter(document), lines_(std::move(lines)), states_(states), style_(style), after_(lines_->size())
{
    setDefinition(style.definition);
    setTheme(style.theme);
    fileHeader_.setFontWeight(QFont::Bold);
    fileHeader_.setForeground(style.colors.fileHeaderText);
    hunkHeader_.setForeground(style.colors.hunkHeaderText);
    note_.setForeground(style.colors.noteText);
    note_.setFontItalic(true);
}

void DiffHighlighter::highlightBlock(const QString& text)
{
    const int block = currentBlock().blockNumber();
    if (block < 0 || static_cast<std::size_t>(block) >= lines_->size())
        return;
    const DiffLine& line = (*lines_)[static_cast<std::size_t>(block)];
    StatePair state = block > 0 ? after_[static_cast<std::size_t>(block - 1)] : StatePair{};
    switch (line.kind) {
    case DiffLineKind::FileHeader:
        setFormat(0, static_cast<int>(text.size()), fileHeader_);
        state = {};
        break;
    case DiffLineKind::HunkHeader:
        setFormat(0, static_cast<int>(text.size()), hunkHeader_);
        state = {};
        break;
    case DiffLineKind::NoNewline:
        setFormat(0, static_cast<int>(text.size()), note_);
        break;
    case DiffLineKind::Filler:
        break;
    case DiffLineKind::Context:
    case DiffLineKind::Removed:
    case DiffLineKind::Added:
        state = highlightCode(line, text, state);
        markChanges(line);
        break;
    }
    after_[static_cast<std::size_t>(block)] = state;
}

DiffHighlighter::StatePair DiffHighlighter::highlightCode(const DiffLine& line, QStringView text, const StatePair& before)
{
    if (!style_.definition.isValid())
        return before;
    codeStart_ = std::min(line.codeStart, static_cast<int>(text.size()));
    const QStringView code = text.sliced(codeStart_);
    StatePair after = before;
    if (states_ == States::One) {
        after.old = run(code, before.old, true);
    } else if (line.kind == DiffLineKind::Removed) {
        after.old = run(code, before.old, true);
    } else if (line.kind == DiffLineKind::Added) {
        after.now = run(code, before.now, true);
    } else {
        after.now = run(code, before.now, true);
        after.old = before.old == before.now ? after.now : run(code, before.old, false);
    }
    return after;
}

KSyntaxHighlighting::State DiffHighlighter::run(QStringView code, const KSyntaxHighlighting::State& state, bool shown)
{
    shown_ = shown;
    KSyntaxHighlighting::State next = highlightLine(code, state);
    shown_ = true;
    return next;
}

void DiffHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format& format)
{
    if (!shown_ || length <= 0 || !format.isValid())
        return;
    auto found = formats_.find(format.id());
    if (found == formats_.end()) {
        // As KSyntaxHighlighting's own SyntaxHighlighter converts it (the foreground always set,
        // so the theme's text colour wins over the palette's).
        const KSyntaxHighlighting::Theme& theme = style_.theme;
        QTextCharFormat qt;
        qt.setForeground(format.textColor(theme));
        if (format.hasBackgroundColor(theme))
            qt.setBackground(format.backgroundColor(theme));
        if (format.isBold(theme))
            qt.setFontWeight(QFont::Bold);
        if (format.isItalic(theme))
            qt.setFontItalic(true);
        if (format.isUnderline(theme))
            qt.setFontUnderline(true);
        if (format.isStrikeThrough(theme))
            qt.setFontStrikeOut(true);
        found = formats_.insert(format.id(), qt);
    }
    setFormat(codeStart_ + offset, length, *found);
}

void DiffHighlighter::markChanges(const DiffLine& line)
{
    if (line.changed.isEmpty())
        return;
    const QColor& color = line.kind == DiffLineKind::Removed ? style_.colors.removedChange : style_.colors.addedChange;
    // Per character: the language's formats differ along the span and each keeps its colour.
    for (const CharSpan& span : line.changed) {
        for (int at = span.begin; at < span.end; ++at) {
            QTextCharFormat marked = format(at);
            marked.setBackground(color);
            setFormat(at, 1, marked);
        }
    }
}

}  // namespace codescout::gui
