// ReplacementTemplate (ripgrep's -r rules) and CaptureFinder: a table of templates expanded
// against a regex's captures, groups that did not take part, literal matches (no regex run)
// and -F / several -e patterns numbered as rg numbers them.
#include <QtTest>

#include "core/match/capture_finder.h"
#include "core/match/replacement_template.h"

using namespace codescout;

namespace {

PatternOptions options(std::vector<std::string> patterns, bool fixed = false) {
    PatternOptions o;
    o.patterns = std::move(patterns);
    o.fixed_strings = fixed;
    return o;
}

// The template expanded for the match of `pattern` at [begin, end) in `subject`.
QByteArray expand(const PatternOptions& pattern, std::string_view subject, std::size_t begin, std::size_t end,
                  std::string_view text) {
    CaptureFinder finder(pattern);
    CaptureGroups groups;
    finder.captures(subject, MatchRange{begin, end}, groups);
    std::string out;
    ReplacementTemplate::parse(text).expand(groups, out);
    return QByteArray::fromStdString(out);
}

}  // namespace

class TestReplacementTemplate : public QObject {
    Q_OBJECT
private slots:
    void rules_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expected");
        // Pattern (?P<x>f)(o+) on "foo": $0 = foo, $1 = x = f, $2 = oo.
        QTest::newRow("plain text") << QByteArray("abc") << QByteArray("abc");
        QTest::newRow("$0") << QByteArray("[$0]") << QByteArray("[foo]");
        QTest::newRow("$1 $2") << QByteArray("$2$1") << QByteArray("oof");
        QTest::newRow("${2}") << QByteArray("${2}x") << QByteArray("oox");
        QTest::newRow("named $x") << QByteArray("$x!") << QByteArray("f!");
        QTest::newRow("named ${x}") << QByteArray("${x}y") << QByteArray("fy");
        QTest::newRow("$1a is the group named 1a") << QByteArray("<$1a>") << QByteArray("<>");
        QTest::newRow("$xy is the group named xy") << QByteArray("<$xy>") << QByteArray("<>");
        QTest::newRow("$$") << QByteArray("$$1") << QByteArray("$1");
        QTest::newRow("lone $ at the end") << QByteArray("a$") << QByteArray("a$");
        QTest::newRow("$ before a non-name byte") << QByteArray("$-$.") << QByteArray("$-$.");
        QTest::newRow("unclosed brace") << QByteArray("${1") << QByteArray("${1");
        QTest::newRow("empty braces") << QByteArray("${}") << QByteArray("${}");
        QTest::newRow("brace with a non-name byte") << QByteArray("${1-}") << QByteArray("${1-}");
        QTest::newRow("group that does not exist") << QByteArray("[$9]") << QByteArray("[]");
        QTest::newRow("leading zero is a number") << QByteArray("$01") << QByteArray("f");
        QTest::newRow("number too large for 32 bits is a name") << QByteArray("[$99999999999]") << QByteArray("[]");
        QTest::newRow("multi-byte text") << QByteArray("é$1ü") << QByteArray("éfü");
    }

    void rules() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(expand(options({"(?P<x>f)(o+)"}), "foo bar", 0, 3, text.toStdString()), expected);
    }

    void unset_group_expands_to_nothing() {
        // (a)|(b) matching "b": group 1 did not take part.
        QCOMPARE(expand(options({"(a)|(b)"}), "xb", 1, 2, "[$1|$2]"), QByteArray("[|b]"));
    }

    void groups_numbered_across_patterns() {
        // -e '(foo)' -e '(bar)': rg joins the patterns, so bar is group 2.
        QCOMPARE(expand(options({"(foo)", "(bar)"}), "a bar", 2, 5, "1=$1,2=$2"), QByteArray("1=,2=bar"));
    }

    void fixed_strings_have_only_group_zero() {
        QCOMPARE(expand(options({"a(b"}, true), "xa(b", 1, 4, "<$0|$1>"), QByteArray("<a(b|>"));
    }

    void look_behind_sees_the_line() {
        QCOMPARE(expand(options({"(?<=f)(o)"}), "foo", 1, 2, "[$1]"), QByteArray("[o]"));
    }

    void disagreeing_end_keeps_the_match() {
        // A range the regex would not match exactly: group 0 is still the given match, no groups.
        QCOMPARE(expand(options({"f(o+)"}), "fooo", 0, 2, "[$0|$1]"), QByteArray("[fo|]"));
    }

    void what_a_template_needs() {
        QVERIFY(ReplacementTemplate::parse("x").is_literal());
        QVERIFY(ReplacementTemplate::parse("$$").is_literal());
        QVERIFY(!ReplacementTemplate::parse("$0").is_literal());
        QVERIFY(!ReplacementTemplate::parse("$0").uses_groups());
        QVERIFY(ReplacementTemplate::parse("${0}$1").uses_groups());
        QVERIFY(ReplacementTemplate::parse("$name").uses_groups());
    }

    void expand_appends() {
        CaptureGroups groups;
        groups.subject = "abc";
        groups.spans = {{0, 3}};
        std::string out = "head:";
        ReplacementTemplate::parse("<$0>").expand(groups, out);
        QCOMPARE(out, std::string("head:<abc>"));
    }

    void invalid_pattern_throws() {
        QVERIFY_THROWS_EXCEPTION(PatternError, CaptureFinder(options({"(unclosed"})));
    }
};

QTEST_GUILESS_MAIN(TestReplacementTemplate)
#include "test_replacement_template.moc"
