// codescout: the desktop application. `codescout [FOLDER]` opens FOLDER (else the last one).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>

#include <cstdio>
#include <cstring>

#include "gui/app/translations.h"
#include "gui/settings/app_settings.h"
#include "gui/window/main_window.h"

int main(int argc, char* argv[])
{
    // --version answers without a display: before QApplication needs a platform plugin.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("codescout %s\n", CODESCOUT_VERSION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CodeScout"));
    QApplication::setApplicationName(QStringLiteral("CodeScout"));
    QApplication::setApplicationVersion(QStringLiteral(CODESCOUT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.codescout.CodeScout"));
    QIcon icon;
    for (const char* size : {"16", "32", "64", "256"})
        icon.addFile(QStringLiteral(":/icons/%1.png").arg(QLatin1String(size)));
    QApplication::setWindowIcon(icon);
    // After the organization/application names: AppSettings reads the settings file they name.
    codescout::gui::installTranslations(
        app, codescout::gui::AppSettings().value(codescout::gui::Setting::Language).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Search a folder's files, preview matches, watch memory."));
    parser.addHelpOption();
    const QCommandLineOption versionOption(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                           QApplication::translate("main", "Print the version and exit."));
    parser.addOption(versionOption);
    parser.addPositionalArgument(QStringLiteral("folder"),
                                 QApplication::translate("main", "The folder to search."),
                                 QStringLiteral("[FOLDER]"));
    parser.process(app);

    codescout::gui::MainWindow window;
    const QStringList folders = parser.positionalArguments();
    if (!folders.isEmpty() && !window.openFolder(QDir::current().absoluteFilePath(folders.first()))) {
        std::fprintf(stderr, "codescout: %s is not a readable folder\n", qPrintable(folders.first()));
        return 2;
    }
    window.show();
    return QApplication::exec();
}
