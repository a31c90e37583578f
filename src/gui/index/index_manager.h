// The index of the opened folder, for the window (issue 12): opens it as a LiveIndex (kept fresh
// by inotify, core/index/live_index.h), or builds it in the background first when it is missing,
// corrupt or of another version (IndexBuilder at idle CPU and I/O priority, on a thread of its
// own; progress polled, cancellable). A folder whose index would exceed the disk cap is not
// indexed, with a note; with indexing off nothing is opened or built. Searches are gated through
// attacher(), which works from any thread: results are the scan's either way.
// Threads: a GUI-thread object; the live index and the builder report through queued calls.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include "core/index/indexed_search.h"

namespace codescout {
class IndexBuilder;
class LiveIndex;
struct IndexBuildResult;
struct LiveIndexStatus;
}  // namespace codescout

namespace codescout::gui {

class IndexManager : public QObject {
    Q_OBJECT
public:
    enum class State {
        Off,         // indexing turned off, or no folder
        Building,    // percent() done
        Ready,       // the index describes the folder
        Stale,       // files changed since the build: searched directly until the update
        NotIndexed,  // over the disk cap, cancelled or failed: note() says why; searches scan
    };
    static constexpr std::chrono::milliseconds kProgressInterval{200};

    explicit IndexManager(QObject* parent = nullptr);
    ~IndexManager() override;

    // Where index files live (default: $XDG_CACHE_HOME/codescout/index). Before setFolder().
    void setIndexDirectory(std::filesystem::path directory);
    void setEnabled(bool enabled);
    void setDiskCap(quint64 bytes);  // 0: no cap
    // Background rebuild policy of the live index (tests shorten it).
    void setRebuildPolicy(std::size_t afterChanges, std::chrono::milliseconds quiet);
    // Tests that index a tree they just wrote: IndexBuildOptions::racy_window (default 2 s).
    void setRacyWindow(std::chrono::nanoseconds window) { racyWindow_ = window; }
    void setFolder(const QString& folder);
    void cancelBuild();

    State state() const { return state_; }
    bool isUsable() const { return state_ == State::Ready || state_ == State::Stale; }
    int percent() const { return percent_; }
    QString note() const { return note_; }
    // Whether command-line searches of the folder (`codescout-cli --index`) can trust this
    // window's watcher instead of proving each file by a stat, and if not, why (docs/index.md,
    // "The CLI and a running watcher"). Empty without a live index.
    QString sharing() const { return sharing_; }
    QString folder() const { return folder_; }
    // The live index, while usable (null otherwise).
    std::shared_ptr<LiveIndex> live() const { return live_; }

    // For SearchController::start(): gates a search through the live index when there is one
    // (else leaves it a scan). Safe to call on any thread; holds the index while it runs.
    using Attacher = std::function<IndexUse(Search&, const SearchOptions&)>;
    Attacher attacher() const;

signals:
    void stateChanged();

private:
    struct Build;
    void restart();
    void stop();
    bool openLive();  // false: no usable index file
    void startBuild();
    void onBuildDone();
    void refreshFromLive();
    static QString sharingNote(const LiveIndexStatus& status);
    void setState(State state, int percent, const QString& note, const QString& sharing = {});

    std::filesystem::path directory_;
    bool enabled_ = true;
    quint64 cap_ = 0;
    std::size_t rebuildAfterChanges_ = 512;
    std::chrono::milliseconds rebuildQuiet_{std::chrono::minutes(1)};
    std::chrono::nanoseconds racyWindow_{std::chrono::seconds(2)};
    QString folder_;
    State state_ = State::Off;
    int percent_ = 0;
    QString note_;
    QString sharing_;
    std::shared_ptr<LiveIndex> live_;
    std::unique_ptr<Build> build_;
    QTimer progressTimer_;
};

}  // namespace codescout::gui
