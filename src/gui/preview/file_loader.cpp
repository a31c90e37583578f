// FileLoader: bounded, binary-aware file reading for the preview.
#include "gui/preview/file_loader.h"

#include <QFile>
#include <QUtf8StringView>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <string_view>

#include "core/encoding/decoder.h"
#include "core/encoding/decoding_plan.h"

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
    // The text as the search saw it, so that the results' lines and columns fall on it.
    QByteArray text = bytes;
    const std::string_view raw(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    if (const auto plan = plan_decoding(raw.substr(0, kBomSniffBytes), EncodingOptions{})) {
        const std::string_view rest = raw.substr(std::min(plan->skip, raw.size()));
        text = plan->transcode ? QByteArray::fromStdString(decode_all(rest, plan->encoding))
                               : QByteArray(rest.data(), static_cast<qsizetype>(rest.size()));
        if (plan->transcode)
            loaded.encoding = QString::fromLatin1(plan->encoding.data(), static_cast<qsizetype>(plan->encoding.size()));
    }
    // The engine's rule: a NUL makes a file binary.
    if (text.contains('\0')) {
        loaded.binary = true;
        return loaded;
    }
    if (loaded.encoding.isEmpty() && !QUtf8StringView(text).isValidUtf8()) {
        text = QByteArray::fromStdString(decode_all(raw, "windows-1252"));
        loaded.encoding = QStringLiteral("Windows-1252");
        loaded.shownAsFallback = true;
    }
    loaded.text = QString::fromUtf8(text);
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
