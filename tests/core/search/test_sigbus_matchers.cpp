// A mapped file that shrinks while it is scanned, under every kind of matcher the engine builds
// (literal packed pair, Teddy, PCRE2 alone, PCRE2 behind RE2's DFA), each taken from a
// PatternCache: the file is reported as changed, and the same cached matcher then searches again
// without hanging, on the thread that faulted and on another. The fault inside RE2's DFA itself.
// Then a bounded race: files shrink and grow in one thread while two others search them.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include <re2/re2.h>

#include "core/io/mapped_file.h"
#include "core/match/pattern_cache.h"
#include "cli/rg_compat/rg_binary_policy.h"
#include "core/search/file_searcher.h"
#include "test_tree.h"

using namespace codescout;

namespace {

// Lines no pattern below matches; the marker line matches all of them: "zebrafish" (packed
// pair), "quokkas" (Teddy, with zebrafish), "77777777" ((\d)\1{7}, PCRE2 alone: RE2 has no
// back-references), "zebra fish quokk" (\w{5}\s+\w{4}\s+\w{5}, through RE2's DFA).
const QByteArray kFiller = "ab cd ef gh ij kl mn op\n";
const QByteArray kMarker = "zebrafish quokkas 77777777 zebra fish quokk\n";
constexpr qsizetype kFillerLines = 100000;  // 2.4 MB
constexpr std::uint64_t kMapFrom = 1 << 20;  // the mmap threshold of these searches

// Marker, filler, marker: matches on line 1 and on the last line, nothing between.
QByteArray file_content() { return kMarker + kFiller.repeated(kFillerLines) + kMarker; }
constexpr std::uint64_t kLastLine = kFillerLines + 2;

SearchOptions mapping_options() {
    SearchOptions options;
    options.processing.small_file_threshold = 4096;
    options.processing.large_file_threshold = kMapFrom;
    return options;
}

// One window for the whole file: no newline search at a window end reads ahead of the matcher.
ReadSizes one_window() {
    ReadSizes sizes;
    sizes.map_window = std::size_t(1) << 30;
    return sizes;
}

PatternOptions pattern(const QByteArrayList& patterns) {
    PatternOptions options;
    for (const QByteArray& p : patterns) options.patterns.push_back(p.toStdString());
    return options;
}

std::atomic<long long> g_cut_to{-1};
void cut_after_map(const std::string& path) {
    if (g_cut_to >= 0 && ::truncate(path.c_str(), g_cut_to.load()) != 0) qFatal("truncate failed");
}

struct Searched {
    FileReport report;
    FileResult result;
};

// Named explicitly (rg's ConvertSlice): only the first 64 KiB are looked at for a NUL before the
// matcher runs, so past them the matcher is the first to read the mapping.
Searched search_file(const Matcher& matcher, const std::string& path, MemoryMetrics& metrics) {
    const SearchOptions options = mapping_options();
    std::atomic<bool> stop{false};
    const RgBinaryPolicy policy(RgBinaryMode::ConvertSlice, options.report);
    FileSearcher searcher(matcher, options, policy, metrics, stop, one_window());
    Searched out;
    out.report = searcher.search(path, InputSpec{InputOrigin::Named}, out.result);
    return out;
}

// Runs `work` on a new thread; a hang (a lock left held) ends the test run instead of blocking it.
template <typename Work>
auto within_deadline(Work work, std::chrono::seconds limit) {
    std::packaged_task<decltype(work())()> task(std::move(work));
    auto result = task.get_future();
    std::thread thread(std::move(task));
    if (result.wait_for(limit) != std::future_status::ready) qFatal("no result within the deadline: a hang");
    thread.join();
    return result.get();
}

}  // namespace

