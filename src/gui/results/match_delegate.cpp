// MatchDelegate: custom painting of result rows (see the header).
#include "gui/results/match_delegate.h"

#include <QApplication>
#include <QAbstractItemView>
#include <QFileInfo>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextLayout>
#include <QToolTip>

#include <algorithm>

#include "gui/replace/replace_preview.h"
#include "gui/results/results_model.h"
#include "gui/window/multiline_pattern.h"

namespace codescout::gui {

namespace {

constexpr int kPadding = 4;

// Draws `text` from x on the row's baseline, clipped to `right`; returns the new x.
int drawRun(QPainter* painter, const QFontMetrics& metrics, const QRect& row, int x, int right,
            const QString& text)
{
    if (text.isEmpty() || x >= right)
        return x;
    const int width = metrics.horizontalAdvance(text);
    const QRect box(x, row.top(), std::min(width, right - x), row.height());
    painter->drawText(box, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, text);
    return x + width;
}

// A line row's text as shown: DisplayRole with an ellipsis where the stored line was cut.
struct ShownText {
    QString text;
    qsizetype lead = 0;  // characters before the stored text
    int clipped = 0;
};

ShownText shownText(const QModelIndex& index)
{
    ShownText shown;
    shown.clipped = index.data(ResultsModel::ClippedRole).toInt();
    const QString ellipsis(QChar(0x2026));
    shown.text = index.data(Qt::DisplayRole).toString();
    shown.lead = (shown.clipped & 1) ? ellipsis.size() : 0;
    if (shown.clipped & 1)
        shown.text.prepend(ellipsis);
    if (shown.clipped & 2)
        shown.text.append(ellipsis);
    return shown;
}

// Where a line row's text starts: after the line-number gutter.
int textLeft(const QRect& row, const QFontMetrics& metrics)
{
    return row.left() + metrics.horizontalAdvance(QStringLiteral("000000")) + 2 * kPadding;
}

// A line row's rectangle without the check box (Replace), or the whole row.
QStyleOptionViewItem besideCheck(const QStyleOptionViewItem& option, const QRect& check)
{
    QStyleOptionViewItem shifted = option;
    if (!check.isEmpty())
        shifted.rect.setLeft(check.right() + 1);
    return shifted;
}

}  // namespace

MatchDelegate::MatchDelegate(QObject* parent)
    : QStyledItemDelegate(parent), matchBackground_(0xff, 0xd8, 0x4a), matchForeground_(Qt::black)
{
}

void MatchDelegate::setMatchColors(const QColor& background, const QColor& foreground)
{
    matchBackground_ = background;
    matchForeground_ = foreground;
}

QSize MatchDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    // One fixed height for every row: the view runs with uniformRowHeights for a million rows.
    return {200, option.fontMetrics.height() + kPadding};
}

void MatchDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);  // background, focus

    painter->save();
    const QRect check = checkRect(option, index);
    if (!check.isEmpty()) {
        QStyleOptionViewItem box = opt;
        box.rect = check;
        box.state &= ~(QStyle::State_On | QStyle::State_Off | QStyle::State_NoChange);
        const Qt::CheckState state = replace_->checkState(index);
        box.state |= state == Qt::Checked     ? QStyle::State_On
                     : state == Qt::Unchecked ? QStyle::State_Off
                                              : QStyle::State_NoChange;
        style->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &box, painter, widget);
    }
    if (index.data(ResultsModel::IsFileRole).toBool())
        paintFile(painter, besideCheck(option, check), index);
    else
        paintLine(painter, besideCheck(option, check), index);
    painter->restore();
}

QRect MatchDelegate::checkRect(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (!replace_ || !replace_->checkable())
        return {};
    const bool isFile = index.data(ResultsModel::IsFileRole).toBool();
    if (!isFile && index.data(ResultsModel::IsContextRole).toBool())
        return {};
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    const int size = style->pixelMetric(QStyle::PM_IndicatorWidth, &option, widget);
    return {option.rect.left() + kPadding, option.rect.top() + (option.rect.height() - size) / 2, size, size};
}

