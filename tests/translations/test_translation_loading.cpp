// The embedded translations load and translate: installTranslations() picks the language (the
// override, else the system locale), replaces earlier translators, and loads Qt's own strings
// too; numbers and sizes shown by the GUI follow QLocale.
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTest>
#include <QTranslator>

#include "gui/app/translations.h"
#include "gui/memory/byte_format.h"
#include "gui/search/status_text.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

QString translate(const char* context, const char* source, int n = -1)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

}  // namespace

class TestTranslationLoading : public QObject {
    Q_OBJECT

private slots:
    void init() { QLocale::setDefault(QLocale::c()); }
    void cleanupTestCase()
    {
        installTranslations(*QCoreApplication::instance(), QStringLiteral("none"));
        QLocale::setDefault(QLocale::c());
    }

    void embeddedFilesExist_data();
    void embeddedFilesExist();
    void overrideTranslates_data();
    void overrideTranslates();
    void pluralForms_data();
    void pluralForms();
    void reinstallReplacesTheLanguage();
    void systemLocaleWhenNoOverride();
    void qtOwnStringsTranslated();
    void numbersFollowTheLocale();
    void statusAndSummaryTranslated();
};

void TestTranslationLoading::embeddedFilesExist_data()
{
    QTest::addColumn<QString>("language");
    for (const QString& language : availableLanguages())
        QTest::newRow(qPrintable(language)) << language;
}

void TestTranslationLoading::embeddedFilesExist()
{
    QFETCH(QString, language);
    const QString path = QStringLiteral(":/i18n/codescout_%1.qm").arg(language);
    QVERIFY2(QFile::exists(path), qPrintable(path));
}

void TestTranslationLoading::overrideTranslates_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");
    // The main window's menu and search action (from the form), a string from code, one from the
    // memory view's library and one from main.cpp's own context.
    QTest::newRow("de menu") << QStringLiteral("de") << QByteArray("MainWindow")
                             << QByteArray("&Search") << QStringLiteral("&Suchen");
    QTest::newRow("de find") << QStringLiteral("de") << QByteArray("MainWindow")
                             << QByteArray("&Find…") << QStringLiteral("Such&muster eingeben…");
    QTest::newRow("de case") << QStringLiteral("de") << QByteArray("QueryBar")
                             << QByteArray("Match case")
                             << QStringLiteral("Groß-/Kleinschreibung beachten");
    QTest::newRow("de code") << QStringLiteral("de") << QByteArray("codescout::gui::MainWindow")
                             << QByteArray("Open Folder") << QStringLiteral("Ordner öffnen");
    QTest::newRow("de memory") << QStringLiteral("de") << QByteArray("codescout::gui::MemoryView")
                               << QByteArray("Change…") << QStringLiteral("Ändern…");
    QTest::newRow("fr find") << QStringLiteral("fr") << QByteArray("MainWindow")
                             << QByteArray("&Find…") << QStringLiteral("&Motif de recherche…");
    QTest::newRow("fr case") << QStringLiteral("fr") << QByteArray("QueryBar")
                             << QByteArray("Match case") << QStringLiteral("Respecter la casse");
    QTest::newRow("fr main") << QStringLiteral("fr") << QByteArray("main")
                             << QByteArray("The folder to search.")
                             << QStringLiteral("Le dossier dans lequel rechercher.");
    QTest::newRow("en source") << QStringLiteral("en") << QByteArray("MainWindow")
                               << QByteArray("&Find…") << QStringLiteral("&Find…");
}

void TestTranslationLoading::overrideTranslates()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);
    QCOMPARE(installTranslations(*QCoreApplication::instance(), language), language);
    QCOMPARE(translate(context.constData(), source.constData()), expected);
}

void TestTranslationLoading::pluralForms_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en 1") << QStringLiteral("en") << 1 << QStringLiteral("1 sample saved to %1.");
    QTest::newRow("en 3") << QStringLiteral("en") << 3 << QStringLiteral("3 samples saved to %1.");
    QTest::newRow("de 1") << QStringLiteral("de") << 1
                          << QStringLiteral("1 Messpunkt in %1 gespeichert.");
    QTest::newRow("de 3") << QStringLiteral("de") << 3
                          << QStringLiteral("3 Messpunkte in %1 gespeichert.");
    // French counts 0 as singular.
    QTest::newRow("fr 0") << QStringLiteral("fr") << 0
                          << QStringLiteral("0 échantillon enregistré dans %1.");
    QTest::newRow("fr 2") << QStringLiteral("fr") << 2
                          << QStringLiteral("2 échantillons enregistrés dans %1.");
}

void TestTranslationLoading::pluralForms()
{
    QFETCH(QString, language);
    QFETCH(int, n);
    QFETCH(QString, expected);
    installTranslations(*QCoreApplication::instance(), language);
    QCOMPARE(translate("codescout::gui::MemoryView", "%n sample(s) saved to %1.", n), expected);
}

