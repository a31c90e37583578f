// The two hand-offs between threads of an apply: OrderedPrefetch (items made ahead by helpers,
// taken in order) and WritebackStarter (descriptors handed to a thread that starts their
// writeback and closes them): no item is lost, reordered or left waiting — whatever holds the
// helpers back (the window, the weight budget, allow()) and however many helpers there are.
#include <QTest>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "core/edit/ordered_prefetch.h"
#include "core/edit/writeback_starter.h"
#include "test_tree.h"

using namespace codescout;

namespace {

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
                starter.start(std::move(fd));
            }
        }  // starts what is left and joins
        QCOMPARE(open_descriptors(), before);
    }
};

QTEST_GUILESS_MAIN(TestPrefetch)
#include "test_prefetch.moc"
