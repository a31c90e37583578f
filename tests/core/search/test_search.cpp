// The Search orchestrator with the real walker and matchers: summary counts, fail-fast errors,
// explicit roots that are not regular files, memory accounting across a run and across
// concurrent runs, cancellation from another thread and a sink that says stop.
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/search/search.h"
#include "test_tree.h"

using namespace codescout;

namespace {

class CollectingSink : public ResultSink {
public:
    bool on_file(FileResult&& result) override {
        std::lock_guard lock(mutex);
        files.push_back(std::move(result));
        return accept_after < 0 || static_cast<long>(files.size()) < accept_after;
    }
    void on_error(const SearchError& error) override {
        std::lock_guard lock(mutex);
        errors.push_back(error);
    }
    const FileResult* find(const std::string& suffix) const {
        for (const FileResult& f : files) {
            if (f.path.ends_with(suffix)) return &f;
        }
        return nullptr;
    }
    std::mutex mutex;
    std::vector<FileResult> files;
    std::vector<SearchError> errors;
    long accept_after = -1;  // on_file returns false once this many files arrived (-1: never)
};

// Holds every worker that delivers a file until open() is called: the search cannot finish
// before then, whatever the machine's speed.
class GateSink : public ResultSink {
public:
    bool on_file(FileResult&&) override {
        std::unique_lock lock(mutex_);
        arrived_ = true;
        changed_.notify_all();
        changed_.wait(lock, [this] { return open_; });
        return true;
    }
    void on_error(const SearchError&) override {}
    // True once a worker is held in on_file; false if none came within `bound`.
    bool wait_for_first_file(std::chrono::seconds bound) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, bound, [this] { return arrived_; });
    }
    void open() {
        std::lock_guard lock(mutex_);
        open_ = true;
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool arrived_ = false;
    bool open_ = false;
};

// Keeps what on_file_read_whole() hands over (a copy: the bytes live only during the call).
class WholeFileSink : public ResultSink {
public:
    struct Whole {
        std::string bytes;
        std::int64_t mtime_ns = 0;
    };
    bool on_file(FileResult&& result) override {
        std::lock_guard lock(mutex);
        unshared.push_back(result.path);
        return true;
    }
    bool on_file_read_whole(FileResult&& result, std::string_view bytes, std::int64_t mtime_ns) override {
        std::lock_guard lock(mutex);
        whole[result.path] = Whole{std::string(bytes), mtime_ns};
        return true;
    }
    void on_error(const SearchError&) override {}
    std::mutex mutex;
    std::map<std::string, Whole> whole;
    std::vector<std::string> unshared;
};

std::int64_t mtime_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return -1;
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

SearchOptions options_for(std::vector<std::filesystem::path> roots, std::string pattern, unsigned threads = 2) {
    SearchOptions options;
    options.walk.roots = std::move(roots);
    options.pattern.patterns = {std::move(pattern)};
    options.threads = threads;
    return options;
}

// A line as a stream got it, copied (the stream's views die with the call).
struct StreamedLine {
    OwnedLine line;
    bool terminated = true;
};

// Lets every file stream; calls lines final up to where the last block it saw began.
class StreamingPolicy final : public BinaryPolicy {
public:
    std::unique_ptr<BinaryCheck> check_for(const InputSpec&) const override { return std::make_unique<Check>(); }

private:
    class Check final : public BinaryCheck {
    public:
        BlockVerdict inspect(std::string_view, std::uint64_t offset) override {
            last_block_ = offset;
            return {};
        }
        bool wants_more(const ScanEnd&) const override { return false; }
        void settle(const ScanEnd&, FileResult&, bool&) override {}
        bool lines_may_stream() const override { return true; }
        std::uint64_t final_before() const override { return last_block_; }

    private:
        std::uint64_t last_block_ = 0;
    };
};

