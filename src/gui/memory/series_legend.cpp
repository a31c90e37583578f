// SeriesLegend: wrapping check-box legend for the memory charts.
#include "gui/memory/series_legend.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QPainter>
#include <QPixmap>
#include <QResizeEvent>

#include <algorithm>

namespace codescout::gui {

namespace {

// A short stretch of the line itself, so dashed and solid series are told apart.
QIcon lineIcon(const QPen& pen, qreal devicePixelRatio) {
    const QSize size(28, 12);
    QPixmap pixmap(size * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen wide = pen;
    wide.setWidthF(std::max<qreal>(pen.widthF(), 2.5));
    wide.setCapStyle(Qt::FlatCap);
    painter.setPen(wide);
    painter.drawLine(QPointF(1, size.height() / 2.0), QPointF(size.width() - 1, size.height() / 2.0));
    return QIcon(pixmap);
}

}  // namespace

SeriesLegend::SeriesLegend(QWidget* parent) : QWidget(parent) {
    grid_ = new QGridLayout(this);
    grid_->setContentsMargins(8, 0, 8, 2);
    grid_->setHorizontalSpacing(12);
    grid_->setVerticalSpacing(0);
    // The grid must not pin the widget to its current column count, or it could never get narrow
    // enough to be re-arranged into fewer columns; minimumSizeHint() is one column instead.
    grid_->setSizeConstraint(QLayout::SetNoConstraint);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

int SeriesLegend::addEntry(const QString& name, const QPen& pen) {
    auto* box = new QCheckBox(name, this);
    box->setChecked(true);
    box->setIconSize(QSize(28, 12));
    box->setIcon(lineIcon(pen, devicePixelRatioF()));
    box->setAccessibleName(tr("Show %1").arg(name));
    box->setToolTip(tr("Show or hide “%1” in the chart").arg(name));
    // Shown explicitly: a child added to an already visible legend (the stacked chart's entries
    // arrive with the first attribution) would otherwise stay hidden.
    box->show();
    const int index = static_cast<int>(entries_.size());
    connect(box, &QCheckBox::toggled, this, [this, index](bool checked) { emit toggled(index, checked); });
    entries_.append(box);
    columns_ = 0;  // force a new arrangement
    relayout(width() > 0 ? width() : 10000);
    return index;
}

void SeriesLegend::clear() {
    for (QCheckBox* box : std::as_const(entries_)) {
        grid_->removeWidget(box);
        delete box;
    }
    entries_.clear();
    columns_ = 0;
    updateGeometry();
}

void SeriesLegend::setPen(int index, const QPen& pen) {
    entries_.at(index)->setIcon(lineIcon(pen, devicePixelRatioF()));
}

void SeriesLegend::setChecked(int index, bool checked) {
    QCheckBox* box = entries_.at(index);
    const QSignalBlocker block(box);
    box->setChecked(checked);
}

void SeriesLegend::setEntryText(int index, const QString& text) {
    QCheckBox* box = entries_.at(index);
    box->setText(text);
    box->setAccessibleName(tr("Show %1").arg(text));
    columns_ = 0;
    relayout(width() > 0 ? width() : 10000);
}

void SeriesLegend::setEntryVisible(int index, bool visible) {
    QCheckBox* box = entries_.at(index);
    if (box->isHidden() == !visible) return;
    box->setHidden(!visible);
    columns_ = 0;
    relayout(width() > 0 ? width() : 10000);
}

bool SeriesLegend::isChecked(int index) const { return entries_.at(index)->isChecked(); }

int SeriesLegend::widestEntry() const {
    int widest = 0;
    for (const QCheckBox* box : std::as_const(entries_)) {
        if (!box->isHidden()) widest = std::max(widest, box->sizeHint().width());
    }
    return widest;
}

QSize SeriesLegend::minimumSizeHint() const {
    const QMargins margins = grid_->contentsMargins();
    return QSize(widestEntry() + margins.left() + margins.right(), sizeHint().height());
}

void SeriesLegend::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout(event->size().width());
}

void SeriesLegend::relayout(int width) {
    QList<QCheckBox*> shown;
    for (QCheckBox* box : std::as_const(entries_)) {
        // isHidden(): explicitly hidden by setEntryVisible, whether or not the legend is shown yet.
        if (!box->isHidden()) shown.append(box);
    }
    if (shown.isEmpty()) return;
    const int widest = widestEntry();
    const QMargins margins = grid_->contentsMargins();
    const int available = width - margins.left() - margins.right();
    const int perColumn = widest + grid_->horizontalSpacing();
    const int columns = std::clamp((available + grid_->horizontalSpacing()) / std::max(perColumn, 1), 1,
                                   static_cast<int>(shown.size()));
    if (columns == columns_) return;
    columns_ = columns;
    for (QCheckBox* box : std::as_const(entries_)) grid_->removeWidget(box);
    for (int i = 0; i < shown.size(); ++i) {
        grid_->addWidget(shown.at(i), i / columns, i % columns, Qt::AlignLeft);
    }
    for (int c = 0; c < grid_->columnCount(); ++c) grid_->setColumnStretch(c, c < columns ? 1 : 0);
    updateGeometry();  // the height changed with the number of rows
}

}  // namespace codescout::gui
