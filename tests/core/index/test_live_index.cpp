// The live index (live_index.h): freshness by inotify. Edits, new, deleted and renamed files and
// folders are searched at once (the search drains the watcher first); files the watcher vouches
// for are skipped without a stat; changes made while the folder was closed are found by the
// opening comparison; an overflow (events lost) falls back to stats until the rescan has
// compared the folder; the watch limit falls back to stats for good, with a note; the background
// rebuild takes the overlay into the index. Every search is compared with a scan.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "core/index/index_location.h"
#include "core/index/live_index.h"
#include "core/search/search.h"
#include "literal_search.h"
#include "index_test_util.h"

using namespace codescout;

namespace {

constexpr auto kWait = std::chrono::seconds(30);

void append(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::app) << text;
}

}  // namespace

class TestLiveIndex : public QObject {
    Q_OBJECT

    std::unique_ptr<TestTree> tree_;
    std::unique_ptr<QTemporaryDir> cache_;
    std::filesystem::path dir_;

    LiveIndexOptions live_options(bool rebuild = false) const {
        LiveIndexOptions o;
        o.root = tree_->root();
        o.index_directory = dir_;
        o.rebuild = rebuild;
        o.racy_window = std::chrono::nanoseconds(0);
        return o;
    }

    std::unique_ptr<LiveIndex> open_checked(LiveIndexOptions o) {
        std::string error;
        auto live = LiveIndex::open(std::move(o), error);
        if (!live) return nullptr;
        if (!live->wait_for([](const LiveIndexStatus& s) { return s.checked; }, kWait)) return nullptr;
        return live;
    }

    // The live search gives the scan's lines for `pattern`; returns them.
    std::vector<std::string> same_as_scan(LiveIndex& live, const std::string& pattern, index_test::Outcome* out = nullptr) {
        const SearchOptions o = index_test::literal_search(tree_->root(), pattern);
        auto indexed = index_test::run_live(o, live);
        const auto scanned = index_test::run(o);
        if (indexed.lines != scanned.lines) {
            qWarning() << "pattern" << pattern.c_str() << "live" << indexed.lines.size() << "scan" << scanned.lines.size();
            return {"<differs>"};
        }
        auto lines = indexed.lines;
        if (out) *out = std::move(indexed);
        return lines;
    }

    // A file the walk searches (not ignored, not hidden), in a folder below the root.
    std::vector<std::string> searched_files() const { return index_test::searched_files(tree_->root()); }

private slots:
    void init() {
        tree_ = std::make_unique<TestTree>();
        cache_ = std::make_unique<QTemporaryDir>();
        QRandomGenerator random(99);
        index_test::generate_tree(*tree_, random, 200);
        dir_ = cache_->filePath(QStringLiteral("index")).toStdString();
        const auto result = index_test::build_index(tree_->root(), dir_);
        QVERIFY2(result.ok, result.error.c_str());
    }

    void editsAreSearchedAtOnceWithoutStats() {
        auto live = open_checked(live_options());
        QVERIFY(live);
        QVERIFY(live->status().trusted);
        QCOMPARE(live->status().changed_files, std::uint64_t{0});
        const auto files = searched_files();
        QVERIFY(files.size() >= 4);

        // Nothing changed yet: every file outside the candidates is skipped on the watcher's word.
        index_test::Outcome before;
        QVERIFY(same_as_scan(*live, "kernel", &before) != std::vector<std::string>{"<differs>"});
        QVERIFY(before.use.gate->counters().unproven > 0);
        QCOMPARE(before.use.gate->counters().unproven, before.use.gate->counters().skipped);

        // Edit, create, delete, rename; search at once, no waiting for the watcher thread.
        QElapsedTimer clock;
        clock.start();
        append(files[0], "quokkafresh appended\n");
        index_test::Outcome after;
        const auto lines = same_as_scan(*live, "quokkafresh", &after);
        const qint64 editToResultMs = clock.elapsed();
        QCOMPARE(lines.size(), std::size_t{1});
        qInfo("edit -> correct result: %lld ms (tree of %llu files)", static_cast<long long>(editToResultMs),
              static_cast<unsigned long long>(live->status().files));
        QVERIFY(after.use.gate->counters().changed >= 1);

        tree_->write(QStringLiteral("src/net/brand_new.c"), "quokkafresh new file\n");
        std::filesystem::remove(files[1]);
        std::filesystem::rename(files[2], files[2] + ".moved.c");
        append(files[2] + ".moved.c", "quokkafresh moved\n");
        QCOMPARE(same_as_scan(*live, "quokkafresh").size(), std::size_t{3});
        for (const char* pattern : {"kernel", "alpha", "static", "Sock"}) QVERIFY(same_as_scan(*live, pattern) != std::vector<std::string>{"<differs>"});
        QVERIFY(live->status().stale());
    }

