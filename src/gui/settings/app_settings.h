// Every persisted setting of the app, keyed by one enum: the key strings and defaults live in one
// table (app_settings.cpp), so no code spells a QSettings key itself.
#pragma once

#include <QSettings>
#include <QVariant>

#include "gui/search/query.h"

namespace codescout::gui {

enum class Setting {
    SmallFileThreshold,   // bytes
    LargeFileThreshold,   // bytes
    Threads,              // 0 = automatic
    SamplerIntervalMs,
    MemoryBudgetBytes,    // 0 = no budget
    EditorCommand,        // "" = the desktop's handler; else e.g. "kate --line {line} {file}"
    MaxResults,           // matches stored and shown per search
    RecentFolders,        // QStringList, most recent first
    PatternHistory,       // QStringList, most recent first
    LastQuery,            // Query::toVariantMap()
    LastFolder,
    WindowGeometry,
    WindowState,          // toolbars and docks
    MainSplitterState,
    ResultsSplitterState,
    Language,             // "" = the system's; else "en", "de", "fr" (applies at the next start)
    UndoHistoryMaxBytes,  // Replace's undo journal bound (core/edit/applier.h), bytes
    ResultsOrder,         // "path" (default) or "found": how file rows are ordered (ResultsOrder)
    IndexEnabled,         // index opened folders, search as you type (issue 12)
    IndexDiskCapBytes,    // a folder whose index would be larger is not indexed; 0 = no cap
    ReplaceOnError,       // "stop" (default: stop and roll back) or "continue": Replace on a write error
    DiffLayout,           // "unified" (default) or "side-by-side": Replace's whole-file diff (DiffView)
};

class AppSettings {
public:
    static constexpr int kMaxRecentFolders = 10;
    static constexpr int kMaxPatternHistory = 30;

    AppSettings();  // the application's QSettings (organization/application names)

    QVariant value(Setting setting) const;
    void setValue(Setting setting, const QVariant& value);
    static QVariant defaultValue(Setting setting);
    static QString key(Setting setting);

    EngineSettings engine() const;
    Query lastQuery() const;
    void setLastQuery(const Query& query);
    // Puts `entry` first in a most-recent-first list setting, without duplicates.
    void pushRecent(Setting listSetting, const QString& entry, int maxEntries);

    void sync() { settings_.sync(); }

private:
    QSettings settings_;
};

}  // namespace codescout::gui
