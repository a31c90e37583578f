// Paints result rows: file rows as "name  dir  (count)", line rows as a right-aligned line number
// followed by the line text with every match span highlighted; context lines are dimmed. While
// Replace is open (setReplacePreview), rows get check boxes and lines the inline change.
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace codescout::gui {

class ReplacePreview;

class MatchDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MatchDelegate(QObject* parent = nullptr);

    // Background and text colours of a highlighted match span (from the syntax theme).
    void setMatchColors(const QColor& background, const QColor& foreground);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    // Replace: check boxes and inline changes come from `preview` (null: none).
    void setReplacePreview(ReplacePreview* preview) { replace_ = preview; }
    // Replace: a click on a check box toggles it; a Ctrl+click on a match, that one match.
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;
    // Replace: over a match, a tooltip saying how to leave it out.
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

private:
    void paintFile(QPainter* painter, const QStyleOptionViewItem& option,
                   const QModelIndex& index) const;
    void paintLine(QPainter* painter, const QStyleOptionViewItem& option,
                   const QModelIndex& index) const;

    // Replace: the check box's place in a row, or an empty rect when the row has none.
    QRect checkRect(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    // Replace: the match under `pos` of a line row, or -1.
    int matchAt(const QStyleOptionViewItem& option, const QModelIndex& index, QPoint pos) const;

    QColor matchBackground_;
    QColor matchForeground_;
    ReplacePreview* replace_ = nullptr;
};

}  // namespace codescout::gui
