// The promise of the index: a search through it gives exactly the scan's results, as sets (path,
// line, spans, text). Checked for hundreds of randomized patterns on a generated tree (literals,
// -F, -i, smart case, -w, -x, alternations, regexes with and without required literals, patterns
// the index cannot narrow), for the walk rules (hidden, --no-ignore, globs, extensions, depth),
// for searches below the indexed folder, and after the tree changed under the index (edits that
// keep or change the size, new, deleted, renamed files, a file replaced by a FIFO or a folder).
// The index cuts files over 256 bytes into chunks of lines of ~96 characters, so the patterns
// also meet matches on chunks' first and last lines, at file ends and across chunk boundaries.
#include <QtTest>

#include <fstream>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include "core/index/index_location.h"
#include "core/search/search.h"
#include "index_test_util.h"

using namespace codescout;

namespace {

QByteArray escape_regex(const QByteArray& text) {
    QByteArray out;
    for (const char c : text) {
        if (QByteArray("\\.+*?()|[]{}^$#&-~").contains(c)) out += '\\';
        out += c;
    }
    return out;
}

// One random pattern set, drawn from the vocabulary and from the tree's own lines.
PatternOptions random_pattern(QRandomGenerator& random) {
    const auto& words = index_test::vocabulary();
    const auto word = [&] { return words[random.bounded(static_cast<int>(words.size()))]; };
    PatternOptions p;
    const int kind = random.bounded(12);
    switch (kind) {
    case 0: p.patterns = {word().toStdString()}; p.fixed_strings = true; break;
    case 1: p.patterns = {escape_regex(word()).toStdString()}; break;
    case 2: p.patterns = {(escape_regex(word()) + "|" + escape_regex(word())).toStdString()}; break;
    case 3: p.patterns = {(escape_regex(word()) + ".*" + escape_regex(word())).toStdString()}; break;
    case 4: p.patterns = {(escape_regex(word()) + "\\s+\\w+").toStdString()}; break;
    case 5: p.patterns = {"\\w+\\(" + escape_regex(word()).toStdString()}; break;
    case 6: p.patterns = {word().toStdString(), word().toStdString()}; p.fixed_strings = random.bounded(2) == 0; break;
    case 7: p.patterns = {"[A-Z]{2,}"}; break;  // nothing to require: a scan
    case 8: p.patterns = {(escape_regex(word().left(2)) + "[a-z]").toStdString()}; break;
    case 9: p.patterns = {(escape_regex(word()) + "?" + escape_regex(word())).toStdString()}; break;
    case 10: p.patterns = {"(?:" + escape_regex(word()).toStdString() + ")+"}; break;
    default: {
        // A random slice of a random word pair, as typed mid-word.
        const QByteArray text = word() + " " + word();
        const int from = random.bounded(text.size());
        p.patterns = {text.mid(from, 3 + random.bounded(6)).toStdString()};
        p.fixed_strings = true;
    }
    }
    const int mode = random.bounded(3);
    p.case_mode = mode == 0 ? CaseMode::Sensitive : mode == 1 ? CaseMode::Insensitive : CaseMode::Smart;
    p.whole_word = random.bounded(6) == 0;
    p.whole_line = random.bounded(15) == 0;
    return p;
}

std::string describe(const PatternOptions& p) {
    std::string out;
    for (const auto& pattern : p.patterns) out += "'" + pattern + "' ";
    out += p.fixed_strings ? "-F " : "";
    out += p.case_mode == CaseMode::Insensitive ? "-i " : p.case_mode == CaseMode::Smart ? "-S " : "";
    out += p.whole_word ? "-w " : "";
    out += p.whole_line ? "-x" : "";
    return out;
}

}  // namespace

class TestIndexEquality : public QObject {
    Q_OBJECT

private:
    static constexpr index_test::Chunking kChunking{256, 96};
    TestTree tree_;
    TestTree cache_;
    std::filesystem::path dir_;

    SearchOptions options(const PatternOptions& pattern, std::vector<std::filesystem::path> roots = {}) const {
        SearchOptions o;
        o.walk.roots = roots.empty() ? std::vector<std::filesystem::path>{tree_.root()} : std::move(roots);
        o.pattern = pattern;
        o.threads = 2;
        return o;
    }

