// -U at the match layer: which patterns can match '\n' (newline_analysis.h), the literal '\n'
// error without -U, and that no prefilter loses a match that spans lines: a pattern whose
// required literal sits on a later line than the match's start, a literal with '\n' in it, an
// alternation of such literals (Teddy), a pattern the RE2 line prefilter would take, and the
// caseless literal variants. Each is checked against PCRE2 alone over the same text.
#include <QtTest>

#include "core/match/newline_analysis.h"
#include "core/match/pattern_cache.h"
#include "core/match/pattern_text.h"
#include "core/match/regex_matcher.h"
#include "match_test_util.h"

using namespace codescout;
using codescout::test::all_matches;
using codescout::test::pattern_options;

namespace {

PatternOptions multiline_options(const QByteArrayList& patterns, const QByteArray& flags) {
    PatternOptions options = pattern_options(patterns, flags);
    options.multiline = true;
    options.multiline_dotall = flags.contains('s');
    return options;
}

}  // namespace

class TestMultilineMatcher : public QObject {
    Q_OBJECT

private slots:
    void newline_use_data() {
        QTest::addColumn<QString>("regex");
        QTest::addColumn<bool>("canMatch");
        QTest::addColumn<bool>("literal");
        QTest::newRow("plain") << "foo" << false << false;
        QTest::newRow("\\n") << "foo\\nbar" << true << true;
        QTest::newRow("\\x0A") << "a\\x0Ab" << true << true;
        QTest::newRow("\\x{a}") << "a\\x{a}" << true << true;
        QTest::newRow("raw newline") << "a\nb" << true << true;
        QTest::newRow("\\s") << "a\\s+b" << true << false;
        QTest::newRow("\\S") << "a\\S+b" << false << false;
        QTest::newRow("\\W") << "a\\Wb" << true << false;
        QTest::newRow("\\w \\d \\b") << "\\b\\w\\d" << false << false;
        QTest::newRow("[^a]") << "x[^a]y" << true << false;
        QTest::newRow("[^\\n]") << "x[^\\n]y" << false << false;
        QTest::newRow("[\\n]") << "x[\\n]" << true << true;
        QTest::newRow("[\\na]") << "x[\\na]" << true << false;
        QTest::newRow("range around 0x0A") << "[\\x00-\\x20]" << true << false;
        QTest::newRow("range above") << "[a-z]" << false << false;
        QTest::newRow("[[:space:]]") << "[[:space:]]" << true << false;
        QTest::newRow("\\p{Cc}") << "\\p{Cc}" << true << false;
        QTest::newRow("\\pL") << "\\pL+" << false << false;
        QTest::newRow("\\PL") << "\\PL" << true << false;
        QTest::newRow("dot") << "a.b" << false << false;
        QTest::newRow("(?s) dot") << "(?s)a.b" << true << false;
        QTest::newRow("^ and $ are line anchors") << "^foo$" << true << false;
        QTest::newRow("\\A \\z") << "\\Afoo\\z" << false << false;
        QTest::newRow("\\Q\\n\\E is text") << "\\Q\\n\\E" << false << false;
        QTest::newRow("(?x) whitespace") << "(?x) a \n b # c\n" << false << false;
        QTest::newRow("(?x) \\n") << "(?x) a \\n b" << true << true;
        QTest::newRow("escaped punctuation") << "a\\.b\\[" << false << false;
        QTest::newRow("look-behind holds no match byte") << "(?<=\\n)hello" << false << false;
        QTest::newRow("after a look-ahead") << "(?=a)(a)\\n" << true << true;
    }

    void newline_use() {
        QFETCH(QString, regex);
        QFETCH(bool, canMatch);
        QFETCH(bool, literal);
        const NewlineUse use = regex_newline_use(regex.toStdString(), false);
        QCOMPARE(use.can_match, canMatch);
        QCOMPARE(use.literal, literal);
    }

