// EditorLauncher: placeholder expansion and detached start.
#include "gui/window/editor_launcher.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QProcess>
#include <QUrl>

namespace codescout::gui {

QStringList EditorLauncher::expand(const QString& command, const QString& file, int line)
{
    // Split first, substitute after: a path with spaces stays one argument.
    QStringList parts = QProcess::splitCommand(command);
    const QString lineText = QString::number(line);
    for (QString& part : parts) {
        part.replace(QLatin1String("{file}"), file);
        part.replace(QLatin1String("{line}"), lineText);
    }
    if (!parts.isEmpty() && !command.contains(QLatin1String("{file}")))
        parts.append(file);  // "gedit" alone still opens the file
    return parts;
}

QString EditorLauncher::open(const QString& command, const QString& file, int line)
{
    if (command.trimmed().isEmpty()) {
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(file)))
            return QCoreApplication::translate("EditorLauncher",
                                               "No application is set up to open %1.").arg(file);
        return {};
    }
    QStringList parts = expand(command, file, line);
    const QString program = parts.takeFirst();
    if (!QProcess::startDetached(program, parts))
        return QCoreApplication::translate("EditorLauncher",
                                           "Could not start the editor \"%1\". Check the editor "
                                           "command in Settings.").arg(program);
    return {};
}

}  // namespace codescout::gui
