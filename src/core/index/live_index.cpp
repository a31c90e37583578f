// See live_index.h. One background thread: set the watches, compare the folder with the index,
// then apply watcher batches as they come, rescan after an overflow, and start and swap in
// rebuilds. Two mutexes: sync_mutex serialises reading the watcher with applying what was read
// (so a search that drains the watcher sees every batch anyone read before it), data_mutex
// guards the state and is held only briefly (status() from the GUI thread never waits for a
// walk of a folder that appeared).
#include "core/index/live_index.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/index/background_priority.h"
#include "core/index/index_builder.h"
#include "core/index/index_location.h"
#include "core/index/tree_comparison.h"
#include "core/index/walk_settings.h"
#include "core/index/watch_journal.h"
#include "core/watch/tree_watcher.h"

namespace codescout {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kIdleWait = std::chrono::milliseconds(500);
constexpr auto kRetryAfterFailure = std::chrono::minutes(1);
// Appends beyond this are folded into a fresh log (the overlay is what readers need).
constexpr std::uint64_t kLogCompactBytes = 1u << 20;

// Runs `work` on a thread of its own at idle CPU and I/O priority and waits for it: the calling
// thread keeps its priority (it answers sync cookies, which a busy machine must not starve).
void at_background_priority(const std::function<void()>& work) {
    std::thread helper([&work] {
        lower_this_thread_priority();
        work();
    });
    helper.join();
}

// The directories a watcher must cover for the index's files: each file's folder and every
// folder above it up to the root ("" is the root), parents before children. With a record of the
// build's walk, every folder it read: a replayed search (walk_replay.h) takes a folder the
// watcher saw no change in to hold what it held, including folders that hold no indexed file.
std::vector<std::string> directories_of(const IndexReader& reader) {
    if (reader.replayable() && reader.dir_count() > 0) {
        std::vector<std::string> out;
        out.reserve(reader.dir_count());
        for (std::uint32_t d = 0; d < reader.dir_count(); ++d) out.emplace_back(reader.dir_path(d));
        std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
            return std::count(a.begin(), a.end(), '/') + !a.empty() < std::count(b.begin(), b.end(), '/') + !b.empty();
        });
        return out;
    }
    std::set<std::string> dirs{""};
    for (std::uint32_t id = 0; id < reader.file_count(); ++id) {
        std::string dir(reader.path(id));
        for (std::size_t slash = dir.rfind('/'); slash != std::string::npos; slash = dir.rfind('/')) {
            dir.resize(slash);
            if (!dirs.insert(dir).second) break;
        }
    }
    std::vector<std::string> out(dirs.begin(), dirs.end());
    std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
        return std::count(a.begin(), a.end(), '/') + !a.empty() < std::count(b.begin(), b.end(), '/') + !b.empty();
    });
    return out;
}

}  // namespace

struct LiveIndex::State {
    LiveIndexOptions options;
    std::string root;
    std::filesystem::path directory;
    WalkOptions walk;
    std::unique_ptr<TreeWatcher> watcher;
    std::unique_ptr<WatchJournalWriter> journal;  // null: not publishing (options.publish)

    std::mutex sync_mutex;
    mutable std::mutex data_mutex;
    mutable std::condition_variable changed;
    std::shared_ptr<const IndexReader> reader;
    std::unordered_map<std::string, std::uint64_t> overlay;  // path -> sequence of its last event
    std::unordered_map<std::string, std::uint64_t> dirty;    // folder -> sequence
    std::uint64_t sequence = 0;
    bool checked = false;
    std::uint64_t overflows = 0;          // seen
    std::uint64_t overflows_covered = 0;  // by a finished rescan
    std::uint64_t rescans = 0;
    std::uint64_t rebuilds = 0;
    std::uint64_t events_applied = 0;
    std::string rebuild_note;
    bool rebuild_disabled = false;
    Clock::time_point last_change = Clock::now();
    Clock::time_point next_rebuild = Clock::now();
    std::shared_ptr<const Freshness> snapshot;

