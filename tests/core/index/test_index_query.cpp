// Query planning: pattern -> index query, as a table (literals, -F, case folding with its
// non-ASCII traps, alternations, several patterns, regexes the index cannot narrow); the case
// folding rule proved against PCRE2 itself over every code point; and evaluation on a small
// tree: pattern -> the candidate files, where positions, next characters and case leave fewer
// files than the case-folded trigrams alone, and the search through them is still the scan's.
#include <QtTest>

#include <set>
#include <tuple>

#include "core/index/index_query.h"
#include "core/index/index_location.h"
#include "core/index/index_reader.h"
#include "core/search/search.h"
#include "index_test_util.h"

using namespace codescout;

Q_DECLARE_METATYPE(codescout::CaseMode)

namespace {

class CountingSink : public ResultSink {
public:
    bool on_file(FileResult&& result) override {
        std::lock_guard lock(mutex);
        for (const LineRecord& line : result.lines) lines.emplace_back(line.text);
        return true;
    }
    void on_error(const SearchError&) override {}
    std::mutex mutex;
    std::vector<std::string> lines;
};

std::string utf8(char32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return out;
}

}  // namespace

class TestIndexQuery : public QObject {
    Q_OBJECT

private slots:
    void planning_data() {
        QTest::addColumn<QStringList>("patterns");
        QTest::addColumn<bool>("fixed");
        QTest::addColumn<CaseMode>("caseMode");
        QTest::addColumn<QString>("expected");
        const auto S = CaseMode::Sensitive;
        const auto I = CaseMode::Insensitive;
        const auto M = CaseMode::Smart;
        QTest::newRow("literal") << QStringList{"abcd"} << false << S << "\"abcd\"";
        QTest::newRow("capitals kept for the case mask") << QStringList{"ABCd"} << false << S << "\"ABCd\"";
        QTest::newRow("three bytes") << QStringList{"xyz"} << true << S << "\"xyz\"";
        QTest::newRow("too short") << QStringList{"ab"} << false << S << "all";
        QTest::newRow("repeated trigram") << QStringList{"aaaa"} << true << S << "\"aaaa\"";
        QTest::newRow("alternation") << QStringList{"abc|xyz"} << false << S << "or(\"abc\" \"xyz\")";
        QTest::newRow("alternation with a short branch") << QStringList{"abc|xy"} << false << S << "all";
        QTest::newRow("several patterns") << QStringList{"abc", "wxyz"} << false << S << "or(\"abc\" \"wxyz\")";
        QTest::newRow("one pattern narrows nothing") << QStringList{"abc", "\\w+"} << false << S << "all";
        QTest::newRow("\\w+") << QStringList{"\\w+"} << false << S << "all";
        QTest::newRow("dot star") << QStringList{"ab.*cde"} << false << S << "\"cde\"";
        QTest::newRow("group ends the run") << QStringList{"(abc)"} << false << S << "all";
        QTest::newRow("escaped punctuation") << QStringList{"a\\.bc"} << false << S << "\"a.bc\"";
        QTest::newRow("-F keeps regex syntax literal") << QStringList{"a.*b"} << true << S << "\"a.*b\"";
        QTest::newRow("top-level inline flag gives up") << QStringList{"(?i)abcd"} << false << S << "all";
        QTest::newRow("non-ASCII sensitive") << QStringList{"\u00e9t\u00e9"} << true << S
                                             << "\"\\xc3\\xa9t\\xc3\\xa9\"";
        QTest::newRow("-i ASCII") << QStringList{"PRINTF"} << true << I << "i\"printf\"";
        QTest::newRow("-i keeps k and s") << QStringList{"socket"} << true << I << "i\"socket\"";
        QTest::newRow("-i regex keeps k and s") << QStringList{"PM_RESUME"} << false << I << "i\"pm_resume\"";
        QTest::newRow("-i Kelvin sign reads as k") << QStringList{"\u212Aernel"} << true << I << "i\"kernel\"";
        QTest::newRow("long s reads as a capital s") << QStringList{"\u017Focket"} << true << S << "\"Socket\"";
        QTest::newRow("-i non-ASCII splits") << QStringList{"Stra\u00dfe"} << true << I << "i\"stra\"";
        QTest::newRow("-i regex") << QStringList{"tr[aeiou]ce|printf"} << false << I << "all";
        QTest::newRow("-i regex needle") << QStringList{"prefix_\\d+"} << false << I << "i\"prefix_\"";
        QTest::newRow("smart: lower is -i") << QStringList{"makefile"} << true << M << "i\"makefile\"";
        QTest::newRow("smart: upper is exact") << QStringList{"Makefile"} << true << M << "\"Makefile\"";
        QTest::newRow("-F empty") << QStringList{""} << true << S << "all";
        QTest::newRow("-F newline splits") << QStringList{"abc\nxyz"} << true << S << "and(\"abc\" \"xyz\")";
    }

