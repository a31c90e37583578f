// codescout: the desktop application. `codescout [FOLDER]` opens FOLDER (else the last one).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "gui/app/translations.h"
#include "gui/settings/app_settings.h"
#include "gui/window/main_window.h"

namespace {

const char kNoDisplay[] =
    "codescout: no display: set DISPLAY or WAYLAND_DISPLAY, or search with codescout-cli\n";

bool isSet(const char* name)
{
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
}

// While QApplication starts, Qt ends with qFatal (an abort and a core dump) when no platform
// plugin can open a window: a display that does not answer, a missing library. Say it in one
// line and exit 2 instead; Qt's own warnings before it (which display, which library) still print.
QtMessageHandler previousHandler = nullptr;

void failCleanlyOnFatal(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type != QtFatalMsg) {
        if (previousHandler != nullptr)
            previousHandler(type, context, message);
        else
            std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
        return;
    }
    std::fprintf(stderr, "codescout: cannot open a window: %s\n%s", qPrintable(message.section(u'\n', 0, 0)),
                 kNoDisplay);
    std::fflush(stderr);
    std::_Exit(2);
}

}  // namespace

int main(int argc, char* argv[])
{
    // --version answers without a display: before QApplication needs a platform plugin.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("codescout %s\n", CODESCOUT_VERSION);
            return 0;
        }
    }
    // No display at all (and no platform chosen, as the tests' offscreen one): nothing to try.
    if (!isSet("QT_QPA_PLATFORM") && !isSet("DISPLAY") && !isSet("WAYLAND_DISPLAY")) {
        std::fputs(kNoDisplay, stderr);
        return 2;
    }
    previousHandler = qInstallMessageHandler(failCleanlyOnFatal);
    QApplication app(argc, argv);
    qInstallMessageHandler(previousHandler);
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
