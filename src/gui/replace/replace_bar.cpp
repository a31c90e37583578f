// ReplaceBar (see the header).
#include "gui/replace/replace_bar.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace codescout::gui {

ReplaceBar::ReplaceBar(QWidget* parent)
    : QWidget(parent), edit_(new QLineEdit(this)), preserveCase_(new QCheckBox(tr("Preserve case"), this)),
      diff_(new QToolButton(this)), all_(new QPushButton(tr("Replace &All"), this)),
      selected_(new QPushButton(tr("Replace Selected"), this)), inFile_(new QPushButton(tr("Replace i&n This File"), this))
{
    edit_->setPlaceholderText(tr("Replace"));
    edit_->setClearButtonEnabled(true);
    edit_->setAccessibleName(tr("Replacement"));
    edit_->setToolTip(tr("Replaces each checked match; $1 or ${name} insert a captured group, $$ a dollar sign"));
    preserveCase_->setToolTip(tr("foo → bar, Foo → Bar, FOO → BAR"));
    diff_->setText(tr("Diff"));
    diff_->setCheckable(true);
    diff_->setToolTip(tr("Show the whole-file diff of the selected file instead of the preview"));
    selected_->setToolTip(tr("Replace the checked matches of the selected result line or file"));
    inFile_->setToolTip(tr("Replace the checked matches of the selected result's file"));
    all_->setToolTip(tr("Replace every checked match in every file"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit_, 1);
    layout->addWidget(preserveCase_);
    layout->addWidget(diff_);
    layout->addWidget(selected_);
    layout->addWidget(inFile_);
    layout->addWidget(all_);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setFocusProxy(edit_);

    connect(edit_, &QLineEdit::textChanged, this, &ReplaceBar::replacementChanged);
    connect(preserveCase_, &QCheckBox::toggled, this, &ReplaceBar::replacementChanged);
    connect(diff_, &QToolButton::toggled, this, &ReplaceBar::diffToggled);
    connect(all_, &QPushButton::clicked, this, &ReplaceBar::replaceAllRequested);
    connect(selected_, &QPushButton::clicked, this, &ReplaceBar::replaceSelectedRequested);
    connect(inFile_, &QPushButton::clicked, this, &ReplaceBar::replaceInFileRequested);
}

QString ReplaceBar::replacement() const { return edit_->text(); }
void ReplaceBar::setReplacement(const QString& text) { edit_->setText(text); }
bool ReplaceBar::preserveCase() const { return preserveCase_->isChecked(); }
void ReplaceBar::setPreserveCase(bool on) { preserveCase_->setChecked(on); }
bool ReplaceBar::diffShown() const { return diff_->isChecked(); }

void ReplaceBar::focusReplacement()
{
    edit_->setFocus(Qt::ShortcutFocusReason);
    edit_->selectAll();
}

void ReplaceBar::setBusy(bool busy)
{
    for (QWidget* w : {static_cast<QWidget*>(all_), static_cast<QWidget*>(selected_), static_cast<QWidget*>(inFile_)})
        w->setEnabled(!busy);
}

}  // namespace codescout::gui
