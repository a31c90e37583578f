// Reading files the hybrid way, at its edges: binary files (walked and named, NULs early and
// late), empty and /proc files, a 64 MiB single line, FIFOs and devices (refused when walked,
// read as streams when named), a mapped file that shrinks while it is scanned, the strategy
// chosen at each threshold edge, and the memory accounting of every buffer and mapping. CTest
// runs it twice: with an fstat per file (the GUI's way), and as test_file_searcher_without_fstat
// with CODESCOUT_TEST_WITHOUT_FSTAT set (the CLI's way, where a short first read tells a walked
// file's size: FileRun::run_unsized); batches of walked files (open_batch) are compared with the
// one-by-one way. Two processes, as the SIGBUS guard's handler must outlive
// the test run that installed it.
#include <QtTest>

#include <cstring>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <csignal>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/io/mapped_file.h"
#include "cli/rg_compat/rg_binary_policy.h"
#include "core/search/file_searcher.h"
#include "core/walk/read_semantics.h"
#include "test_matchers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::testing;

namespace {

constexpr quint64 kHuge = quint64(1) << 40;

// The second run (see the header): walked files are searched without their fstat, as the CLI
// does, wherever their directory's file system allows it.
const bool g_unsized = qEnvironmentVariableIsSet("CODESCOUT_TEST_WITHOUT_FSTAT");

// What the walker would say about `path`'s directory (WalkEntry::short_read_is_end).
bool short_read_is_end_for(const std::string& path) {
    const std::string::size_type slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool answer = short_read_means_end(fd);
    ::close(fd);
    return answer;
}

// Runs one FileSearcher over one path and destroys it again, like a worker at the end of a run.
struct OneFile {
    FileResult result;
    FileReport report;
};
// With ripgrep's binary policy; a named input is read as rg reads one of a few named files
// (mapped) unless `named_mode` says otherwise.
OneFile search_input(const Matcher& matcher, const SearchOptions& options, MemoryMetrics& metrics,
                     const std::string& path, InputSpec input, ReadSizes sizes = {},
                     RgBinaryMode named_mode = RgBinaryMode::ConvertSlice) {
    std::atomic<bool> stop{false};
    SearchOptions used = options;
    if (g_unsized) {
        used.processing.record_mtime = false;
        input.short_read_is_end = !input.named() && short_read_is_end_for(path);
    }
    const RgBinaryPolicy policy(named_mode, used.report);
    FileSearcher searcher(matcher, used, policy, metrics, stop, sizes);
    OneFile out;
    out.report = searcher.search(path, input, out.result);
    return out;
}
OneFile search_one(const Matcher& matcher, const SearchOptions& options, MemoryMetrics& metrics, const std::string& path,
                   bool named = false, ReadSizes sizes = {}) {
    return search_input(matcher, options, metrics, path, InputSpec{named ? InputOrigin::Named : InputOrigin::Walked},
                        sizes);
}

// Writes `content` into the FIFO at `path` from another thread (opening it blocks until the
// reader comes); join() waits for it.
class FifoWriter {
public:
    FifoWriter(std::string path, QByteArray content)
        : thread_([path = std::move(path), content = std::move(content)] {
              const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
              if (fd < 0) return;
              qsizetype done = 0;
              while (done < content.size()) {
                  const ssize_t n = ::write(fd, content.constData() + done, static_cast<std::size_t>(content.size() - done));
                  if (n <= 0) break;
                  done += n;
              }
              ::close(fd);
          }) {}
    ~FifoWriter() { join(); }
    void join() {
        if (thread_.joinable()) thread_.join();
    }

private:
    std::thread thread_;
};

// rg's cut for a file of equal lines of `line` bytes (no context, not stdin): reads of 3 bytes,
// then up to 64 KiB from the start of the unfinished line; the lines of every read before the
// one holding the NUL are searched. Written independently of RgFillModel, for this shape only.
std::uint64_t rg_cut_for_equal_lines(std::uint64_t line, std::uint64_t nul) {
    std::uint64_t searched = 0;
    std::uint64_t read_end = 3;
    while (read_end <= nul) {
        const std::uint64_t lines_end = read_end / line * line;
        if (lines_end > searched) searched = lines_end;
        read_end = searched + 64 * 1024;
    }
    return searched;
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
        QTest::newRow("NUL in the first 64 KiB, buffered") << QByteArray("needle\n").repeated(9000) + QByteArray("\0", 1) << quint64(0) << kHuge;
        QTest::newRow("NUL in the first 64 KiB, mapped") << QByteArray("needle\n").repeated(9000) + QByteArray("\0", 1) << quint64(0) << quint64(0);
        QTest::newRow("NUL after 1 MiB, no match before") << QByteArray("hay\n").repeated(300000) + QByteArray("\0", 1) + "needle\n" << quint64(0) << kHuge;
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

    // A file read in the ranges a gate proved (line_ranges.h): only their lines are searched,
    // with the whole file's line numbers and byte offsets; the file counts as searched whole. A
    // file that is not the one the ranges were proven for (another mtime here), and a mode that
    // needs other lines (context), are read whole.
    void rangesAloneAreSearched() {
        TestTree tree;
        QByteArray content;
        std::vector<std::uint64_t> starts;  // of each line
        for (int i = 1; i <= 300; ++i) {
            starts.push_back(static_cast<std::uint64_t>(content.size()));
            content += "line " + QByteArray::number(i) + (i % 50 == 0 ? " needle\n" : " hay\n");
        }
        const std::string path = tree.write(QStringLiteral("big.c"), content);
        struct stat st {};
        QVERIFY(::stat(path.c_str(), &st) == 0);
        const auto ns = [](const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; };
        LineRanges ranges;
        // Lines 40-60 (holding line 50's needle) and 140-160 (line 150's); not 100, 200, 250, 300.
        ranges.ranges = {LineRange{starts[39], starts[60], 40}, LineRange{starts[139], starts[160], 140}};
        ranges.size = static_cast<std::uint64_t>(st.st_size);
        ranges.mtime_ns = ns(st.st_mtim);
        ranges.ctime_ns = ns(st.st_ctim);
        ranges.inode = st.st_ino;
        ranges.device = st.st_dev;
        SubstringMatcher matcher("needle");
        for (const bool lines : {true, false}) {
            MemoryMetrics metrics;
            SearchOptions options;
            if (!lines) options.report.mode = ReportMode::Count;
            InputSpec input{InputOrigin::Walked};
            input.ranges = &ranges;
            const OneFile one = search_input(matcher, options, metrics, path, input);
            QCOMPARE(int(one.report.outcome), int(FileOutcome::Matched));
            QCOMPARE(one.report.bytes_searched, ranges.size);
            QCOMPARE(one.result.matched_lines, 2u);
            if (!lines) continue;
            QCOMPARE(one.result.lines.size(), std::size_t(2));
            QCOMPARE(one.result.lines[0].number, 50u);
            QCOMPARE(one.result.lines[0].byte_offset, starts[49]);
            QCOMPARE(one.result.lines[1].number, 150u);
            QCOMPARE(one.result.lines[1].byte_offset, starts[149]);
        }
        MemoryMetrics metrics;
        InputSpec input{InputOrigin::Walked};
        input.ranges = &ranges;
        SearchOptions context;
        context.report.after_context = 1;
        QCOMPARE(search_input(matcher, context, metrics, path, input).result.matched_lines, 6u);
        LineRanges other = ranges;
        other.mtime_ns += 1;
        input.ranges = &other;
        QCOMPARE(search_input(matcher, SearchOptions{}, metrics, path, input).result.matched_lines, 6u);
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
        QVERIFY(std::ranges::equal(one.result.lines[0].spans, std::vector<MatchSpan>{{size - 100, size - 94}}));
        const MetricsSnapshot snapshot = metrics.snapshot(false);
        QCOMPARE(snapshot.total_allocated, 0u);
        QCOMPARE(snapshot.mmap_allocated, 0u);
        if (strategy != int(FileStrategy::Mmap)) QVERIFY(snapshot.peak_allocated >= quint64(size));
    }

    // A walked entry that turned into a FIFO after it was listed gives an error at once: a walk
    // never waits for a writer.
    void walkedFifoIsRefusedWithoutBlocking() {
        TestTree tree;
        MemoryMetrics metrics;
        SubstringMatcher matcher("x");
        const OneFile one = search_one(matcher, SearchOptions{}, metrics, tree.fifo(QStringLiteral("pipe")), false);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Error));
        QVERIFY2(one.report.error.find("FIFO") != std::string::npos, one.report.error.c_str());
    }

    // Named explicitly, a FIFO is read as a stream until EOF (as rg does), in chunks, and counted
    // as a buffered file; every buffer is released afterwards.
    void explicitFifoIsReadAsAStream_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("matches");
        QTest::newRow("short") << QByteArray("a needle\nb\nneedle c") << 2;
        QTest::newRow("longer than a chunk") << QByteArray("hay\nneedle\n").repeated(100000) << 100000;
    }
    void explicitFifoIsReadAsAStream() {
        QFETCH(QByteArray, content);
        QFETCH(int, matches);
        TestTree tree;
        const std::string fifo = tree.fifo(QStringLiteral("pipe"));
        MemoryMetrics metrics;
        metrics.set_thresholds(kDefaultSmallFileThreshold, kDefaultLargeFileThreshold);
        SubstringMatcher matcher("needle");
        FifoWriter writer(fifo, content);
        ReadSizes sizes;
        sizes.chunk = 4096;
        const OneFile one = search_input(matcher, SearchOptions{}, metrics, fifo, InputSpec{InputOrigin::Named}, sizes,
                                         RgBinaryMode::ConvertStream);
        writer.join();
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Matched));
        QCOMPARE(one.result.matched_lines, quint64(matches));
        QCOMPARE(one.report.bytes_searched, quint64(content.size()));
        QCOMPARE(int(one.result.strategy), int(FileStrategy::Buffered));
        const MetricsSnapshot snapshot = metrics.snapshot(false);
        QCOMPARE(snapshot.buffered_files_processed, 1u);
        QCOMPARE(snapshot.total_allocated, 0u);
        QVERIFY(snapshot.peak_allocated >= 4096u);
    }

    void deviceNode() {
        MemoryMetrics metrics;
        SubstringMatcher matcher("");
        // Walked: refused without being opened.
        const OneFile walked = search_one(matcher, SearchOptions{}, metrics, "/dev/null", false);
        QCOMPARE(int(walked.report.outcome), int(FileOutcome::Error));
        QVERIFY2(walked.report.error.find("character device") != std::string::npos, walked.report.error.c_str());
        // Named: read as a stream, which is empty.
        const OneFile named = search_one(matcher, SearchOptions{}, metrics, "/dev/null", true);
        QCOMPARE(int(named.report.outcome), int(FileOutcome::NoMatch));
        QCOMPARE(named.report.bytes_searched, 0u);
    }

    // A walked file whose first NUL comes after rg's first 64 KiB read: the matches rg searched
    // before the read holding the NUL are kept, with a note; the same through every strategy.
    void lateNulKeepsWhatRgSearched_data() {
        QTest::addColumn<quint64>("small");
        QTest::addColumn<quint64>("large");
        QTest::addColumn<qsizetype>("nul");
        for (const qsizetype nul : {qsizetype(70000), qsizetype(131070), qsizetype(1146880)}) {
            QTest::addRow("whole, NUL at %lld", static_cast<long long>(nul)) << kHuge << kHuge << nul;
            QTest::addRow("buffered, NUL at %lld", static_cast<long long>(nul)) << quint64(0) << kHuge << nul;
            QTest::addRow("mapped, NUL at %lld", static_cast<long long>(nul)) << quint64(0) << quint64(0) << nul;
        }
    }
    void lateNulKeepsWhatRgSearched() {
        QFETCH(quint64, small);
        QFETCH(quint64, large);
        QFETCH(qsizetype, nul);
        QByteArray content = QByteArray("needle\n").repeated(nul / 7 + 20000);
        content[nul] = '\0';
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("late"), content);
        MemoryMetrics metrics;
        SubstringMatcher matcher("needle");
        ReadSizes sizes;
        sizes.chunk = 10000;  // chunk and window ends away from rg's 64 KiB reads
        sizes.map_window = 30000;
        const OneFile one = search_one(matcher, with_thresholds(small, large), metrics, path, false, sizes);
        const std::uint64_t cut = rg_cut_for_equal_lines(7, static_cast<std::uint64_t>(nul));
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Matched));
        QCOMPARE(int(one.result.binary.action), int(BinaryAction::Stopped));
        QCOMPARE(one.result.binary.nul_offset, quint64(nul));
        QCOMPARE(one.result.matched_lines, cut / 7);
        QCOMPARE(quint64(one.result.lines.size()), cut / 7);
        QCOMPARE(one.result.lines.back().byte_offset + 7, cut);
        QCOMPARE(metrics.snapshot(false).total_allocated, 0u);
        QCOMPARE(metrics.snapshot(false).mmap_allocated, 0u);

        // Counting, rg prints nothing for such a file: it is skipped as binary.
        SearchOptions count = with_thresholds(small, large);
        count.report.mode = ReportMode::Count;
        QCOMPARE(int(search_one(matcher, count, metrics, path, false, sizes).report.outcome), int(FileOutcome::Binary));
    }

    // -l (or -m) satisfied by a match that rg would only reach in the read holding the NUL: rg
    // quits before searching that read, so the file is binary, even though codescout's chunk or
    // window ended between the match and the NUL.
    void earlyStopInTheReadWithTheNul_data() {
        QTest::addColumn<quint64>("small");
        QTest::addColumn<quint64>("large");
        QTest::addColumn<int>("mode");
        for (const int mode : {int(ReportMode::FilesWithMatches), int(ReportMode::Lines)}) {
            const char* name = mode == int(ReportMode::Lines) ? "-m1" : "-l";
            QTest::addRow("buffered, %s", name) << quint64(0) << kHuge << mode;
            QTest::addRow("mapped, %s", name) << quint64(0) << quint64(0) << mode;
        }
    }
    void earlyStopInTheReadWithTheNul() {
        QFETCH(quint64, small);
        QFETCH(quint64, large);
        QFETCH(int, mode);
        // 4-byte lines: rg's second read is [65536, 131072). Match at 100000, chunk/window end at
        // 100004 (25000 lines), NUL at 120000.
        QByteArray content = QByteArray("hay\n").repeated(50000);
        content.replace(100000, 3, "ndl");
        content[120000] = '\0';
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("split"), content);
        MemoryMetrics metrics;
        SubstringMatcher matcher("ndl");
        SearchOptions options = with_thresholds(small, large);
        options.report.mode = static_cast<ReportMode>(mode);
        options.report.max_count = 1;
        ReadSizes sizes;
        sizes.chunk = 100004;
        sizes.map_window = 100004;
        const OneFile one = search_one(matcher, options, metrics, path, false, sizes);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Binary));
        // Without the NUL the same search finds the match.
        content[120000] = 'x';
        tree.write(QStringLiteral("split"), content);
        QCOMPARE(int(search_one(matcher, options, metrics, path, false, sizes).report.outcome), int(FileOutcome::Matched));
    }

    // Named explicitly, a binary file is searched: as text when rg would map it (a NUL in the
    // first 64 KiB noted before any line), with NULs as line ends when rg would stream it (a
    // stream-mode NUL in a mapped file is read again in chunks).
    void explicitBinaryFile_data() {
        QTest::addColumn<quint64>("small");
        QTest::addColumn<quint64>("large");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QList<quint64>>("lineNumbers");
        const QList<quint64> slice{1, 2};
        const QList<quint64> stream{1, 3};
        const std::pair<const char*, std::pair<quint64, quint64>> modes[] = {
            {"whole", {kHuge, kHuge}}, {"buffered", {0, kHuge}}, {"mapped", {0, 0}}};
        for (const auto& [name, thresholds] : modes) {
            QTest::addRow("%s, mapped by rg", name) << thresholds.first << thresholds.second << false << slice;
            QTest::addRow("%s, streamed by rg", name) << thresholds.first << thresholds.second << true << stream;
        }
    }
    void explicitBinaryFile() {
        QFETCH(quint64, small);
        QFETCH(quint64, large);
        QFETCH(bool, stream);
        QFETCH(QList<quint64>, lineNumbers);
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("data.bin"), QByteArray("foo\0bar\nfoo\n", 12));
        MemoryMetrics metrics;
        SubstringMatcher matcher("foo");
        const OneFile one = search_input(matcher, with_thresholds(small, large), metrics, path, InputSpec{InputOrigin::Named},
                                         {}, stream ? RgBinaryMode::ConvertStream : RgBinaryMode::ConvertSlice);
        QCOMPARE(int(one.report.outcome), int(FileOutcome::Matched));
        QCOMPARE(int(one.result.binary.action), int(BinaryAction::SearchedThrough));
        QCOMPARE(one.result.binary.nul_offset, 3u);
        QCOMPARE(one.result.binary.text_end, 0u);  // rg prints no line, only its note
        QList<quint64> numbers;
        for (const LineRecord& line : one.result.lines) numbers.push_back(line.number);
        QCOMPARE(numbers, lineNumbers);
        QCOMPARE(one.result.lines.front().text, stream ? std::string("foo") : std::string("foo\0bar", 7));
        QCOMPARE(metrics.snapshot(false).total_allocated, 0u);
        QCOMPARE(metrics.snapshot(false).mmap_allocated, 0u);
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

    // A SIGBUS outside any watched mapping is not swallowed: a child that touches a cut mapping
    // it made itself (not through MappedFile) still dies of it, with the handler installed.
    void sigbusOutsideWatchedMappingStillKills() {
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("cut"), QByteArray(3 * 4096, 'x'));
        // Install the handler by running one watched mapped search first.
        MemoryMetrics metrics;
        SubstringMatcher matcher("x");
        QCOMPARE(int(search_one(matcher, with_thresholds(0, 0), metrics, path).report.outcome), int(FileOutcome::Matched));
        qInfo("a child process now dies of SIGBUS on purpose (a crash message from it is expected)");
        const pid_t child = ::fork();
        if (child == 0) {
            const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
            void* mapping = ::mmap(nullptr, 3 * 4096, PROT_READ, MAP_PRIVATE, fd, 0);
            if (mapping == MAP_FAILED || ::truncate(path.c_str(), 0) != 0) ::_exit(3);
            volatile char c = static_cast<const char*>(mapping)[8192];
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
            FileSearcher searcher(matcher, options, *default_binary_policy(), metrics, stop);
            FileResult bad_result;
            const FileReport report = searcher.search(bad, InputSpec{}, bad_result);
            QCOMPARE(int(report.outcome), int(FileOutcome::Error));
            QVERIFY2(report.error.find("backtracking limit") != std::string::npos, report.error.c_str());
            FileResult good_result;
            QCOMPARE(int(searcher.search(good, InputSpec{}, good_result).outcome), int(FileOutcome::Matched));
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
        FileSearcher searcher(matcher, options, *default_binary_policy(), metrics, stop);
        FileResult result;
        QCOMPARE(int(searcher.search(path, InputSpec{}, result).outcome), int(FileOutcome::Stopped));
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

    // Without the fstat, a file is read once up to the small-file threshold; one that fills that
    // read goes on with its strategy from where the read stopped (whole, buffered) or is mapped.
    // Whatever the sizes, the results equal those of the fstat-first way, byte for byte.
    void unsizedReadMatchesStatFirst_data() {
        QTest::addColumn<quint64>("small");
        QTest::addColumn<quint64>("large");
        QTest::addColumn<qsizetype>("size");
        QTest::addColumn<int>("strategy");
        for (const qsizetype size : {qsizetype(0), qsizetype(1), qsizetype(99), qsizetype(100), qsizetype(101), qsizetype(4000)}) {
            const int whole = size < 100 ? int(FileStrategy::Small) : int(FileStrategy::Buffered);
            QTest::addRow("small 100, size %lld", static_cast<long long>(size)) << quint64(100) << kHuge << size << whole;
            if (size >= 100) {
                QTest::addRow("small 100, mapped, size %lld", static_cast<long long>(size)) << quint64(100) << quint64(100) << size << int(FileStrategy::Mmap);
            }
        }
        // A small-file threshold above the first read's 1 MiB: the rest is read into the same buffer.
        QTest::newRow("small 2 MiB, size 1.5 MiB") << quint64(2 << 20) << kHuge << qsizetype(3 << 19) << int(FileStrategy::Small);
        QTest::newRow("small 2 MiB, size 1 MiB") << quint64(2 << 20) << kHuge << qsizetype(1 << 20) << int(FileStrategy::Small);
    }
    void unsizedReadMatchesStatFirst() {
        QFETCH(quint64, small);
        QFETCH(quint64, large);
        QFETCH(qsizetype, size);
        QFETCH(int, strategy);
        TestTree tree;
        // Lines of varied length, a match in each of several, none ending the file.
        QByteArray content;
        for (int i = 0; content.size() < size; ++i) content += (i % 3 == 0 ? "a needle " : "hay ") + QByteArray::number(i) + "\n";
        content.truncate(size);
        const std::string path = tree.write(QStringLiteral("f"), content);
        QVERIFY(short_read_is_end_for(path));  // the test tree is on tmpfs or a local disk
        SubstringMatcher matcher("needle");
        ReadSizes sizes;
        sizes.chunk = 64;  // chunk ends everywhere, also inside the head
        sizes.map_window = 128;
        std::atomic<bool> stop{false};
        const RgBinaryPolicy policy(RgBinaryMode::ConvertSlice, SearchOptions{}.report);
        auto search = [&](bool record_mtime, MemoryMetrics& metrics, FileReport& report) {
            SearchOptions options = with_thresholds(small, large);
            options.processing.record_mtime = record_mtime;
            FileSearcher searcher(matcher, options, policy, metrics, stop, sizes);
            InputSpec input{InputOrigin::Walked};
            input.short_read_is_end = true;
            FileResult result;
            report = searcher.search(path, input, result);
            return result;
        };
        MemoryMetrics stat_metrics, unsized_metrics;
        FileReport stat_report, unsized_report;
        const FileResult with_stat = search(true, stat_metrics, stat_report);
        const FileResult unsized = search(false, unsized_metrics, unsized_report);
        QCOMPARE(int(unsized.strategy), strategy);
        QCOMPARE(int(with_stat.strategy), strategy);
        QCOMPARE(int(unsized_report.outcome), int(stat_report.outcome));
        QCOMPARE(unsized_report.bytes_searched, quint64(size));
        QCOMPARE(stat_report.bytes_searched, quint64(size));
        QCOMPARE(unsized.size, quint64(size));
        QCOMPARE(unsized.matched_lines, with_stat.matched_lines);
        QCOMPARE(unsized.lines.size(), with_stat.lines.size());
        for (std::size_t i = 0; i < unsized.lines.size(); ++i) {
            QCOMPARE(unsized.lines[i].number, with_stat.lines[i].number);
            QCOMPARE(unsized.lines[i].byte_offset, with_stat.lines[i].byte_offset);
            QCOMPARE(unsized.lines[i].text, with_stat.lines[i].text);
            QVERIFY(std::ranges::equal(unsized.lines[i].spans, with_stat.lines[i].spans));
        }
        QVERIFY(with_stat.mtime_ns != 0);
        QCOMPARE(unsized.mtime_ns, std::int64_t(0));  // nobody asked for it, no fstat gave it
        QCOMPARE(unsized_metrics.snapshot(false).total_allocated, 0u);
    }

    // A batch (FileSearcher::open_batch, search_batched): files around the batch's read size, a
    // name gone since the listing and a directory swapped in give the same results and errors as
    // searching them one by one, with the batch's reads and without, whatever the threshold.
    void batchedSearchMatchesOneByOne_data() {
        QTest::addColumn<quint64>("small");
        QTest::addColumn<bool>("batchReads");
        for (const bool reads : {true, false}) {
            QTest::addRow("small default, batch reads %d", int(reads)) << quint64(kDefaultSmallFileThreshold) << reads;
            QTest::addRow("small 2 MiB, batch reads %d", int(reads)) << quint64(2 << 20) << reads;
        }
    }
    void batchedSearchMatchesOneByOne() {
        QFETCH(quint64, small);
        QFETCH(bool, batchReads);
        TestTree tree;
        const qsizetype k = qsizetype(FileSearcher::kBatchRead);
        std::vector<std::string> names;
        for (const qsizetype size : {qsizetype(0), qsizetype(1), k - 1, k, k + 1, qsizetype(40000), 3 * k, qsizetype(300000)}) {
            QByteArray content;
            for (int i = 0; content.size() < size; ++i) content += (i % 5 == 0 ? "a needle " : "hay ") + QByteArray::number(i) + "\n";
            content.truncate(size);
            names.push_back("f" + std::to_string(size));
            tree.write(QString::fromStdString(names.back()), content);
        }
        names.push_back("gone");
        tree.write(QStringLiteral("dir/x"), "needle\n");
        names.push_back("dir");
        const std::string root = tree.root();
        QVERIFY(short_read_is_end_for(root + "/f1"));
        const int dir_fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(dir_fd >= 0);
        SubstringMatcher matcher("needle");
        SearchOptions options = with_thresholds(small, kHuge);
        options.processing.record_mtime = false;
        std::atomic<bool> stop{false};
        const RgBinaryPolicy policy(RgBinaryMode::ConvertSlice, options.report);
        MemoryMetrics metrics;
        FileSearcher batched(matcher, options, policy, metrics, stop);
        batched.set_batch_reads(batchReads);
        FileSearcher single(matcher, options, policy, metrics, stop);
        std::vector<const char*> raw;
        std::vector<InputSpec> inputs;
        for (const auto& name : names) {
            raw.push_back(name.c_str());
            inputs.push_back(InputSpec{InputOrigin::Walked, dir_fd, name.c_str(), true});
        }
        QVERIFY(batched.opens_unsized(inputs.front()));
        batched.open_batch(dir_fd, raw);
        for (std::size_t i = 0; i < names.size(); ++i) {
            const std::string path = root + "/" + names[i];
            FileResult one, many;
            const FileReport alone = single.search(path, inputs[i], one);
            const FileReport batch = batched.search_batched(i, path, inputs[i], many);
            QCOMPARE(int(batch.outcome), int(alone.outcome));
            QCOMPARE(batch.error, alone.error);
            QCOMPARE(batch.bytes_searched, alone.bytes_searched);
            QCOMPARE(int(many.strategy), int(one.strategy));
            QCOMPARE(many.size, one.size);
            QCOMPARE(many.matched_lines, one.matched_lines);
            QCOMPARE(many.lines.size(), one.lines.size());
            for (std::size_t l = 0; l < many.lines.size(); ++l) {
                QCOMPARE(many.lines[l].number, one.lines[l].number);
                QCOMPARE(many.lines[l].text, one.lines[l].text);
            }
        }
        ::close(dir_fd);
    }

    // A walked name that is a directory by the time it is opened (swapped in after the listing):
    // the failed read is checked with fstat and reported as rg would, not as a read error.
    void unsizedDirectoryIsRefused() {
        TestTree tree;
        const std::string dir = tree.write(QStringLiteral("sub/f"), "x\n");
        const std::string sub = dir.substr(0, dir.rfind('/'));
        MemoryMetrics metrics;
        SubstringMatcher matcher("x");
        SearchOptions options;
        options.processing.record_mtime = false;
        std::atomic<bool> stop{false};
        FileSearcher searcher(matcher, options, *default_binary_policy(), metrics, stop);
        InputSpec input{InputOrigin::Walked};
        input.short_read_is_end = true;
        FileResult result;
        const FileReport report = searcher.search(sub, input, result);
        QCOMPARE(int(report.outcome), int(FileOutcome::Error));
        QCOMPARE(report.error, std::string("is a directory"));
    }
};

QTEST_GUILESS_MAIN(TestFileSearcher)
#include "test_file_searcher.moc"
