// Keyboard accelerators stay usable in every language: in each menu the "&" letters differ, and in
// the main window no two Alt+letter keys collide (menu bar titles, the query bar's buttons, check
// boxes and labels, and its explicit Alt+ shortcuts); the settings dialog's labels differ too.
// Built from the real window and dialog with each translation installed, so actions that code adds
// (View ▸ Memory View) are checked as well as the forms.
#include <QAbstractButton>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTest>

#include "gui/app/translations.h"
#include "gui/settings/app_settings.h"
#include "gui/settings/settings_dialog.h"
#include "gui/window/main_window.h"
#include "gui_test_helpers.h"

using namespace codescout::gui;

namespace {

// Alt+letter keys -> who uses them; a key used twice is a collision.
class KeyUse {
public:
    void add(const QKeySequence& key, const QString& who)
    {
        if (key.isEmpty())
            return;
        users_[key.toString(QKeySequence::PortableText).toUpper()].append(who);
    }
    QStringList collisions() const
    {
        QStringList out;
        for (auto it = users_.begin(); it != users_.end(); ++it) {
            if (it.value().size() > 1)
                out.append(it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(" | ")));
        }
        return out;
    }

private:
    QMap<QString, QStringList> users_;
};

bool isAltLetter(const QKeySequence& key)
{
    return key.count() == 1 && key[0].keyboardModifiers() == Qt::AltModifier;
}

void checkMenu(QMenu* menu, QStringList& problems)
{
    KeyUse keys;
    for (QAction* action : menu->actions()) {
        if (action->isSeparator())
            continue;
        keys.add(QKeySequence::mnemonic(action->text()), action->text());
        if (action->menu())
            checkMenu(action->menu(), problems);
    }
    for (const QString& collision : keys.collisions())
        problems.append(menu->title() + QStringLiteral(" ▸ ") + collision);
}

}  // namespace

class TestTranslatedMnemonics : public QObject {
    Q_OBJECT

private slots:
    void cleanupTestCase() { installTranslations(*QCoreApplication::instance(), QStringLiteral("none")); }
    void mainWindow_data() { languages(); }
    void mainWindow();
    void settingsDialog_data() { languages(); }
    void settingsDialog();

private:
    static void languages()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    testing::IsolatedSettings settings_;
};

void TestTranslatedMnemonics::mainWindow()
{
    QFETCH(QString, language);
    QCOMPARE(installTranslations(*QCoreApplication::instance(), language), language);
    MainWindow window;

    QStringList problems;
    KeyUse windowKeys;
    const auto menus = window.menuBar()->actions();
    QVERIFY(menus.size() >= 4);
    for (QAction* action : menus) {
        windowKeys.add(QKeySequence::mnemonic(action->text()), action->text());
        if (action->menu())
            checkMenu(action->menu(), problems);
    }
    for (QAbstractButton* button : window.findChildren<QAbstractButton*>()) {
        if (isAltLetter(button->shortcut()))
            windowKeys.add(button->shortcut(), button->objectName());
    }
    for (QLabel* label : window.findChildren<QLabel*>()) {
        if (label->buddy())
            windowKeys.add(QKeySequence::mnemonic(label->text()), label->text());
    }
    for (const QString& collision : windowKeys.collisions())
        problems.append(QStringLiteral("window: ") + collision);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslatedMnemonics::settingsDialog()
{
    QFETCH(QString, language);
    QCOMPARE(installTranslations(*QCoreApplication::instance(), language), language);
    AppSettings settings;
    SettingsDialog dialog(settings);
    KeyUse keys;
    int labelled = 0;
    for (QLabel* label : dialog.findChildren<QLabel*>()) {
        if (!label->buddy())
            continue;
        ++labelled;
        keys.add(QKeySequence::mnemonic(label->text()), label->text());
    }
    QVERIFY(labelled >= 5);
    const QStringList collisions = keys.collisions();
    QVERIFY2(collisions.isEmpty(), qPrintable(collisions.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestTranslatedMnemonics)
#include "test_translated_mnemonics.moc"
