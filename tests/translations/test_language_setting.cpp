// The Language setting: the settings dialog's box stores "" (system), "en", "de" or "fr", shows
// the stored choice again, falls back to the system default for unknown values, names each
// language in itself whatever the interface language, and its value drives installTranslations.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTest>

#include "gui/app/translations.h"
#include "gui/settings/app_settings.h"
#include "gui/settings/settings_dialog.h"
#include "gui_test_helpers.h"

using namespace codescout::gui;

class TestLanguageSetting : public QObject {
    Q_OBJECT

private slots:
    void init() { settings_.clear(); }
    void cleanupTestCase() { installTranslations(*QCoreApplication::instance(), QStringLiteral("none")); }
    void defaultIsTheSystemLanguage();
    void choiceIsStoredAndShownAgain_data();
    void choiceIsStoredAndShownAgain();
    void unknownStoredValueShowsSystemDefault();
    void restoreDefaultsPicksSystemDefault();
    void languageNamesAreNotTranslated();
    void storedValueDrivesTheTranslation();

private:
    static QComboBox* combo(SettingsDialog& dialog)
    {
        auto* box = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
        if (!box)
            qFatal("the settings dialog has no languageCombo");
        return box;
    }

    testing::IsolatedSettings settings_;
};

void TestLanguageSetting::defaultIsTheSystemLanguage()
{
    AppSettings settings;
    QCOMPARE(settings.value(Setting::Language).toString(), QString());
    SettingsDialog dialog(settings);
    QCOMPARE(combo(dialog)->currentIndex(), 0);
    QCOMPARE(combo(dialog)->count(), availableLanguages().size() + 1);
}

void TestLanguageSetting::choiceIsStoredAndShownAgain_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("code");
    QTest::newRow("English") << QStringLiteral("English") << QStringLiteral("en");
    QTest::newRow("Deutsch") << QStringLiteral("Deutsch") << QStringLiteral("de");
    QTest::newRow("Français") << QStringLiteral("Français") << QStringLiteral("fr");
}

void TestLanguageSetting::choiceIsStoredAndShownAgain()
{
    QFETCH(QString, name);
    QFETCH(QString, code);
    {
        AppSettings settings;
        SettingsDialog dialog(settings);
        const int index = combo(dialog)->findText(name);
        QVERIFY2(index > 0, qPrintable(name));
        combo(dialog)->setCurrentIndex(index);
        dialog.accept();
    }
    AppSettings reread;
    QCOMPARE(reread.value(Setting::Language).toString(), code);
    SettingsDialog again(reread);
    QCOMPARE(combo(again)->currentText(), name);
}

void TestLanguageSetting::unknownStoredValueShowsSystemDefault()
{
    AppSettings settings;
    settings.setValue(Setting::Language, QStringLiteral("xx"));
    SettingsDialog dialog(settings);
    QCOMPARE(combo(dialog)->currentIndex(), 0);
}

void TestLanguageSetting::restoreDefaultsPicksSystemDefault()
{
    AppSettings settings;
    settings.setValue(Setting::Language, QStringLiteral("fr"));
    SettingsDialog dialog(settings);
    QCOMPARE(combo(dialog)->currentText(), QStringLiteral("Français"));
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(buttons);
    buttons->button(QDialogButtonBox::RestoreDefaults)->click();
    QCOMPARE(combo(dialog)->currentIndex(), 0);
}

void TestLanguageSetting::languageNamesAreNotTranslated()
{
    QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("fr")),
             QStringLiteral("fr"));
    AppSettings settings;
    SettingsDialog dialog(settings);
    QCOMPARE(combo(dialog)->itemText(0), QStringLiteral("Langue du système"));
    QCOMPARE(combo(dialog)->itemText(2), QStringLiteral("Deutsch"));
    QCOMPARE(combo(dialog)->itemText(3), QStringLiteral("Français"));
    installTranslations(*QCoreApplication::instance(), QStringLiteral("none"));
}

void TestLanguageSetting::storedValueDrivesTheTranslation()
{
    AppSettings settings;
    settings.setValue(Setting::Language, QStringLiteral("de"));
    // As main.cpp does at start.
    QCOMPARE(installTranslations(*QCoreApplication::instance(),
                                 settings.value(Setting::Language).toString()),
             QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate("SettingsDialog", "Lan&guage:"), QStringLiteral("&Sprache:"));
}

QTEST_MAIN(TestLanguageSetting)
#include "test_language_setting.moc"
