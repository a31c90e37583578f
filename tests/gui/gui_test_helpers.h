// Small helpers shared by the GUI tests: isolated settings, building engine results by hand, and
// running the engine directly for comparison with what the window shows.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/search/result_sink.h"
#include "core/search/search.h"
#include "gui/results/results_model.h"
#include "gui/settings/app_settings.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"

namespace codescout::gui::testing {

// Points QSettings at a fresh temporary directory for the life of the object, so tests never
// read or write the user's settings and always start from the defaults.
class IsolatedSettings {
public:
    IsolatedSettings()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("CodeScoutTests"));
        QCoreApplication::setApplicationName(QStringLiteral("CodeScoutTests"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.path());
        // The window indexes the folders it opens: into this directory, never the user's cache.
        qputenv("XDG_CACHE_HOME", QFile::encodeName(dir_.path() + QStringLiteral("/cache")));
    }
    void clear() { QSettings().clear(); }

private:
    QTemporaryDir dir_;
};

// For benchmarks (after IsolatedSettings): the window indexes the folders it opens (issue 12), and
// that background build would run beside the searches measured, with its CPU and memory beside
// theirs. Off, so that a benchmark describes the search alone.
inline void measureSearchAlone() { AppSettings().setValue(Setting::IndexEnabled, false); }

// Sets `query` in the window's query bar, starts the search and waits for it to finish: false
// when it did not start (an invalid pattern) or did not finish within `timeoutMs`.
inline bool searchAndWait(MainWindow& window, const Query& query, int timeoutMs)
{
    window.queryBar()->setQuery(query);
    QSignalSpy finished(&window, &MainWindow::searchFinished);
    return window.startSearch() && finished.wait(timeoutMs);
}

// Every matching (not context) line the results model holds, as (path relative to `root`, line
// number): what the window shows, comparable with a scan's results as a set.
inline std::set<std::pair<std::string, std::uint64_t>> modelMatches(const ResultsModel& model, const QString& root)
{
    std::set<std::pair<std::string, std::uint64_t>> out;
    for (int f = 0; f < model.rowCount(); ++f) {
        const QModelIndex file = model.index(f, 0);
        for (int l = 0; l < model.rowCount(file); ++l) {
            const QModelIndex line = model.index(l, 0, file);
            if (!line.data(ResultsModel::IsContextRole).toBool())
                out.insert({QDir(root).relativeFilePath(line.data(ResultsModel::FilePathRole).toString()).toStdString(),
                            line.data(ResultsModel::LineNumberRole).toULongLong()});
        }
    }
    return out;
}

// A matching line: `spans` as byte offsets.
inline OwnedLine matchLine(std::uint64_t number, std::string text,
                            std::vector<MatchSpan> spans)
{
    OwnedLine line;
    line.number = number;
    line.text = std::move(text);
    line.spans = std::move(spans);
    return line;
}

inline OwnedLine contextLine(std::uint64_t number, std::string text)
{
    OwnedLine line;
    line.number = number;
    line.text = std::move(text);
    line.is_context = true;
    return line;
}

// Collects (path, line number) of every matching line, as the engine reports them.
class CollectingSink : public ResultSink {
public:
    bool on_file(FileResult&& result) override
    {
        std::lock_guard lock(mutex_);
        for (const LineRecord& line : result.lines) {
            if (!line.is_context)
                matches.insert({result.path, line.number});
        }
        return true;
    }
    void on_error(const SearchError&) override {}

    std::set<std::pair<std::string, std::uint64_t>> matches;

private:
    std::mutex mutex_;
};

}  // namespace codescout::gui::testing
