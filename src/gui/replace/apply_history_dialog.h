// Edit ▸ Apply History: every apply in the undo journal (time, pattern, replacement, files,
// state), newest first; Undo undoes the selected one — the edit layer restores each of its files
// that is unchanged since and refuses, with the reason, each one that is not.
#pragma once

#include <QDialog>

#include <string>
#include <vector>

#include "core/edit/undo_journal.h"

class QPushButton;
class QTreeWidget;

namespace codescout::gui {

class ApplyHistoryDialog : public QDialog {
    Q_OBJECT
public:
    explicit ApplyHistoryDialog(QWidget* parent = nullptr);

    // Lists `entries` (oldest first, as the journal gives them).
    void setEntries(const std::vector<JournalEntry>& entries);
    int rowCount() const;
    // Selects the row of apply `id`; false if there is none.
    bool select(const std::string& id);
    QTreeWidget* table() const { return table_; }

signals:
    void undoRequested(const std::string& id);

private:
    void updateButton();

    QTreeWidget* table_;
    QPushButton* undo_;
};

}  // namespace codescout::gui
