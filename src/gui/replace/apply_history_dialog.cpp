// ApplyHistoryDialog (see the header).
#include "gui/replace/apply_history_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/edit/undo.h"

namespace codescout::gui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QString qs(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString stateText(EntryState state)
{
    switch (state) {
    case EntryState::Interrupted: return ApplyHistoryDialog::tr("interrupted");
    case EntryState::Committed: return ApplyHistoryDialog::tr("applied");
    case EntryState::Undoing: return ApplyHistoryDialog::tr("undo interrupted");
    case EntryState::Undone: return ApplyHistoryDialog::tr("undone");
    case EntryState::RolledBack: return ApplyHistoryDialog::tr("rolled back");
    case EntryState::Unreadable: return ApplyHistoryDialog::tr("unreadable");
    }
    return {};
}

bool undoable(EntryState state)
{
    return state == EntryState::Committed || state == EntryState::Undoing || state == EntryState::Undone;
}

}  // namespace

ApplyHistoryDialog::ApplyHistoryDialog(QWidget* parent)
    : QDialog(parent), table_(new QTreeWidget(this)), undo_(new QPushButton(tr("&Undo This Replace"), this))
{
    setWindowTitle(tr("Apply History"));
    table_->setHeaderLabels({tr("Time"), tr("Pattern"), tr("Replacement"), tr("Files"), tr("State")});
    table_->setRootIsDecorated(false);
    table_->setAccessibleName(tr("Applied replaces"));
    table_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(undo_, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(undo_, &QPushButton::clicked, this, [this] {
        if (const QTreeWidgetItem* item = table_->currentItem())
            emit undoRequested(item->data(0, kIdRole).toString().toStdString());
    });
    connect(table_, &QTreeWidget::currentItemChanged, this, &ApplyHistoryDialog::updateButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addWidget(buttons);
    resize(760, 340);
    updateButton();
}

void ApplyHistoryDialog::setEntries(const std::vector<JournalEntry>& entries)
{
    table_->clear();
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        const JournalEntry& e = *it;
        const std::size_t files = e.state == EntryState::Interrupted ? e.manifest.files.size() : e.changed.size();
        auto* item = new QTreeWidgetItem(table_);
        item->setText(0, e.state == EntryState::Unreadable ? QString() : qs(format_apply_time(e.manifest.time_ns)));
        item->setText(1, qs(e.manifest.pattern));
        item->setText(2, qs(e.manifest.replacement));
        item->setText(3, QLocale().toString(static_cast<qulonglong>(files)));
        item->setText(4, stateText(e.state));
        if (e.state == EntryState::Unreadable)
            item->setToolTip(4, qs(e.error));
        item->setData(0, kIdRole, qs(e.id));
        item->setData(0, kIdRole + 1, undoable(e.state));
    }
    if (table_->topLevelItemCount() > 0)
        table_->setCurrentItem(table_->topLevelItem(0));
    updateButton();
}

int ApplyHistoryDialog::rowCount() const { return table_->topLevelItemCount(); }

bool ApplyHistoryDialog::select(const std::string& id)
{
    for (int i = 0; i < table_->topLevelItemCount(); ++i) {
        if (table_->topLevelItem(i)->data(0, kIdRole).toString() == qs(id)) {
            table_->setCurrentItem(table_->topLevelItem(i));
            return true;
        }
    }
    return false;
}

void ApplyHistoryDialog::updateButton()
{
    const QTreeWidgetItem* item = table_->currentItem();
    undo_->setEnabled(item != nullptr && item->data(0, kIdRole + 1).toBool());
}

}  // namespace codescout::gui
