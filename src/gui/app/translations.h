// Loads the user's language for the app: Qt's own strings (qtbase_<lang>.qm from Qt's
// translations folder) and CodeScout's (the .qm files that translations/CMakeLists.txt embeds
// under :/i18n). The language is the system locale's unless the Language setting overrides it.
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace codescout::gui {

// The languages CodeScout ships, as the codes the Language setting stores ("en", "de", "fr").
QStringList availableLanguages();

// Installs the translators for `languageOverride` ("de", "fr", "en"), or for the system locale
// when it is empty or not a shipped language. Calling it again replaces the previous translators.
// Numbers and dates keep following the system locale (QLocale()): the override is the language
// only, as in the desktop's own "language" vs "formats" settings.
// Returns the code of the CodeScout translation that was loaded: the language's, or "en" when
// none matched (the English file holds the plural forms of the English sources).
QString installTranslations(QCoreApplication& app, const QString& languageOverride = {});

}  // namespace codescout::gui