    void planning() {
        QFETCH(QStringList, patterns);
        QFETCH(bool, fixed);
        QFETCH(CaseMode, caseMode);
        QFETCH(QString, expected);
        PatternOptions options;
        for (const QString& p : patterns) options.patterns.push_back(p.toStdString());
        options.fixed_strings = fixed;
        options.case_mode = caseMode;
        QCOMPARE(QString::fromStdString(plan_index_query(options).to_string()), expected);
        // -w and -x only narrow the matches: same query.
        options.whole_word = true;
        QCOMPARE(QString::fromStdString(plan_index_query(options).to_string()), expected);
    }

    // A needle that cuts a K or long-s sequence at an end drops the cut bytes: in a text the whole
    // sequence reads as one character, which the cut bytes would not match.
    void needleCutInASequence() {
        const auto plan = [](const std::string& needle) {
            PatternOptions options;
            options.patterns = {needle};
            options.fixed_strings = true;
            return QString::fromStdString(plan_index_query(options).to_string());
        };
        QCOMPARE(plan("\x84\xAA" "abc"), QStringLiteral("\"abc\""));
        QCOMPARE(plan("\xAA" "abc"), QStringLiteral("\"abc\""));
        QCOMPARE(plan("\xBF" "abc"), QStringLiteral("\"abc\""));
        QCOMPARE(plan("abc\xE2\x84"), QStringLiteral("\"abc\""));
        QCOMPARE(plan("abc\xE2"), QStringLiteral("\"abc\""));
        QCOMPARE(plan("abc\xC5"), QStringLiteral("\"abc\""));
        QCOMPARE(plan("a\xE2\x84\xAA" "b"), QStringLiteral("\"aKb\""));  // whole: read as k
        QCOMPARE(plan("\x84" "abc"), QStringLiteral("\"\\x84abc\""));  // not a cut sequence
    }