int MatchDelegate::matchAt(const QStyleOptionViewItem& option, const QModelIndex& index, QPoint pos) const
{
    if (!replace_ || !replace_->previewing() || index.data(ResultsModel::IsFileRole).toBool())
        return -1;
    const QStyleOptionViewItem shifted = besideCheck(option, checkRect(option, index));
    const QRect row = shifted.rect.adjusted(kPadding, 0, -kPadding, 0);
    const ShownText shown = shownText(index);
    const InlinePreview inlined = replace_->inlineFor(index, shown.text, shown.lead);
    QTextLayout layout(inlined.text, option.font);
    QTextOption textOption(Qt::AlignLeft | Qt::AlignAbsolute);
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e6);
    layout.endLayout();
    const qreal x = pos.x() - textLeft(row, QFontMetrics(option.font));
    if (x < 0 || x > line.naturalTextWidth())
        return -1;
    return inlined.matchAt(line.xToCursor(x, QTextLine::CursorOnCharacter));
}

bool MatchDelegate::editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                                const QModelIndex& index)
{
    if (replace_ && replace_->checkable() && event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton) {
            if (checkRect(option, index).contains(mouse->position().toPoint())) {
                replace_->toggle(index);
                return true;
            }
            // Ctrl+click, not a plain click: the match is where a user clicks to see the line in
            // the preview, and a plain click leaving it out of Replace All went unnoticed.
            if (mouse->modifiers() & Qt::ControlModifier) {
                if (const int match = matchAt(option, index, mouse->position().toPoint()); match >= 0) {
                    replace_->toggleMatch(index, match);
                    return true;
                }
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool MatchDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                              const QModelIndex& index)
{
    if (event && replace_ && replace_->checkable() && matchAt(option, index, event->pos()) >= 0) {
        QToolTip::showText(event->globalPos(), tr("Ctrl+click: leave this match out of the replace, or take it back in"), view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

void MatchDelegate::paintFile(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const
{
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QString relative = index.data(ResultsModel::RelativePathRole).toString();
    const QFileInfo info(relative);
    const QString folder = info.path() == QLatin1String(".") ? QString() : info.path();
    // A binary file's note comes first in the dimmed part: it explains the short match list.
    const QString note = index.data(ResultsModel::BinaryNoteRole).toString();
    const QString dir = note.isEmpty() ? folder
                        : folder.isEmpty() ? note
                                           : note + QStringLiteral(" \u2014 ") + folder;
    const QString count = QLocale().toString(index.data(ResultsModel::MatchCountRole).toULongLong());

    const QRect row = option.rect.adjusted(kPadding, 0, -kPadding, 0);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(option.font);

    const int countWidth = metrics.horizontalAdvance(count) + 2 * kPadding;
    const int right = row.right() - countWidth - kPadding;
    painter->setPen(option.palette.color(textRole));
    painter->setFont(bold);
    int x = drawRun(painter, boldMetrics, row, row.left(), right, info.fileName());
    painter->setFont(option.font);
    if (!dir.isEmpty()) {
        QColor dim = option.palette.color(textRole);
        dim.setAlphaF(0.6f);
        painter->setPen(dim);
        const QString elided = metrics.elidedText(dir, Qt::ElideLeft, std::max(0, right - x - 2 * kPadding));
        drawRun(painter, metrics, row, x + 2 * kPadding, right, elided);
    }
    // The count in a rounded badge at the right edge.
    const QRect badge(row.right() - countWidth, row.top() + 2, countWidth, row.height() - 4);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.color(QPalette::Mid));
    painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    painter->setPen(option.palette.color(QPalette::BrightText));
    painter->drawText(badge, Qt::AlignCenter, count);
}

void MatchDelegate::paintLine(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const
{
    const bool selected = option.state & QStyle::State_Selected;
    const bool context = index.data(ResultsModel::IsContextRole).toBool();
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    QColor textColor = option.palette.color(textRole);
    QColor dim = textColor;
    dim.setAlphaF(0.55f);

    const QFontMetrics metrics(option.font);
    const QRect row = option.rect.adjusted(kPadding, 0, -kPadding, 0);
    const int right = row.right();

    // Line number, right-aligned in a gutter wide enough for six digits.
    const int gutter = metrics.horizontalAdvance(QStringLiteral("000000"));
    painter->setPen(dim);
    painter->drawText(QRect(row.left(), row.top(), gutter, row.height()),
                      Qt::AlignRight | Qt::AlignVCenter,
                      QString::number(index.data(ResultsModel::LineNumberRole).toLongLong()));
    const int x = textLeft(row, metrics);
    if (x >= right)
        return;

    // The whole line goes into one QTextLayout: shaping (Arabic joining, combining marks) and
    // bidirectional reordering need the full text, and the layout places each span where its
    // characters are shown — a span inside right-to-left text is not where its logical offset
    // would put it, and may even be split in two.
    const QList<int> spans = index.data(ResultsModel::MatchSpansRole).value<QList<int>>();
    const QString ellipsis(QChar(0x2026));
    auto [text, lead, clipped] = shownText(index);
    // Replace: each chosen match followed by its replacement.
    const bool inline_ = replace_ && replace_->previewing() && !context;
    const InlinePreview inlined = inline_ ? replace_->inlineFor(index, text, lead) : InlinePreview{};
    if (inline_)
        text = inlined.text;
    // A multi-line match shows its first line and how many more it covers.
    const int moreLines = index.data(ResultsModel::MoreLinesRole).toInt();
    qsizetype noteStart = -1;
    if (moreLines > 0) {
        noteStart = text.size();
        text += QStringLiteral("  ") + MultilinePattern::moreLinesNote(moreLines);
    }

    QTextLayout layout(text, option.font, painter->device());
    // Absolute left: a line that starts right-to-left is still shown from the column's left edge,
    // like every other row, rather than flushed to the right of the view.
    QTextOption textOption(Qt::AlignLeft | Qt::AlignAbsolute);
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    QList<QTextLayout::FormatRange> dimmed;
    auto dimRange = [&dimmed, &dim](qsizetype start, qsizetype length) {
        QTextLayout::FormatRange range;
        range.start = static_cast<int>(start);
        range.length = static_cast<int>(length);
        range.format.setForeground(dim);
        dimmed.append(range);
    };
    if (clipped & 1)
        dimRange(0, ellipsis.size());
    if (clipped & 2)
        dimRange((noteStart >= 0 ? noteStart : text.size()) - ellipsis.size(), ellipsis.size());
    if (noteStart >= 0)
        dimRange(noteStart, text.size() - noteStart);
    layout.setFormats(dimmed);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    // Wide enough for any stored line (CompactFile keeps at most a few hundred bytes); the
    // painter's clip cuts what does not fit.
    constexpr qreal kUnlimitedWidth = 1e6;
    line.setLineWidth(kUnlimitedWidth);
    layout.endLayout();

    QList<QTextLayout::FormatRange> matches;
    const qsizetype textEnd = (noteStart >= 0 ? noteStart : text.size()) - ((clipped & 2) ? ellipsis.size() : 0);
    for (const InlinePiece& piece : inlined.pieces) {
        if (piece.length == 0)
            continue;
        QTextLayout::FormatRange range;
        range.start = static_cast<int>(piece.start);
        range.length = static_cast<int>(piece.length);
        if (piece.kind == InlinePiece::Kind::Old) {
            range.format.setFontStrikeOut(true);
            range.format.setBackground(QColor(0xff, 0xc7, 0xce));
            range.format.setForeground(QColor(0x9c, 0x00, 0x06));
        } else if (piece.kind == InlinePiece::Kind::New) {
            range.format.setBackground(QColor(0xc6, 0xef, 0xce));
            range.format.setForeground(QColor(0x00, 0x61, 0x00));
        } else {
            range.format.setBackground(matchBackground_);
            range.format.setForeground(matchForeground_);
        }
        matches.append(range);
    }
    for (qsizetype i = 0; !inline_ && i + 1 < spans.size(); i += 2) {
        const qsizetype begin = std::clamp<qsizetype>(lead + spans[i], lead, textEnd);
        const qsizetype end = std::clamp<qsizetype>(lead + spans[i + 1], begin, textEnd);
        if (end == begin)
            continue;
        QTextLayout::FormatRange match;
        match.start = static_cast<int>(begin);
        match.length = static_cast<int>(end - begin);
        match.format.setBackground(matchBackground_);
        match.format.setForeground(matchForeground_);
        matches.append(match);
    }

    painter->setClipRect(QRect(x, row.top(), right - x, row.height()), Qt::IntersectClip);
    painter->setPen(context ? dim : textColor);
    const qreal top = row.top() + (row.height() - line.height()) / 2.0;
    layout.draw(painter, QPointF(x, top), matches);
}

}  // namespace codescout::gui
