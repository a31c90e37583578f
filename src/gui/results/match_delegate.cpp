// MatchDelegate: custom painting of result rows (see the header).
#include "gui/results/match_delegate.h"

#include <QApplication>
#include <QFileInfo>
#include <QPainter>

#include "gui/results/results_model.h"

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
    if (index.data(ResultsModel::IsFileRole).toBool())
        paintFile(painter, option, index);
    else
        paintLine(painter, option, index);
    painter->restore();
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
    int x = row.left() + gutter + 2 * kPadding;

    const int clipped = index.data(ResultsModel::ClippedRole).toInt();
    const QString text = index.data(Qt::DisplayRole).toString();
    const QList<int> spans = index.data(ResultsModel::MatchSpansRole).value<QList<int>>();
    const QColor plain = context ? dim : textColor;
    const QString ellipsis(QChar(0x2026));
    if (clipped & 1) {
        painter->setPen(dim);
        x = drawRun(painter, metrics, row, x, right, ellipsis);
    }
    qsizetype at = 0;
    for (qsizetype i = 0; i + 1 < spans.size() && x < right; i += 2) {
        const qsizetype begin = std::max<qsizetype>(spans[i], at);
        const qsizetype end = std::max<qsizetype>(spans[i + 1], begin);
        painter->setPen(plain);
        x = drawRun(painter, metrics, row, x, right, text.mid(at, begin - at));
        const QString match = text.mid(begin, end - begin);
        const int width = metrics.horizontalAdvance(match);
        if (width > 0 && x < right) {
            const QRect box(x, row.top() + 1, std::min(width, right - x), row.height() - 2);
            painter->fillRect(box, matchBackground_);
            painter->setPen(matchForeground_);
            drawRun(painter, metrics, row, x, right, match);
        }
        x += width;
        at = end;
    }
    painter->setPen(plain);
    x = drawRun(painter, metrics, row, x, right, text.mid(at));
    if (clipped & 2) {
        painter->setPen(dim);
        drawRun(painter, metrics, row, x, right, ellipsis);
    }
}

}  // namespace codescout::gui