    void foldersThatAppearOrMoveAreSearched() {
        auto live = open_checked(live_options());
        QVERIFY(live);
        tree_->write(QStringLiteral("fresh/dir/deep.c"), "wombatword in a new folder\n");
        QCOMPARE(same_as_scan(*live, "wombatword").size(), std::size_t{1});
        // A file written into the new folder later is seen through the watch added for it.
        tree_->write(QStringLiteral("fresh/dir/later.c"), "wombatword later\n");
        QCOMPARE(same_as_scan(*live, "wombatword").size(), std::size_t{2});
        // A whole indexed folder moved: its files are searched under their new names.
        std::filesystem::rename(tree_->path(QStringLiteral("src/net")), tree_->path(QStringLiteral("moved_net")));
        const auto moved = searched_files();
        const auto in_moved = std::find_if(moved.begin(), moved.end(), [](const std::string& p) { return p.find("/moved_net/") != std::string::npos; });
        if (in_moved != moved.end()) append(*in_moved, "wombatword moved folder\n");
        QVERIFY(same_as_scan(*live, "wombatword") != std::vector<std::string>{"<differs>"});
        QVERIFY(same_as_scan(*live, "kernel") != std::vector<std::string>{"<differs>"});
        QVERIFY(live->status().dirty_dirs >= 2);
    }

    void changesWhileClosedAreFoundWhenOpened() {
        const auto files = searched_files();
        append(files[0], "numbatword while closed\n");
        std::filesystem::remove(files[1]);
        tree_->write(QStringLiteral("src/added_while_closed.c"), "numbatword added\n");
        auto live = open_checked(live_options());
        QVERIFY(live);
        const LiveIndexStatus s = live->status();
        QCOMPARE(s.changed_files, std::uint64_t{3});  // changed, deleted, added
        QVERIFY(s.trusted);
        QCOMPARE(same_as_scan(*live, "numbatword").size(), std::size_t{2});
    }

    void overflowFallsBackToStatsUntilRescanned() {
        auto live = open_checked(live_options());
        QVERIFY(live);
        const auto files = searched_files();
        // The kernel drops the events it has no room for and queues IN_Q_OVERFLOW: the edit's
        // event is lost. Trusting the watcher now would miss the edit.
        live->hold_background_for_test(true);
        append(files[0], "dingoword after overflow\n");
        live->inject_overflow();
        index_test::Outcome during;
        QCOMPARE(same_as_scan(*live, "dingoword", &during).size(), std::size_t{1});
        QVERIFY(!live->status().trusted);
        QCOMPARE(during.use.gate->counters().unproven, std::uint64_t{0});  // every skip proven by stat
        QCOMPARE(live->status().changed_files, std::uint64_t{0});          // the event was lost indeed
        live->hold_background_for_test(false);
        const auto rescanned = [](const LiveIndexStatus& s) { return s.rescans >= 1 && s.trusted; };
        QVERIFY(live->wait_for(rescanned, kWait));
        QCOMPARE(live->status().changed_files, std::uint64_t{1});  // the rescan found the edit
        index_test::Outcome after;
        QCOMPARE(same_as_scan(*live, "dingoword", &after).size(), std::size_t{1});
        QVERIFY(after.use.gate->counters().unproven > 0);  // trusted again
    }

    void watchLimitFallsBackToStatsWithANote() {
        LiveIndexOptions o = live_options();
        o.watch_limit = 2;
        auto live = open_checked(std::move(o));
        QVERIFY(live);
        const LiveIndexStatus s = live->status();
        QVERIFY(s.exhausted);
        QVERIFY(!s.trusted);
        QVERIFY2(s.note.find("max_user_watches") != std::string::npos, s.note.c_str());
        const auto files = searched_files();
        append(files.back(), "emuword in an unwatched folder\n");
        index_test::Outcome out;
        QCOMPARE(same_as_scan(*live, "emuword", &out).size(), std::size_t{1});
        QCOMPARE(out.use.gate->counters().unproven, std::uint64_t{0});  // every skip proven by stat
        QVERIFY(out.use.gate->counters().skipped > 0);
        const bool noted = std::any_of(out.use.notes.begin(), out.use.notes.end(),
                                       [](const std::string& n) { return n.find("max_user_watches") != std::string::npos; });
        QVERIFY(noted);
    }

    void backgroundRebuildTakesTheOverlayIn() {
        LiveIndexOptions o = live_options(true);
        o.rebuild_after_changes = 1;
        o.rebuild_quiet = std::chrono::milliseconds(0);
        auto live = open_checked(std::move(o));
        QVERIFY(live);
        const auto files = searched_files();
        append(files[0], "koalaword rebuilt\n");
        live->sync();
        QVERIFY(live->wait_for([](const LiveIndexStatus& s) { return s.rebuilds >= 1 && s.changed_files == 0; }, kWait));
        index_test::Outcome out;
        QCOMPARE(same_as_scan(*live, "koalaword", &out).size(), std::size_t{1});
        QCOMPARE(out.use.gate->counters().changed, std::uint64_t{0});  // the index itself knows it now
        QCOMPARE(out.use.gate->counters().candidates, std::uint64_t{1});
        const IndexStatus status = index_status(tree_->root(), dir_, true);
        QVERIFY(status.fresh());
    }

    void randomEditsKeepEveryPatternEqualToTheScan() {
        auto live = open_checked(live_options());
        QVERIFY(live);
        QRandomGenerator random(7);
        const auto files = searched_files();
        const auto& words = index_test::vocabulary();
        for (int round = 0; round < 20; ++round) {
            const std::string& file = files[random.bounded(static_cast<int>(files.size()))];
            if (std::filesystem::exists(file)) {
                if (random.bounded(4) == 0) std::filesystem::remove(file);
                else append(file, index_test::random_line(random).toStdString());
            }
            const std::string word = words[random.bounded(static_cast<int>(words.size()))].toStdString();
            QVERIFY2(same_as_scan(*live, word) != std::vector<std::string>{"<differs>"}, word.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestLiveIndex)
#include "test_live_index.moc"
