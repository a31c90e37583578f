// The key table and typed accessors of AppSettings.
#include "gui/settings/app_settings.h"

#include "core/edit/applier.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace codescout::gui {

namespace {

struct Entry {
    Setting setting;
    const char* key;
    QVariant fallback;
};

const std::array<Entry, 22>& table()
{
    static const std::array<Entry, 22> entries{{
        {Setting::SmallFileThreshold, "engine/smallFileThreshold",
         QVariant::fromValue<qulonglong>(kDefaultSmallFileThreshold)},
        {Setting::LargeFileThreshold, "engine/largeFileThreshold",
         QVariant::fromValue<qulonglong>(kDefaultLargeFileThreshold)},
        {Setting::Threads, "engine/threads", 0},
        {Setting::SamplerIntervalMs, "memory/samplerIntervalMs", 100},
        {Setting::MemoryBudgetBytes, "memory/budgetBytes", QVariant::fromValue<qulonglong>(0)},
        {Setting::EditorCommand, "editor/command", QString()},
        {Setting::MaxResults, "results/maxResults", QVariant::fromValue<qulonglong>(1'000'000)},
        {Setting::RecentFolders, "history/recentFolders", QStringList()},
        {Setting::PatternHistory, "history/patterns", QStringList()},
        {Setting::LastQuery, "history/lastQuery", QVariantMap()},
        {Setting::LastFolder, "history/lastFolder", QString()},
        {Setting::WindowGeometry, "window/geometry", QByteArray()},
        {Setting::WindowState, "window/state", QByteArray()},
        {Setting::MainSplitterState, "window/mainSplitter", QByteArray()},
        {Setting::ResultsSplitterState, "window/resultsSplitter", QByteArray()},
        {Setting::Language, "ui/language", QString()},
        {Setting::UndoHistoryMaxBytes, "replace/undoHistoryMaxBytes",
         QVariant::fromValue<qulonglong>(kDefaultJournalMaxBytes)},
        {Setting::ResultsOrder, "results/order", QStringLiteral("path")},
        {Setting::IndexEnabled, "index/enabled", true},
        {Setting::IndexDiskCapBytes, "index/diskCapBytes", QVariant::fromValue<qulonglong>(2ull << 30)},
        {Setting::ReplaceOnError, "replace/onError", QStringLiteral("stop")},
        {Setting::DiffLayout, "replace/diffLayout", QStringLiteral("unified")},
    }};
    return entries;
}

const Entry& entry(Setting setting)
{
    const auto& entries = table();
    const auto found = std::find_if(entries.begin(), entries.end(),
                                    [setting](const Entry& e) { return e.setting == setting; });
    // Every enumerator has a row: a missing one is a programming error caught by the tests.
    return found != entries.end() ? *found : entries.front();
}

}  // namespace

AppSettings::AppSettings() = default;

QString AppSettings::key(Setting setting)
{
    return QLatin1String(entry(setting).key);
}

QVariant AppSettings::defaultValue(Setting setting)
{
    return entry(setting).fallback;
}

QVariant AppSettings::value(Setting setting) const
{
    QVariant stored = settings_.value(key(setting), defaultValue(setting));
    // INI files store everything as strings: give callers the default's type back.
    const QMetaType type = defaultValue(setting).metaType();
    if (stored.metaType() != type && stored.canConvert(type))
        stored.convert(type);
    return stored;
}

void AppSettings::setValue(Setting setting, const QVariant& value)
{
    settings_.setValue(key(setting), value);
}

EngineSettings AppSettings::engine() const
{
    EngineSettings engine;
    engine.smallFileThreshold = value(Setting::SmallFileThreshold).toULongLong();
    engine.largeFileThreshold = value(Setting::LargeFileThreshold).toULongLong();
    engine.threads = static_cast<unsigned>(std::max(0, value(Setting::Threads).toInt()));
    return engine;
}

Query AppSettings::lastQuery() const
{
    return Query::fromVariantMap(value(Setting::LastQuery).toMap());
}

void AppSettings::setLastQuery(const Query& query)
{
    setValue(Setting::LastQuery, query.toVariantMap());
}

void AppSettings::pushRecent(Setting listSetting, const QString& entryText, int maxEntries)
{
    QStringList list = value(listSetting).toStringList();
    list.removeAll(entryText);
    list.prepend(entryText);
    while (list.size() > maxEntries)
        list.removeLast();
    setValue(listSetting, list);
}

}  // namespace codescout::gui
