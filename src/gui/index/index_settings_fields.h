// The settings dialog's indexing fields: index folders for instant search (on/off) and the disk
// cap per folder's index. Added to the dialog's form by SettingsDialog (one row each), so the
// dialog's own form stays as it is.
#pragma once

#include <QObject>

#include <functional>

#include "gui/settings/app_settings.h"

class QCheckBox;
class QFormLayout;
class QSpinBox;

namespace codescout::gui {

class IndexSettingsFields : public QObject {
    Q_OBJECT
public:
    // Adds the rows to `form`; the widgets belong to the form's parent widget.
    explicit IndexSettingsFields(QFormLayout* form, QObject* parent = nullptr);

    void fill(const std::function<QVariant(Setting)>& get);
    void save(AppSettings& settings) const;
    QWidget* field(Setting setting) const;  // for focusField(); null for other settings

    QCheckBox* enabledCheck() const { return enabled_; }
    QSpinBox* capSpin() const { return cap_; }

private:
    QCheckBox* enabled_;
    QSpinBox* cap_;
};

}  // namespace codescout::gui