// Takes every file's lines as a stream, copied as they come.
class StreamingSink : public ResultSink {
public:
    class Stream final : public LineStream {
    public:
        void line(const LineRecord& line, bool terminated) override {
            QVERIFY(line.byte_offset >= final_ || lines.empty());  // never behind what was final before
            lines.push_back({OwnedLine{line.number, line.byte_offset, std::string(line.text),
                                       std::vector<MatchSpan>(line.spans.begin(), line.spans.end()), line.is_context},
                             terminated});
        }
        void final_before(std::uint64_t offset) override {
            QVERIFY(offset >= final_);  // only ever grows
            final_ = offset;
        }
        TakenBack take_back_from(std::uint64_t) override { return {}; }
        std::size_t held_bytes() const override { return 0; }
        std::vector<StreamedLine> lines;
        std::uint64_t final_ = 0;
    };
    bool on_file(FileResult&& result) override {
        std::lock_guard lock(mutex);
        files.push_back(std::move(result));
        return true;
    }
    void on_error(const SearchError&) override {}
    std::shared_ptr<LineStream> open_stream(const std::string&, TurnGate*) override { return std::make_shared<Stream>(); }
    std::mutex mutex;
    std::vector<FileResult> files;
};

}  // namespace

class TestSearch : public QObject {
    Q_OBJECT
private slots:
    void summaryCountsEveryOutcome_data() {
        QTest::addColumn<unsigned>("threads");
        QTest::newRow("1 thread") << 1u;
        QTest::newRow("2 threads") << 2u;
        QTest::newRow("8 threads") << 8u;
    }
    void summaryCountsEveryOutcome() {
        QFETCH(unsigned, threads);
        TestTree tree;
        tree.write(QStringLiteral("a.txt"), "needle one\nnothing\nneedle two needle\n");
        tree.write(QStringLiteral("sub/b.txt"), "nothing here\n");
        tree.write(QStringLiteral("sub/c.txt"), "last needle");
        tree.write(QStringLiteral("bin.dat"), QByteArray("needle\0", 7));
        tree.write(QStringLiteral("big.txt"), QByteArray("needle\n").repeated(1000));
        tree.write(QStringLiteral(".hidden.txt"), "needle\n");
        tree.write(QStringLiteral(".ignore"), "skipped.txt\n");
        tree.write(QStringLiteral("skipped.txt"), "needle\n");
        SearchOptions options = options_for({tree.root()}, "needle", threads);
        options.processing.max_file_size = 1000;
        Search search(options);
        CollectingSink sink;
        const SearchSummary summary = search.run(sink);

        QCOMPARE(summary.files_matched, 2u);
        QCOMPARE(summary.files_searched, 3u);  // a, b, c (not the binary, too large, hidden or ignored ones)
        QCOMPARE(summary.matched_lines, 3u);
        QCOMPARE(summary.matches, 4u);
        QCOMPARE(summary.skipped.binary, 1u);
        QCOMPARE(summary.skipped.too_large, 1u);
        QVERIFY(summary.skipped.hidden >= 1);
        QVERIFY(summary.skipped.ignored >= 1);
        QCOMPARE(summary.skipped.errors, 0u);
        QVERIFY(!summary.cancelled);
        QVERIFY(sink.errors.empty());
        QCOMPARE(sink.files.size(), std::size_t(2));
        const FileResult* a = sink.find("a.txt");
        QVERIFY(a);
        QCOMPARE(a->lines.size(), std::size_t(2));
        QCOMPARE(a->lines[1].number, 3u);
        QVERIFY(std::ranges::equal(a->lines[1].spans, std::vector<MatchSpan>{{0, 6}, {11, 17}}));
        const FileResult* c = sink.find("c.txt");
        QVERIFY(c);
        QCOMPARE(c->lines[0].text, std::string("last needle"));
        QCOMPARE(summary.bytes_searched, quint64(37 + 13 + 11));

        const SearchProgress progress = search.progress();
        QCOMPARE(progress.files_searched, summary.files_searched);
        QCOMPARE(progress.files_matched, summary.files_matched);
        QCOMPARE(progress.matches, summary.matches);
        QCOMPARE(progress.bytes_searched, summary.bytes_searched);
    }