    std::unique_ptr<IndexBuilder> builder;  // under data_mutex while set
    std::thread rebuild_thread;
    std::atomic<bool> rebuild_done{false};
    IndexBuildResult rebuild_result;        // the rebuild thread's, read after rebuild_done
    std::uint64_t rebuild_start_sequence = 0;

    std::atomic<bool> stop{false};
    std::thread thread;
    // Tests: while held, the thread applies nothing. work_mutex is held by each round of the
    // thread's loop, so holding takes effect after the round in flight.
    std::mutex work_mutex;
    bool held = false;                     // under work_mutex
    std::condition_variable held_changed;  // with work_mutex

    bool trusted_locked() const {
        return checked && overflows == overflows_covered && !watcher->exhausted();
    }

    void notify() {
        changed.notify_all();
        if (options.on_change) options.on_change();
    }

    // Under data_mutex.
    void add_paths(const std::vector<std::string>& paths, std::uint64_t seq) {
        for (const std::string& p : paths) overlay[p] = seq;
    }

    void touched_locked() {
        snapshot.reset();
        ++events_applied;
    }

    // Under data_mutex, after every change of the state: the change log follows it (the batch's
    // changes appended, or the whole overlay written afresh), then the batch's cookies are
    // acknowledged: a cookie is acknowledged only after every change read before it is logged.
    void publish_locked(const WatchBatch* batch) {
        if (!journal || !journal->acquired()) return;
        if (!trusted_locked()) {
            if (!journal->active()) return;
            std::string why = watcher->note();
            if (why.empty()) {
                why = overflows != overflows_covered ? "the kernel's event queue overflowed; comparing the folder again"
                                                     : "comparing the folder";
            }
            journal->append_untrusted(why);
            return;
        }
        const IndexIdentity current = identity_of(*reader);
        if (!journal->active() || journal->identity() != current || journal->appended_bytes() > kLogCompactBytes) {
            std::vector<std::string> files;
            std::vector<std::string> dirs;
            files.reserve(overlay.size());
            for (const auto& entry : overlay) files.push_back(entry.first);
            for (const auto& entry : dirty) dirs.push_back(entry.first);
            journal->rewrite(current, files, dirs);
        } else if (batch != nullptr) {
            journal->append_changes(batch->files, batch->dirs);
        }
        if (batch != nullptr) {
            for (const std::string& cookie : batch->cookies) journal->append_cookie(cookie);
        }
    }

    bool sync() {
        std::lock_guard sync_guard(sync_mutex);
        const WatchBatch batch = watcher->poll();
        if (batch.empty()) return false;
        const bool changes = batch.has_changes();
        {
            std::lock_guard guard(data_mutex);
            if (changes) {
                const std::uint64_t seq = ++sequence;
                add_paths(batch.files, seq);
                for (const std::string& dir : batch.dirs) dirty[dir] = seq;
                if (batch.overflow) ++overflows;
                last_change = Clock::now();
                touched_locked();
            }
            publish_locked(&batch);
        }
        if (changes) notify();
        return changes;
    }

    void compare_and_merge(bool opening) {
        std::shared_ptr<const IndexReader> current;
        std::uint64_t overflow_target = 0;
        {
            std::lock_guard guard(data_mutex);
            current = reader;
            overflow_target = overflows;
        }
        const TreeDifferences diff = compare_with_tree(*current, true, stop);
        if (diff.cancelled) return;
        {
            std::lock_guard guard(data_mutex);
            const std::uint64_t seq = ++sequence;
            add_paths(diff.changed, seq);
            add_paths(diff.deleted, seq);
            add_paths(diff.added, seq);
            if (!diff.changed.empty() || !diff.deleted.empty() || !diff.added.empty()) last_change = Clock::now();
            if (opening) checked = true;
            else ++rescans;
            overflows_covered = overflow_target;
            touched_locked();
            publish_locked(nullptr);
        }
        notify();
    }

