// installTranslations: one QTranslator for Qt's strings, one for the app's, by system locale or
// by the Language setting.
#include "gui/app/translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace codescout::gui {

namespace {

// Marks our translators, so a second call can take the first call's ones out again.
constexpr auto kTranslatorName = "codescout_translator";

void removeInstalledTranslators(QCoreApplication& app)
{
    const auto translators = app.findChildren<QTranslator*>(QLatin1String(kTranslatorName),
                                                            Qt::FindDirectChildrenOnly);
    for (QTranslator* translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

// Loads `base`_<language>.qm from `folder` for the first of the locale's UI languages that has
// one, and installs it. Returns the file's language suffix ("de" from codescout_de.qm), or "".
QString install(QCoreApplication& app, const QLocale& locale, const QString& base,
                const QString& folder)
{
    auto* translator = new QTranslator(&app);
    translator->setObjectName(QLatin1String(kTranslatorName));
    if (!translator->load(locale, base, QStringLiteral("_"), folder)) {
        delete translator;
        return {};
    }
    QCoreApplication::installTranslator(translator);
    const QString fileName = QFileInfo(translator->filePath()).completeBaseName();
    return fileName.mid(base.size() + 1);
}

}  // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString installTranslations(QCoreApplication& app, const QString& languageOverride)
{
    removeInstalledTranslators(app);
    const QLocale locale = availableLanguages().contains(languageOverride)
                               ? QLocale(languageOverride)
                               : QLocale();
    install(app, locale, QStringLiteral("qtbase"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    const QString loaded = install(app, locale, QStringLiteral("codescout"), QStringLiteral(":/i18n"));
    if (!loaded.isEmpty())
        return loaded;
    // A language we do not ship, or none (LANG=C): the English one. The sources are English, but
    // their plural forms are only in its file: without it the user reads "83 file(s) changed".
    return install(app, QLocale(QLocale::English), QStringLiteral("codescout"), QStringLiteral(":/i18n"));
}

}  // namespace codescout::gui
