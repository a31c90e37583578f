// Reads a file for the preview off the GUI thread: at most kMaxPreviewBytes, decoded as UTF-8,
// with binary files (a NUL byte) recognised and not decoded.
#pragma once

#include <QFuture>
#include <QString>

namespace codescout::gui {

struct LoadedFile {
    QString path;
    QString text;           // empty for binary files and errors
    QByteArray head;        // the first bytes, for content-based syntax detection
    qint64 size = 0;        // the file's full size
    bool binary = false;
    bool truncated = false; // only the first kMaxPreviewBytes were read
    QString error;          // why the file could not be read, or empty
};

class FileLoader {
public:
    static constexpr qint64 kMaxPreviewBytes = 8 * 1024 * 1024;
    static constexpr qsizetype kHeadBytes = 4096;

    // Runs load() on the global thread pool.
    static QFuture<LoadedFile> loadAsync(const QString& path, qint64 maxBytes = kMaxPreviewBytes);
    static LoadedFile load(const QString& path, qint64 maxBytes = kMaxPreviewBytes);
};

}  // namespace codescout::gui