class TestSigbusMatchers : public QObject {
    Q_OBJECT

private slots:
    void shrinkUnderEveryMatcherThenReuseIt_data() {
        QTest::addColumn<QByteArrayList>("patterns");
        QTest::addColumn<QByteArray>("kind");  // what describe() must hold
        QTest::addColumn<qlonglong>("cutTo");
        struct Kind {
            const char* name;
            QByteArrayList patterns;
            const char* kind;
        };
        const Kind kinds[] = {
            {"packed pair", {"zebrafish"}, "packed-pair"},
            {"teddy", {"zebrafish", "quokkas"}, "teddy"},
            {"pcre2", {"(\\d)\\1{7}"}, "pcre2 "},
            {"pcre2 behind re2", {"\\w{5}\\s+\\w{4}\\s+\\w{5}"}, "prefiltered re2:"},
        };
        for (const Kind& kind : kinds) {
            // Past the first 64 KiB and inside a page: the matcher reads zeros to the page end,
            // then faults on the next page.
            QTest::addRow("%s, cut at 300 KB", kind.name) << kind.patterns << QByteArray(kind.kind) << 300007LL;
            // Everything gone: the first read of the mapping faults.
            QTest::addRow("%s, cut to 0", kind.name) << kind.patterns << QByteArray(kind.kind) << 0LL;
        }
    }
    void shrinkUnderEveryMatcherThenReuseIt() {
        QFETCH(QByteArrayList, patterns);
        QFETCH(QByteArray, kind);
        QFETCH(qlonglong, cutTo);
        TestTree tree;
        const std::string shrinks = tree.write(QStringLiteral("shrinks"), file_content());
        const std::string intact = tree.write(QStringLiteral("intact"), file_content());
        MemoryMetrics metrics;
        PatternCache cache;
        const std::shared_ptr<const Matcher> matcher = cache.get(pattern(patterns), metrics);
        QVERIFY2(matcher->describe().find(kind.toStdString()) != std::string::npos, matcher->describe().c_str());

        g_cut_to = cutTo;
        set_after_map_hook(cut_after_map);
        const Searched cut = search_file(*matcher, shrinks, metrics);
        set_after_map_hook(nullptr);
        g_cut_to = -1;
        QCOMPARE(int(cut.result.strategy), int(FileStrategy::Mmap));
        QCOMPARE(int(cut.report.outcome), int(FileOutcome::Error));
        QVERIFY2(cut.report.error.find("changed during search") != std::string::npos, cut.report.error.c_str());
        QVERIFY(cut.result.lines.empty());
        QCOMPARE(metrics.snapshot(false).mmap_allocated, 0u);

        // The same cached matcher (and its RE2 / PCRE2 state), here and on another thread.
        const std::shared_ptr<const Matcher> again = cache.get(pattern(patterns), metrics);
        QCOMPARE(again.get(), matcher.get());
        const auto check = [&](const Searched& next) {
            QCOMPARE(int(next.report.outcome), int(FileOutcome::Matched));
            QCOMPARE(int(next.result.strategy), int(FileStrategy::Mmap));
            QCOMPARE(next.result.lines.size(), std::size_t(2));
            QCOMPARE(next.result.lines[0].number, 1u);
            QCOMPARE(next.result.lines[1].number, kLastLine);
        };
        check(within_deadline([&] { return search_file(*again, intact, metrics); }, std::chrono::seconds(60)));
        check(search_file(*again, intact, metrics));
    }

    // In the searcher, the RE2 prefilter's ASCII check reads each window before RE2 does, so only
    // a race makes RE2 the first to touch a vanished page (the crash of issue 11). Here RE2 reads
    // a cut mapping first: it must return normally over the zeros, and the same RE2 object then
    // match on another thread and on this one. A jump out of the DFA left its cache lock held.
    void faultInsideRe2LeavesItUsable() {
        TestTree tree;
        const QByteArray filler = kFiller.repeated(kFillerLines);
        const std::string path = tree.write(QStringLiteral("filler"), filler);
        const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
        QVERIFY(fd >= 0);
        MemoryMetrics metrics;
        {
            MappedFile mapping = MappedFile::map(fd, std::uint64_t(filler.size()), metrics);
            QVERIFY(mapping.valid());
            QCOMPARE(::ftruncate(fd, 300007), 0);
            const re2::RE2 re("\\w{5}\\s+\\w{4}\\s+\\w{5}");
            QVERIFY(re.ok());
            // RE2 takes absl::string_view, which Debian's abseil does not alias to std::string_view.
            const absl::string_view bytes(mapping.bytes().data(), mapping.bytes().size());
            QVERIFY(!re2::RE2::PartialMatch(bytes, re));
            QVERIFY(mapping.truncated());
            const std::string marker = kMarker.toStdString();
            QVERIFY(within_deadline([&] { return re2::RE2::PartialMatch(marker, re); }, std::chrono::seconds(60)));
            QVERIFY(re2::RE2::PartialMatch(marker, re));
            QVERIFY(!re2::RE2::PartialMatch(bytes, re));  // over the zeros again, without a fault
        }
        ::close(fd);
        QCOMPARE(metrics.snapshot(false).mmap_allocated, 0u);
    }

