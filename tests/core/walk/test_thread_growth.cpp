// When a walk adds threads (walk/thread_growth.h): the decision as a table of samples and loads,
// the ceiling per machine, and a Walker that grows while its visitors wait, driven by injected
// samples so that nothing depends on a disk or a clock. Not timed: the walker test waits for a
// state (all threads blocked), never for a duration, and is written to stay clean under TSan.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <unistd.h>

#include "core/walk/process_io.h"
#include "core/walk/thread_growth.h"
#include "core/walk/walker.h"
#include "test_tree.h"

using namespace codescout;

Q_DECLARE_METATYPE(codescout::IoSample)
Q_DECLARE_METATYPE(codescout::WalkLoad)

namespace {

constexpr std::uint64_t kMs = 1'000'000;  // nanoseconds
constexpr std::uint64_t kMiB = 1024 * 1024;

IoSample at(std::uint64_t wall_ms, std::uint64_t disk_bytes, std::uint64_t cpu_ms) {
    return IoSample{disk_bytes, cpu_ms * kMs, wall_ms * kMs};
}

IoSample waited(IoSample sample, std::uint64_t run_queue_ms) {
    sample.cpu_wait_ns = run_queue_ms * kMs;
    return sample;
}

WalkLoad load(unsigned threads, std::size_t queued = 10, unsigned busy = 2, unsigned idle = 0) {
    WalkLoad l;
    l.threads = threads;
    l.queued = queued;
    l.busy = busy;
    l.idle = idle;
    return l;
}

ThreadGrowthPolicy twoCores(unsigned max_threads = 16) {
    ThreadGrowthPolicy p;
    p.cores = 2;
    p.max_threads = max_threads;
    return p;
}

// Visitors that wait until `expected` of them wait at once, then all go on: the walk cannot end
// before it has that many threads, whatever the scheduler does. A generous deadline turns a walk
// that never grows into a failed test instead of a hang.
class Rendezvous {
public:
    explicit Rendezvous(unsigned expected) : expected_(expected) {}

    void arrive() {
        std::unique_lock lock(mutex_);
        threads_.insert(std::this_thread::get_id());
        if (released_) return;
        if (++waiting_ >= expected_) {
            released_ = true;
            all_.notify_all();
            return;
        }
        if (!all_.wait_for(lock, std::chrono::seconds(30), [this] { return released_; })) {
            released_ = true;  // let the walk finish; the test then fails on the thread count
            timed_out_ = true;
            all_.notify_all();
        }
    }
    bool timedOut() {
        std::lock_guard lock(mutex_);
        return timed_out_;
    }
    std::size_t distinctThreads() {
        std::lock_guard lock(mutex_);
        return threads_.size();
    }

private:
    const unsigned expected_;
    std::mutex mutex_;
    std::condition_variable all_;
    unsigned waiting_ = 0;
    bool released_ = false;
    bool timed_out_ = false;
    std::set<std::thread::id> threads_;
};

// Injected samples: each call is one tick of 20 ms with `disk_per_tick` bytes read and no CPU
// time. Visitors can wait (without spinning) until the supervisor has taken more samples.
class FakeProcess {
public:
    explicit FakeProcess(std::uint64_t disk_per_tick) : disk_per_tick_(disk_per_tick) {}

    std::function<IoSample()> sampler() {
        return [this] {
            std::lock_guard lock(mutex_);
            ++calls_;
            ticked_.notify_all();
            return at(20 * calls_, disk_per_tick_ * calls_, 0);
        };
    }
    unsigned calls() {
        std::lock_guard lock(mutex_);
        return calls_;
    }
    // Waits until `more` samples were taken after this call (false after a generous deadline).
    bool waitForSamples(unsigned more) {
        std::unique_lock lock(mutex_);
        const unsigned until = calls_ + more;
        return ticked_.wait_for(lock, std::chrono::seconds(30), [&] { return released_ || calls_ >= until; });
    }
    // Ends every wait, now and later: a stopped walk loses its supervisor before its visitors.
    void release() {
        std::lock_guard lock(mutex_);
        released_ = true;
        ticked_.notify_all();
    }

private:
    const std::uint64_t disk_per_tick_;
    std::mutex mutex_;
    std::condition_variable ticked_;
    unsigned calls_ = 0;
    bool released_ = false;
};

}  // namespace

