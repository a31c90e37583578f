// SettingsDialog: unit conversion (bytes <-> KiB/MiB) and validation.
#include "gui/settings/settings_dialog.h"

#include <QPushButton>

#include <algorithm>
#include <array>

#include "gui/index/index_settings_fields.h"
#include "gui/settings/app_settings.h"
#include "ui_settings.h"

namespace codescout::gui {

namespace {

constexpr qulonglong kKiB = 1024;
constexpr qulonglong kMiB = 1024 * 1024;

// The Language setting's values, in the order of the combo box's items (forms/settings.ui).
const std::array<const char*, 4> kLanguageCodes{"", "en", "de", "fr"};
// The ReplaceOnError setting's values, likewise; an unknown stored value means the default (stop).
const std::array<const char*, 2> kOnErrorValues{"stop", "continue"};

int languageIndex(const QString& code)
{
    for (std::size_t i = 0; i < kLanguageCodes.size(); ++i) {
        if (code == QLatin1String(kLanguageCodes[i]))
            return static_cast<int>(i);
    }
    return 0;  // an unknown stored value shows (and means) the system default
}

int toUnits(qulonglong bytes, qulonglong unit)
{
    return static_cast<int>(std::min<qulonglong>((bytes + unit / 2) / unit, std::numeric_limits<int>::max()));
}

}  // namespace

SettingsDialog::SettingsDialog(AppSettings& settings, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), settings_(settings)
{
    m_ui->setupUi(this);
    indexFields_ = new IndexSettingsFields(m_ui->formLayout, this);
    QPalette errorPalette = m_ui->validationLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_ui->validationLabel->setPalette(errorPalette);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->buttonBox->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked,
            this, &SettingsDialog::restoreDefaults);
    for (QSpinBox* spin : {m_ui->smallThresholdSpin, m_ui->largeThresholdSpin})
        connect(spin, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
    load();
    validate();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    fill([this](Setting s) { return settings_.value(s); });
}

void SettingsDialog::restoreDefaults()
{
    fill(&AppSettings::defaultValue);
}

void SettingsDialog::fill(const std::function<QVariant(Setting)>& get)
{
    m_ui->smallThresholdSpin->setValue(toUnits(get(Setting::SmallFileThreshold).toULongLong(), kKiB));
    m_ui->largeThresholdSpin->setValue(toUnits(get(Setting::LargeFileThreshold).toULongLong(), kMiB));
    m_ui->threadsSpin->setValue(get(Setting::Threads).toInt());
    m_ui->samplerIntervalSpin->setValue(get(Setting::SamplerIntervalMs).toInt());
    m_ui->memoryBudgetSpin->setValue(toUnits(get(Setting::MemoryBudgetBytes).toULongLong(), kMiB));
    m_ui->editorCommandEdit->setText(get(Setting::EditorCommand).toString());
    m_ui->maxResultsSpin->setValue(toUnits(get(Setting::MaxResults).toULongLong(), 1));
    m_ui->languageCombo->setCurrentIndex(languageIndex(get(Setting::Language).toString()));
    m_ui->undoHistorySpin->setValue(toUnits(get(Setting::UndoHistoryMaxBytes).toULongLong(), kMiB));
    m_ui->replaceOnErrorCombo->setCurrentIndex(get(Setting::ReplaceOnError).toString() == QLatin1String(kOnErrorValues[1]) ? 1 : 0);
    indexFields_->fill(get);
}

void SettingsDialog::focusField(Setting setting)
{
    QWidget* field = nullptr;
    switch (setting) {
    case Setting::SmallFileThreshold: field = m_ui->smallThresholdSpin; break;
    case Setting::LargeFileThreshold: field = m_ui->largeThresholdSpin; break;
    case Setting::Threads: field = m_ui->threadsSpin; break;
    case Setting::SamplerIntervalMs: field = m_ui->samplerIntervalSpin; break;
    case Setting::MemoryBudgetBytes: field = m_ui->memoryBudgetSpin; break;
    case Setting::EditorCommand: field = m_ui->editorCommandEdit; break;
    case Setting::MaxResults: field = m_ui->maxResultsSpin; break;
    case Setting::Language: field = m_ui->languageCombo; break;
    case Setting::UndoHistoryMaxBytes: field = m_ui->undoHistorySpin; break;
    case Setting::ReplaceOnError: field = m_ui->replaceOnErrorCombo; break;
    default: field = indexFields_->field(setting); break;
    }
    if (field)
        field->setFocus(Qt::OtherFocusReason);
}

void SettingsDialog::save()
{
    auto bytes = [](int units, qulonglong unit) {
        return QVariant::fromValue<qulonglong>(static_cast<qulonglong>(units) * unit);
    };
    settings_.setValue(Setting::SmallFileThreshold, bytes(m_ui->smallThresholdSpin->value(), kKiB));
    settings_.setValue(Setting::LargeFileThreshold, bytes(m_ui->largeThresholdSpin->value(), kMiB));
    settings_.setValue(Setting::Threads, m_ui->threadsSpin->value());
    settings_.setValue(Setting::SamplerIntervalMs, m_ui->samplerIntervalSpin->value());
    settings_.setValue(Setting::MemoryBudgetBytes, bytes(m_ui->memoryBudgetSpin->value(), kMiB));
    settings_.setValue(Setting::EditorCommand, m_ui->editorCommandEdit->text().trimmed());
    settings_.setValue(Setting::MaxResults, bytes(m_ui->maxResultsSpin->value(), 1));
    settings_.setValue(Setting::UndoHistoryMaxBytes, bytes(m_ui->undoHistorySpin->value(), kMiB));
    settings_.setValue(Setting::ReplaceOnError,
                       QString::fromLatin1(kOnErrorValues[m_ui->replaceOnErrorCombo->currentIndex() == 1 ? 1 : 0]));
    const int language = std::clamp(m_ui->languageCombo->currentIndex(), 0,
                                    static_cast<int>(kLanguageCodes.size()) - 1);
    settings_.setValue(Setting::Language,
                       QString::fromLatin1(kLanguageCodes[static_cast<std::size_t>(language)]));
    indexFields_->save(settings_);
    settings_.sync();
}

QString SettingsDialog::validationError() const
{
    const qulonglong small = static_cast<qulonglong>(m_ui->smallThresholdSpin->value()) * kKiB;
    const qulonglong large = static_cast<qulonglong>(m_ui->largeThresholdSpin->value()) * kMiB;
    if (small >= large)
        return tr("The small-file threshold must be below the large-file threshold.");
    return {};
}

void SettingsDialog::validate()
{
    const QString error = validationError();
    m_ui->validationLabel->setText(error);
    m_ui->validationLabel->setVisible(!error.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

void SettingsDialog::accept()
{
    if (!validationError().isEmpty())
        return;
    save();
    QDialog::accept();
}

}  // namespace codescout::gui
