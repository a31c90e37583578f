// Loads the user's language for the app: Qt's own strings and CodeScout's (from the .qm files
// that qt_add_translations embeds under :/i18n).
#pragma once

class QCoreApplication;

namespace codescout::gui {

void installTranslations(QCoreApplication& app);

}  // namespace codescout::gui
