// Reading files the hybrid way, at its edges: binary files, empty and /proc files, a 64 MiB
// single line, FIFOs and devices, a mapped file that shrinks while it is scanned, the strategy
// chosen at each threshold edge, and the memory accounting of every buffer and mapping.
#include <QtTest>

#include <cstring>

#include <atomic>
#include <chrono>

#include <csignal>

#include <sys/wait.h>
#include <unistd.h>

#include "core/io/mapped_file.h"
#include "core/search/file_searcher.h"
#include "test_matchers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::testing;

namespace {

constexpr quint64 kHuge = quint64(1) << 40;

// Runs one FileSearcher over one path and destroys it again, like a worker at the end of a run.
struct OneFile {
    FileResult result;
    FileReport report;
};
OneFile search_one(const Matcher& matcher, const SearchOptions& options, MemoryMetrics& metrics, const std::string& path,
                   bool explicit_root = false, ReadSizes sizes = {}) {
    std::atomic<bool> stop{false};
    FileSearcher searcher(matcher, options, metrics, stop, sizes);
    OneFile out;
    out.report = searcher.search(path, explicit_root, out.result);
    return out;
}

SearchOptions with_thresholds(std::uint64_t small, std::uint64_t large) {
    SearchOptions options;
    options.processing.small_file_threshold = small;
    options.processing.large_file_threshold = large;
    return options;
}

// The shrink hook: test functions set the size to cut the file to before mapping it.
std::atomic<long long> g_shrink_to{-1};
void shrink_after_map(const std::string& path) {
    if (g_shrink_to >= 0 && ::truncate(path.c_str(), g_shrink_to.load()) != 0) qFatal("truncate failed");
}

}  // namespace

