// FileLoader: bounded, binary-aware file reading for the preview.
#include "gui/preview/file_loader.h"

#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

namespace codescout::gui {

QFuture<LoadedFile> FileLoader::loadAsync(const QString& path, qint64 maxBytes)
{
    return QtConcurrent::run([path, maxBytes] { return load(path, maxBytes); });
}

LoadedFile FileLoader::load(const QString& path, qint64 maxBytes)
{
    LoadedFile loaded;
    loaded.path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        loaded.error = file.errorString();
        return loaded;
    }
    loaded.size = file.size();
    const QByteArray bytes = file.read(maxBytes);
    if (bytes.isNull() && file.error() != QFileDevice::NoError) {
        loaded.error = file.errorString();
        return loaded;
    }
    loaded.truncated = loaded.size > bytes.size();
    loaded.head = bytes.left(kHeadBytes);
    // The engine's rule: a NUL byte makes a file binary.
    if (bytes.contains('\0')) {
        loaded.binary = true;
        return loaded;
    }
    loaded.text = QString::fromUtf8(bytes);
    loaded.text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    if (loaded.truncated) {
        // Do not end inside a line: the preview shows whole lines only.
        const qsizetype lastBreak = loaded.text.lastIndexOf(QLatin1Char('\n'));
        if (lastBreak >= 0)
            loaded.text.truncate(lastBreak);
    }
    return loaded;
}

}  // namespace codescout::gui
