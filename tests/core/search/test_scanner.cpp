// The scanner through all three read strategies: the same content, read whole, in chunks of
// many sizes (lines and context crossing every boundary) and mapped in windows of many sizes,
// must give exactly what a naive line-by-line grep gives, for every report mode.
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <string>

#include "core/search/file_searcher.h"
#include "core/search/line_counter.h"
#include "reference_grep.h"
#include "test_matchers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::testing;

namespace {

constexpr std::uint64_t kHuge = std::uint64_t(1) << 40;

struct StrategyConfig {
    std::uint64_t small_threshold;
    std::uint64_t large_threshold;
    ReadSizes sizes;
};

QByteArray generated_lines(int count, unsigned seed) {
    QByteArray out;
    unsigned state = seed;
    const char alphabet[] = "abfo \t\r";
    for (int i = 0; i < count; ++i) {
        state = state * 1103515245u + 12345u;
        const int length = static_cast<int>((state >> 16) % 41);
        for (int j = 0; j < length; ++j) {
            state = state * 1103515245u + 12345u;
            out.append(alphabet[(state >> 16) % (sizeof alphabet - 1)]);
        }
        out.append('\n');
    }
    return out;
}

struct ReportCase {
    const char* name;
    ReportOptions options;
};

std::vector<ReportCase> report_cases() {
    auto lines = [](std::size_t b, std::size_t a, std::optional<std::uint64_t> m = std::nullopt) {
        ReportOptions r;
        r.before_context = b;
        r.after_context = a;
        r.max_count = m;
        return r;
    };
    auto no_spans = [](ReportOptions r) {
        r.match_spans = false;
        return r;
    };
    auto with_mode = [](ReportMode report_mode, std::optional<std::uint64_t> m = std::nullopt) {
        ReportOptions r;
        r.mode = report_mode;
        r.max_count = m;
        return r;
    };
    return {{"plain", lines(0, 0)},        {"B1", lines(1, 0)},          {"A2", lines(0, 2)},
            {"B2A1", lines(2, 1)},         {"B3A3m2", lines(3, 3, 2)},   {"m1", lines(0, 0, 1)},
            {"A2m1", lines(0, 2, 1)},      {"m0", lines(1, 1, 0)},       {"count", with_mode(ReportMode::Count)},
            {"count-m3", with_mode(ReportMode::Count, 3)}, {"files", with_mode(ReportMode::FilesWithMatches)},
            // The same lines without their spans (ReportOptions::match_spans off).
            {"no-spans", no_spans(lines(0, 0))}, {"no-spans-B2A1", no_spans(lines(2, 1))},
            {"no-spans-A2m1", no_spans(lines(0, 2, 1))}};
}

QString describe(const LineRecord& r) {
    QString spans;
    for (const MatchSpan& s : r.spans) spans += QStringLiteral("[%1,%2)").arg(s.begin).arg(s.end);
    return QStringLiteral("%1%2@%3 %4 %5")
        .arg(r.number)
        .arg(r.is_context ? QLatin1Char('-') : QLatin1Char(':'))
        .arg(r.byte_offset)
        .arg(QString::fromLatin1(QByteArray(r.text.data(), qsizetype(r.text.size())).toPercentEncoding(" ")))
        .arg(spans);
}

QStringList describe(const FileResult& result) {
    QStringList out;
    for (const LineRecord& r : result.lines) out << describe(r);
    out << QStringLiteral("matched_lines=%1 matches=%2").arg(result.matched_lines).arg(result.matches);
    return out;
}

bool same_result(const FileResult& a, const FileResult& b) {
    auto same_line = [](const LineRecord& x, const LineRecord& y) {
        return x.number == y.number && x.byte_offset == y.byte_offset && x.text == y.text && std::ranges::equal(x.spans, y.spans) &&
               x.is_context == y.is_context;
    };
    return a.matched_lines == b.matched_lines && a.matches == b.matches &&
           std::equal(a.lines.begin(), a.lines.end(), b.lines.begin(), b.lines.end(), same_line);
}

}  // namespace

