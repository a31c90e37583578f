// The settings dialog (forms/settings.ui): engine thresholds and threads, memory sampling and
// budget, editor command, result limit, language. Reads from and writes to AppSettings; refuses to save
// a small-file threshold that is not below the large-file threshold.
#pragma once

#include <QDialog>

#include <functional>
#include <memory>

#include "gui/settings/app_settings.h"

namespace Ui {
class SettingsDialog;
}

namespace codescout::gui {

class IndexSettingsFields;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings& settings, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;
    // Puts the keyboard focus on the field of `setting` (e.g. when an alert names it).
    void focusField(Setting setting);
    // The first problem with the values entered, or empty.
    QString validationError() const;

private:
    void load();
    // Puts the values `get` returns into the form.
    void fill(const std::function<QVariant(Setting)>& get);
    void save();
    void restoreDefaults();
    void validate();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppSettings& settings_;
    IndexSettingsFields* indexFields_;
};

}  // namespace codescout::gui