class TestThreadGrowth : public QObject {
    Q_OBJECT

private slots:
    void decision_data() {
        QTest::addColumn<IoSample>("before");
        QTest::addColumn<IoSample>("after");
        QTest::addColumn<WalkLoad>("walk");
        QTest::addColumn<unsigned>("expected");
        // A 20 ms tick on two cores: 40 ms of CPU time would be both cores busy.
        QTest::newRow("cold: disk read, cores idle -> double") << at(0, 0, 0) << at(20, kMiB, 4) << load(2) << 4u;
        QTest::newRow("cold again -> double again") << at(20, kMiB, 4) << at(40, 3 * kMiB, 8) << load(4) << 8u;
        QTest::newRow("at the ceiling") << at(0, 0, 0) << at(20, kMiB, 0) << load(16) << 16u;
        QTest::newRow("doubling stops at the ceiling") << at(0, 0, 0) << at(20, kMiB, 0) << load(12) << 16u;
        QTest::newRow("warm: no disk read") << at(0, 0, 0) << at(20, 0, 2) << load(2) << 2u;
        QTest::newRow("warm and loaded machine: no disk read") << at(0, 0, 0) << at(20, 0, 0) << load(2) << 2u;
        QTest::newRow("stray misses below 256 KiB") << at(0, 0, 0) << at(20, 255 * 1024, 0) << load(2) << 2u;
        QTest::newRow("exactly 256 KiB counts") << at(0, 0, 0) << at(20, 256 * 1024, 0) << load(2) << 4u;
        QTest::newRow("cores busy (40 of 40 ms): disk keeps up") << at(0, 0, 0) << at(20, kMiB, 40) << load(2) << 2u;
        QTest::newRow("cores at the threshold (30 of 40 ms)") << at(0, 0, 0) << at(20, kMiB, 30) << load(2) << 2u;
        QTest::newRow("cores just below the threshold") << at(0, 0, 0) << at(20, kMiB, 29) << load(2) << 4u;
        // Other processes hold the cores: our threads got 10 ms of CPU but waited 30 ms in the run
        // queue. They wanted the cores, not the disk: more threads would queue behind them too.
        QTest::newRow("loaded machine: waited for cores, not the disk") << at(0, 0, 0) << waited(at(20, kMiB, 10), 30) << load(2) << 2u;
        QTest::newRow("computed + waited just below the threshold") << at(0, 0, 0) << waited(at(20, kMiB, 10), 19) << load(2) << 4u;
        QTest::newRow("wait sum went back (a thread ended): adds nothing") << waited(at(0, 0, 0), 50) << waited(at(20, kMiB, 0), 10) << load(2) << 4u;
        QTest::newRow("a thread already idle") << at(0, 0, 0) << at(20, kMiB, 0) << load(2, 10, 1, 1) << 2u;
        QTest::newRow("nothing queued") << at(0, 0, 0) << at(20, kMiB, 0) << load(2, 0) << 2u;
        QTest::newRow("clock did not move") << at(20, 0, 0) << at(20, kMiB, 0) << load(2) << 2u;
        QTest::newRow("samples out of order") << at(40, 2 * kMiB, 0) << at(20, kMiB, 0) << load(2) << 2u;
        QTest::newRow("cpu counter went back") << at(0, 0, 10) << at(20, kMiB, 5) << load(2) << 2u;
        QTest::newRow("zero threads counted as one") << at(0, 0, 0) << at(20, kMiB, 0) << load(0) << 2u;
    }