    bool same(const SearchOptions& o) {
        return index_test::run(o).lines == index_test::run(o, &dir_).lines;
    }

private slots:
    void initTestCase() {
        QRandomGenerator random(2024);
        index_test::generate_tree(tree_, random, 250);
        dir_ = cache_.path(QStringLiteral("index"));
        // Small chunks (index_format.h's documents): most files over 256 bytes are indexed in
        // chunks of lines, so every pattern below also checks the per-chunk evaluation.
        const auto result = index_test::build_index(tree_.root(), dir_, {}, 0, kChunking);
        QVERIFY2(result.ok, result.error.c_str());
        QVERIFY(result.indexed_files > 100);
        QVERIFY(result.chunked_files > 50);
    }

    void randomizedPatternsGiveTheScansResults() {
        QRandomGenerator random(77);
        int narrowed = 0;
        for (int i = 0; i < 300; ++i) {
            const PatternOptions p = random_pattern(random);
            const SearchOptions o = options(p);
            try {
                Search validate(o);  // a slice may cut a UTF-8 sequence: not a pattern
            } catch (const PatternError&) {
                continue;
            }
            const auto scanned = index_test::run(o);
            const auto indexed = index_test::run(o, &dir_);
            QVERIFY2(indexed.lines == scanned.lines, ("pattern " + describe(p) + ", query " +
                                                      indexed.use.query.to_string()).c_str());
            QCOMPARE(indexed.errors, scanned.errors);
            if (indexed.use.gate && indexed.use.gate->counters().skipped > 0) ++narrowed;
        }
        // Most patterns must have let the index skip files, or this test proves nothing.
        QVERIFY2(narrowed > 150, std::to_string(narrowed).c_str());
    }