    // ProcessingOptions::share_whole_files: a matching file read whole reaches the sink with its
    // every byte as read (a UTF-8 BOM included) and its mtime; one read in chunks does not, nor
    // does any file without the option. Each way of opening a walked file: with an fstat first
    // (record_mtime), unsized, and in batches.
    void matchingFilesReadWholeAreShared_data() {
        QTest::addColumn<bool>("record_mtime");
        QTest::addColumn<int>("mode");
        QTest::newRow("fstat first, -l") << true << int(ReportMode::FilesWithMatches);
        QTest::newRow("unsized or batched, -l") << false << int(ReportMode::FilesWithMatches);
        QTest::newRow("unsized or batched, lines") << false << int(ReportMode::Lines);
    }
    void matchingFilesReadWholeAreShared() {
        QFETCH(bool, record_mtime);
        QFETCH(int, mode);
        TestTree tree;
        const std::string a = tree.write(QStringLiteral("a.txt"), "one needle\ntwo\n");
        const std::string bom = tree.write(QStringLiteral("sub/bom.txt"), "\xEF\xBB\xBFneedle first\n");
        // Over the small-file threshold (32 KiB): read in chunks.
        const std::string big = tree.write(QStringLiteral("big.txt"), QByteArray("needle\n").repeated(6000));
        tree.write(QStringLiteral("none.txt"), "nothing\n");
        for (const bool share : {true, false}) {
            SearchOptions options = options_for({tree.root()}, "needle");
            options.report.mode = static_cast<ReportMode>(mode);
            options.processing.record_mtime = record_mtime;
            options.processing.share_whole_files = share;
            Search search(options);
            WholeFileSink sink;
            search.run(sink);
            if (!share) {
                QVERIFY(sink.whole.empty());
                QCOMPARE(sink.unshared.size(), std::size_t(3));
                continue;
            }
            QCOMPARE(sink.whole.size(), std::size_t(2));
            QCOMPARE(sink.whole.at(a).bytes, std::string("one needle\ntwo\n"));
            QCOMPARE(sink.whole.at(a).mtime_ns, mtime_of(a));
            QCOMPARE(sink.whole.at(bom).bytes, std::string("\xEF\xBB\xBFneedle first\n"));
            QCOMPARE(sink.whole.at(bom).mtime_ns, mtime_of(bom));
            QCOMPARE(sink.unshared, std::vector<std::string>{big});
        }
    }

