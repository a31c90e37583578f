// TreeWatcher (tree_watcher.h): every change made before poll() is in its batch (no waiting:
// inotify queues an event when the write happens), coalesced; folders that appear are watched
// with the walk's rules; an overflow is reported; the watch limit stops watching with a note.
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/watch/tree_watcher.h"
#include "test_tree.h"

using namespace codescout;

namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

class TestTreeWatcher : public QObject {
    Q_OBJECT

    TreeWatchOptions options(const TestTree& tree) const {
        TreeWatchOptions o;
        o.root = std::filesystem::canonical(tree.root()).string();
        return o;
    }

private slots:
    void changesBeforePollAreInTheBatch() {
        TestTree tree;
        tree.write(QStringLiteral("a/b/old.c"), "x\n");
        tree.write(QStringLiteral("a/keep.c"), "y\n");
        tree.write(QStringLiteral("top.c"), "z\n");
        TreeWatcher watcher(options(tree));
        QCOMPARE(watcher.watch_directories({"", "a", "a/b"}).size(), std::size_t{3});
        QCOMPARE(watcher.watch_directories({"a"}).size(), std::size_t{0});  // already watched
        QVERIFY(watcher.poll().empty());

        tree.write(QStringLiteral("a/b/new.c"), "new\n");
        { std::ofstream(tree.path(QStringLiteral("a/keep.c")), std::ios::app) << "more\n"; }
        { std::ofstream(tree.path(QStringLiteral("a/keep.c")), std::ios::app) << "more\n"; }
        std::filesystem::remove(tree.path(QStringLiteral("top.c")));
        std::filesystem::rename(tree.path(QStringLiteral("a/b/old.c")), tree.path(QStringLiteral("a/renamed.c")));
        const WatchBatch batch = watcher.poll();
        QVERIFY(!batch.overflow);
        QVERIFY(has(batch.files, "a/b/new.c"));
        QVERIFY(has(batch.files, "a/keep.c"));
        QVERIFY(has(batch.files, "top.c"));
        QVERIFY(has(batch.files, "a/b/old.c"));
        QVERIFY(has(batch.files, "a/renamed.c"));
        QCOMPARE(std::count(batch.files.begin(), batch.files.end(), std::string("a/keep.c")), 1);  // coalesced
        QVERIFY(watcher.poll().empty());
    }

    void foldersThatAppearAreWatchedAndDirty() {
        TestTree tree;
        tree.write(QStringLiteral("src/a.c"), "a\n");
        TreeWatcher watcher(options(tree));
        watcher.watch_directories({"", "src"});
        tree.write(QStringLiteral("src/new/deeper/f.c"), "f\n");
        WatchBatch batch = watcher.poll();
        QVERIFY(has(batch.dirs, "src/new"));
        QVERIFY(watcher.watch_count() >= 4);  // "", src, src/new, src/new/deeper
        tree.write(QStringLiteral("src/new/deeper/g.c"), "g\n");
        batch = watcher.poll();
        QVERIFY(has(batch.files, "src/new/deeper/g.c"));
        // A watched folder removed: reported as a dirty folder.
        std::filesystem::remove_all(tree.path(QStringLiteral("src/new")));
        batch = watcher.poll();
        QVERIFY(has(batch.dirs, "src/new"));
    }

    void appearingFoldersHonourTheWalkRules() {
        TestTree tree;
        tree.mkdir(QStringLiteral("src"));
        TreeWatchOptions o = options(tree);
        o.walk.ignore_globs = {"generated"};
        TreeWatcher watcher(o);
        watcher.watch_directories({"", "src"});
        const std::size_t before = watcher.watch_count();
        tree.write(QStringLiteral("src/mod/generated/x/y.c"), "y\n");
        tree.write(QStringLiteral("src/mod/kept/z.c"), "z\n");
        watcher.poll();
        QCOMPARE(watcher.watch_count(), before + 2);  // src/mod and src/mod/kept, not generated/...
    }

    void overflowIsReported() {
        TestTree tree;
        tree.write(QStringLiteral("a.c"), "a\n");
        TreeWatcher watcher(options(tree));
        watcher.watch_directories({""});
        watcher.inject_overflow();
        QVERIFY(watcher.wait(std::chrono::milliseconds(0)));
        QVERIFY(watcher.poll().overflow);
        QVERIFY(!watcher.poll().overflow);
    }

    void watchLimitStopsWithANote() {
        TestTree tree;
        for (const char* dir : {"a", "b", "c", "d"}) tree.mkdir(QString::fromLatin1(dir));
        TreeWatchOptions o = options(tree);
        o.watch_limit = 3;
        TreeWatcher watcher(o);
        QVERIFY(watcher.note().empty());
        QCOMPARE(watcher.watch_directories({"", "a", "b", "c", "d"}).size(), std::size_t{3});
        QVERIFY(watcher.exhausted());
        QVERIFY2(watcher.note().find("max_user_watches") != std::string::npos, watcher.note().c_str());
        // Watches already set keep working.
        tree.write(QStringLiteral("a/f.c"), "f\n");
        QVERIFY(has(watcher.poll().files, "a/f.c"));
    }

    void waitReturnsOnEventsAndOnWake() {
        TestTree tree;
        TreeWatcher watcher(options(tree));
        watcher.watch_directories({""});
        QVERIFY(!watcher.wait(std::chrono::milliseconds(0)));
        tree.write(QStringLiteral("x.c"), "x\n");
        QVERIFY(watcher.wait(std::chrono::seconds(30)));
        watcher.poll();
        watcher.wake();
        QVERIFY(!watcher.wait(std::chrono::seconds(30)));  // woken, no events: returns at once
    }
};

QTEST_GUILESS_MAIN(TestTreeWatcher)
#include "test_tree_watcher.moc"
