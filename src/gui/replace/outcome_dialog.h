// The dialog that ends a Replace or an undo: a headline (files changed, skipped; why it stopped),
// the engine's notices, and one row per file that was not changed with the reason — so the
// user sees exactly what happened to each file, never a silent skip.
#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

#include "core/edit/applier.h"
#include "core/edit/undo.h"

class QLabel;
class QTreeWidget;

namespace codescout::gui {

class OutcomeDialog : public QDialog {
    Q_OBJECT
public:
    explicit OutcomeDialog(QWidget* parent = nullptr);

    // `folder`: paths are shown relative to it.
    void showReplace(const ApplyReport& report, bool cancelled, const QString& folder);
    void showUndo(const UndoReport& report, const QString& folder);

    QString headline() const;
    // "path\treason\tdetail" per row, for tests and copying.
    QStringList rows() const;

private:
    void addRow(const QString& path, const QString& reason, const QString& detail);

    QLabel* headline_;
    QLabel* notes_;
    QTreeWidget* files_;
    QString folder_;
};

}  // namespace codescout::gui
