// OrderedDelivery: files completed in any order reach the sink in their order; claims stop at the
// window (files and bytes) and resume when it moves; a sink that stops ends it; many threads.
#include <QTest>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/search/ordered_delivery.h"

using namespace codescout;
using namespace std::chrono_literals;

namespace {

class Recorder final : public ResultSink {
public:
    explicit Recorder(std::size_t stop_after = SIZE_MAX) : stop_after_(stop_after) {}
    bool on_file(FileResult&& r) override {
        std::lock_guard lock(mutex_);
        events.push_back(r.path);
        ++files;
        return files < stop_after_;
    }
    void on_error(const SearchError& e) override {
        std::lock_guard lock(mutex_);
        events.push_back("error " + e.path);
    }
    std::vector<std::string> events;
    std::size_t files = 0;

private:
    std::mutex mutex_;
    std::size_t stop_after_;
};

FileOutput output_for(std::size_t index, std::size_t line_bytes = 8) {
    FileOutput out;
    FileResult r;
    r.path = std::to_string(index);
    r.lines.append(1, 0, std::string(line_bytes, 'x'), false);
    out.result = std::move(r);
    return out;
}

std::vector<std::string> numbers(std::size_t from, std::size_t to) {
    std::vector<std::string> out;
    for (std::size_t i = from; i < to; ++i) out.push_back(std::to_string(i));
    return out;
}

}  // namespace

class TestOrderedDelivery : public QObject {
    Q_OBJECT

private slots:
    void completedInAnyOrderDeliveredInOrder() {
        Recorder sink;
        OrderedDelivery delivery(sink, 5, 100, 1u << 20);
        const std::atomic<bool> stop{false};
        for (std::size_t i = 0; i < 5; ++i) QCOMPARE(delivery.claim(stop), std::optional<std::size_t>(i));
        QCOMPARE(delivery.claim(stop), std::optional<std::size_t>());  // every file claimed
        QVERIFY(delivery.complete(3, output_for(3)));
        QVERIFY(delivery.complete(1, output_for(1)));
        QVERIFY(sink.events.empty());  // file 0 is not done: nothing may go yet
        FileOutput nothing;            // a file without a match still takes its turn
        QVERIFY(delivery.complete(2, std::move(nothing)));
        QVERIFY(delivery.complete(0, output_for(0)));
        QCOMPARE(sink.events, (std::vector<std::string>{"0", "1", "3"}));
        QVERIFY(delivery.complete(4, output_for(4)));
        QCOMPARE(sink.events, (std::vector<std::string>{"0", "1", "3", "4"}));
    }

    void errorsComeInTheirFilesTurn() {
        Recorder sink;
        OrderedDelivery delivery(sink, 2, 10, 1u << 20);
        const std::atomic<bool> stop{false};
        delivery.claim(stop);
        delivery.claim(stop);
        FileOutput failed;
        failed.errors.push_back({"1", "Permission denied"});
        QVERIFY(delivery.complete(1, std::move(failed)));
        QVERIFY(sink.events.empty());
        QVERIFY(delivery.complete(0, output_for(0)));
        QCOMPARE(sink.events, (std::vector<std::string>{"0", "error 1"}));
    }

    // With two files allowed ahead, the third claim waits until the first file is delivered.
    void claimsWaitAtTheFileWindow() {
        Recorder sink;
        OrderedDelivery delivery(sink, 10, 2, 1u << 20);
        const std::atomic<bool> stop{false};
        QCOMPARE(delivery.claim(stop), std::optional<std::size_t>(0));
        QCOMPARE(delivery.claim(stop), std::optional<std::size_t>(1));
        auto third = std::async(std::launch::async, [&] { return delivery.claim(stop); });
        QVERIFY(third.wait_for(100ms) == std::future_status::timeout);  // cannot be ready before file 0 goes
        QVERIFY(delivery.complete(1, output_for(1)));
        QVERIFY(third.wait_for(100ms) == std::future_status::timeout);  // 1 is done, but waits for 0
        QVERIFY(delivery.complete(0, output_for(0)));
        QCOMPARE(third.get(), std::optional<std::size_t>(2));
        QCOMPARE(sink.events, numbers(0, 2));
    }