    void decision() {
        QFETCH(IoSample, before);
        QFETCH(IoSample, after);
        QFETCH(WalkLoad, walk);
        QFETCH(unsigned, expected);
        QCOMPARE(grown_thread_count(twoCores(), before, after, walk), expected);
    }

    void busyShareScalesWithCores() {
        ThreadGrowthPolicy p = twoCores(64);
        p.cores = 8;  // 8 cores: 160 ms of CPU per 20 ms tick would be all busy; 120 the threshold
        QCOMPARE(grown_thread_count(p, at(0, 0, 0), at(20, kMiB, 100), load(8)), 16u);
        QCOMPARE(grown_thread_count(p, at(0, 0, 0), at(20, kMiB, 120), load(8)), 8u);
    }

    void ceilingPerMachine_data() {
        QTest::addColumn<unsigned>("cores");
        QTest::addColumn<unsigned>("expected");
        QTest::newRow("unknown (0)") << 0u << 16u;
        QTest::newRow("1 core") << 1u << 16u;
        QTest::newRow("2 cores") << 2u << 16u;
        QTest::newRow("4 cores") << 4u << 32u;
        QTest::newRow("8 cores") << 8u << 64u;
        QTest::newRow("64 cores") << 64u << 64u;
    }

    void ceilingPerMachine() {
        QFETCH(unsigned, cores);
        QFETCH(unsigned, expected);
        QCOMPARE(default_max_threads(cores), expected);
    }

    // The process sampler reads real counters: CPU time spent shows, the clock moves.
    void processSampleMoves() {
        const IoSample before = sample_process_io();
        volatile std::uint64_t sink = 0;
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(30);
        while (std::chrono::steady_clock::now() < until) sink = sink + 1;
        const IoSample after = sample_process_io();
        QVERIFY(after.wall_ns > before.wall_ns);
        QVERIFY(after.cpu_ns > before.cpu_ns);
        QVERIFY(after.disk_read_bytes >= before.disk_read_bytes);
    }

    // More spinning threads than cores: some of them wait in the run queue, and the sampler sees it
    // (summed while they are alive: a thread's wait leaves the sum when it ends).
    void processSampleSeesRunQueueWait() {
        if (!QFile::exists(QStringLiteral("/proc/self/task/%1/schedstat").arg(::gettid()))) QSKIP("no schedstat in this kernel");
        const IoSample before = sample_process_io();
        const unsigned spinners = 2 * std::max(1u, std::thread::hardware_concurrency()) + 1;
        std::atomic<bool> go_on{true};
        std::atomic<unsigned> spun{0};
        std::vector<std::thread> threads;
        for (unsigned i = 0; i < spinners; ++i) {
            threads.emplace_back([&] {
                const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(100);
                volatile std::uint64_t sink = 0;
                while (std::chrono::steady_clock::now() < until) sink = sink + 1;
                spun.fetch_add(1);
                while (go_on.load()) sink = sink + 1;
            });
        }
        while (spun.load() < spinners) std::this_thread::yield();
        const IoSample after = sample_process_io();
        go_on.store(false);
        for (auto& t : threads) t.join();
        QVERIFY2(after.cpu_wait_ns > before.cpu_wait_ns, "spinners beyond the cores never waited for one");
    }