    // Chunked candidate files are read in their candidate chunks only (line_ranges.h): the
    // lines, their numbers and byte offsets, counts and -l's files are the scan's in every mode
    // that reports matching lines alone; with context lines the files are read whole.
    void chunkedCandidatesAreReadInTheirChunks_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("lines") << 0;
        QTest::newRow("lines without spans") << 1;
        QTest::newRow("-c") << 2;
        QTest::newRow("--count-matches") << 3;
        QTest::newRow("-l") << 4;
        QTest::newRow("-m 1") << 5;
        QTest::newRow("-m 2 -c") << 6;
        QTest::newRow("-A 1 (whole files)") << 7;
        QTest::newRow("-B 2 (whole files)") << 8;
    }

    void chunkedCandidatesAreReadInTheirChunks() {
        QFETCH(int, mode);
        QRandomGenerator random(91);
        std::uint64_t ranged = 0;
        std::uint64_t ranged_bytes = 0;
        std::uint64_t ranged_file_bytes = 0;
        for (int i = 0; i < 80; ++i) {
            PatternOptions p = random_pattern(random);
            SearchOptions o = options(p);
            if (mode == 1) o.report.match_spans = false;
            if (mode == 2 || mode == 6) o.report.mode = ReportMode::Count;
            if (mode == 3) {
                o.report.mode = ReportMode::Count;
                o.report.count_matches = true;
            }
            if (mode == 4) o.report.mode = ReportMode::FilesWithMatches;
            if (mode == 5) o.report.max_count = 1;
            if (mode == 6) o.report.max_count = 2;
            if (mode == 7) o.report.after_context = 1;
            if (mode == 8) o.report.before_context = 2;
            try {
                Search validate(o);
            } catch (const PatternError&) {
                continue;
            }
            const auto scanned = index_test::run(o);
            const auto indexed = index_test::run(o, &dir_);
            QVERIFY2(indexed.lines == scanned.lines, ("pattern " + describe(p) + ", query " +
                                                      indexed.use.query.to_string()).c_str());
            QCOMPARE(indexed.errors, scanned.errors);
            QCOMPARE(scanned.bytes_read, scanned.bytes_searched);
            if (!indexed.use.gate) continue;
            const IndexGateCounters c = indexed.use.gate->counters();
            // The scan's count, and what was read: not the unread lines, nor the skipped files.
            QCOMPARE(indexed.bytes_searched, scanned.bytes_searched);
            QVERIFY(indexed.bytes_read + c.skipped_bytes + (c.ranged_file_bytes - c.ranged_bytes) <= indexed.bytes_searched);
            ranged += c.ranged;
            ranged_bytes += c.ranged_bytes;
            ranged_file_bytes += c.ranged_file_bytes;
        }
        if (mode >= 7) {
            QCOMPARE(ranged, std::uint64_t{0});
            return;
        }
        // Many candidates were read in part, and those parts are a fraction of their files.
        QVERIFY2(ranged > 100, std::to_string(ranged).c_str());
        QVERIFY2(ranged_bytes * 2 < ranged_file_bytes,
                 (std::to_string(ranged_bytes) + " of " + std::to_string(ranged_file_bytes)).c_str());
    }

    // Modes that print files without a match (their lines under -v, every line with
    // --passthru, the files themselves for --files-without-match and --include-zero): the index,
    // which proves such files, must not be used to skip them.
    void modesPrintingFilesWithoutAMatchScan_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("-v") << 0;
        QTest::newRow("--passthru") << 1;
        QTest::newRow("--files-without-match") << 2;
        QTest::newRow("--count --include-zero") << 3;
    }

    void modesPrintingFilesWithoutAMatchScan() {
        QFETCH(int, mode);
        PatternOptions p;
        p.patterns = {"kernel"};
        SearchOptions o = options(p);
        switch (mode) {
        case 0: o.report.invert = true; break;
        case 1: o.report.passthru = true; break;
        case 2: o.report.mode = ReportMode::FilesWithMatches; o.report.report_unmatched = true; break;
        case 3: o.report.mode = ReportMode::Count; o.report.report_unmatched = true; break;
        }
        const auto scanned = index_test::run(o);
        const auto indexed = index_test::run(o, &dir_);
        QVERIFY(scanned.lines.size() > 100);
        QCOMPARE(indexed.lines, scanned.lines);
        QVERIFY(!indexed.use.used);
    }

    void walkRulesApplyAsInAScan_data() {
        QTest::addColumn<int>("rule");
        for (int i = 0; i < 8; ++i) QTest::newRow(std::to_string(i).c_str()) << i;
    }

    void walkRulesApplyAsInAScan() {
        QFETCH(int, rule);
        PatternOptions p;
        p.patterns = {"kernel|alpha"};
        p.case_mode = CaseMode::Insensitive;
        SearchOptions o = options(p);
        switch (rule) {
        case 0: break;
        case 1: o.walk.include_hidden = true; break;           // files the index never saw
        case 2: o.walk.respect_ignore_files = false; break;    // ignored files: not in the index
        case 3: o.walk.globs = {"*.c", "!src/**"}; break;
        case 4: o.walk.extensions = {"h", "md"}; break;
        case 5: o.walk.max_depth = 1; break;
        case 6: o.walk.ignore_globs = {"net"}; break;
        case 7: o.walk.include_hidden = true; o.walk.respect_ignore_files = false; break;
        }
        const auto scanned = index_test::run(o);
        const auto indexed = index_test::run(o, &dir_);
        QVERIFY(!scanned.lines.empty());
        QCOMPARE(indexed.lines, scanned.lines);
        QVERIFY(indexed.use.used);
    }

    void searchBelowTheIndexedFolder() {
        PatternOptions p;
        p.patterns = {"spin_lock"};
        const SearchOptions o = options(p, {tree_.path(QStringLiteral("src")), tree_.path(QStringLiteral("sub/deep"))});
        const auto scanned = index_test::run(o);
        const auto indexed = index_test::run(o, &dir_);
        QVERIFY(!scanned.lines.empty());
        QCOMPARE(indexed.lines, scanned.lines);
        QVERIFY(indexed.use.gate->counters().skipped > 0);
        QCOMPARE(indexed.use.gate->counters().unknown, std::uint64_t{0});
        // A relative root with "./" works the same (the walker's display paths).
        const QByteArray cwd = QDir::currentPath().toLocal8Bit();
        QVERIFY(::chdir(tree_.root().c_str()) == 0);
        const SearchOptions relative = options(p, {"./src", "sub/"});
        const auto relative_scan = index_test::run(relative);
        const auto relative_indexed = index_test::run(relative, &dir_);
        QVERIFY(::chdir(cwd.constData()) == 0);
        QCOMPARE(relative_indexed.lines, relative_scan.lines);
        QCOMPARE(relative_indexed.use.gate->counters().unknown, std::uint64_t{0});
        QVERIFY(relative_indexed.use.gate->counters().skipped > 0);
    }

    // Last: changes the tree under the index.
    void changesAfterTheBuildAreSearched() {
        // Timestamps must be able to tell the edits from the build (the build's racy window is
        // 0 here; production keeps 2 s for exactly this).
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QRandomGenerator random(5);
        std::vector<std::string> files;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(tree_.root())) {
            const std::string path = entry.path().string();
            // Files the walk searches (not ignored, not hidden), long enough to edit in place.
            if (entry.is_regular_file() && path.ends_with("_main.c") && path.find("/build/") == std::string::npos &&
                path.find("/.hidden/") == std::string::npos && entry.file_size() >= 16) {
                files.push_back(path);
            }
        }
        std::sort(files.begin(), files.end());
        QVERIFY(files.size() >= 6);
        // An edit that adds a word no file held (the index has no candidate for it).
        { std::ofstream(files[0], std::ios::app) << "zebrafish appended\n"; }
        // Same size, other content: only the timestamps say so.
        {
            QFile in(QString::fromStdString(files[1]));
            QVERIFY(in.open(QIODevice::ReadOnly));
            std::string content = in.readAll().toStdString();
            in.close();
            content.replace(0, 9, "zebrafish");
            std::ofstream(files[1], std::ios::trunc) << content;
        }
        // New files, a deleted one, a renamed one, one replaced by a FIFO, one by a folder.
        tree_.write(QStringLiteral("src/new_zebrafish.c"), "zebrafish kernel alpha\n");
        tree_.write(QStringLiteral("sub/deep/zebrafish.h"), "ZEBRAFISH\n");
        std::filesystem::remove(files[2]);
        std::filesystem::rename(files[3], files[3] + ".renamed.c");
        std::filesystem::remove(files[4]);
        QVERIFY(::mkfifo(files[4].c_str(), 0644) == 0);
        std::filesystem::remove(files[5]);
        std::filesystem::create_directory(files[5]);
        { std::ofstream(files[5] + "/inner.c") << "zebrafish in a folder that was a file\n"; }
        // Ignore rules changed too: .log files are no longer ignored.
        tree_.write(QStringLiteral(".gitignore"), "build/\n");

        for (const char* pattern : {"zebrafish", "ZEBRAFISH", "kernel", "alpha|zebrafish", "\\w+fish", "appended"}) {
            for (const CaseMode mode : {CaseMode::Sensitive, CaseMode::Insensitive}) {
                PatternOptions p;
                p.patterns = {pattern};
                p.case_mode = mode;
                const SearchOptions o = options(p);
                const auto scanned = index_test::run(o);
                const auto indexed = index_test::run(o, &dir_);
                QVERIFY2(indexed.lines == scanned.lines, pattern);
                QCOMPARE(indexed.errors, scanned.errors);
            }
        }
        PatternOptions p;
        p.patterns = {"zebrafish"};
        const auto indexed = index_test::run(options(p), &dir_);
        QCOMPARE(indexed.lines.size(), std::size_t{4});  // two edits, two new files
        const IndexGateCounters c = indexed.use.gate->counters();
        QVERIFY(c.changed >= 2);  // the two edits
        QVERIFY(c.unknown >= 4);  // new files, the renamed one, the file in the new folder, .log files
        // Random patterns still agree on the changed tree.
        for (int i = 0; i < 60; ++i) {
            const PatternOptions rp = random_pattern(random);
            try {
                Search validate(options(rp));
            } catch (const PatternError&) {
                continue;
            }
            QVERIFY2(same(options(rp)), describe(rp).c_str());
        }
        // After a rebuild, nothing is stale and everything still agrees.
        QVERIFY(index_test::build_index(tree_.root(), dir_, {}, 0, kChunking).ok);
        const auto fresh = index_test::run(options(p), &dir_);
        QCOMPARE(fresh.lines.size(), std::size_t{4});
        QCOMPARE(fresh.use.gate->counters().changed, std::uint64_t{0});
        QCOMPARE(fresh.use.gate->counters().unknown, std::uint64_t{0});
        const IndexStatus status = index_status(tree_.root(), dir_, true);
        QVERIFY(status.fresh());
    }
};

QTEST_GUILESS_MAIN(TestIndexEquality)
#include "test_index_equality.moc"