    // The rule the planner's case folding stands on: with -i, an ASCII letter other than k and s
    // matches exactly itself and its other case, among all code points; k and s also match one
    // non-ASCII character each (KELVIN SIGN, LATIN SMALL LETTER LONG S). Asked of the engine.
    void caselessAsciiLettersMatchOnlyAsciiExceptKAndS() {
        TestTree tree;
        std::string text;
        for (char32_t cp = 1; cp <= 0x10FFFF; ++cp) {
            if (cp == '\n' || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
            text += utf8(cp) + "\n";
        }
        tree.write(QStringLiteral("all.txt"), QByteArray::fromStdString(text));
        for (char letter = 'a'; letter <= 'z'; ++letter) {
            SearchOptions options;
            options.walk.roots = {tree.root()};
            options.pattern.patterns = {std::string(1, letter)};
            options.pattern.case_mode = CaseMode::Insensitive;
            options.threads = 1;
            Search search(options);
            CountingSink sink;
            search.run(sink);
            std::set<std::string> matched(sink.lines.begin(), sink.lines.end());
            std::set<std::string> expected = {std::string(1, letter), std::string(1, static_cast<char>(letter - 32))};
            if (letter == 'k') expected.insert(utf8(0x212A));
            if (letter == 's') expected.insert(utf8(0x017F));
            QCOMPARE(matched, expected);
        }
    }

    void candidates() {
        TestTree tree;
        tree.write(QStringLiteral("a.c"), "int kernel_init(void);\n");
        tree.write(QStringLiteral("b.c"), "KERNEL panic\nstatic int x;\n");
        tree.write(QStringLiteral("c.c"), "\xE2\x84\xAA" "ernel and \xC5\xBF" "ocket\n");
        tree.write(QStringLiteral("d.c"), "ker\nnel split by a line end\n");
        // Files holding every case-folded trigram of PM_RESUME; only e1, e2, e6 and e7 hold the
        // string itself in some case (e6 with a long s, which -i matches).
        tree.write(QStringLiteral("e1.c"), "#define PM_RESUME 1\n");
        tree.write(QStringLiteral("e2.c"), "static int pm_resume(void);\n");
        tree.write(QStringLiteral("e3.c"), "pm_runtime_resume(dev);\n");         // scattered: other offsets
        tree.write(QStringLiteral("e4.c"), "PM_RUNTIME_RESUME\n");               // the same in capitals
        tree.write(QStringLiteral("e5.c"), "pm_ m_r _re res esu sum ume\n");     // each trigram alone
        tree.write(QStringLiteral("e6.c"), "PM_RE\xC5\xBF" "UME\n");
        tree.write(QStringLiteral("e7.c"), "Pm_Resume\n");
        tree.write(QStringLiteral("e8.c"), "pm_re sume\nPM_RE\nSUME\n");          // split by a space, a line end
        TestTree cache;
        const std::filesystem::path dir = cache.path(QStringLiteral("i"));
        QVERIFY(index_test::build_index(tree.root(), dir).ok);
        const auto opened = IndexReader::open(index_file_for(dir, canonical_root(tree.root())).string());
        QCOMPARE(opened.status, IndexOpenStatus::Ok);
        const auto options_for = [&](const std::string& pattern, CaseMode mode, bool word = false) {
            PatternOptions options;
            options.patterns = {pattern};
            options.case_mode = mode;
            options.whole_word = word;
            return options;
        };
        const auto names = [&](const std::string& pattern, CaseMode mode, bool word = false) {
            const auto bits = evaluate_index_query(plan_index_query(options_for(pattern, mode, word)), *opened.reader);
            QStringList out;
            for (std::uint32_t id = 0; id < bits->size(); ++id) {
                if ((*bits)[id]) out << QString::fromStdString(std::string(opened.reader->path(id)));
            }
            return out.join(QLatin1Char(','));
        };
        // The case mask: a case-sensitive query passes only files with the trigrams in its case.
        QCOMPARE(names("kernel", CaseMode::Sensitive), QStringLiteral("a.c"));
        QCOMPARE(names("KERNEL", CaseMode::Sensitive), QStringLiteral("b.c"));
        QCOMPARE(names("static", CaseMode::Sensitive), QStringLiteral("b.c,e2.c"));
        QCOMPARE(names("nothing here", CaseMode::Sensitive), QString());
        // -i kernel: the Kelvin sign reads as k, so "\u212Aernel" holds the trigrams of "kernel".
        QCOMPARE(names("kernel", CaseMode::Insensitive), QStringLiteral("a.c,b.c,c.c"));
        QCOMPARE(names("socket", CaseMode::Insensitive), QStringLiteral("c.c"));
        // d.c holds "ker" before its line end (the next-character mask holds '\n').
        QCOMPARE(names("ker|static", CaseMode::Sensitive), QStringLiteral("a.c,b.c,d.c,e2.c"));
        QCOMPARE(names("\\w+", CaseMode::Sensitive), QStringLiteral("a.c,b.c,c.c,d.c,e1.c,e2.c,e3.c,e4.c,e5.c,e6.c,e7.c,e8.c"));

        // Selectivity: the case-folded trigrams alone let through every e file but e6 (its long
        // s is other bytes) and e8 (no "res"/"esu" across its breaks: it has " su"); positions,
        // next characters and case leave the files that can match.
        QStringList folded_only;
        for (std::uint32_t id = 0; id < opened.reader->file_count(); ++id) {
            QFile f(QString::fromStdString(tree.root() + "/" + std::string(opened.reader->path(id))));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray lower = f.readAll().toLower();
            bool all = true;
            for (const char* t : {"pm_", "m_r", "_re", "res", "esu", "sum", "ume"}) all = all && lower.contains(t);
            if (all) folded_only << QString::fromStdString(std::string(opened.reader->path(id)));
        }
        QCOMPARE(folded_only.join(QLatin1Char(',')), QStringLiteral("e1.c,e2.c,e3.c,e4.c,e5.c,e7.c"));
        QCOMPARE(names("PM_RESUME", CaseMode::Sensitive), QStringLiteral("e1.c,e6.c"));  // e6: S and long s share a case bit
        QCOMPARE(names("PM_RESUME", CaseMode::Sensitive, true), QStringLiteral("e1.c,e6.c"));
        QCOMPARE(names("PM_RESUME", CaseMode::Insensitive), QStringLiteral("e1.c,e2.c,e6.c,e7.c"));
        QCOMPARE(names("pm_resume", CaseMode::Smart), QStringLiteral("e1.c,e2.c,e6.c,e7.c"));
        QCOMPARE(names("pm_resume", CaseMode::Sensitive), QStringLiteral("e2.c"));
        QCOMPARE(names("ERR_SYS|PM_RESUME|PM_RUNTIME", CaseMode::Sensitive), QStringLiteral("e1.c,e4.c,e6.c"));

        // And nothing is missed: through the index, every one of these searches gives the scan's
        // lines (e6 among them for -i: PCRE2 matches the long s for s).
        for (const auto& [pattern, mode, word] : std::vector<std::tuple<std::string, CaseMode, bool>>{
                 {"PM_RESUME", CaseMode::Sensitive, false}, {"PM_RESUME", CaseMode::Insensitive, false},
                 {"pm_resume", CaseMode::Smart, false}, {"PM_RESUME", CaseMode::Insensitive, true},
                 {"kernel", CaseMode::Insensitive, false}, {"socket", CaseMode::Smart, false},
                 {"ERR_SYS|PM_RESUME|PM_RUNTIME", CaseMode::Sensitive, false}}) {
            SearchOptions o;
            o.walk.roots = {tree.root()};
            o.pattern = options_for(pattern, mode, word);
            o.threads = 2;
            const auto indexed = index_test::run(o, &dir);
            QVERIFY(indexed.use.used);
            const auto scanned = index_test::run(o);
            QVERIFY2(indexed.lines == scanned.lines, pattern.c_str());
            if (pattern == "PM_RESUME" && mode == CaseMode::Insensitive && !word) {
                QCOMPARE(scanned.lines.size(), std::size_t{4});  // e1, e2, e6, e7
            }
        }
    }
    // Chunks of lines (index_format.h's documents): a large file passes a run only when one of
    // its chunks holds all of the run's trigrams; the runs of a needle split by a line end are
    // joined per file, so they may sit in different chunks. Each search through the index still
    // gives the scan's lines, with matches on a chunk's first and last line and at the file's end.
    void chunksNarrowLargeFiles() {
        TestTree tree;
        const auto pad_to = [](std::string& text, std::size_t multiple, std::size_t remainder) {
            while (text.size() % multiple != remainder) text += ' ';
        };
        // far.c: every trigram of ERR_SYS at positions of one start (0 mod 16), each followed by
        // the needle's next character, but "ERR_SY" in chunk 0 and "_SYS" in chunk 1.
        std::string far = "ERR_SYx\n";
        while (far.size() < 64) far += "filler line\n";
        pad_to(far, 16, 3);
        far += "_SYS\n";
        tree.write(QStringLiteral("far.c"), QByteArray::fromStdString(far));
        // edges.c: ERR_SYS on the last line of chunk 0, the first of chunk 1, and the file's end.
        std::string edges = "int x;\n";
        while (edges.size() < 50) edges += "other line\n";
        edges += "ERR_SYS last of chunk 0\n";
        const std::size_t chunk_one = edges.size();
        edges += "ERR_SYS first of chunk 1, then a line end across the boundary\n";
        while (edges.size() < 200) edges += "other line\n";
        edges += "ERR_SYx\n";
        edges += "filler at the file's end ERR_SYS";
        QVERIFY(chunk_one >= 64 && chunk_one < 128);
        tree.write(QStringLiteral("edges.c"), QByteArray::fromStdString(edges));
        tree.write(QStringLiteral("small.c"), "ERR_SYS\n");
        TestTree cache;
        const std::filesystem::path whole_dir = cache.path(QStringLiteral("whole"));
        const std::filesystem::path chunked_dir = cache.path(QStringLiteral("chunked"));
        QVERIFY(index_test::build_index(tree.root(), whole_dir, {}, 0, {0, 0}).ok);
        const auto built = index_test::build_index(tree.root(), chunked_dir, {}, 0, {32, 64});
        QVERIFY(built.ok);
        QCOMPARE(built.chunked_files, std::uint64_t{2});
        const auto names = [&](const std::filesystem::path& dir, const std::string& pattern, bool multiline = false) {
            const auto opened = IndexReader::open(index_file_for(dir, canonical_root(tree.root())).string());
            PatternOptions options;
            options.patterns = {pattern};
            options.multiline = multiline;
            const auto bits = evaluate_index_query(plan_index_query(options), *opened.reader);
            QStringList out;
            for (std::uint32_t id = 0; id < bits->size(); ++id) {
                if ((*bits)[id]) out << QString::fromStdString(std::string(opened.reader->path(id)));
            }
            return out.join(QLatin1Char(','));
        };
        QCOMPARE(names(whole_dir, "ERR_SYS"), QStringLiteral("edges.c,far.c,small.c"));
        QCOMPARE(names(chunked_dir, "ERR_SYS"), QStringLiteral("edges.c,small.c"));
        QCOMPARE(names(chunked_dir, "ERR_SYS|_SYS"), QStringLiteral("edges.c,far.c,small.c"));
        // Two runs, "ERR_SYx" and "filler", in chunks 0 and 1 of far.c: the file passes.
        QCOMPARE(names(chunked_dir, "ERR_SYx\\nfiller", true), QStringLiteral("edges.c,far.c"));

        for (const auto& [pattern, multiline, context] : std::vector<std::tuple<std::string, bool, std::size_t>>{
                 {"ERR_SYS", false, 0}, {"ERR_SYS", false, 2}, {"ERR_SYS|_SYS", false, 1},
                 {"ERR_SYx\\nfiller", true, 0}, {"boundary\\nother", true, 1}, {"ERR_SYS$", false, 0}}) {
            SearchOptions o;
            o.walk.roots = {tree.root()};
            o.pattern.patterns = {pattern};
            o.pattern.multiline = multiline;
            o.report.before_context = context;
            o.report.after_context = context;
            o.threads = 2;
            const auto scanned = index_test::run(o);
            QVERIFY2(!scanned.lines.empty(), pattern.c_str());
            for (const auto* dir : {&whole_dir, &chunked_dir}) {
                const auto indexed = index_test::run(o, dir);
                QVERIFY(indexed.use.used);
                QVERIFY2(indexed.lines == scanned.lines, pattern.c_str());
            }
            o.report.max_count = 1;
            QVERIFY2(index_test::run(o, &chunked_dir).lines == index_test::run(o).lines, pattern.c_str());
            o.report.mode = ReportMode::Count;
            QVERIFY2(index_test::run(o, &chunked_dir).lines == index_test::run(o).lines, pattern.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestIndexQuery)
#include "test_index_query.moc"