    // Two threads wait in their visitors while directories are queued and the samples say the
    // disk is being read: the walker grows to its ceiling, and every file is still visited once.
    void walkerGrowsWhileReadsWait() {
        TestTree tree;
        constexpr int kDirs = 40;
        for (int i = 0; i < kDirs; ++i) tree.write(QStringLiteral("d%1/f.c").arg(i), "x");
        WalkOptions options;
        options.roots = {tree.root()};

        constexpr unsigned kCeiling = 8;
        FakeProcess cold(kMiB);
        ThreadGrowth growth;
        growth.max_threads = kCeiling;
        growth.tick = std::chrono::milliseconds(1);
        growth.sample = cold.sampler();
        Walker walker(options, 2, growth);

        Rendezvous rendezvous(kCeiling);
        std::mutex mutex;
        std::multiset<std::string> visited;
        std::atomic<bool> cancelled{false};
        walker.run(
            [&](const WalkEntry& e) {
                rendezvous.arrive();
                std::lock_guard lock(mutex);
                visited.insert(e.path);
                return true;
            },
            [](const PathError&) {}, cancelled);

        QVERIFY(!rendezvous.timedOut());
        QCOMPARE(walker.threads_used(), kCeiling);
        QCOMPARE(rendezvous.distinctThreads(), std::size_t(kCeiling));
        QCOMPARE(visited.size(), std::size_t(kDirs));
        QCOMPARE(std::set<std::string>(visited.begin(), visited.end()).size(), std::size_t(kDirs));
    }

    // Samples of a warm cache (no disk read) never add a thread, however long the walk waits.
    void walkerKeepsThreadsWhenWarm() {
        TestTree tree;
        for (int i = 0; i < 20; ++i) tree.write(QStringLiteral("d%1/f.c").arg(i), "x");
        WalkOptions options;
        options.roots = {tree.root()};
        FakeProcess warm(0);
        ThreadGrowth growth;
        growth.max_threads = 8;
        growth.tick = std::chrono::milliseconds(1);
        growth.sample = warm.sampler();
        Walker walker(options, 2, growth);
        std::atomic<int> files{0};
        std::atomic<bool> sampled{true};
        std::atomic<bool> cancelled{false};
        walker.run(
            [&](const WalkEntry&) {
                // Several ticks are sampled while this thread is busy and directories are queued.
                if (!warm.waitForSamples(3)) sampled = false;
                files.fetch_add(1);
                return true;
            },
            [](const PathError&) {}, cancelled);
        QVERIFY(sampled.load());
        QCOMPARE(files.load(), 20);
        QCOMPARE(walker.threads_used(), 2u);
    }

    // Without growth (a thread count the user chose) nothing is sampled and nothing added.
    void fixedThreadsNeverSample() {
        TestTree tree;
        for (int i = 0; i < 5; ++i) tree.write(QStringLiteral("d%1/f.c").arg(i), "x");
        WalkOptions options;
        options.roots = {tree.root()};
        FakeProcess cold(kMiB);
        ThreadGrowth growth;  // max_threads 0
        growth.sample = cold.sampler();
        Walker walker(options, 2, growth);
        std::atomic<bool> cancelled{false};
        walker.run([](const WalkEntry&) { return true; }, [](const PathError&) {}, cancelled);
        QCOMPARE(cold.calls(), 0u);
        QCOMPARE(walker.threads_used(), 2u);
    }

    // A stopped walk ends promptly even while the supervisor could still add threads.
    void stopWhileGrowing() {
        TestTree tree;
        for (int i = 0; i < 30; ++i) tree.write(QStringLiteral("d%1/f.c").arg(i), "x");
        WalkOptions options;
        options.roots = {tree.root()};
        FakeProcess cold(kMiB);
        ThreadGrowth growth;
        growth.max_threads = 16;
        growth.tick = std::chrono::milliseconds(1);
        growth.sample = cold.sampler();
        Walker walker(options, 2, growth);
        std::atomic<int> files{0};
        std::atomic<bool> cancelled{false};
        walker.run(
            [&](const WalkEntry&) {
                cold.waitForSamples(2);  // the supervisor may add threads meanwhile
                if (files.fetch_add(1) + 1 < 5) return true;
                cold.release();
                return false;  // the fifth file stops the walk
            },
            [](const PathError&) {}, cancelled);
        QVERIFY(files.load() >= 5);
        QVERIFY(files.load() < 30);
        QVERIFY(walker.threads_used() >= 2u);
        QVERIFY(walker.threads_used() <= 16u);
    }
};

QTEST_GUILESS_MAIN(TestThreadGrowth)
#include "test_thread_growth.moc"