    // Results waiting beyond the byte limit stop new claims, except the file whose turn it is.
    void claimsWaitAtTheByteWindow() {
        Recorder sink;
        OrderedDelivery delivery(sink, 10, 100, 64 * 1024);
        const std::atomic<bool> stop{false};
        QCOMPARE(delivery.claim(stop), std::optional<std::size_t>(0));
        QCOMPARE(delivery.claim(stop), std::optional<std::size_t>(1));
        QVERIFY(delivery.complete(1, output_for(1, 1 << 20)));  // 1 MiB waits for file 0
        QVERIFY(delivery.peak_waiting_bytes() >= (1u << 20));
        auto next = std::async(std::launch::async, [&] { return delivery.claim(stop); });
        QVERIFY(next.wait_for(100ms) == std::future_status::timeout);
        QVERIFY(delivery.complete(0, output_for(0)));
        QCOMPARE(next.get(), std::optional<std::size_t>(2));
    }

    void aSinkThatStopsEndsIt() {
        Recorder sink(2);
        OrderedDelivery delivery(sink, 5, 10, 1u << 20);
        const std::atomic<bool> stop{false};
        for (int i = 0; i < 4; ++i) delivery.claim(stop);
        QVERIFY(delivery.complete(2, output_for(2)));
        QVERIFY(delivery.complete(1, output_for(1)));
        QVERIFY(!delivery.complete(0, output_for(0)));  // 0 and 1 delivered, the sink said stop
        QCOMPARE(sink.events, numbers(0, 2));
        QVERIFY(!delivery.complete(3, output_for(3)));
        QCOMPARE(delivery.claim(stop), std::optional<std::size_t>());
    }

    void aStopFlagEndsAWaitingClaim() {
        Recorder sink;
        OrderedDelivery delivery(sink, 10, 1, 1u << 20);
        std::atomic<bool> stop{false};
        delivery.claim(stop);
        auto waiting = std::async(std::launch::async, [&] { return delivery.claim(stop); });
        QVERIFY(waiting.wait_for(50ms) == std::future_status::timeout);
        stop.store(true);  // as Search::cancel() does, without a notification
        QCOMPARE(waiting.get(), std::optional<std::size_t>());
    }

    // Four threads, files that take random times, some without a result: every result arrives,
    // in order, and no thread ever ran more than the window ahead of the delivery.
    void manyThreadsKeepTheOrderAndTheWindow() {
        Recorder sink;
        constexpr std::size_t kFiles = 3000;
        constexpr std::size_t kAhead = 8;
        OrderedDelivery delivery(sink, kFiles, kAhead, 1u << 20);
        const std::atomic<bool> stop{false};
        std::atomic<std::size_t> delivered_or_done{0};
        std::atomic<bool> window_broken{false};
        std::mutex done_mutex;
        std::vector<bool> done(kFiles, false);
        const auto work = [&](unsigned seed) {
            std::mt19937 random(seed);
            while (const std::optional<std::size_t> index = delivery.claim(stop)) {
                {
                    // Every file more than the window before this one must be done already.
                    std::lock_guard lock(done_mutex);
                    if (*index >= kAhead && !done[*index - kAhead]) window_broken = true;
                }
                if (random() % 8 == 0) std::this_thread::sleep_for(std::chrono::microseconds(random() % 300));
                FileOutput out = *index % 3 == 0 ? FileOutput{} : output_for(*index);
                {
                    std::lock_guard lock(done_mutex);
                    done[*index] = true;
                }
                delivery.complete(*index, std::move(out));
                ++delivered_or_done;
            }
        };
        std::vector<std::thread> threads;
        for (unsigned t = 0; t < 4; ++t) threads.emplace_back(work, t + 1);
        for (std::thread& t : threads) t.join();
        QCOMPARE(delivered_or_done.load(), kFiles);
        QVERIFY(!window_broken);
        std::vector<std::string> expected;
        for (std::size_t i = 0; i < kFiles; ++i) {
            if (i % 3 != 0) expected.push_back(std::to_string(i));
        }
        QCOMPARE(sink.events, expected);
    }
};

QTEST_GUILESS_MAIN(TestOrderedDelivery)
#include "test_ordered_delivery.moc"
