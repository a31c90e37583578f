// The two hand-offs between threads of an apply: OrderedPrefetch (items made ahead by helpers,
// taken in order) and WritebackStarter (a writeback round per so much content, on a thread of
// its own): no item is lost, reordered or left waiting — whatever holds the helpers back (the
// window, the weight budget, allow()) and however many helpers there are; a round per round's
// worth of files or bytes, none for less, and none that holds the writer up.
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "core/edit/ordered_prefetch.h"
#include "core/edit/writeback_starter.h"
#include "test_tree.h"

using namespace codescout;

namespace {

// 1: some of `fd`'s extents are still delayed allocations (in memory only); 0: none; -1: unknown.
int delayed_allocation(int fd) {
    constexpr unsigned kExtents = 32;
    alignas(struct fiemap) unsigned char buffer[sizeof(struct fiemap) + kExtents * sizeof(struct fiemap_extent)] = {};
    auto* map = reinterpret_cast<struct fiemap*>(buffer);
    map->fm_length = FIEMAP_MAX_OFFSET;
    map->fm_extent_count = kExtents;
    if (::ioctl(fd, FS_IOC_FIEMAP, map) != 0 || map->fm_mapped_extents == 0) return -1;
    for (unsigned i = 0; i < map->fm_mapped_extents; ++i)
        if ((map->fm_extents[i].fe_flags & FIEMAP_EXTENT_DELALLOC) != 0) return 1;
    return 0;
}

// The threads of this process.
int tasks() {
    int n = 0;
    for (const QString& entry : QDir("/proc/self/task").entryList(QDir::Dirs | QDir::NoDotAndDotDot)) n += entry.isEmpty() ? 0 : 1;
    return n;
}

int open_descriptors() {
    int n = 0;
    for (int fd = 0; fd < 4096; ++fd) n += ::fcntl(fd, F_GETFD) != -1 ? 1 : 0;
    return n;
}

}  // namespace

