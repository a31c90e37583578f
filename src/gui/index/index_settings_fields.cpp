// IndexSettingsFields: the cap is edited in MiB and stored in bytes (0 = no cap).
#include "gui/index/index_settings_fields.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QSpinBox>

#include <algorithm>
#include <limits>

namespace codescout::gui {

namespace {

constexpr qulonglong kMiB = 1024 * 1024;

}  // namespace

IndexSettingsFields::IndexSettingsFields(QFormLayout* form, QObject* parent)
    : QObject(parent), enabled_(new QCheckBox(tr("Index folders for instant search"), form->parentWidget())),
      cap_(new QSpinBox(form->parentWidget()))
{
    enabled_->setToolTip(tr("Builds an index of each opened folder in the background, then searches as you "
                            "type. Results are always a full scan's."));
    cap_->setRange(0, 1024 * 1024);
    cap_->setSuffix(tr(" MiB"));
    cap_->setSpecialValueText(tr("No cap"));
    cap_->setToolTip(tr("A folder whose index would take more disk space is not indexed."));
    cap_->setAccessibleName(tr("Index disk cap"));
    form->addRow(tr("Indexing:"), enabled_);
    form->addRow(tr("Index disk cap:"), cap_);
    connect(enabled_, &QCheckBox::toggled, cap_, &QWidget::setEnabled);
}

void IndexSettingsFields::fill(const std::function<QVariant(Setting)>& get)
{
    enabled_->setChecked(get(Setting::IndexEnabled).toBool());
    cap_->setEnabled(enabled_->isChecked());
    const qulonglong bytes = get(Setting::IndexDiskCapBytes).toULongLong();
    cap_->setValue(static_cast<int>(std::min<qulonglong>((bytes + kMiB / 2) / kMiB, cap_->maximum())));
}

void IndexSettingsFields::save(AppSettings& settings) const
{
    settings.setValue(Setting::IndexEnabled, enabled_->isChecked());
    settings.setValue(Setting::IndexDiskCapBytes, QVariant::fromValue<qulonglong>(static_cast<qulonglong>(cap_->value()) * kMiB));
}

QWidget* IndexSettingsFields::field(Setting setting) const
{
    if (setting == Setting::IndexEnabled)
        return enabled_;
    if (setting == Setting::IndexDiskCapBytes)
        return cap_;
    return nullptr;
}

}  // namespace codescout::gui