    void maybe_start_rebuild() {
        std::lock_guard guard(data_mutex);
        if (!options.rebuild || rebuild_disabled || builder || !checked || (overlay.empty() && dirty.empty())) return;
        const auto now = Clock::now();
        if (now < next_rebuild) return;
        if (overlay.size() + dirty.size() < options.rebuild_after_changes && now - last_change < options.rebuild_quiet) return;
        rebuild_start_sequence = sequence;
        IndexBuildOptions build;
        build.root = root;
        build.walk = walk;
        build.index_directory = directory;
        build.background = true;
        build.max_index_bytes = options.max_index_bytes;
        build.racy_window = options.racy_window;
        builder = std::make_unique<IndexBuilder>(build);
        rebuild_done.store(false);
        rebuild_thread = std::thread([this] {
            rebuild_result = builder->run();
            rebuild_done.store(true, std::memory_order_release);
            watcher->wake();
        });
    }

    void finish_rebuild() {
        {
            std::lock_guard guard(data_mutex);
            if (!builder || !rebuild_done.load(std::memory_order_acquire)) return;
        }
        rebuild_thread.join();
        const IndexBuildResult result = rebuild_result;
        std::shared_ptr<const IndexReader> fresh;
        std::string failure;
        if (result.ok) {
            auto opened = IndexReader::open(result.index_file.string(), root);
            if (opened.status == IndexOpenStatus::Ok) fresh = opened.reader;
            else failure = "the rebuilt index does not open (" + opened.detail + ")";
        } else if (!result.cancelled) {
            failure = "the index could not be updated: " + result.error;
        }
        // Directories the new index holds that were not watched yet: their files may have
        // changed unseen since the rebuild read them.
        std::vector<std::string> newly_watched;
        if (fresh) newly_watched = watcher->watch_directories(directories_of(*fresh));
        {
            std::lock_guard guard(data_mutex);
            builder.reset();
            if (fresh) {
                reader = fresh;
                std::erase_if(overlay, [&](const auto& entry) { return entry.second <= rebuild_start_sequence; });
                std::erase_if(dirty, [&](const auto& entry) { return entry.second <= rebuild_start_sequence; });
                const std::uint64_t seq = ++sequence;
                for (const std::string& dir : newly_watched) dirty[dir] = seq;
                ++rebuilds;
                rebuild_note.clear();
            } else if (!failure.empty()) {
                rebuild_note = failure;
                if (result.too_large) rebuild_disabled = true;
                next_rebuild = Clock::now() + std::max<Clock::duration>(options.rebuild_quiet, kRetryAfterFailure);
            }
            touched_locked();
            publish_locked(nullptr);
        }
        notify();
    }

    void run() {
        std::shared_ptr<const IndexReader> current;
        {
            std::lock_guard guard(data_mutex);
            current = reader;
        }
        // Watches first, comparison second: a change in between is seen by one or the other.
        at_background_priority([&] {
            watcher->watch_directories(directories_of(*current));
            compare_and_merge(true);
        });
        while (!stop.load()) {
            watcher->wait(kIdleWait);
            if (stop.load()) break;
            std::unique_lock work(work_mutex);
            if (held) {
                held_changed.wait_for(work, kIdleWait);
                continue;
            }
            sync();
            bool overflowed = false;
            {
                std::lock_guard guard(data_mutex);
                overflowed = overflows != overflows_covered;
            }
            if (overflowed) at_background_priority([this] { compare_and_merge(false); });
            finish_rebuild();
            maybe_start_rebuild();
        }
    }

    LiveIndexStatus status_locked() const {
        LiveIndexStatus s;
        s.checked = checked;
        s.exhausted = watcher->exhausted();
        s.trusted = trusted_locked();
        s.note = watcher->note();
        if (s.note.empty()) s.note = rebuild_note;
        s.changed_files = overlay.size();
        s.dirty_dirs = dirty.size();
        s.rebuilding = builder != nullptr;
        if (builder) s.rebuild_fraction = builder->progress().fraction;
        s.rebuilds = rebuilds;
        s.rescans = rescans;
        s.watches = watcher->watch_count();
        s.files = reader->file_count();
        s.index_bytes = reader->mapped_bytes();
        s.events_applied = events_applied;
        if (journal) {
            s.publishing = journal->acquired();
            s.log_active = journal->active();
            s.publish_note = journal->error();
        }
        return s;
    }
};