class TestPrefetch : public QObject {
    Q_OBJECT

private slots:
    void itemsComeInOrderWhateverHoldsTheHelpersBack_data() {
        QTest::addColumn<int>("helpers");
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("budget");  // weight of every item: 1
        QTest::addColumn<int>("step");    // allow() this many items at a time (0: all at once)
        QTest::addColumn<bool>("slowConsumer");
        QTest::newRow("one helper") << 1 << 16 << 1000 << 0 << false;
        QTest::newRow("one helper, slow consumer") << 1 << 16 << 1000 << 0 << true;
        QTest::newRow("two helpers") << 2 << 16 << 1000 << 0 << false;
        QTest::newRow("window 1") << 1 << 1 << 1000 << 0 << false;
        QTest::newRow("window 3, two helpers") << 2 << 3 << 1000 << 0 << false;
        QTest::newRow("budget 2") << 1 << 16 << 2 << 0 << false;
        QTest::newRow("budget 2, two helpers") << 2 << 16 << 2 << 0 << false;
        QTest::newRow("allowed 3 at a time") << 1 << 16 << 1000 << 3 << false;
        QTest::newRow("allowed 1 at a time, two helpers") << 2 << 16 << 1000 << 1 << false;
    }
    void itemsComeInOrderWhateverHoldsTheHelpersBack() {
        QFETCH(int, helpers);
        QFETCH(int, window);
        QFETCH(int, budget);
        QFETCH(int, step);
        QFETCH(bool, slowConsumer);
        constexpr std::size_t count = 500;
        std::atomic<int> made{0};
        const std::size_t first = step > 0 ? static_cast<std::size_t>(step) : SIZE_MAX;
        OrderedPrefetch<std::string> prefetch(
            count,
            [&](std::size_t i) {
                ++made;
                if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));  // uneven helpers
                return std::to_string(i);
            },
            [](std::size_t) { return std::uint64_t{1}; }, first, helpers, static_cast<std::size_t>(window),
            static_cast<std::uint64_t>(budget));
        for (std::size_t i = 0; i < count; ++i) {
            if (step > 0 && i % static_cast<std::size_t>(step) == 0) prefetch.allow(i + static_cast<std::size_t>(step));
            QCOMPARE(prefetch.take(i), std::to_string(i));
            if (slowConsumer && i % 5 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
        }
        QCOMPARE(made.load(), int(count));
    }

    void anExceptionReachesTheConsumerOfThatItem() {
        OrderedPrefetch<int> prefetch(
            20, [](std::size_t i) -> int { if (i == 13) throw std::runtime_error("item 13"); return int(i); },
            [](std::size_t) { return std::uint64_t{0}; }, SIZE_MAX, 1);
        for (std::size_t i = 0; i < 13; ++i) QCOMPARE(prefetch.take(i), int(i));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, prefetch.take(13));
    }

    void itemsNotTakenAreDroppedWithoutWaitingForever() {
        std::atomic<int> made{0};
        {
            OrderedPrefetch<int> prefetch(1000, [&](std::size_t i) { ++made; return int(i); }, {}, SIZE_MAX, 2);
            QCOMPARE(prefetch.take(0), 0);
        }  // the destructor stops and joins the helpers
        QVERIFY(made.load() < 1000);
    }

    void everyFileIsClosedAtTheEnd_data() {
        QTest::addColumn<int>("files");
        QTest::addColumn<int>("roundFiles");
        QTest::newRow("a few, no round") << 3 << 64;
        QTest::newRow("many, a round every 4 (some not started: the thread is behind)") << 200 << 4;
        QTest::newRow("a round every file") << 50 << 1;
    }
    void everyFileIsClosedAtTheEnd() {
        QFETCH(int, files);
        QFETCH(int, roundFiles);
        TestTree tree;
        const int before = open_descriptors();
        {
            WritebackStarter starter(WritebackRound{1ull << 40, static_cast<std::size_t>(roundFiles)});
            for (int i = 0; i < files; ++i) {
                const std::string path = tree.write(QString("f%1").arg(i), QByteArray(4096, 'x'));
                FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
                QVERIFY(fd);
                QCOMPARE(::write(fd.get(), "y", 1), ssize_t(1));
                starter.start(std::move(fd), 1);
            }
        }  // starts the rounds left and joins
        QCOMPARE(open_descriptors(), before);
    }

    // Files that complete no round cost no thread and no wake-up: the thread starts with the
    // first round (it is woken once a round, not once a file).
    void noRoundNoThread() {
        TestTree tree;
        const std::string path = tree.write("f", QByteArray("x"));
        const int threads = tasks();
        WritebackStarter starter(WritebackRound{1ull << 40, 64});
        for (int i = 0; i < 63; ++i) starter.start(FileDescriptor(::open(path.c_str(), O_RDONLY | O_CLOEXEC)), 1);
        QCOMPARE(tasks(), threads);
        starter.start(FileDescriptor(::open(path.c_str(), O_RDONLY | O_CLOEXEC)), 1);
        QCOMPARE(tasks(), threads + 1);
    }

    // A round that takes long (a slow disk) never holds the writer up: start() returns at once,
    // at most `max_rounds` rounds wait, and the others are not started (the next covers them).
    void aSlowRoundNeverBlocksTheWriter() {
        TestTree tree;
        const std::string path = tree.write("f", QByteArray("x"));
        std::atomic<bool> release{false};
        std::atomic<int> started{0};
        {
            WritebackStarter starter(WritebackRound{1ull << 40, 1}, [&](int) {
                ++started;
                while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }, 2);
            for (int i = 0; i < 20; ++i) {
                starter.start(FileDescriptor(::open(path.c_str(), O_RDONLY | O_CLOEXEC)), 1);
                if (i == 0)  // the first round is under way before the others come
                    while (started.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            QCOMPARE(started.load(), 1);  // still in the first round: no start() waited for it
            release = true;
        }
        QCOMPARE(started.load(), 3);  // the first, and the two that could wait
    }

    // A round per `files` files or `bytes` bytes handed over, whichever comes first, on the file
    // system of the file that completes it; none for less than a round's worth (the flush round
    // that follows covers the rest). The queue is large enough for every file: the thread sees
    // them all, and the count of rounds is exact.
    void aRoundPerRoundsWorthOfFilesOrBytes_data() {
        QTest::addColumn<int>("files");
        QTest::addColumn<int>("size");  // of each file
        QTest::addColumn<int>("rounds");
        // WritebackRound{bytes 100, files 4}
        QTest::newRow("fewer than a round") << 3 << 10 << 0;
        QTest::newRow("by files: 4 a round") << 9 << 10 << 2;
        QTest::newRow("by bytes: 100 a round") << 6 << 50 << 3;
        QTest::newRow("one large file, one round") << 1 << 1000 << 1;
    }
    void aRoundPerRoundsWorthOfFilesOrBytes() {
        QFETCH(int, files);
        QFETCH(int, size);
        QFETCH(int, rounds);
        TestTree tree;
        std::atomic<int> started{0};
        std::atomic<bool> valid_descriptors{true};
        {
            WritebackStarter starter(WritebackRound{100, 4}, [&](int fd) {
                valid_descriptors = valid_descriptors && ::fcntl(fd, F_GETFD) != -1;
                ++started;
            }, 1000);
            for (int i = 0; i < files; ++i) {
                const std::string path = tree.write(QString("f%1").arg(i), QByteArray(size, 'x'));
                FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
                QVERIFY(fd);
                starter.start(std::move(fd), static_cast<std::uint64_t>(size));
            }
        }
        QCOMPARE(started.load(), rounds);
        QVERIFY(valid_descriptors.load());  // the round is started on a descriptor still open
    }

    // The default round really writes the file system back: a file's delayed allocation (ext4,
    // XFS, btrfs: FIEMAP_EXTENT_DELALLOC while its pages only sit in memory) is resolved once
    // the round is over, without anyone asking for that file. Skipped where the file system
    // shows no delayed allocation to begin with (tmpfs, no fiemap).
    void theDefaultRoundWritesTheFileSystemBack() {
        // In the build folder, not TMPDIR: /tmp is often a tmpfs, which has no writeback.
        QTemporaryDir dir(QDir::currentPath() + "/writeback-XXXXXX");
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("f").toStdString();
        FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
        QVERIFY(fd);
        const std::string content(1 << 20, 'z');
        QCOMPARE(::write(fd.get(), content.data(), content.size()), ssize_t(content.size()));
        const FileDescriptor probe(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (delayed_allocation(probe.get()) != 1) QSKIP("no delayed allocation to see on this file system");
        {
            WritebackStarter starter(WritebackRound{1, 1});
            starter.start(std::move(fd), content.size());
        }  // joined: the round (a syncfs, which waits for the writeback) is over
        QCOMPARE(delayed_allocation(probe.get()), 0);
    }
};

QTEST_GUILESS_MAIN(TestPrefetch)
#include "test_prefetch.moc"
