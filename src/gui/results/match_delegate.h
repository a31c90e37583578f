// Paints result rows: file rows as "name  dir  (count)", line rows as a right-aligned line number
// followed by the line text with every match span highlighted; context lines are dimmed.
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace codescout::gui {

class MatchDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MatchDelegate(QObject* parent = nullptr);

    // Background and text colours of a highlighted match span (from the syntax theme).
    void setMatchColors(const QColor& background, const QColor& foreground);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    void paintFile(QPainter* painter, const QStyleOptionViewItem& option,
                   const QModelIndex& index) const;
    void paintLine(QPainter* painter, const QStyleOptionViewItem& option,
                   const QModelIndex& index) const;

    QColor matchBackground_;
    QColor matchForeground_;
};

}  // namespace codescout::gui
