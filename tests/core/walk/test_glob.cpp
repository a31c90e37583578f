// The glob matcher against a table of git wildmatch cases (path-aware: '*' stops at '/'), plus
// the fast shapes and malformed patterns.
#include <QtTest>

#include <stdexcept>
#include <string>

#include "core/walk/glob.h"

using codescout::Glob;

class TestGlob : public QObject {
    Q_OBJECT
private slots:
    void matches_data() {
        QTest::addColumn<QByteArray>("pattern");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("expected");
        auto row = [](const char* name, const QByteArray& p, const QByteArray& t, bool e) {
            QTest::newRow(name) << p << t << e;
        };
        row("literal", "foo", "foo", true);
        row("literal mismatch", "foo", "bar", false);
        row("literal prefix only", "foo", "foobar", false);
        row("empty", "", "", true);
        row("question marks", "???", "foo", true);
        row("too few questions", "??", "foo", false);
        row("star", "*", "foo", true);
        row("star no slash", "*", "a/b", false);
        row("prefix star", "f*", "foo", true);
        row("prefix star slash", "abc*", "abc/def", false);
        row("suffix", "*.o", "foo.o", true);
        row("suffix dot only", "*.o", ".o", true);
        row("suffix slash", "*.o", "dir/foo.o", false);
        row("suffix mismatch", "*f", "foo", false);
        row("star both sides", "*foo*", "foo", true);
        row("many stars", "*ob*a*r*", "foobar", true);
        row("star backtracking", "*ab", "aaaaaaabababab", true);
        row("escaped star", "foo\\*", "foo*", true);
        row("escaped star literal", "foo\\*bar", "foobar", false);
        row("escaped backslash", "f\\\\oo", "f\\oo", true);
        row("escaped hash", "\\#foo", "#foo", true);
        row("escaped bang", "\\!x", "!x", true);
        row("escaped space", "a\\ ", "a ", true);
        row("class", "*[al]?", "ball", true);
        row("class one char", "[ten]", "ten", false);
        row("negated class star", "**[!te]", "ten", true);
        row("negated class star 2", "**[!ten]", "ten", false);
        row("range", "t[a-g]n", "ten", true);
        row("negated range", "t[!a-g]n", "ten", false);
        row("negated range match", "t[!a-g]n", "ton", true);
        row("caret negation", "t[^a-g]n", "ton", true);
        row("bracket first", "a[]]b", "a]b", true);
        row("bracket dash", "a[]-]b", "a-b", true);
        row("bracket range", "a[]a-]b", "aab", true);
        row("lone close", "]", "]", true);
        row("escaped in class", "[\\]]", "]", true);
        row("posix classes", "[[:alpha:]][[:digit:]][[:upper:]]", "a1B", true);
        row("posix union", "[[:digit:][:upper:][:space:]]", "1", true);
        row("posix xdigit", "[[:xdigit:]]", "g", false);
        row("star stops at slash", "foo*bar", "foo/baz/bar", false);
        row("double star mid word", "foo**bar", "foo/baz/bar", false);
        row("double star mid word same dir", "foo**bar", "foobazbar", true);
        row("globstar one", "foo/**/bar", "foo/baz/bar", true);
        row("globstar twice", "foo/**/**/bar", "foo/baz/bar", true);
        row("globstar deep", "foo/**/bar", "foo/b/a/z/bar", true);
        row("globstar zero", "foo/**/bar", "foo/bar", true);
        row("question not slash", "foo?bar", "foo/bar", false);
        row("class not slash", "foo[/]bar", "foo/bar", false);
        row("negated class not slash", "f[^eiu][^eiu][^eiu][^eiu][^eiu]r", "foo/bar", false);
        row("negated classes", "f[^eiu][^eiu][^eiu][^eiu][^eiu]r", "foo-bar", true);
        row("leading globstar zero", "**/foo", "foo", true);
        row("leading globstar one", "**/foo", "XXX/foo", true);
        row("leading globstar two", "**/foo", "bar/baz/foo", true);
        row("leading globstar partial name", "**/foo", "xfoo", false);
        row("star dir", "*/foo", "bar/baz/foo", false);
        row("globstar then star", "**/bar*", "foo/bar/baz", false);
        row("globstar dir star", "**/bar/*", "deep/foo/bar/baz", true);
        row("globstar dir star trailing slash", "**/bar/*", "deep/foo/bar/baz/", false);
        row("globstar trailing globstar", "**/bar/**", "deep/foo/bar/baz/", true);
        row("globstar dir star needs child", "**/bar/*", "deep/foo/bar", false);
        row("globstar bar double star", "**/bar**", "foo/bar/baz", false);
        row("star dir globstar", "*/bar/**", "deep/foo/bar/baz/x", false);
        row("globstar two stars", "**/bar/*/*", "deep/foo/bar/baz/x", true);
        row("trailing globstar", "a/**", "a/b/c", true);
        row("trailing globstar not self", "a/**", "a", false);
        row("everything", "**", "a/b", true);
        row("x11 font", "-*-*-*-*-*-*-12-*-*-*-m-*-*-*", "-adobe-courier-bold-o-normal--12-120-75-75-m-70-iso8859-1", true);
        row("x11 font mismatch", "-*-*-*-*-*-*-12-*-*-*-m-*-*-*", "-adobe-courier-bold-o-normal--12-120-75-75-X-70-iso8859-1", false);
        row("x11 font path", "XXX/*/*/*/*/*/*/12/*/*/*/m/*/*/*", "XXX/adobe/courier/bold/o/normal//12/120/75/75/m/70/iso8859/1", true);
        row("many stars path", "**/*a*b*g*n*t", "abcd/abcdefg/abcdefghijk/abcdefghijklmnop.txt", true);
        row("many stars path mismatch", "**/*a*b*g*n*t", "abcd/abcdefg/abcdefghijk/abcdefghijklmnop.txtz", false);
        row("pathological", "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", QByteArray(80, 'a'), false);
        row("globstar literal", "**/node_modules", "a/b/node_modules", true);
        row("globstar literal partial", "**/node_modules", "xnode_modules", false);
        row("globstar literal with slash", "**/a/b", "x/a/b", true);
        row("non-utf8 literal", "\xff\xfe", "\xff\xfe", true);
        row("non-utf8 star", "\xff*", "\xff\xfe", true);
        row("high byte range", "[\x80-\xff]", "\xc3", true);
        row("high byte negated", "[!\x80-\xff]", "\xc3", false);
    }

    void matches() {
        QFETCH(QByteArray, pattern);
        QFETCH(QByteArray, text);
        QFETCH(bool, expected);
        const Glob glob(std::string_view(pattern.constData(), static_cast<std::size_t>(pattern.size())));
        QCOMPARE(glob.matches(std::string_view(text.constData(), static_cast<std::size_t>(text.size()))), expected);
    }

    void invalid_data() {
        QTest::addColumn<QByteArray>("pattern");
        QTest::newRow("unclosed class") << QByteArray("[abc");
        QTest::newRow("unclosed after bracket") << QByteArray("a[]");
        QTest::newRow("trailing backslash") << QByteArray("abc\\");
        QTest::newRow("unknown posix class") << QByteArray("[[:foo:]]");
        QTest::newRow("reversed range") << QByteArray("[z-a]");
    }

    void invalid() {
        QFETCH(QByteArray, pattern);
        try {
            Glob g(pattern.toStdString());
            QFAIL("no exception");
        } catch (const std::invalid_argument& e) {
            // The message names the pattern, so a user can find it among several.
            QVERIFY2(std::string(e.what()).find(pattern.toStdString()) != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestGlob)
#include "test_glob.moc"
