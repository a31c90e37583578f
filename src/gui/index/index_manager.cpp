// IndexManager: open or build, poll, report (see the header). Everything the engine runs in the
// background is polled by one timer rather than reported through callbacks: a callback from a
// live index that outlives the window (a search may still hold it) must not reach a deleted
// object, and status changes are not urgent at a finer grain than the timer's.
#include "gui/index/index_manager.h"

#include <QFileInfo>

#include <system_error>

#include "core/index/index_builder.h"
#include "core/index/index_location.h"
#include "core/index/live_index.h"
#include "gui/memory/byte_format.h"

namespace codescout::gui {

struct IndexManager::Build {
    std::unique_ptr<IndexBuilder> builder;
    std::thread thread;
    std::atomic<bool> done{false};
    IndexBuildResult result;  // written by the thread before `done`
};

IndexManager::IndexManager(QObject* parent) : QObject(parent)
{
    progressTimer_.setInterval(kProgressInterval);
    connect(&progressTimer_, &QTimer::timeout, this, [this] {
        if (build_ && build_->done.load(std::memory_order_acquire))
            onBuildDone();
        else if (build_)
            setState(State::Building, static_cast<int>(build_->builder->progress().fraction * 100), {});
        else if (live_)
            refreshFromLive();
    });
}

IndexManager::~IndexManager()
{
    stop();
}

void IndexManager::setIndexDirectory(std::filesystem::path directory)
{
    directory_ = std::move(directory);
}

void IndexManager::setEnabled(bool enabled)
{
    if (enabled == enabled_)
        return;
    enabled_ = enabled;
    restart();
}

void IndexManager::setDiskCap(quint64 bytes)
{
    if (bytes == cap_)
        return;
    cap_ = bytes;
    // A larger cap may admit a folder refused before; a smaller one may refuse the open index.
    if (!folder_.isEmpty() && (state_ == State::NotIndexed || (cap_ > 0 && live_)))
        restart();
}

void IndexManager::setRebuildPolicy(std::size_t afterChanges, std::chrono::milliseconds quiet)
{
    rebuildAfterChanges_ = afterChanges;
    rebuildQuiet_ = quiet;
}

void IndexManager::setFolder(const QString& folder)
{
    if (folder == folder_ && state_ != State::Off)
        return;
    folder_ = folder;
    restart();
}

void IndexManager::cancelBuild()
{
    if (build_)
        build_->builder->cancel();
}

IndexManager::Attacher IndexManager::attacher() const
{
    std::shared_ptr<LiveIndex> live = isUsable() ? live_ : nullptr;
    if (!live)
        return {};
    return [live](Search& search, const SearchOptions& options) { return live->attach(search, options); };
}

void IndexManager::stop()
{
    progressTimer_.stop();
    if (build_) {
        build_->builder->cancel();
        build_->thread.join();
        build_.reset();
    }
    live_.reset();
}

void IndexManager::restart()
{
    stop();
    if (!enabled_) {
        setState(State::Off, 0, tr("Indexing is turned off (Settings)."));
        return;
    }
    if (folder_.isEmpty()) {
        setState(State::Off, 0, {});
        return;
    }
    if (directory_.empty()) {
        try {
            directory_ = default_index_directory();
        } catch (const std::exception& error) {
            setState(State::NotIndexed, 0, QString::fromStdString(error.what()));
            return;
        }
    }
    if (!openLive())
        startBuild();
}

bool IndexManager::openLive()
{
    LiveIndexOptions options;
    options.root = folder_.toStdString();
    options.index_directory = directory_;
    options.max_index_bytes = cap_;
    options.rebuild_after_changes = rebuildAfterChanges_;
    options.rebuild_quiet = rebuildQuiet_;
    options.racy_window = racyWindow_;
    std::string error;
    auto live = LiveIndex::open(std::move(options), error);
    if (!live)
        return false;  // missing, corrupt, of another version: (re)built, never trusted
    const std::uint64_t size = live->reader()->mapped_bytes();
    if (cap_ > 0 && size > cap_) {
        // Honour the cap on disk too: the file is our cache, and a new build would refuse it.
        const std::filesystem::path file = index_file_for(directory_, live->root());
        live.reset();
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
        setState(State::NotIndexed, 0,
                 tr("Not indexed: the index takes %1, over the cap of %2 (Settings).")
                     .arg(formatBytes(size), formatBytes(cap_)));
        return true;
    }
    live_ = std::move(live);
    progressTimer_.start();
    refreshFromLive();
    return true;
}

void IndexManager::startBuild()
{
    IndexBuildOptions options;
    options.root = folder_.toStdString();
    options.index_directory = directory_;
    options.background = true;
    options.max_index_bytes = cap_;
    options.racy_window = racyWindow_;
    build_ = std::make_unique<Build>();
    build_->builder = std::make_unique<IndexBuilder>(options);
    Build* build = build_.get();
    build_->thread = std::thread([build] {
        build->result = build->builder->run();
        build->done.store(true, std::memory_order_release);
    });
    setState(State::Building, 0, {});
    progressTimer_.start();
}

void IndexManager::onBuildDone()
{
    build_->thread.join();
    const IndexBuildResult result = build_->result;
    build_.reset();
    if (result.ok) {
        if (!openLive())
            setState(State::NotIndexed, 0, tr("The index was built but cannot be opened."));
        return;
    }
    progressTimer_.stop();
    if (result.cancelled)
        setState(State::NotIndexed, 0, tr("Indexing was cancelled: searches scan the folder."));
    else if (result.too_large)
        setState(State::NotIndexed, 0,
                 tr("Not indexed: the index would exceed the cap of %1 (Settings).").arg(formatBytes(cap_)));
    else
        setState(State::NotIndexed, 0, tr("Indexing failed: %1").arg(QString::fromStdString(result.error)));
}

void IndexManager::refreshFromLive()
{
    const LiveIndexStatus status = live_->status();
    QString note;
    if (!status.note.empty())
        note = tr("Files are checked at each search: %1").arg(QString::fromStdString(status.note));
    const QString sharing = sharingNote(status);
    if (status.rebuilding)
        setState(State::Stale, static_cast<int>(status.rebuild_fraction * 100), note, sharing);
    else
        setState(status.stale() ? State::Stale : State::Ready, 100, note, sharing);
}

QString IndexManager::sharingNote(const LiveIndexStatus& status)
{
    const QString why = QString::fromStdString(status.publish_note);
    if (!status.publishing)
        return why.isEmpty() ? QString() : tr("Command-line searches of this folder check each file: %1").arg(why);
    if (status.log_active)
        return tr("Command-line searches of this folder (codescout-cli --index) trust this window's watcher.");
    if (!why.isEmpty())
        return tr("Command-line searches of this folder check each file until the watcher is trusted again: %1")
            .arg(why);
    return tr("Command-line searches of this folder check each file until this window has compared it with "
              "its index.");
}

void IndexManager::setState(State state, int percent, const QString& note, const QString& sharing)
{
    if (state == state_ && percent == percent_ && note == note_ && sharing == sharing_)
        return;
    state_ = state;
    percent_ = percent;
    note_ = note;
    sharing_ = sharing;
    emit stateChanged();
}

}  // namespace codescout::gui
