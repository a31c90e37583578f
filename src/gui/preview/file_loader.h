// Reads a file for the preview off the GUI thread: at most kMaxPreviewBytes, decoded as the search
// decodes it (the engine's decoding plan: a UTF-16 BOM decodes, a UTF-8 BOM is dropped), else as
// UTF-8, or as Windows-1252 when it is not valid UTF-8 (every byte is then one character, which
// keeps the results' byte columns right). Binary files (a NUL in the text) are recognised and not
// shown.
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
    QString encoding;       // the encoding the text was decoded from ("UTF-16LE"), empty for UTF-8
    bool shownAsFallback = false;  // not valid UTF-8: shown as `encoding` (Windows-1252), one byte a character
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