void TestTranslationLoading::reinstallReplacesTheLanguage()
{
    auto& app = *QCoreApplication::instance();
    installTranslations(app, QStringLiteral("de"));
    installTranslations(app, QStringLiteral("fr"));
    QCOMPARE(translate("MainWindow", "&File"), QStringLiteral("&Fichier"));
    // Only our two translators (Qt's and CodeScout's) are children of the app, not four.
    QCOMPARE(app.findChildren<QTranslator*>(Qt::FindDirectChildrenOnly).size(), 2);
}

void TestTranslationLoading::systemLocaleWhenNoOverride()
{
    // The tests run under LC_ALL=C.UTF-8: the system locale matches no translation, and an
    // unknown override falls back to it: English, with its plural forms ("file(s)" never shows).
    auto& app = *QCoreApplication::instance();
    installTranslations(app, QStringLiteral("de"));
    if (QLocale::system().language() == QLocale::C) {
        QCOMPARE(installTranslations(app), QStringLiteral("en"));
        QCOMPARE(translate("MainWindow", "&File"), QStringLiteral("&File"));
        QCOMPARE(translate("codescout::gui::OutcomeDialog", "%Ln file(s) changed", 83), QStringLiteral("83 files changed"));
        QCOMPARE(installTranslations(app, QStringLiteral("xx")), QStringLiteral("en"));
        QCOMPARE(translate("MainWindow", "&File"), QStringLiteral("&File"));
        QCOMPARE(translate("codescout::gui::OutcomeDialog", "%Ln file(s) changed", 1), QStringLiteral("1 file changed"));
    } else {
        // Run by hand in another locale: the system's language is loaded if it is shipped.
        const QString loaded = installTranslations(app);
        QVERIFY(loaded.isEmpty() || availableLanguages().contains(loaded));
    }
}

void TestTranslationLoading::qtOwnStringsTranslated()
{
    const QString qtGerman = QLibraryInfo::path(QLibraryInfo::TranslationsPath)
                             + QStringLiteral("/qtbase_de.qm");
    if (!QFile::exists(qtGerman))
        QSKIP("Qt's own translations are not installed (qt6-translations-l10n)");
    installTranslations(*QCoreApplication::instance(), QStringLiteral("de"));
    // A button text of Qt's standard dialogs.
    QCOMPARE(translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
}

void TestTranslationLoading::numbersFollowTheLocale()
{
    const QLocale german(QLocale::German, QLocale::Germany);
    QCOMPARE(german.toString(1234567), QStringLiteral("1.234.567"));
    QCOMPARE(formatBytes(1536 * 1024, german), QStringLiteral("1,5\u00a0MiB"));
    QCOMPARE(formatBytes(1536 * 1024, QLocale(QLocale::French, QLocale::France)),
             QStringLiteral("1,5\u00a0MiB"));

    // The status line formats with the default locale.
    QLocale::setDefault(german);
    SearchProgress progress;
    progress.files_searched = 1234567;
    progress.matches = 2500;
    progress.bytes_searched = 3'000'000;
    const QString line = progressLine(progress, 1500);
    QVERIFY2(line.contains(QStringLiteral("1.234.567")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("2.500")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("1,50")), qPrintable(line));  // seconds

    // So do the Replace summary's file counts (a kernel-tree Replace All changes ~11,000 files).
    installTranslations(*QCoreApplication::instance(), QStringLiteral("de"));
    QCOMPARE(translate("codescout::gui::OutcomeDialog", "%Ln file(s) changed", 10981), QStringLiteral("10.981 Dateien geändert"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    QCOMPARE(translate("codescout::gui::OutcomeDialog", "%Ln file(s) restored", 10981), QStringLiteral("10,981 files restored"));
}

void TestTranslationLoading::statusAndSummaryTranslated()
{
    // The status line and the summary (status_text.cpp) are found under the context lupdate
    // filed them in, and the summary's stats block groups digits as the locale does.
    installTranslations(*QCoreApplication::instance(), QStringLiteral("de"));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    SearchProgress progress;
    progress.files_searched = 1234;
    const QString line = progressLine(progress, 2000);
    QVERIFY2(line.startsWith(QStringLiteral("Suche läuft… 1.234 Dateien")), qPrintable(line));

    SearchSummary summary;
    summary.metrics.total_allocated = 1234567;
    summary.cancelled = true;
    QVERIFY2(finishedLine(summary).startsWith(QStringLiteral("Abgebrochen: ")),
             qPrintable(finishedLine(summary)));
    const QString text = summaryText(summary, 0, {});
    QVERIFY2(text.startsWith(QStringLiteral("Speicherstatistik:\nInsgesamt belegt: 1.234.567 Bytes\n")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Übersprungen: ")), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestTranslationLoading)
#include "test_translation_loading.moc"
