// Opens a file at a line in the user's editor: a configured command line with {file} and {line}
// placeholders (e.g. "kate --line {line} {file}", "code --goto {file}:{line}"), or, without one,
// whatever the desktop opens the file with.
#pragma once

#include <QString>
#include <QStringList>

namespace codescout::gui {

class EditorLauncher {
public:
    // The program and arguments `command` expands to; empty if `command` is blank.
    static QStringList expand(const QString& command, const QString& file, int line);

    // Starts the editor detached. Returns an error message, or empty on success.
    static QString open(const QString& command, const QString& file, int line);
};

}  // namespace codescout::gui
