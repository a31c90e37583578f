// The two hand-offs between threads of an apply: OrderedPrefetch (items made ahead by helpers,
// taken in order) and WritebackStarter (descriptors handed to a thread that closes them and
// starts a writeback round per so much content): no item is lost, reordered or left waiting —
// whatever holds the helpers back (the window, the weight budget, allow()) and however many
// helpers there are; a round per round's worth of files or bytes, none for less.
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

    void everyQueuedFileIsClosedAtTheEnd_data() {
        QTest::addColumn<int>("files");
        QTest::addColumn<int>("maxQueued");
        QTest::newRow("a few") << 3 << 64;
        QTest::newRow("many") << 200 << 64;
        QTest::newRow("queue of 4 (the writer does the rest)") << 50 << 4;
    }
    void everyQueuedFileIsClosedAtTheEnd() {
        QFETCH(int, files);
        QFETCH(int, maxQueued);
        TestTree tree;
        const int before = open_descriptors();
        {
            WritebackStarter starter(static_cast<std::size_t>(maxQueued));
            for (int i = 0; i < files; ++i) {
                const std::string path = tree.write(QString("f%1").arg(i), QByteArray(4096, 'x'));
                FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
                QVERIFY(fd);
                QCOMPARE(::write(fd.get(), "y", 1), ssize_t(1));
                starter.start(std::move(fd), 1);
            }
        }  // starts what is left and joins
        QCOMPARE(open_descriptors(), before);
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
            WritebackStarter starter(1000, WritebackRound{100, 4}, [&](int fd) {
                valid_descriptors = valid_descriptors && ::fcntl(fd, F_GETFD) != -1;
                ++started;
            });
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
            WritebackStarter starter(64, WritebackRound{1, 1});
            starter.start(std::move(fd), content.size());
        }  // joined: the round (a syncfs, which waits for the writeback) is over
        QCOMPARE(delayed_allocation(probe.get()), 0);
    }
};

QTEST_GUILESS_MAIN(TestPrefetch)
#include "test_prefetch.moc"