    // Files shrink and grow at random while two threads search them with every cached matcher.
    // Whatever a search sees, it must end, and any error must be the "changed" one.
    void shrinkAndGrowWhileSearching() {
        TestTree tree;
        const QByteArray content = file_content();
        std::vector<std::string> paths;
        for (int i = 0; i < 3; ++i) paths.push_back(tree.write(QStringLiteral("file%1").arg(i), content));
        MemoryMetrics metrics;
        PatternCache cache;
        std::vector<std::shared_ptr<const Matcher>> matchers;
        for (const QByteArrayList& patterns : {QByteArrayList{"zebrafish"}, QByteArrayList{"zebrafish", "quokkas"},
                                               QByteArrayList{"(\\d)\\1{7}"}, QByteArrayList{"\\w{5}\\s+\\w{4}\\s+\\w{5}"}}) {
            matchers.push_back(cache.get(pattern(patterns), metrics));
        }

        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
        std::atomic<bool> done{false};
        std::thread mutator([&] {
            std::mt19937 random(11);
            std::uniform_int_distribution<qsizetype> size(0, content.size());
            while (!done.load()) {
                const std::string& path = paths[random() % paths.size()];
                const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
                if (fd < 0) qFatal("open failed");
                // Shrink, let the readers run into it, then grow back to the whole content.
                if (::ftruncate(fd, size(random)) != 0) qFatal("ftruncate failed");
                std::this_thread::sleep_for(std::chrono::microseconds(200 + random() % 800));
                if (::pwrite(fd, content.constData(), std::size_t(content.size()), 0) != content.size()) qFatal("pwrite failed");
                ::close(fd);
            }
        });
        std::atomic<int> searches{0}, changed{0}, bad{0};
        std::string bad_message;
        std::mutex bad_mutex;
        const auto searcher = [&](unsigned seed) {
            std::mt19937 random(seed);
            while (std::chrono::steady_clock::now() < deadline) {
                const Matcher& matcher = *matchers[random() % matchers.size()];
                const std::string& path = paths[random() % paths.size()];
                const bool named = random() % 2 == 0;  // both binary modes: named and walked
                const SearchOptions options = mapping_options();
                std::atomic<bool> stop{false};
                ReadSizes sizes;
                sizes.map_window = 64 * 1024;
                // Both binary modes: named (rg's ConvertSlice, the matcher reads first) and walked
                // (rg's Quit, every block is looked at for a NUL first).
                const RgBinaryPolicy policy(RgBinaryMode::ConvertSlice, options.report);
                FileSearcher file_searcher(matcher, options, policy, metrics, stop, sizes);
                FileResult result;
                const FileReport report = file_searcher.search(
                    path, InputSpec{named ? InputOrigin::Named : InputOrigin::Walked}, result);
                ++searches;
                if (report.outcome != FileOutcome::Error) continue;
                if (report.error.find("changed during search") != std::string::npos) {
                    ++changed;
                    continue;
                }
                ++bad;
                std::lock_guard lock(bad_mutex);
                bad_message = report.error;
            }
        };
        within_deadline(
            [&] {
                std::thread first(searcher, 1u);
                std::thread second(searcher, 2u);
                first.join();
                second.join();
                return 0;
            },
            std::chrono::seconds(120));
        done = true;
        mutator.join();
        qInfo("%d searches, %d saw their file shrink under the mapping", searches.load(), changed.load());
        QVERIFY2(bad.load() == 0, bad_message.c_str());
        QVERIFY(searches.load() > 0);

        // Every cached matcher still works after whatever happened to it.
        for (const auto& matcher : matchers) {
            const Searched after = within_deadline([&] { return search_file(*matcher, paths[0], metrics); },
                                                   std::chrono::seconds(60));
            QCOMPARE(int(after.report.outcome), int(FileOutcome::Matched));
            QCOMPARE(after.result.lines.size(), std::size_t(2));
        }
        QCOMPARE(metrics.snapshot(false).mmap_allocated, 0u);
    }
};

QTEST_GUILESS_MAIN(TestSigbusMatchers)
#include "test_sigbus_matchers.moc"