class TestFileSearcher : public QObject {
    Q_OBJECT
private slots:
    void binaryFilesAreSkipped_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<quint64>("small");
        QTest::addColumn<quint64>("large");
        const QByteArray lines = QByteArray("needle\n").repeated(160 * 1024);  // ~1.1 MiB
        QTest::newRow("NUL at start, whole") << QByteArray("\0needle\n", 8) << kHuge << kHuge;
        QTest::newRow("NUL at end, whole") << QByteArray("needle\n\0", 8) << kHuge << kHuge;
        QTest::newRow("NUL after 1 MiB, buffered") << lines + QByteArray("\0", 1) + "needle\n" << quint64(0) << kHuge;
        QTest::newRow("NUL after 1 MiB, mapped") << lines + QByteArray("\0", 1) + "needle\n" << quint64(0) << quint64(0);
    }
    void binaryFilesAreSkipped() {
        QFETCH(QByteArray, content);
        QFETCH(quint64, small);
        QFETCH(quint64, large);
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("bin"), content);
        MemoryMetrics metrics;
        SubstringMatcher matcher("needle");
        const OneFile one = search_one(matcher, with_thresholds(small, large), metrics, path);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Binary));
        QVERIFY(one.result.lines.empty());
        QCOMPARE(one.result.matched_lines, 0u);
        QCOMPARE(metrics.snapshot(false).total_allocated, 0u);
        QCOMPARE(metrics.snapshot(false).mmap_allocated, 0u);
    }

    void emptyFile_data() {
        QTest::addColumn<quint64>("small");
        QTest::addColumn<quint64>("large");
        QTest::newRow("defaults") << quint64(kDefaultSmallFileThreshold) << quint64(kDefaultLargeFileThreshold);
        QTest::newRow("buffered") << quint64(0) << kHuge;
        QTest::newRow("mapped") << quint64(0) << quint64(0);
    }
    void emptyFile() {
        QFETCH(quint64, small);
        QFETCH(quint64, large);
        TestTree tree;
        MemoryMetrics metrics;
        SubstringMatcher matcher("");  // would match every line, and there is none
        const OneFile one = search_one(matcher, with_thresholds(small, large), metrics, tree.write("empty", {}));
        QCOMPARE(int(one.report.outcome), int(FileOutcome::NoMatch));
        QVERIFY(one.report.error.empty());
        QVERIFY(one.result.lines.empty());
    }

    // /proc files report size 0 but have content: they are read until EOF.
    void procFileWithSizeZero() {
        MemoryMetrics metrics;
        SubstringMatcher matcher("Name");
        const OneFile one = search_one(matcher, SearchOptions{}, metrics, "/proc/self/status", true);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Matched));
        QCOMPARE(one.result.size, 0u);
        QCOMPARE(int(one.result.strategy), int(FileStrategy::Small));
        QCOMPARE(one.result.lines.size(), std::size_t(1));
        QCOMPARE(one.result.lines[0].number, 1u);
        QVERIFY(one.result.lines[0].text.starts_with("Name:"));
        QCOMPARE(metrics.snapshot(false).small_files_processed, 1u);
        QCOMPARE(metrics.snapshot(false).total_allocated, 0u);
    }

    void singleLineOf64MiB_data() {
        QTest::addColumn<quint64>("small");
        QTest::addColumn<quint64>("large");
        QTest::addColumn<int>("strategy");
        QTest::newRow("mapped (defaults)") << quint64(kDefaultSmallFileThreshold) << quint64(kDefaultLargeFileThreshold) << int(FileStrategy::Mmap);
        QTest::newRow("buffered") << quint64(kDefaultSmallFileThreshold) << kHuge << int(FileStrategy::Buffered);
        QTest::newRow("whole") << kHuge << kHuge << int(FileStrategy::Small);
    }
    void singleLineOf64MiB() {
        QFETCH(quint64, small);
        QFETCH(quint64, large);
        QFETCH(int, strategy);
        TestTree tree;
        constexpr qsizetype size = 64 * 1024 * 1024;
        QByteArray content(size, 'a');
        content.replace(size - 100, 6, "needle");
        const std::string path = tree.write(QStringLiteral("one-line"), content);
        content.clear();
        MemoryMetrics metrics;
        SubstringMatcher matcher("needle");
        QElapsedTimer timer;
        timer.start();
        const OneFile one = search_one(matcher, with_thresholds(small, large), metrics, path);
        qInfo("64 MiB single line: %lld ms", static_cast<long long>(timer.elapsed()));
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Matched));
        QCOMPARE(int(one.result.strategy), strategy);
        QCOMPARE(one.result.lines.size(), std::size_t(1));
        QCOMPARE(one.result.lines[0].number, 1u);
        QCOMPARE(one.result.lines[0].text.size(), std::size_t(size));
        QCOMPARE(one.result.lines[0].spans, (std::vector<MatchSpan>{{size - 100, size - 94}}));
        const MetricsSnapshot snapshot = metrics.snapshot(false);
        QCOMPARE(snapshot.total_allocated, 0u);
        QCOMPARE(snapshot.mmap_allocated, 0u);
        if (strategy != int(FileStrategy::Mmap)) QVERIFY(snapshot.peak_allocated >= quint64(size));
    }

    // Named explicitly, a FIFO must give an error at once, not wait for a writer.
    void fifoIsRefusedWithoutBlocking_data() {
        QTest::addColumn<bool>("explicitRoot");
        QTest::newRow("explicit root") << true;
        QTest::newRow("walked entry (replaced after listing)") << false;
    }
    void fifoIsRefusedWithoutBlocking() {
        QFETCH(bool, explicitRoot);
        TestTree tree;
        MemoryMetrics metrics;
        SubstringMatcher matcher("x");
        const OneFile one = search_one(matcher, SearchOptions{}, metrics, tree.fifo(QStringLiteral("pipe")), explicitRoot);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Error));
        QVERIFY2(one.report.error.find("FIFO") != std::string::npos, one.report.error.c_str());
    }

    void deviceNodeIsRefused() {
        MemoryMetrics metrics;
        SubstringMatcher matcher("");
        for (bool explicit_root : {true, false}) {
            const OneFile one = search_one(matcher, SearchOptions{}, metrics, "/dev/null", explicit_root);
            QCOMPARE(int(one.report.outcome), int(FileOutcome::Error));
            QVERIFY2(one.report.error.find("character device") != std::string::npos, one.report.error.c_str());
        }
    }

    void missingFileIsAnError() {
        MemoryMetrics metrics;
        SubstringMatcher matcher("x");
        const OneFile one = search_one(matcher, SearchOptions{}, metrics, "/nonexistent/codescout/file", true);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Error));
        QVERIFY(!one.report.error.empty());
    }

    // The file is cut right after it was mapped: reading the lost pages raises SIGBUS, which must
    // turn into an error for this file while the process lives on.
    void shrinkingMappedFile_data() {
        QTest::addColumn<qlonglong>("shrinkTo");
        QTest::addColumn<quint64>("window");
        QTest::newRow("to 0") << 0LL << quint64(ReadSizes{}.map_window);
        QTest::newRow("to 3 pages + 5, matches before the cut") << 12293LL << quint64(ReadSizes{}.map_window);
        QTest::newRow("to 3 pages + 5, small windows") << 12293LL << quint64(1000);
        QTest::newRow("to 4 pages, small windows") << 16384LL << quint64(1000);
    }
    void shrinkingMappedFile() {
        QFETCH(qlonglong, shrinkTo);
        QFETCH(quint64, window);
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("shrinks"), QByteArray("needle line\n").repeated(100000));
        MemoryMetrics metrics;
        SubstringMatcher matcher("needle");
        g_shrink_to = shrinkTo;
        set_after_map_hook(shrink_after_map);
        ReadSizes sizes;
        sizes.map_window = window;
        const OneFile one = search_one(matcher, with_thresholds(0, 0), metrics, path, false, sizes);
        set_after_map_hook(nullptr);
        g_shrink_to = -1;
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Error));
        QVERIFY2(one.report.error.find("changed during search") != std::string::npos, one.report.error.c_str());
        QVERIFY(one.result.lines.empty());
        QCOMPARE(metrics.snapshot(false).mmap_allocated, 0u);
        QCOMPARE(metrics.snapshot(false).total_allocated, 0u);

        // Still alive, and the next mapped file is searched normally.
        const std::string other = tree.write(QStringLiteral("fine"), "a\nneedle\n");
        const OneFile next = search_one(matcher, with_thresholds(0, 0), metrics, other);
        QCOMPARE(int(next.report.outcome), int(FileOutcome::Matched));
        QCOMPARE(int(next.result.strategy), int(FileStrategy::Mmap));
        QCOMPARE(next.result.lines.size(), std::size_t(1));
        QCOMPARE(next.result.lines[0].number, 2u);
    }

    // A SIGBUS outside the guarded scan is not swallowed: a child that touches a cut mapping
    // without the guard still dies of it.
    void sigbusOutsideGuardStillKills() {
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("cut"), QByteArray(3 * 4096, 'x'));
        // Install the handler by running one guarded mapped search first.
        MemoryMetrics metrics;
        SubstringMatcher matcher("x");
        search_one(matcher, with_thresholds(0, 0), metrics, path);
        qInfo("a child process now dies of SIGBUS on purpose (a crash message from it is expected)");
        const pid_t child = ::fork();
        if (child == 0) {
            FILE* f = std::fopen(path.c_str(), "r");
            MappedFile mapping = MappedFile::map(::fileno(f), 3 * 4096, metrics);
            if (::truncate(path.c_str(), 0) != 0) ::_exit(3);
            volatile char c = mapping.bytes()[8192];
            (void)c;
            ::_exit(0);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        // Killed by SIGBUS, or (under a sanitizer, whose own handler reports it) exited non-zero
        // or aborted (the asan preset sets abort_on_error=1).
        if (WIFSIGNALED(status)) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
            QVERIFY2(WTERMSIG(status) == SIGBUS || WTERMSIG(status) == SIGABRT, strsignal(WTERMSIG(status)));
#else
            QCOMPARE(WTERMSIG(status), SIGBUS);
#endif
        } else {
            QVERIFY(WIFEXITED(status));
            QVERIFY(WEXITSTATUS(status) != 0);
        }
    }

    // The seed's counters at each threshold edge, with the default thresholds.
    void strategyAtThresholdEdges_data() {
        QTest::addColumn<quint64>("size");
        QTest::addColumn<int>("strategy");
        QTest::newRow("small-1") << quint64(kDefaultSmallFileThreshold - 1) << int(FileStrategy::Small);
        QTest::newRow("small") << quint64(kDefaultSmallFileThreshold) << int(FileStrategy::Buffered);
        QTest::newRow("large-1") << quint64(kDefaultLargeFileThreshold - 1) << int(FileStrategy::Buffered);
        QTest::newRow("large") << quint64(kDefaultLargeFileThreshold) << int(FileStrategy::Mmap);
    }
    void strategyAtThresholdEdges() {
        QFETCH(quint64, size);
        QFETCH(int, strategy);
        TestTree tree;
        QByteArray content = QByteArray("line of text\n").repeated(qsizetype(size / 13 + 1)).left(qsizetype(size));
        content[content.size() - 1] = '\n';
        content.replace(content.size() - 8, 7, "needle!");
        const std::string path = tree.write(QStringLiteral("edge"), content);
        MemoryMetrics metrics;
        SubstringMatcher matcher("needle");
        const OneFile one = search_one(matcher, SearchOptions{}, metrics, path);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Matched));
        QCOMPARE(int(one.result.strategy), strategy);
        QCOMPARE(one.result.size, size);
        const MetricsSnapshot s = metrics.snapshot(false);
        QCOMPARE(s.small_files_processed, quint64(strategy == int(FileStrategy::Small)));
        QCOMPARE(s.buffered_files_processed, quint64(strategy == int(FileStrategy::Buffered)));
        QCOMPARE(s.mmap_files_processed, quint64(strategy == int(FileStrategy::Mmap)));
        QCOMPARE(s.total_allocated, 0u);
        QCOMPARE(s.mmap_allocated, 0u);
        // The buffer each strategy allocates shows in the peak (mappings are not allocations).
        if (strategy == int(FileStrategy::Small)) QVERIFY(s.peak_allocated >= size);
        if (strategy == int(FileStrategy::Buffered)) QVERIFY(s.peak_allocated >= ReadSizes{}.chunk);
    }

    void mappingIsAccountedWhileItExists() {
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("m"), QByteArray(10000, 'x'));
        static MemoryMetrics metrics;
        static std::atomic<quint64> seen{0};
        set_after_map_hook([](const std::string&) { seen = metrics.snapshot(false).mmap_allocated; });
        SubstringMatcher matcher("y");
        search_one(matcher, with_thresholds(0, 0), metrics, path);
        set_after_map_hook(nullptr);
        QCOMPARE(seen.load(), quint64(10000));
        QCOMPARE(metrics.snapshot(false).mmap_allocated, 0u);
    }

    void tooLargeFilesAreNotRead() {
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("big"), QByteArray("needle\n").repeated(100));
        MemoryMetrics metrics;
        SubstringMatcher matcher("needle");
        SearchOptions options;
        options.processing.max_file_size = 699;
        QCOMPARE(int(search_one(matcher, options, metrics, path).report.outcome), int(FileOutcome::TooLarge));
        QCOMPARE(metrics.snapshot(false).small_files_processed, 0u);
        options.processing.max_file_size = 700;
        QCOMPARE(int(search_one(matcher, options, metrics, path).report.outcome), int(FileOutcome::Matched));
    }

    void matchLimitBecomesAFileError() {
        TestTree tree;
        const std::string bad = tree.write(QStringLiteral("bad"), "needle BOOM\n");
        const std::string good = tree.write(QStringLiteral("good"), "needle\n");
        MemoryMetrics metrics;
        LimitedMatcher matcher("needle", "BOOM");
        std::atomic<bool> stop{false};
        SearchOptions options;
        for (auto thresholds : {std::pair<quint64, quint64>{kHuge, kHuge}, {0, kHuge}, {0, 0}}) {
            options.processing.small_file_threshold = thresholds.first;
            options.processing.large_file_threshold = thresholds.second;
            FileSearcher searcher(matcher, options, metrics, stop);
            FileResult bad_result;
            const FileReport report = searcher.search(bad, false, bad_result);
            QCOMPARE(int(report.outcome), int(FileOutcome::Error));
            QVERIFY2(report.error.find("backtracking limit") != std::string::npos, report.error.c_str());
            FileResult good_result;
            QCOMPARE(int(searcher.search(good, false, good_result).outcome), int(FileOutcome::Matched));
        }
        QCOMPARE(metrics.snapshot(false).mmap_allocated, 0u);
    }

    void stopFlagAbandonsALargeFile_data() {
        QTest::addColumn<quint64>("large");
        QTest::newRow("buffered") << kHuge;
        QTest::newRow("mapped") << quint64(0);
    }
    void stopFlagAbandonsALargeFile() {
        QFETCH(quint64, large);
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("f"), QByteArray("needle\n").repeated(100000));
        MemoryMetrics metrics;
        SubstringMatcher matcher("needle");
        std::atomic<bool> stop{true};
        const SearchOptions options = with_thresholds(0, large);
        FileSearcher searcher(matcher, options, metrics, stop);
        FileResult result;
        QCOMPARE(int(searcher.search(path, false, result).outcome), int(FileOutcome::Stopped));
        QVERIFY(result.lines.empty());
    }

    // -l stops reading at the first match: with the match in the first chunk, later chunks
    // (here: a NUL that would make the file binary) are never read.
    void filesWithMatchesStopsAtFirstMatch() {
        TestTree tree;
        const std::string path =
            tree.write(QStringLiteral("f"), "needle\n" + QByteArray("x\n").repeated(300000) + QByteArray("\0", 1));
        MemoryMetrics metrics;
        SubstringMatcher matcher("needle");
        SearchOptions options = with_thresholds(0, kHuge);
        options.report.mode = ReportMode::FilesWithMatches;
        const OneFile one = search_one(matcher, options, metrics, path);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Matched));
        QCOMPARE(one.result.matched_lines, 1u);
        QVERIFY(one.report.bytes_searched <= ReadSizes{}.chunk);
    }
};

QTEST_GUILESS_MAIN(TestFileSearcher)
#include "test_file_searcher.moc"