class TestScanner : public QObject {
    Q_OBJECT
private slots:
    // Line numbers rest on count_byte(): it must count exactly, at every length and alignment,
    // past the 255 blocks after which its byte counters are summed, and for any terminator.
    void countByteCountsExactly() {
        std::string text;
        unsigned state = 7;
        for (int i = 0; i < 20000; ++i) {
            state = state * 1103515245u + 12345u;
            text.push_back((state >> 16) % 5 == 0 ? '\n' : static_cast<char>('a' + (state >> 20) % 26));
        }
        text += std::string(255 * 16 * 2 + 5, '\n');  // every byte of more than two rounds a match
        for (const std::size_t start : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{15}}) {
            for (const std::size_t length : {std::size_t{0}, std::size_t{1}, std::size_t{15}, std::size_t{16}, std::size_t{17},
                                             std::size_t{4079}, std::size_t{4080}, std::size_t{4081}, text.size() - start}) {
                const std::string_view part = std::string_view(text).substr(start, length);
                QCOMPARE(count_newlines(part.data(), part.size()),
                         static_cast<std::uint64_t>(std::count(part.begin(), part.end(), '\n')));
                QCOMPARE(count_byte(part.data(), part.size(), 'q'),
                         static_cast<std::uint64_t>(std::count(part.begin(), part.end(), 'q')));
            }
        }
    }

    void allStrategiesAgreeWithReference_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<quint64>("smallThreshold");
        QTest::addColumn<quint64>("largeThreshold");
        QTest::addColumn<quint64>("chunk");
        QTest::addColumn<quint64>("window");
        QTest::addColumn<int>("expectedStrategy");

        QByteArray long_lines;
        for (int i = 0; i < 4; ++i) long_lines += "foo" + QByteArray(5000, 'o') + " b\n" + QByteArray(3000, 'x') + "foo\n";
        const QList<QPair<const char*, QByteArray>> contents = {
            {"simple", "foo\nbar foo baz\nqux\n"},
            {"no-final-newline", "a\nb\nfoo"},
            {"crlf", "foo\r\nbar\r\nxfoo\r\nlast\r\n"},
            {"empty", ""},
            {"only-newlines", "\n\n\n"},
            // (Not at the very start: "\xff\xfe" there is a UTF-16 BOM, and the file decodes.)
            {"invalid-utf8", "a \xff\xfe foo \xc3\n\x80" "foo\n\xc3\x28 o b\n"},
            {"adjacent", "foofoofoo\nfofoo\nooo\n"},
            {"generated", generated_lines(400, 7)},
            {"generated-unterminated", generated_lines(120, 3) + "fo o  b foo"},
            {"long-lines", long_lines},
        };
        struct Config {
            const char* name;
            quint64 small, large, chunk, window;
            FileStrategy strategy;
        };
        const QList<Config> configs = {
            {"whole", kHuge, kHuge, 0, 0, FileStrategy::Small},
            {"chunk1", 0, kHuge, 1, 0, FileStrategy::Buffered},
            {"chunk2", 0, kHuge, 2, 0, FileStrategy::Buffered},
            {"chunk3", 0, kHuge, 3, 0, FileStrategy::Buffered},
            {"chunk7", 0, kHuge, 7, 0, FileStrategy::Buffered},
            {"chunk64", 0, kHuge, 64, 0, FileStrategy::Buffered},
            {"chunk4k", 0, kHuge, 4096, 0, FileStrategy::Buffered},
            {"chunk-default", 0, kHuge, ReadSizes{}.chunk, 0, FileStrategy::Buffered},
            {"mmap-window1", 0, 0, 0, 1, FileStrategy::Mmap},
            {"mmap-window5", 0, 0, 0, 5, FileStrategy::Mmap},
            {"mmap-window64", 0, 0, 0, 64, FileStrategy::Mmap},
            {"mmap-default", 0, 0, 0, ReadSizes{}.map_window, FileStrategy::Mmap},
        };
        for (const auto& [content_name, content] : contents) {
            for (const Config& c : configs) {
                // Byte-sized reads of the big contents add nothing but minutes under sanitizers.
                const bool tiny_steps = (c.chunk > 0 && c.chunk < 64) || (c.window > 0 && c.window < 64);
                if (tiny_steps && content.size() > 16384) continue;
                QTest::addRow("%s/%s", content_name, c.name)
                    << content << c.small << c.large << c.chunk << c.window << int(c.strategy);
            }
        }
    }

    void allStrategiesAgreeWithReference() {
        QFETCH(QByteArray, content);
        QFETCH(quint64, smallThreshold);
        QFETCH(quint64, largeThreshold);
        QFETCH(quint64, chunk);
        QFETCH(quint64, window);
        QFETCH(int, expectedStrategy);

        TestTree tree;
        const std::string path = tree.write(QStringLiteral("haystack.txt"), content);
        const std::string text = content.toStdString();
        const SubstringMatcher matchers[] = {SubstringMatcher("foo"), SubstringMatcher(""), SubstringMatcher("o"),
                                             SubstringMatcher("o", "b"), SubstringMatcher("zzz")};
        const char* matcher_names[] = {"foo", "(empty)", "o", "o\\s*b", "zzz"};
        MemoryMetrics metrics;
        std::atomic<bool> stop{false};
        ReadSizes sizes;
        if (chunk) sizes.chunk = chunk;
        if (window) sizes.map_window = window;
        for (std::size_t m = 0; m < std::size(matchers); ++m) {
            for (const ReportCase& report : report_cases()) {
                SearchOptions options;
                options.processing.small_file_threshold = smallThreshold;
                options.processing.large_file_threshold = largeThreshold;
                options.report = report.options;
                FileResult result;
                FileReport outcome;
                {
                    FileSearcher searcher(matchers[m], options, *default_binary_policy(), metrics, stop, sizes);
                    outcome = searcher.search(path, InputSpec{}, result);
                }
                const FileResult expected = reference_grep(text, matchers[m], report.options);
                const QByteArray where = QByteArray("matcher ") + matcher_names[m] + ", report " + report.name;
                QVERIFY2(outcome.outcome == (expected.matched_lines > 0 ? FileOutcome::Matched : FileOutcome::NoMatch),
                         where.constData());
                QVERIFY2(outcome.error.empty(), where.constData());
                if (!content.isEmpty()) QVERIFY2(int(result.strategy) == expectedStrategy, where.constData());
                if (!same_result(result, expected)) {
                    qWarning() << where << "\n got:" << describe(result) << "\nwant:" << describe(expected);
                    QFAIL(where.constData());
                }
                QCOMPARE(result.size, quint64(content.size()));
                QCOMPARE(metrics.snapshot(false).total_allocated, 0u);
                QCOMPARE(metrics.snapshot(false).mmap_allocated, 0u);
            }
        }
    }

    // A fixed table for context merging, independent of the reference implementation.
    void contextMerging_data() {
        QTest::addColumn<int>("before");
        QTest::addColumn<int>("after");
        QTest::addColumn<QStringList>("expected");
        // Lines 1..10, matches ("x") on lines 3, 5 and 9.
        QTest::newRow("none") << 0 << 0 << QStringList{"3:", "5:", "9:"};
        QTest::newRow("A1: groups touch") << 0 << 1 << QStringList{"3:", "4-", "5:", "6-", "9:", "10-"};
        QTest::newRow("B1: 4 shared") << 1 << 0 << QStringList{"2-", "3:", "4-", "5:", "8-", "9:"};
        QTest::newRow("B1A1: 6 then gap") << 1 << 1 << QStringList{"2-", "3:", "4-", "5:", "6-", "8-", "9:", "10-"};
        QTest::newRow("A2B2: adjacent groups merge")
            << 2 << 2 << QStringList{"1-", "2-", "3:", "4-", "5:", "6-", "7-", "8-", "9:", "10-"};
        QTest::newRow("B5: clipped at file start") << 5 << 0 << QStringList{"1-", "2-", "3:", "4-", "5:", "6-", "7-", "8-", "9:"};
    }
    void contextMerging() {
        QFETCH(int, before);
        QFETCH(int, after);
        QFETCH(QStringList, expected);
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("ten.txt"), "1\n2\n3x\n4\n5x\n6\n7\n8\n9x\n10\n");
        SearchOptions options;
        options.report.before_context = std::size_t(before);
        options.report.after_context = std::size_t(after);
        MemoryMetrics metrics;
        std::atomic<bool> stop{false};
        SubstringMatcher matcher("x");
        for (std::size_t chunk : {std::size_t(1), std::size_t(4), std::size_t(1 << 16)}) {
            options.processing.small_file_threshold = chunk == (1 << 16) ? kHuge : 0;
            FileSearcher searcher(matcher, options, *default_binary_policy(), metrics, stop, ReadSizes{chunk, 1, ReadSizes{}.keep_limit});
            FileResult result;
            searcher.search(path, InputSpec{}, result);
            QStringList got;
            for (const LineRecord& r : result.lines) {
                got << QString::number(r.number) + (r.is_context ? QLatin1Char('-') : QLatin1Char(':'));
            }
            QCOMPARE(got, expected);
        }
    }

    // rg -m1 -A2: after the limit the trailing context still shows, a matching line among it as a
    // match, which rg's printer counts too (its statistics) though -m is satisfied.
    void maxCountKeepsTrailingContext() {
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("f"), "a1\nb\na2\nc\nd\na3\ne\n");
        SearchOptions options;
        options.report.max_count = 1;
        options.report.after_context = 2;
        MemoryMetrics metrics;
        std::atomic<bool> stop{false};
        SubstringMatcher matcher("a");
        FileSearcher searcher(matcher, options, *default_binary_policy(), metrics, stop);
        FileResult result;
        searcher.search(path, InputSpec{}, result);
        QCOMPARE(result.lines.size(), std::size_t(3));
        QCOMPARE(result.lines[0].number, 1u);
        QVERIFY(!result.lines[0].is_context);
        QCOMPARE(result.lines[1].number, 2u);
        QVERIFY(result.lines[1].is_context);
        QCOMPARE(result.lines[2].number, 3u);
        QVERIFY(!result.lines[2].is_context);
        QCOMPARE(result.matched_lines, 2u);
    }

    // Empty matches advance correctly and follow rg: "baa" with a* gives [0,0) and [1,3).
    void emptyMatchesLikeRipgrep() {
        class StarA : public SubstringMatcher {
        public:
            StarA() : SubstringMatcher("") {}
            std::optional<MatchRange> find(std::string_view h, std::size_t from, MatchScratch&) const override {
                if (from > h.size()) return std::nullopt;
                std::size_t end = from;
                while (end < h.size() && h[end] == 'a') ++end;
                return MatchRange{from, end};
            }
        } matcher;
        TestTree tree;
        const std::string path = tree.write(QStringLiteral("f"), "baa\naaa\n");
        SearchOptions options;
        MemoryMetrics metrics;
        std::atomic<bool> stop{false};
        FileSearcher searcher(matcher, options, *default_binary_policy(), metrics, stop);
        FileResult result;
        searcher.search(path, InputSpec{}, result);
        QCOMPARE(result.lines.size(), std::size_t(2));
        QVERIFY(std::ranges::equal(result.lines[0].spans, std::vector<MatchSpan>{{0, 0}, {1, 3}}));
        QVERIFY(std::ranges::equal(result.lines[1].spans, std::vector<MatchSpan>{{0, 3}}));
    }
};

QTEST_GUILESS_MAIN(TestScanner)
#include "test_scanner.moc"
