// SeriesLegend: a chart legend made of ordinary check boxes, one per plotted line, that wraps into
// as many columns as the width allows. Unlike the chart library's own legend it never truncates
// names in a narrow dock, works from the keyboard and with screen readers, and does not depend on
// the chart library.
#pragma once

#include <QList>
#include <QPen>
#include <QWidget>

class QCheckBox;
class QGridLayout;

namespace codescout::gui {

class SeriesLegend : public QWidget {
    Q_OBJECT
public:
    explicit SeriesLegend(QWidget* parent = nullptr);

    // Adds a checked entry drawn with the line's pen; returns its index.
    int addEntry(const QString& name, const QPen& pen);
    // Removes every entry (indexes start again at 0).
    void clear();
    void setPen(int index, const QPen& pen);
    void setChecked(int index, bool checked);  // does not emit toggled()
    void setEntryText(int index, const QString& text);
    // Hidden entries take no place in the arrangement.
    void setEntryVisible(int index, bool visible);
    bool isChecked(int index) const;
    int count() const { return static_cast<int>(entries_.size()); }
    int columns() const { return columns_; }
    QCheckBox* entry(int index) const { return entries_.at(index); }
    QSize minimumSizeHint() const override;  // one column wide

signals:
    void toggled(int index, bool checked);  // by the user

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void relayout(int width);
    int widestEntry() const;

    QList<QCheckBox*> entries_;
    QGridLayout* grid_ = nullptr;
    int columns_ = 0;
};

}  // namespace codescout::gui