std::unique_ptr<LiveIndex> LiveIndex::open(LiveIndexOptions options, std::string& error, IndexOpenStatus* open_status) {
    auto state = std::make_unique<State>();
    try {
        state->root = canonical_root(options.root);
        state->directory = options.index_directory.empty() ? default_index_directory() : options.index_directory;
    } catch (const std::exception& e) {
        error = e.what();
        if (open_status) *open_status = IndexOpenStatus::Missing;
        return nullptr;
    }
    auto opened = IndexReader::open(index_file_for(state->directory, state->root).string(), state->root);
    if (open_status) *open_status = opened.status;
    if (opened.status != IndexOpenStatus::Ok) {
        error = std::string(to_string(opened.status)) + ": " + opened.detail;
        return nullptr;
    }
    auto walk = decode_walk_settings(opened.reader->walk_settings());
    if (!walk) {
        error = "corrupt: the index's walk settings do not parse";
        if (open_status) *open_status = IndexOpenStatus::Corrupt;
        return nullptr;
    }
    state->walk = *walk;
    state->reader = std::move(opened.reader);
    state->options = std::move(options);
    TreeWatchOptions watch;
    watch.root = state->root;
    watch.walk = state->walk;
    watch.watch_limit = state->options.watch_limit;
    state->watcher = std::make_unique<TreeWatcher>(std::move(watch));
    if (state->options.publish) {
        state->journal = std::make_unique<WatchJournalWriter>(index_file_for(state->directory, state->root));
    }
    State* raw = state.get();
    state->thread = std::thread([raw] { raw->run(); });
    return std::unique_ptr<LiveIndex>(new LiveIndex(std::move(state)));
}

LiveIndex::LiveIndex(std::unique_ptr<State> state) : state_(std::move(state)) {}

LiveIndex::~LiveIndex() {
    state_->stop.store(true);
    state_->held_changed.notify_all();
    {
        std::lock_guard guard(state_->data_mutex);
        if (state_->builder) state_->builder->cancel();
    }
    state_->watcher->wake();
    state_->thread.join();
    if (state_->rebuild_thread.joinable()) state_->rebuild_thread.join();
}

void LiveIndex::sync() { state_->sync(); }

IndexUse LiveIndex::attach(Search& search, const SearchOptions& options) {
    State& s = *state_;
    s.sync();
    LiveView view;
    {
        std::lock_guard guard(s.data_mutex);
        const bool trusted = s.trusted_locked();
        if (!s.snapshot || s.snapshot->trusted != trusted) {
            auto fresh = std::make_shared<Freshness>();
            fresh->trusted = trusted;
            fresh->changed.reserve(s.overlay.size());
            for (const auto& entry : s.overlay) fresh->changed.insert(entry.first);
            for (const auto& entry : s.dirty) fresh->dirty_dirs.push_back(entry.first);
            s.snapshot = std::move(fresh);
        }
        view.reader = s.reader;
        view.freshness = s.snapshot;
    }
    IndexUse use = attach_index(search, options, s.directory, &view);
    if (!view.freshness->trusted) {
        const std::string note = s.watcher->note();
        use.notes.push_back(note.empty() ? s.root + ": checking files by size and time until the folder is compared"
                                         : s.root + ": " + note);
    }
    return use;
}

LiveIndexStatus LiveIndex::status() const {
    std::lock_guard guard(state_->data_mutex);
    return state_->status_locked();
}

std::shared_ptr<const IndexReader> LiveIndex::reader() const {
    std::lock_guard guard(state_->data_mutex);
    return state_->reader;
}

const std::string& LiveIndex::root() const { return state_->root; }

bool LiveIndex::wait_for(const std::function<bool(const LiveIndexStatus&)>& done, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(state_->data_mutex);
    return state_->changed.wait_for(lock, timeout, [&] { return done(state_->status_locked()); });
}

void LiveIndex::inject_overflow() { state_->watcher->inject_overflow(); }

void LiveIndex::hold_background_for_test(bool hold) {
    {
        std::lock_guard guard(state_->work_mutex);
        state_->held = hold;
    }
    state_->held_changed.notify_all();
    state_->watcher->wake();
}

}  // namespace codescout