    void dotall_flag_makes_dot_match_newline() {
        QVERIFY(regex_newline_use("a.b", true).can_match);
        QVERIFY(!search_spans_lines(pattern_options({"a.b"}, "")));
        QVERIFY(search_spans_lines(multiline_options({"a.b"}, "s")));
        QVERIFY(!search_spans_lines(multiline_options({"a.b"}, "")));
        QVERIFY(search_spans_lines(multiline_options({"foo"}, "x")));  // -x: line anchors
        QVERIFY(search_spans_lines(multiline_options({"a\nb"}, "F")));
        QVERIFY(!search_spans_lines(multiline_options({"a\\nb"}, "F")));
    }

    void literal_newline_is_an_error_without_multiline() {
        QVERIFY_THROWS_EXCEPTION(NewlineInPatternError, compile_matcher(pattern_options({"foo\\nbar"}, "")));
        QVERIFY_THROWS_EXCEPTION(NewlineInPatternError, compile_matcher(pattern_options({"a\nb"}, "F")));
        QVERIFY_THROWS_EXCEPTION(NewlineInPatternError, compile_matcher(pattern_options({"[\\n]"}, "")));
        // A class that also holds other characters only loses '\n', as in rg.
        QVERIFY(compile_matcher(pattern_options({"a[\\na]"}, "")) != nullptr);
        QVERIFY(compile_matcher(multiline_options({"foo\\nbar"}, "")) != nullptr);
    }

    // Every matcher kind compile_matcher picks under -U against PCRE2 alone on the same text.
    void spans_lines_like_pcre2_data() {
        QTest::addColumn<QByteArrayList>("patterns");
        QTest::addColumn<QByteArray>("flags");
        QTest::addColumn<QByteArray>("haystack");
        QTest::addColumn<QByteArray>("expected");  // what PCRE2 alone finds, by hand
        const QByteArray code = "int f(void)\n{\n    return 0;\n}\nstatic int\ng(void)\n";
        // The required literal "return" is on the line after the match's start.
        QTest::newRow("required literal on a later line") << QByteArrayList{"\\{\\s*return"} << QByteArray() << code << QByteArray("12-24");
        QTest::newRow("required literal split by the newline") << QByteArrayList{"static\\s+int\\ng"} << QByteArray() << code << QByteArray("30-42");
        QTest::newRow("literal with \\n") << QByteArrayList{"}\nstatic"} << QByteArray("F") << code << QByteArray("28-36");
        QTest::newRow("alternation of literals") << QByteArrayList{"0;\\n}|int\\ng"} << QByteArray() << code << QByteArray("25-29 37-42");
        QTest::newRow("caseless literal variants") << QByteArrayList{"INT\\nG"} << QByteArray("i") << code << QByteArray("37-42");
        QTest::newRow("class-only (RE2's kind)") << QByteArrayList{"[a-z]+\\n[a-z]+"} << QByteArray() << code << QByteArray("37-42");
        QTest::newRow("dotall") << QByteArrayList{"f.*?g"} << QByteArray("s") << code << QByteArray("4-42");
    }

    void spans_lines_like_pcre2() {
        QFETCH(QByteArrayList, patterns);
        QFETCH(QByteArray, flags);
        QFETCH(QByteArray, haystack);
        QFETCH(QByteArray, expected);
        const PatternOptions options = multiline_options(patterns, flags);
        QVERIFY(search_spans_lines(options));
        const auto matcher = compile_matcher(options);
        // No line prefilter may stand between the haystack and PCRE2 when matches span lines.
        QVERIFY2(!QByteArray::fromStdString(matcher->describe()).startsWith("prefiltered"), matcher->describe().c_str());
        const std::string text = haystack.toStdString();
        QCOMPARE(all_matches(*matcher, text), expected);
        const RegexMatcher pcre2(combined_regex(options), effective_caseless(options), true);
        QCOMPARE(all_matches(pcre2, text), expected);
    }
};

QTEST_GUILESS_MAIN(TestMultilineMatcher)
#include "test_multiline_matcher.moc"
