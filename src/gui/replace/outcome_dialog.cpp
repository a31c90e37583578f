// OutcomeDialog (see the header).
#include "gui/replace/outcome_dialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "gui/replace/skip_reason_text.h"

namespace codescout::gui {

namespace {

QString qs(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

}  // namespace

OutcomeDialog::OutcomeDialog(QWidget* parent)
    : QDialog(parent), headline_(new QLabel(this)), notes_(new QLabel(this)), files_(new QTreeWidget(this))
{
    setWindowTitle(tr("Replace"));
    headline_->setWordWrap(true);
    headline_->setTextFormat(Qt::PlainText);
    notes_->setWordWrap(true);
    notes_->setTextFormat(Qt::PlainText);
    notes_->setVisible(false);
    files_->setHeaderLabels({tr("File"), tr("Reason"), tr("Details")});
    files_->setRootIsDecorated(false);
    files_->setAccessibleName(tr("Files not changed"));
    files_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(headline_);
    layout->addWidget(notes_);
    layout->addWidget(files_, 1);
    layout->addWidget(buttons);
    resize(720, 360);
}

QString OutcomeDialog::headline() const { return headline_->text(); }

QStringList OutcomeDialog::rows() const
{
    QStringList out;
    for (int i = 0; i < files_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = files_->topLevelItem(i);
        out.append(item->text(0) + QLatin1Char('\t') + item->text(1) + QLatin1Char('\t') + item->text(2));
    }
    return out;
}

void OutcomeDialog::addRow(const QString& path, const QString& reason, const QString& detail)
{
    QString shown = path;
    if (!folder_.isEmpty() && shown.startsWith(folder_ + QLatin1Char('/')))
        shown = shown.mid(folder_.size() + 1);
    auto* item = new QTreeWidgetItem(files_, {QDir::toNativeSeparators(shown), reason, detail});
    item->setToolTip(2, detail);
}

void OutcomeDialog::showReplace(const ApplyReport& report, bool cancelled, const QString& folder)
{
    folder_ = folder;
    files_->clear();
    setWindowTitle(tr("Replace finished"));
    QString text = tr("%Ln file(s) changed", nullptr, static_cast<int>(report.changed_files()));
    text += QLatin1String(", ") + tr("%Ln file(s) skipped", nullptr, static_cast<int>(report.skipped_files())) + QLatin1Char('.');
    if (cancelled)
        text += QLatin1Char(' ') + (report.rolled_back ? tr("Cancelled: the files already written were restored.")
                                                       : tr("Cancelled: no file was changed."));
    else if (!report.error.empty())
        text += QLatin1Char(' ') + tr("The replace stopped: %1").arg(qs(report.error));
    if (!report.journal_id.empty())
        text += QLatin1Char(' ') + tr("Edit ▸ Undo Replace restores the files.");
    headline_->setText(text);
    QStringList notes;
    for (const std::string& n : report.notices)
        notes.append(qs(n));
    notes_->setText(notes.join(QLatin1Char('\n')));
    notes_->setVisible(!notes.isEmpty());
    for (const FileApplyOutcome& f : report.files) {
        if (f.skip)
            addRow(qs(f.path), skipReasonText(f.skip->reason), qs(f.skip->message));
        else if (f.changed && !f.owner_kept)
            addRow(qs(f.path), tr("changed, owner not kept"), tr("the file now belongs to you"));
    }
    files_->setVisible(files_->topLevelItemCount() > 0);
}

void OutcomeDialog::showUndo(const UndoReport& report, const QString& folder)
{
    folder_ = folder;
    files_->clear();
    setWindowTitle(tr("Undo Replace"));
    std::size_t restored = 0, refused = 0;
    for (const FileRestore& f : report.files) {
        if (f.outcome == RestoreOutcome::Refused) {
            ++refused;
            addRow(qs(f.path), f.skip ? skipReasonText(f.skip->reason) : tr("refused"),
                   f.skip ? qs(f.skip->message) : QString());
        } else {
            ++restored;
        }
    }
    QString text;
    if (!report.error.empty())
        text = tr("Nothing was undone: %1").arg(qs(report.error));
    else
        text = tr("%Ln file(s) restored", nullptr, static_cast<int>(restored)) + QLatin1String(", ")
               + tr("%Ln file(s) left as they are", nullptr, static_cast<int>(refused)) + QLatin1Char('.');
    headline_->setText(text);
    notes_->setVisible(false);
    files_->setVisible(files_->topLevelItemCount() > 0);
}

}  // namespace codescout::gui
