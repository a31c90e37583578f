// IndexStatusWidget: one label, one bar, one button, following IndexManager::stateChanged.
#include "gui/index/index_status_widget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include "gui/index/index_manager.h"

namespace codescout::gui {

IndexStatusWidget::IndexStatusWidget(IndexManager* manager, QWidget* parent)
    : QWidget(parent), manager_(manager), label_(new QLabel(this)), progress_(new QProgressBar(this)),
      cancel_(new QToolButton(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(progress_);
    layout->addWidget(cancel_);
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(100);
    progress_->setAccessibleName(tr("Indexing progress"));
    label_->setAccessibleName(tr("Index status"));
    cancel_->setText(tr("Cancel indexing"));
    cancel_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    cancel_->setAutoRaise(true);
    connect(cancel_, &QToolButton::clicked, manager_, &IndexManager::cancelBuild);
    connect(manager_, &IndexManager::stateChanged, this, &IndexStatusWidget::update);
    update();
}

QString IndexStatusWidget::text() const
{
    return label_->text();
}

QString IndexStatusWidget::details() const
{
    return label_->toolTip();
}

void IndexStatusWidget::update()
{
    const bool building = manager_->state() == IndexManager::State::Building;
    switch (manager_->state()) {
    case IndexManager::State::Off: label_->setText(tr("Index: off")); break;
    case IndexManager::State::Building:
        label_->setText(tr("Index: building %1%").arg(manager_->percent()));
        break;
    case IndexManager::State::Ready: label_->setText(tr("Index: ready")); break;
    case IndexManager::State::Stale: label_->setText(tr("Index: stale")); break;
    case IndexManager::State::NotIndexed: label_->setText(tr("Index: not used")); break;
    }
    progress_->setVisible(building);
    progress_->setValue(manager_->percent());
    cancel_->setVisible(building);
    QString tip = manager_->note();
    if (tip.isEmpty() && manager_->state() == IndexManager::State::Stale)
        tip = tr("Files changed since the index was built are searched directly until it is updated.");
    if (tip.isEmpty() && manager_->state() == IndexManager::State::Ready)
        tip = tr("Searches read only the files the index cannot rule out; the results are a full scan's.");
    if (!manager_->sharing().isEmpty())
        tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) + manager_->sharing();
    label_->setToolTip(tip);
}

}  // namespace codescout::gui
