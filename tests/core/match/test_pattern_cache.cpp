// PatternCache: hits and misses, keys that tell every option apart, LRU eviction, errors not
// cached, clear, and concurrent use -- each checked against the MemoryMetrics it reports to.
#include <QtTest>

#include <thread>

#include "core/match/pattern_cache.h"
#include "match_test_util.h"

using namespace codescout;
using codescout::test::pattern_options;

class TestPatternCache : public QObject {
    Q_OBJECT
private slots:
    void hitReturnsTheSameMatcher() {
        PatternCache cache;
        MemoryMetrics metrics;
        const auto first = cache.get(pattern_options({"foo"}, ""), metrics);
        const auto again = cache.get(pattern_options({"foo"}, ""), metrics);
        QCOMPARE(again.get(), first.get());
        const auto other = cache.get(pattern_options({"ba+r"}, ""), metrics);
        QVERIFY(other.get() != first.get());
        const auto s = metrics.snapshot(false);
        QCOMPARE(s.cache_hits, 1u);
        QCOMPARE(s.cache_misses, 2u);
        QCOMPARE(cache.size(), std::size_t{2});
        QCOMPARE(cache.bytes(), first->memory_bytes() + other->memory_bytes());
        QCOMPARE(s.cache_size, std::uint64_t{cache.bytes()});
    }

    // Option sets that differ in one field (or only in how the pattern text is split) must not
    // share an entry.
    void everyOptionIsPartOfTheKey() {
        PatternCache cache;
        MemoryMetrics metrics;
        const std::vector<PatternOptions> distinct{
            pattern_options({"ab"}, ""),      pattern_options({"a", "b"}, ""), pattern_options({"a|", "b"}, ""),
            pattern_options({"a", "|b"}, ""), pattern_options({"ab"}, "F"),    pattern_options({"ab"}, "i"),
            pattern_options({"ab"}, "S"),     pattern_options({"ab"}, "w"),    pattern_options({"ab"}, "wj"),
            pattern_options({"ab"}, "x"),     pattern_options({"ab", ""}, ""), pattern_options({"", "ab"}, ""),
        };
        for (const PatternOptions& options : distinct) cache.get(options, metrics);
        QCOMPARE(cache.size(), distinct.size());
        QCOMPARE(metrics.snapshot(false).cache_misses, distinct.size());
        for (const PatternOptions& options : distinct) cache.get(options, metrics);
        QCOMPARE(metrics.snapshot(false).cache_hits, distinct.size());
    }

    void evictsLeastRecentlyUsed() {
        PatternCache cache(2);
        MemoryMetrics metrics;
        const auto a = cache.get(pattern_options({"aaa"}, ""), metrics);
        const auto b = cache.get(pattern_options({"b+"}, ""), metrics);
        cache.get(pattern_options({"aaa"}, ""), metrics);  // a is now the most recent
        const auto c = cache.get(pattern_options({"c[cd]"}, "i"), metrics);
        QCOMPARE(cache.size(), std::size_t{2});
        QCOMPARE(cache.bytes(), a->memory_bytes() + c->memory_bytes());
        QCOMPARE(metrics.snapshot(false).cache_size, std::uint64_t{cache.bytes()});
        QCOMPARE(cache.get(pattern_options({"aaa"}, ""), metrics).get(), a.get());  // still cached
        const auto b_again = cache.get(pattern_options({"b+"}, ""), metrics);      // was evicted
        QVERIFY(b_again.get() != b.get());
        const auto s = metrics.snapshot(false);
        QCOMPARE(s.cache_hits, 2u);
        QCOMPARE(s.cache_misses, 4u);
        QCOMPARE(s.cache_size, std::uint64_t{cache.bytes()});
        QCOMPARE(cache.bytes(), a->memory_bytes() + b_again->memory_bytes());
    }

    void invalidPatternIsNotCached() {
        PatternCache cache;
        MemoryMetrics metrics;
        cache.get(pattern_options({"ok"}, ""), metrics);
        const std::uint64_t size_before = metrics.snapshot(false).cache_size;
        for (int i = 0; i < 2; ++i) {
            QVERIFY_THROWS_EXCEPTION(PatternError, cache.get(pattern_options({"ok", "(bad"}, ""), metrics));
        }
        QCOMPARE(cache.size(), std::size_t{1});
        QCOMPARE(metrics.snapshot(false).cache_size, size_before);
        QCOMPARE(metrics.snapshot(false).cache_misses, 3u);
    }

    void clearReleasesTheBytes() {
        PatternCache cache;
        MemoryMetrics metrics;
        cache.get(pattern_options({"one"}, ""), metrics);
        cache.get(pattern_options({"tw+o"}, ""), metrics);
        QVERIFY(metrics.snapshot(false).cache_size > 0);
        cache.clear(metrics);
        const auto s = metrics.snapshot(false);
        QCOMPARE(s.cache_size, 0u);
        QCOMPARE(cache.size(), std::size_t{0});
        QCOMPARE(cache.bytes(), std::size_t{0});
        QCOMPARE(s.cache_hits + s.cache_misses, 2u);  // clearing is not a lookup
    }

    void zeroCapacityCachesNothing() {
        PatternCache cache(0);
        MemoryMetrics metrics;
        const auto m = cache.get(pattern_options({"x"}, ""), metrics);
        QVERIFY(m != nullptr);
        QCOMPARE(cache.size(), std::size_t{0});
        QCOMPARE(metrics.snapshot(false).cache_size, 0u);
    }

    // Several threads asking for overlapping option sets through a small cache: every lookup is
    // counted once, and the metrics' size always ends equal to the cache's own.
    void concurrentUse() {
        PatternCache cache(4);
        MemoryMetrics metrics;
        constexpr int kThreads = 4;
        constexpr int kLookups = 150;
        std::vector<std::thread> threads;
        std::atomic<int> mismatches{0};
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kLookups; ++i) {
                    const int which = (i * 7 + t) % 10;
                    const QByteArray text = "w" + QByteArray::number(which) + (which % 2 ? "x" : "");
                    const QByteArray pattern = which % 2 ? "w" + QByteArray::number(which) + "+x" : text;
                    const auto matcher = cache.get(pattern_options({pattern}, which % 3 ? "" : "i"), metrics);
                    const std::string haystack = "a " + text.toStdString() + " b";
                    auto scratch = matcher->make_scratch();
                    if (!matcher->find(haystack, 0, *scratch)) mismatches.fetch_add(1);
                }
            });
        }
        for (auto& thread : threads) thread.join();
        const auto s = metrics.snapshot(false);
        QCOMPARE(mismatches.load(), 0);
        QCOMPARE(s.cache_hits + s.cache_misses, std::uint64_t{kThreads * kLookups});
        QVERIFY(s.cache_misses >= 10u);
        QVERIFY(cache.size() <= 4u);
        QCOMPARE(s.cache_size, std::uint64_t{cache.bytes()});
    }
};

QTEST_GUILESS_MAIN(TestPatternCache)
#include "test_pattern_cache.moc"
