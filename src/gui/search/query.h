// What the user asked for in the query bar, as plain Qt data, and its translation into the
// engine's SearchOptions (the one place where GUI fields become engine options).
#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include "core/search/search_options.h"

namespace codescout::gui {

struct Query {
    QString pattern;
    bool regex = true;
    bool matchCase = false;
    bool wholeWord = false;
    bool multiline = false;  // matches may span lines (the engine's -U); the pattern may hold line breaks
    QString includeGlobs;  // "src/**, *.cpp": comma- or space-separated
    QString excludeGlobs;  // "build/**, *.min.js"
    QString extensions;    // "cpp, h"
    QString fileTypes;     // "cpp, rust, !js": rg -t / -T (TypeFilter)
    int contextLines = 0;
    bool hidden = false;
    bool followLinks = false;
    bool respectIgnoreFiles = true;

    bool operator==(const Query&) const = default;

    QVariantMap toVariantMap() const;
    static Query fromVariantMap(const QVariantMap& map);
};

// Settings that shape every search (from the settings dialog).
struct EngineSettings {
    std::uint64_t smallFileThreshold = kDefaultSmallFileThreshold;
    std::uint64_t largeFileThreshold = kDefaultLargeFileThreshold;
    unsigned threads = 0;  // 0 = one per hardware thread
};

// Splits a globs/extensions field at commas and whitespace, dropping empty parts.
QStringList splitList(const QString& field);

SearchOptions toSearchOptions(const Query& query, const QString& folder,
                              const EngineSettings& engine);

}  // namespace codescout::gui
