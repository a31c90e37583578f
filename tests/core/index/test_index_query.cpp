// Query planning: pattern -> index query, as a table (literals, -F, case folding with its
// non-ASCII traps, alternations, several patterns, regexes the index cannot narrow); the case
// folding rule proved against PCRE2 itself over every code point; and evaluation on a small
// tree: pattern -> the candidate files.
#include <QtTest>

#include <set>

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
        QTest::newRow("literal") << QStringList{"abcd"} << false << S << "and('abc' 'bcd')";
        QTest::newRow("folded in the index") << QStringList{"ABCd"} << false << S << "and('abc' 'bcd')";
        QTest::newRow("three bytes") << QStringList{"xyz"} << true << S << "'xyz'";
        QTest::newRow("too short") << QStringList{"ab"} << false << S << "all";
        QTest::newRow("repeated trigram once") << QStringList{"aaaa"} << true << S << "'aaa'";
        QTest::newRow("alternation") << QStringList{"abc|xyz"} << false << S << "or('abc' 'xyz')";
        QTest::newRow("alternation with a short branch") << QStringList{"abc|xy"} << false << S << "all";
        QTest::newRow("several patterns") << QStringList{"abc", "wxyz"} << false << S << "or('abc' and('wxy' 'xyz'))";
        QTest::newRow("one pattern narrows nothing") << QStringList{"abc", "\\w+"} << false << S << "all";
        QTest::newRow("\\w+") << QStringList{"\\w+"} << false << S << "all";
        QTest::newRow("dot star") << QStringList{"ab.*cde"} << false << S << "'cde'";
        QTest::newRow("group ends the run") << QStringList{"(abc)"} << false << S << "all";
        QTest::newRow("escaped punctuation") << QStringList{"a\\.bc"} << false << S << "and('.bc' 'a.b')";
        QTest::newRow("-F keeps regex syntax literal") << QStringList{"a.*b"} << true << S << "and('.*b' 'a.*')";
        QTest::newRow("top-level inline flag gives up") << QStringList{"(?i)abcd"} << false << S << "all";
        QTest::newRow("non-ASCII sensitive") << QStringList{"\u00e9t\u00e9"} << true << S
                                             << "and('t\\xc3\\xa9' '\\xa9t\\xc3' '\\xc3\\xa9t')";
        QTest::newRow("-i ASCII") << QStringList{"PRINTF"} << true << I << "and('int' 'ntf' 'pri' 'rin')";
        QTest::newRow("-i k and s split") << QStringList{"socket"} << true << I << "all";
        QTest::newRow("-i k splits") << QStringList{"makefile"} << true << I << "and('efi' 'fil' 'ile')";
        QTest::newRow("-i non-ASCII splits") << QStringList{"Stra\u00dfe"} << true << I << "'tra'";
        QTest::newRow("-i regex") << QStringList{"tr[aeiou]ce|printf"} << false << I << "all";
        QTest::newRow("-i regex needle") << QStringList{"prefix_\\d+"} << false << I
                                         << "and('efi' 'fix' 'ix_' 'pre' 'ref')";
        QTest::newRow("smart: lower is -i") << QStringList{"makefile"} << true << M << "and('efi' 'fil' 'ile')";
        QTest::newRow("smart: upper is exact") << QStringList{"Makefile"} << true << M
                                               << "and('ake' 'efi' 'fil' 'ile' 'kef' 'mak')";
        QTest::newRow("-F empty") << QStringList{""} << true << S << "all";
        QTest::newRow("-F newline splits") << QStringList{"abc\nxyz"} << true << S << "and('abc' 'xyz')";
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
        TestTree cache;
        const std::filesystem::path dir = cache.path(QStringLiteral("i"));
        QVERIFY(index_test::build_index(tree.root(), dir).ok);
        const auto opened = IndexReader::open(index_file_for(dir, canonical_root(tree.root())).string());
        QCOMPARE(opened.status, IndexOpenStatus::Ok);
        const auto names = [&](const std::string& pattern, CaseMode mode) {
            PatternOptions options;
            options.patterns = {pattern};
            options.case_mode = mode;
            const auto bits = evaluate_index_query(plan_index_query(options), *opened.reader);
            QStringList out;
            for (std::uint32_t id = 0; id < bits->size(); ++id) {
                if ((*bits)[id]) out << QString::fromStdString(std::string(opened.reader->path(id)));
            }
            return out.join(QLatin1Char(','));
        };
        // Folded index: the case-sensitive query gets both; verification keeps the right one.
        QCOMPARE(names("kernel", CaseMode::Sensitive), QStringLiteral("a.c,b.c"));
        QCOMPARE(names("static", CaseMode::Sensitive), QStringLiteral("b.c"));
        QCOMPARE(names("nothing here", CaseMode::Sensitive), QString());
        // -i kernel: k splits, "ernel" remains: the Kelvin-sign file is a candidate.
        QCOMPARE(names("kernel", CaseMode::Insensitive), QStringLiteral("a.c,b.c,c.c"));
        // d.c holds "ker" before its line end.
        QCOMPARE(names("ker|static", CaseMode::Sensitive), QStringLiteral("a.c,b.c,d.c"));
        QCOMPARE(names("\\w+", CaseMode::Sensitive), QStringLiteral("a.c,b.c,c.c,d.c"));
    }
};

QTEST_GUILESS_MAIN(TestIndexQuery)
#include "test_index_query.moc"