    void failsFastBeforeTouchingFiles() {
        TestTree tree;
        QVERIFY_THROWS_EXCEPTION(PatternError, Search(options_for({tree.root()}, "(unclosed")));
        SearchOptions thresholds = options_for({tree.root()}, "x");
        thresholds.processing.small_file_threshold = 100;
        thresholds.processing.large_file_threshold = 99;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Search{thresholds});
        SearchOptions glob = options_for({tree.root()}, "x");
        glob.walk.globs = {"a[b"};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Search{glob});
    }

    // Roots named explicitly that are not regular files are read as streams, as rg does (a FIFO
    // with its writer, a device); a FIFO met during a walk is skipped as special, never opened.
    void explicitSpecialRoots() {
        TestTree tree;
        const std::string fifo = tree.fifo(QStringLiteral("pipe"));
        tree.fifo(QStringLiteral("dir/walked_pipe"));
        tree.write(QStringLiteral("dir/g.txt"), "Name in a walked file\n");
        const std::string file = tree.write(QStringLiteral("f.txt"), "Name in a file\n");
        std::thread writer([fifo] {
            const int fd = ::open(fifo.c_str(), O_WRONLY | O_CLOEXEC);
            if (fd < 0) return;
            const char text[] = "Name in a FIFO\n";
            [[maybe_unused]] const ssize_t written = ::write(fd, text, sizeof text - 1);
            ::close(fd);
        });
        Search search(options_for({fifo, "/dev/null", file, "/proc/self/status", tree.path(QStringLiteral("dir"))}, "Name"));
        CollectingSink sink;
        const SearchSummary summary = search.run(sink);
        writer.join();
        QCOMPARE(summary.files_matched, 4u);
        QVERIFY(sink.find("f.txt"));
        QVERIFY(sink.find("g.txt"));
        const FileResult* from_fifo = sink.find("pipe");
        QVERIFY(from_fifo);
        QCOMPARE(from_fifo->lines[0].text, std::string("Name in a FIFO"));
        const FileResult* proc = sink.find("/proc/self/status");
        QVERIFY(proc);
        QVERIFY(proc->lines[0].text.starts_with("Name:"));
        QCOMPARE(summary.files_searched, 5u);  // with /dev/null
        QCOMPARE(summary.skipped.special, 1u);  // the walked FIFO
        QCOMPARE(summary.skipped.errors, 0u);
    }

    // "-" is standard input only when the caller says so (the CLI); otherwise it is a path.
    void dashIsAPathUnlessAskedFor() {
        TestTree tree;
        const QByteArray cwd = QDir::currentPath().toLocal8Bit();
        QVERIFY(QDir::setCurrent(QString::fromStdString(tree.root())));
        tree.write(QStringLiteral("-"), "Name in a file called -\n");
        Search search(options_for({"-"}, "Name"));
        CollectingSink sink;
        const SearchSummary summary = search.run(sink);
        QVERIFY(QDir::setCurrent(QString::fromLocal8Bit(cwd)));
        QCOMPARE(summary.files_matched, 1u);
        QCOMPARE(sink.files.at(0).path, std::string("-"));
    }

    void metricsReturnToZeroAndCountStrategies() {
        TestTree tree;
        auto sized = [](int size) {
            QByteArray content = QByteArray("needle\n").repeated(size / 7 + 1).left(size);
            content[size - 1] = '\n';
            return content;
        };
        tree.write(QStringLiteral("s99"), sized(99));
        tree.write(QStringLiteral("b100"), sized(100));
        tree.write(QStringLiteral("b999"), sized(999));
        tree.write(QStringLiteral("m1000"), sized(1000));
        tree.write(QStringLiteral("buffered-big"), sized(600 * 1000));
        auto metrics = std::make_shared<MemoryMetrics>();
        metrics->record_allocation(12345);  // left over from "an earlier search": reset by run()
        SearchOptions options = options_for({tree.root()}, "needle");
        options.processing.small_file_threshold = 100;
        options.processing.large_file_threshold = 1000;
        Search search(options, metrics);
        CollectingSink sink;
        const SearchSummary summary = search.run(sink);
        QCOMPARE(summary.files_matched, 5u);
        QCOMPARE(summary.metrics.small_files_processed, 1u);
        QCOMPARE(summary.metrics.buffered_files_processed, 2u);
        QCOMPARE(summary.metrics.mmap_files_processed, 2u);
        QCOMPARE(summary.metrics.total_allocated, 0u);
        QCOMPARE(summary.metrics.mmap_allocated, 0u);
        QCOMPARE(summary.metrics.small_file_threshold, 100u);
        QCOMPARE(summary.metrics.large_file_threshold, 1000u);
        QVERIFY(summary.metrics.peak_allocated >= 256u * 1024u);  // a chunk buffer
        QVERIFY(summary.metrics.resident_bytes > 0);
        QCOMPARE(metrics->snapshot(false).total_allocated, 0u);
        QVERIFY(metrics->snapshot(false).cache_misses >= 1);
    }

    // Several searches at once sharing one MemoryMetrics and one PatternCache (the GUI's case);
    // meant for the tsan preset as much as for the counts.
    void concurrentSearchesShareMetrics() {
        TestTree tree;
        for (int i = 0; i < 40; ++i) {
            tree.write(QStringLiteral("d%1/f%2.txt").arg(i % 4).arg(i), QByteArray("x needle y\n").repeated(50 * (i + 1)));
        }
        auto metrics = std::make_shared<MemoryMetrics>();
        auto cache = std::make_shared<PatternCache>();
        std::vector<std::thread> runners;
        std::atomic<int> wrong{0};
        for (int r = 0; r < 4; ++r) {
            runners.emplace_back([&, r] {
                SearchOptions options = options_for({tree.root()}, r % 2 ? "needle" : "ne+dle", 2);
                options.processing.small_file_threshold = 1000;
                options.processing.large_file_threshold = 5000;
                Search search(options, metrics, cache);
                CollectingSink sink;
                const SearchSummary summary = search.run(sink);
                if (summary.files_matched != 40 || summary.matched_lines != 50u * 40u * 41u / 2u) ++wrong;
            });
        }
        for (auto& t : runners) t.join();
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(metrics->snapshot(false).total_allocated, 0u);
        QCOMPARE(metrics->snapshot(false).mmap_allocated, 0u);
        QCOMPARE(cache->size(), std::size_t(2));
    }

    void sinkReturningFalseStops() {
        TestTree tree;
        for (int i = 0; i < 300; ++i) tree.write(QStringLiteral("f%1.txt").arg(i), "needle\n");
        Search search(options_for({tree.root()}, "needle", 2));
        CollectingSink sink;
        sink.accept_after = 1;
        const SearchSummary summary = search.run(sink);
        QVERIFY(!summary.cancelled);
        // Each worker may finish the file it is on: at most one more per thread.
        QVERIFY2(sink.files.size() <= 2, qPrintable(QString::number(sink.files.size())));
        QVERIFY(summary.files_searched < 300);
    }

    // in_path_order: files found by four threads in any order reach the sink in rg's sorted
    // order (roots as given, then component-wise), with an unreadable file's error in its turn;
    // a sink that stops still stops it.
    void inPathOrderDeliversSortedFiles() {
        TestTree tree;
        for (int d = 0; d < 6; ++d) {
            for (int f = 0; f < 40; ++f) {
                tree.write(QStringLiteral("first/d%1/f%2.txt").arg(d).arg(f, 2, 10, QLatin1Char('0')), "needle\n");
            }
        }
        tree.write(QStringLiteral("first/a-b/x.txt"), "needle\n");  // after "a/", not before it
        tree.write(QStringLiteral("first/a/x.txt"), "needle\n");
        tree.write(QStringLiteral("second/x.txt"), "needle\n");
        tree.write(QStringLiteral("first/locked.txt"), "needle\n");
        const std::string root = tree.root();
        QVERIFY(::chmod((root + "/first/locked.txt").c_str(), 0) == 0);
        const bool root_reads_anything = ::access((root + "/first/locked.txt").c_str(), R_OK) == 0;
        SearchOptions options = options_for({root + "/second", root + "/first"}, "needle", 4);
        options.in_path_order = true;
        Search search(options);
        CollectingSink sink;
        const SearchSummary summary = search.run(sink);
        std::vector<std::string> paths;
        for (const FileResult& f : sink.files) paths.push_back(f.path.substr(root.size()));
        QCOMPARE(paths.size(), std::size_t(6 * 40 + 3 + (root_reads_anything ? 1 : 0)));
        QCOMPARE(paths[0], std::string("/second/x.txt"));  // the roots in the order given
        QCOMPARE(paths[1], std::string("/first/a/x.txt"));
        QCOMPARE(paths[2], std::string("/first/a-b/x.txt"));
        QCOMPARE(paths[3], std::string("/first/d0/f00.txt"));
        QVERIFY(std::is_sorted(paths.begin() + 3, paths.end()));  // from d0/ on, bytes order is the order
        QCOMPARE(summary.files_matched, std::uint64_t(paths.size()));
        if (!root_reads_anything) {
            QCOMPARE(sink.errors.size(), std::size_t(1));
            QVERIFY(sink.errors[0].path.ends_with("/first/locked.txt"));
        }

        Search again(options);
        CollectingSink first_two;
        first_two.accept_after = 2;
        again.run(first_two);
        QCOMPARE(first_two.files.size(), std::size_t(2));  // in order: nothing after the sink stopped
        QCOMPARE(first_two.files[1].path.substr(root.size()), std::string("/first/a/x.txt"));
    }

    // A sink that takes lines as a stream gets, file by file, the lines (numbers, offsets, text,
    // spans, context) a collecting sink gets in FileResult::lines, with the counts, through every
    // read strategy (whole, chunked, mapped), context and a last line without its terminator.
    void streamedLinesAreTheCollectedOnes_data() {
        QTest::addColumn<int>("context");
        QTest::addColumn<bool>("spans");
        QTest::newRow("lines") << 0 << false;
        QTest::newRow("spans and context") << 2 << true;
    }
    void streamedLinesAreTheCollectedOnes() {
        QFETCH(int, context);
        QFETCH(bool, spans);
        TestTree tree;
        QByteArray big;
        for (int i = 0; i < 60000; ++i) big += i % 3 == 0 ? "x needle " + QByteArray::number(i) + " needle\n" : "other line\n";
        tree.write(QStringLiteral("small.txt"), "needle\nno\nno\nneedle needle\nno");
        tree.write(QStringLiteral("noeol.txt"), "a\nneedle at the end");
        tree.write(QStringLiteral("buffered.txt"), big.left(200000));
        tree.write(QStringLiteral("mapped.txt"), big);
        tree.write(QStringLiteral("none.txt"), "nothing here\n");
        SearchOptions options = options_for({tree.root()}, "needle", 2);
        options.processing.large_file_threshold = 300000;  // mapped.txt is mapped
        options.report.before_context = options.report.after_context = static_cast<std::size_t>(context);
        options.report.match_spans = spans;
        const auto policy = std::make_shared<const StreamingPolicy>();
        Search collecting(options, nullptr, nullptr, policy);
        CollectingSink collected;
        const SearchSummary want = collecting.run(collected);
        Search streaming(options, nullptr, nullptr, policy);
        StreamingSink streamed;
        const SearchSummary got = streaming.run(streamed);
        QCOMPARE(got.matched_lines, want.matched_lines);
        QCOMPARE(got.matches, want.matches);
        QCOMPARE(streamed.files.size(), std::size_t(4));
        QCOMPARE(collected.files.size(), streamed.files.size());
        for (const FileResult& file : streamed.files) {
            const FileResult* expected = collected.find(file.path);
            QVERIFY(expected != nullptr);
            QVERIFY(file.lines.empty());
            QVERIFY(file.stream != nullptr);
            const auto& lines = static_cast<StreamingSink::Stream&>(*file.stream).lines;
            QCOMPARE(lines.size(), expected->lines.size());
            QCOMPARE(file.matched_lines, expected->matched_lines);
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const OwnedLine& line = lines[i].line;
                const LineRecord& want_line = expected->lines[i];
                QCOMPARE(line.number, want_line.number);
                QCOMPARE(line.byte_offset, want_line.byte_offset);
                QCOMPARE(line.text, std::string(want_line.text));
                QCOMPARE(line.is_context, want_line.is_context);
                QCOMPARE(line.spans.size(), want_line.spans.size());
                for (std::size_t k = 0; k < line.spans.size(); ++k) QVERIFY(line.spans[k] == want_line.spans[k]);
                // Only a file's last line may lack its terminator (small.txt's, noeol.txt's).
                QCOMPARE(lines[i].terminated, want_line.byte_offset + want_line.text.size() < expected->size);
            }
        }
    }

    // cancel() from another thread while a search runs: run() returns promptly and reports it.
    // Every file matches and the sink holds each worker in on_file until cancel() has been
    // called, so the search is certainly still running when it is cancelled (however fast the
    // machine), with most files left: each of the two threads can have searched one.
    void cancelFromAnotherThread() {
        constexpr int kFiles = 200;
        constexpr unsigned kThreads = 2;
        TestTree tree;
        for (int i = 0; i < kFiles; ++i) tree.write(QStringLiteral("d%1/f%2.txt").arg(i % 8).arg(i), "x needle y\n");
        Search search(options_for({tree.root()}, "needle", kThreads));
        GateSink sink;
        std::chrono::steady_clock::time_point cancelled_at;
        std::atomic<bool> saw_a_file{false};
        std::thread canceller([&] {
            // A bound, not a pause: a search that never delivers a file fails the test below
            // instead of hanging it.
            saw_a_file = sink.wait_for_first_file(std::chrono::minutes(2));
            cancelled_at = std::chrono::steady_clock::now();
            search.cancel();
            sink.open();
        });
        const SearchSummary summary = search.run(sink);
        const auto returned_at = std::chrono::steady_clock::now();
        canceller.join();
        QVERIFY(saw_a_file);
        QVERIFY(summary.cancelled);
        QVERIFY(search.cancelled());
        QVERIFY2(summary.files_searched <= kThreads, qPrintable(QString::number(summary.files_searched)));
        QCOMPARE(summary.files_matched, summary.files_searched);
        const auto latency = std::chrono::duration_cast<std::chrono::microseconds>(returned_at - cancelled_at);
        qInfo("cancel() to run() returning: %.1f ms", double(latency.count()) / 1000.0);
        QVERIFY2(latency < std::chrono::seconds(2), "cancellation took more than 2 s");
        QCOMPARE(summary.metrics.total_allocated, 0u);
        QCOMPARE(summary.metrics.mmap_allocated, 0u);
    }

    // A pathological regex ends with a per-file error, and the other files are still searched.
    // (The 'é' keeps RE2's DFA from ruling the line out: on ASCII lines it proves "no match"
    // before PCRE2 could backtrack.)
    void matchLimitIsAPerFileError() {
        TestTree tree;
        tree.write(QStringLiteral("evil.txt"), QByteArray(40, 'x') + " \xC3\xA9\n");
        tree.write(QStringLiteral("fine.txt"), "xx=\n");
        Search search(options_for({tree.root()}, "(x+x+)+[^x\\s]", 1));
        CollectingSink sink;
        const SearchSummary summary = search.run(sink);
        QCOMPARE(summary.files_matched, 1u);
        QVERIFY(sink.find("fine.txt"));
        QCOMPARE(summary.skipped.errors, 1u);
        QCOMPARE(sink.errors.size(), std::size_t(1));
        QVERIFY(sink.errors[0].path.ends_with("evil.txt"));
        QVERIFY2(sink.errors[0].message.find("backtracking limit") != std::string::npos, sink.errors[0].message.c_str());
    }

    // A quadratic regex stays under the match limit at every position; the matcher's time budget
    // (about a second by default) ends it as a per-file error too, instead of minutes per file.
    void quadraticRegexIsAPerFileError() {
        TestTree tree;
        tree.write(QStringLiteral("long-line.txt"), "ab x\n" + QByteArray("ab").repeated(512 * 1024) + "\xC3\xA9\n");
        tree.write(QStringLiteral("fine.txt"), "abx\n");
        Search search(options_for({tree.root()}, "(?:a|b)+x", 2));
        CollectingSink sink;
        QElapsedTimer timer;
        timer.start();
        const SearchSummary summary = search.run(sink);
        qInfo("searched in %lld ms", static_cast<long long>(timer.elapsed()));
        QCOMPARE(summary.files_matched, 1u);
        QVERIFY(sink.find("fine.txt"));
        QCOMPARE(summary.skipped.errors, 1u);
        QCOMPARE(sink.errors.size(), std::size_t(1));
        QVERIFY(sink.errors[0].path.ends_with("long-line.txt"));
        QVERIFY2(sink.errors[0].message.find("time budget") != std::string::npos, sink.errors[0].message.c_str());
        QVERIFY2(timer.elapsed() < 60'000, "the time budget did not stop the search");
    }

    void runTwiceIsRefused() {
        TestTree tree;
        Search search(options_for({tree.root()}, "x"));
        CollectingSink sink;
        search.run(sink);
        QVERIFY_THROWS_EXCEPTION(std::logic_error, search.run(sink));
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "test_search.moc"
