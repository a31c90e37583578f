// compile_matcher() and both matchers: a table of patterns, flags and haystacks with the expected
// matches and the strategy chosen; literal path vs PCRE2 on random input; look-behind at `from`;
// invalid patterns; the match limit and the time budget; one matcher shared by several threads.
#include <QtTest>

#include <random>
#include <thread>

#include "core/match/lines_alone.h"
#include "core/match/literal_matcher.h"
#include "core/match/pattern_cache.h"
#include "core/match/pattern_text.h"
#include "core/match/pcre2_program.h"
#include "core/match/regex_matcher.h"
#include "match_test_util.h"

using namespace codescout;
using codescout::test::all_matches;
using codescout::test::pattern_options;

class TestMatcher : public QObject {
    Q_OBJECT
private slots:
    // Which patterns need each line alone (lines_alone.h); -w's own look-arounds do not.
    void linesAloneReading_data() {
        QTest::addColumn<QByteArray>("regex");
        QTest::addColumn<bool>("alone");
        for (const char* r : {"foo", "\\W+\\B", "[*+]", "\\++", "(?<name>x)", "\\Q++\\E", "(?<!\\w)(?:foo)(?!\\w)",
                              "(?<![\\w-])(?:a++)(?![\\w-])", "a\\Gb", "x*?y"})
            QTest::newRow(r) << QByteArray(r) << (QByteArray(r).contains("a++"));
        for (const char* r : {"\\W++\\B", "a*+", "a?+", "a{2}+", "(?>ab)", "x(?=\\n)", "x(?!y)", "(?<!a)b", "(?<=a)b",
                              "\\Afoo", "foo\\z", "foo\\Z", "(*PRUNE)a", "(?(1)a|b)"})
            QTest::newRow(r) << QByteArray(r) << true;
        // Every -w wrapper as combine_regexes() builds it (each syntax, each hyphen mode): a
        // wrapper that needs_lines_alone() did not know would send -w searches down the
        // lines-alone path, whose literal verifier (\G) is unsound.
        for (const bool pcre2 : {false, true})
            for (const HyphenMode hyphens : {HyphenMode::Boundary, HyphenMode::Joining}) {
                const std::string wrapped = combine_regexes({"foo"}, true, hyphens, false, pcre2);
                QTest::newRow(wrapped.c_str()) << QByteArray::fromStdString(wrapped) << false;
            }
    }
    void linesAloneReading() {
        QFETCH(QByteArray, regex);
        QFETCH(bool, alone);
        QCOMPARE(needs_lines_alone(regex.toStdString()), alone);
    }

    void table_data() {
        QTest::addColumn<QByteArrayList>("patterns");
        QTest::addColumn<QByteArray>("flags");
        QTest::addColumn<QByteArray>("haystack");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QByteArray>("strategy");  // prefix of describe()

        // Literal path and alternation.
        QTest::newRow("literal") << QByteArrayList{"foo"} << QByteArray() << QByteArray("foo bar foo") << QByteArray("0-3 8-11") << QByteArray("literal avx2|literal sse2");
        QTest::newRow("regex alternation") << QByteArrayList{"fo+", "ba[rz]"} << QByteArray() << QByteArray("foo baz fooo") << QByteArray("0-3 4-7 8-12") << QByteArray("pcre2|prefiltered");
        QTest::newRow("literal alternation in one regex") << QByteArrayList{"foo|bar"} << QByteArray() << QByteArray("bar foo") << QByteArray("0-3 4-7") << QByteArray("literal ");
        QTest::newRow("leftmost-first across -e") << QByteArrayList{"a", "ab"} << QByteArray() << QByteArray("ab") << QByteArray("0-1") << QByteArray("literal ");
        QTest::newRow("leftmost-first longer first") << QByteArrayList{"ab", "a"} << QByteArray() << QByteArray("ab a") << QByteArray("0-2 3-4") << QByteArray("literal ");
        QTest::newRow("escaped punctuation is literal") << QByteArrayList{"a\\.b"} << QByteArray() << QByteArray("axb a.b") << QByteArray("4-7") << QByteArray("literal ");
        QTest::newRow("-F metacharacters") << QByteArrayList{"a.b(", "[x]"} << QByteArray("F") << QByteArray("axb( a.b( [x]") << QByteArray("5-9 10-13") << QByteArray("literal ");
        QTest::newRow("-F backslash") << QByteArrayList{"\\d"} << QByteArray("F") << QByteArray("1 \\d") << QByteArray("2-4") << QByteArray("literal ");
        QTest::newRow("-F empty matches everywhere") << QByteArrayList{""} << QByteArray("F") << QByteArray("ab") << QByteArray("0-0 1-1 2-2") << QByteArray("pcre2");
        QTest::newRow("empty alternative") << QByteArrayList{"a|"} << QByteArray() << QByteArray("ba") << QByteArray("0-0 1-2 2-2") << QByteArray("pcre2");
        QTest::newRow("empty-matching regex") << QByteArrayList{"x*"} << QByteArray() << QByteArray("ab") << QByteArray("0-0 1-1 2-2") << QByteArray("pcre2");

        // Case modes.
        QTest::newRow("sensitive") << QByteArrayList{"Foo"} << QByteArray() << QByteArray("foo Foo FOO") << QByteArray("4-7") << QByteArray("literal ");
        QTest::newRow("-i literal") << QByteArrayList{"foo"} << QByteArray("i") << QByteArray("foo Foo FOO") << QByteArray("0-3 4-7 8-11") << QByteArray("literal ");
        QTest::newRow("-i regex") << QByteArrayList{"f[o]+"} << QByteArray("i") << QByteArray("foo Foo FOO") << QByteArray("0-3 4-7 8-11") << QByteArray("prefiltered re2");
        QTest::newRow("smart lower") << QByteArrayList{"foo"} << QByteArray("S") << QByteArray("foo Foo FOO") << QByteArray("0-3 4-7 8-11") << QByteArray("literal ");
        QTest::newRow("smart upper") << QByteArrayList{"Foo"} << QByteArray("S") << QByteArray("foo Foo FOO") << QByteArray("4-7") << QByteArray("literal ");
        QTest::newRow("smart upper in any -e") << QByteArrayList{"foo", "Bar"} << QByteArray("S") << QByteArray("FOO foo bar Bar") << QByteArray("4-7 12-15") << QByteArray("literal ");
        QTest::newRow("smart ignores \\W") << QByteArrayList{"foo\\W"} << QByteArray("S") << QByteArray("FOO! foo!") << QByteArray("0-4 5-9") << QByteArray("pcre2|prefiltered");
        QTest::newRow("smart ignores \\p{Lu}") << QByteArrayList{"\\p{Lu}x"} << QByteArray("S") << QByteArray("Ax aX AX") << QByteArray("0-2 3-5 6-8") << QByteArray("prefiltered re2");
        // rg's smart case also wants a literal: classes alone stay case-sensitive (grep-regex's
        // any_literal); an escaped character or a class member is a literal.
        QTest::newRow("smart: classes alone are case-sensitive") << QByteArrayList{"[[:lower:]]+"} << QByteArray("S") << QByteArray("ABC abc") << QByteArray("4-7") << QByteArray("");
        QTest::newRow("smart: \\p{Ll}+ alone is case-sensitive") << QByteArrayList{"\\p{Ll}+"} << QByteArray("S") << QByteArray("ABC abc") << QByteArray("4-7") << QByteArray("");
        QTest::newRow("smart: an escaped literal folds") << QByteArrayList{"[[:lower:]]|\\."} << QByteArray("S") << QByteArray("A.") << QByteArray("0-1 1-2") << QByteArray("");
        QTest::newRow("smart: a class member folds") << QByteArrayList{"[a-c]+"} << QByteArray("S") << QByteArray("ABC") << QByteArray("0-3") << QByteArray("");
        QTest::newRow("smart: a literal in another -e folds") << QByteArrayList{"\\p{Ll}+", "x"} << QByteArray("S") << QByteArray("AB") << QByteArray("0-2") << QByteArray("");
        // A character given by its number is the literal it names, to rg's smart case too.
        QTest::newRow("smart counts \\x{41} as an A") << QByteArrayList{"\\x{41}b"} << QByteArray("S") << QByteArray("AB Ab") << QByteArray("3-5") << QByteArray("prefiltered re2|literal");
        QTest::newRow("smart counts \\x42 as a B") << QByteArrayList{"a\\x42"} << QByteArray("S") << QByteArray("ab aB") << QByteArray("3-5") << QByteArray("prefiltered re2|literal");
        QTest::newRow("smart: \\x61 is a lowercase a") << QByteArrayList{"\\x61b"} << QByteArray("S") << QByteArray("AB ab") << QByteArray("0-2 3-5") << QByteArray("prefiltered re2|literal");
        QTest::newRow("smart -F counts after backslash") << QByteArrayList{"\\W"} << QByteArray("FS") << QByteArray("\\w \\W") << QByteArray("3-5") << QByteArray("literal ");
        // Patterns whose answer for a line depends on its neighbours run on each line alone, as rg
        // runs them (lines_alone.h): over the buffer \W++ would swallow ">\n#" and then fail.
        QTest::newRow("possessive: each line alone") << QByteArrayList{"\\W++\\B"} << QByteArray() << QByteArray("a>\n#b\n") << QByteArray("1-2") << QByteArray("pcre2|prefiltered");
        QTest::newRow("atomic group: each line alone") << QByteArrayList{"(?>\\s+)\\z"} << QByteArray() << QByteArray("a \nb") << QByteArray("1-2") << QByteArray("pcre2|prefiltered");
        QTest::newRow("look-ahead sees no next line") << QByteArrayList{"x(?=\\n)"} << QByteArray() << QByteArray("x\ny") << QByteArray("") << QByteArray("pcre2|prefiltered|literal");
        QTest::newRow("negative look-ahead at a line's end") << QByteArrayList{"x(?!\\n)"} << QByteArray() << QByteArray("x\ny") << QByteArray("0-1") << QByteArray("pcre2|prefiltered|literal");
        QTest::newRow("look-behind sees no earlier line") << QByteArrayList{"(?<=\\n)y"} << QByteArray() << QByteArray("x\ny") << QByteArray("") << QByteArray("pcre2|prefiltered|literal");
        QTest::newRow("\\A at every line start") << QByteArrayList{"\\Ay"} << QByteArray() << QByteArray("x\ny") << QByteArray("2-3") << QByteArray("pcre2|prefiltered|literal");
        // Under -P, rg's smart case is grep-pcre2's text heuristic: only the character right after
        // a backslash is skipped, so \p{Lu} and a group's name count as uppercase.
        QTest::newRow("-P smart: \\p{Lu} counts") << QByteArrayList{"\\p{Lu}x"} << QByteArray("SP") << QByteArray("Ax aX AX") << QByteArray("0-2") << QByteArray("prefiltered|pcre2");
        QTest::newRow("-P smart: a group's name counts") << QByteArrayList{"(?<Name>b)"} << QByteArray("SP") << QByteArray("b B") << QByteArray("0-1") << QByteArray("prefiltered|pcre2|literal");
        QTest::newRow("-P smart: the escaped character is skipped") << QByteArrayList{"\\x41b"} << QByteArray("SP") << QByteArray("AB Ab") << QByteArray("0-2 3-5") << QByteArray("prefiltered|pcre2|literal");
        QTest::newRow("smart non-ASCII uppercase") << QByteArrayList{"École"} << QByteArray("S") << QByteArray("école École") << QByteArray("7-13") << QByteArray("literal ");
        QTest::newRow("-i Unicode folding") << QByteArrayList{"é"} << QByteArray("i") << QByteArray("É é e") << QByteArray("0-2 3-5") << QByteArray("pcre2");
        QTest::newRow("-i -F Unicode folding") << QByteArrayList{"É"} << QByteArray("Fi") << QByteArray("e é") << QByteArray("2-4") << QByteArray("pcre2");
        QTest::newRow("-i no full folding of ß") << QByteArrayList{"straße"} << QByteArray("i") << QByteArray("STRASSE Straße") << QByteArray("8-15") << QByteArray("pcre2");
        QTest::newRow("-i kelvin sign") << QByteArrayList{"kelvin"} << QByteArray("i") << QByteArray("\xE2\x84\xAA" "elvin KELVIN") << QByteArray("0-8 9-15") << QByteArray("literal ");
        QTest::newRow("-i kelvin sign and long s, one literal") << QByteArrayList{"sk_buff"} << QByteArray("i") << QByteArray("\xC5\xBF\xE2\x84\xAA_buff SK_BUFF s\xE2\x84\xAA_BUFF \xC5\xBFk_buf") << QByteArray("0-10 11-18 19-28") << QByteArray("literal ");
        QTest::newRow("-i too many spellings for the finder") << QByteArrayList{"sssss", "kkkkk"} << QByteArray("i") << QByteArray("SS\xC5\xBFSs \xE2\x84\xAAkkkK") << QByteArray("0-6 7-14") << QByteArray("pcre2");
        QTest::newRow("-i kelvin sign, several literals") << QByteArrayList{"kelvin", "zz"} << QByteArray("i") << QByteArray("\xE2\x84\xAA" "elvin KELVIN zZ") << QByteArray("0-8 9-15 16-18") << QByteArray("literal ");
        QTest::newRow("-i long s") << QByteArrayList{"sun", "zz"} << QByteArray("i") << QByteArray("\xC5\xBFun SUN") << QByteArray("0-4 5-8") << QByteArray("literal ");
        QTest::newRow("-i guard after an earlier-starting match") << QByteArrayList{"abk", "b"} << QByteArray("i") << QByteArray("ab\xE2\x84\xAA b") << QByteArray("0-5 6-7") << QByteArray("literal ");
        QTest::newRow("-i guard not a match") << QByteArrayList{"sun", "zz"} << QByteArray("i") << QByteArray("\xC5\xBFx sUn") << QByteArray("4-7") << QByteArray("literal ");

        // -w, -x.
        QTest::newRow("-w hyphen is a boundary") << QByteArrayList{"foo"} << QByteArray("w") << QByteArray("foo-bar foobar bar_foo foo") << QByteArray("0-3 23-26") << QByteArray("literal-word");
        QTest::newRow("-w hyphen joining") << QByteArrayList{"foo"} << QByteArray("wj") << QByteArray("foo-bar foo -foo foo") << QByteArray("8-11 17-20") << QByteArray("literal-word");
        QTest::newRow("-w joining whole hyphenated") << QByteArrayList{"foo-bar"} << QByteArray("wj") << QByteArray("foo-bar foo-bar-baz") << QByteArray("0-7") << QByteArray("literal-word");
        QTest::newRow("-w Unicode word chars") << QByteArrayList{"caf"} << QByteArray("w") << QByteArray("café caf") << QByteArray("6-9") << QByteArray("literal-word");
        QTest::newRow("-w regex") << QByteArrayList{"\\d+"} << QByteArray("w") << QByteArray("12 a34 56") << QByteArray("0-2 7-9") << QByteArray("prefiltered re2");
        QTest::newRow("-w several") << QByteArrayList{"ab", "b"} << QByteArray("w") << QByteArray("xab b ab") << QByteArray("4-5 6-8") << QByteArray("literal-word");
        QTest::newRow("-w -i") << QByteArrayList{"key", "zz"} << QByteArray("wi") << QByteArray("KEYS \xE2\x84\xAA" "ey Key") << QByteArray("5-10 11-14") << QByteArray("literal-word");
        QTest::newRow("-x") << QByteArrayList{"foo"} << QByteArray("x") << QByteArray("foo\nfoo bar\nfoo\n") << QByteArray("0-3 12-15") << QByteArray("literal-line");
        QTest::newRow("-x regex alternation") << QByteArrayList{"a+", "b"} << QByteArray("x") << QByteArray("aa\nab\nb") << QByteArray("0-2 6-7") << QByteArray("prefiltered re2");
        QTest::newRow("-x wins over -w") << QByteArrayList{"foo"} << QByteArray("wx") << QByteArray("foo\nfoo-") << QByteArray("0-3") << QByteArray("literal-line");

        // rg's other spellings of a character by its number (Rust regex syntax).
        QTest::newRow("\\u0041 is an A") << QByteArrayList{"\\u0041b"} << QByteArray() << QByteArray("Ab ab") << QByteArray("0-2") << QByteArray("prefiltered re2|literal|pcre2");
        QTest::newRow("\\u{41} \\U{42} \\U00000043") << QByteArrayList{"\\u{41}\\U{42}\\U00000043"} << QByteArray() << QByteArray("ABC abc") << QByteArray("0-3") << QByteArray("prefiltered re2|literal|pcre2");
        QTest::newRow("\\u in a class") << QByteArrayList{"[\\u0041-\\u0043]+"} << QByteArray() << QByteArray("xABCx") << QByteArray("1-4") << QByteArray("prefiltered re2|pcre2");
        QTest::newRow("smart counts \\u0041 as an A") << QByteArrayList{"\\u0041b"} << QByteArray("S") << QByteArray("ab Ab") << QByteArray("3-5") << QByteArray("prefiltered re2|literal|pcre2");
        QTest::newRow("\\\\u is a backslash and a u") << QByteArrayList{"\\\\u0041"} << QByteArray() << QByteArray("\\u0041 A") << QByteArray("0-6") << QByteArray("prefiltered re2|literal|pcre2");
        // POSIX classes are ASCII in rg's default syntax (Rust regex), Unicode under -P (PCRE2).
        QTest::newRow("[[:alpha:]] is ASCII") << QByteArrayList{"[[:alpha:]]+"} << QByteArray() << QByteArray("\xC3\xA9" "a b") << QByteArray("2-3 4-5") << QByteArray("prefiltered re2|pcre2");
        QTest::newRow("-P [[:alpha:]] is Unicode") << QByteArrayList{"[[:alpha:]]+"} << QByteArray("P") << QByteArray("\xC3\xA9" "a b") << QByteArray("0-3 4-5") << QByteArray("prefiltered|pcre2");
        QTest::newRow("-i [[:upper:]] folds") << QByteArrayList{"[[:upper:]]"} << QByteArray("i") << QByteArray("aB") << QByteArray("0-1 1-2") << QByteArray("prefiltered re2|pcre2");
        QTest::newRow("[x[:digit:]_] inside a larger class") << QByteArrayList{"[x[:digit:]_]+"} << QByteArray() << QByteArray("x1_ \xD9\xA3") << QByteArray("0-3") << QByteArray("prefiltered re2|pcre2");

        // Lines, Unicode classes, invalid UTF-8.
        QTest::newRow("^ and $ per line") << QByteArrayList{"^a", "b$"} << QByteArray() << QByteArray("ab\nab\nb") << QByteArray("0-1 1-2 3-4 4-5 6-7") << QByteArray("prefiltered re2");
        QTest::newRow("$ not before \\r") << QByteArrayList{"a$"} << QByteArray() << QByteArray("a\r\na") << QByteArray("3-4") << QByteArray("prefiltered re2");
        QTest::newRow("Unicode \\w") << QByteArrayList{"\\w+"} << QByteArray() << QByteArray("héllo wörld") << QByteArray("0-6 7-13") << QByteArray("prefiltered re2");
        QTest::newRow("Unicode \\d") << QByteArrayList{"\\d"} << QByteArray() << QByteArray("\xD9\xA3 7") << QByteArray("0-2 3-4") << QByteArray("prefiltered re2");
        QTest::newRow("Unicode \\b") << QByteArrayList{"\\bé"} << QByteArray() << QByteArray("aé é") << QByteArray("4-6") << QByteArray("pcre2|prefiltered");
        QTest::newRow("invalid UTF-8 regex") << QByteArrayList{"fo+"} << QByteArray() << QByteArray("\xFF\xFE" "foo\xC3(foo\x80") << QByteArray("2-5 7-10") << QByteArray("pcre2|prefiltered");
        QTest::newRow("invalid UTF-8 \\w") << QByteArrayList{"\\w+"} << QByteArray() << QByteArray("\xFF\xFE" "foo\xC3(foo\x80") << QByteArray("2-5 7-10") << QByteArray("prefiltered re2");
        QTest::newRow("invalid UTF-8 -i regex") << QByteArrayList{"F.O"} << QByteArray("i") << QByteArray("\xFF\xFE" "foo\xC3(f\xC3\xA9o\x80") << QByteArray("2-5 7-11") << QByteArray("pcre2|prefiltered re2");
        // A bare script name is the Script property (ripgrep's syntax), Script_Extensions with -P
        // (PCRE2's): U+0342, a combining mark of script Inherited, is only in Greek's extensions.
        QTest::newRow("script name: Script") << QByteArrayList{"\\p{Greek}+"} << QByteArray() << QByteArray("a\xCD\x82 \xCE\xB1") << QByteArray("4-6") << QByteArray("");
        QTest::newRow("script name -P: Script_Extensions") << QByteArrayList{"\\p{Greek}+"} << QByteArray("P") << QByteArray("a\xCD\x82 \xCE\xB1") << QByteArray("1-3 4-6") << QByteArray("");
        QTest::newRow("script name in a class, loosely spelled") << QByteArrayList{"[\\p{greek}x]+"} << QByteArray() << QByteArray("\xCD\x82x\xCE\xB1") << QByteArray("2-5") << QByteArray("");
        QTest::newRow("negated script name") << QByteArrayList{"\\P{Greek}"} << QByteArray() << QByteArray("\xCE\xB1\xCD\x82") << QByteArray("2-4") << QByteArray("");
        QTest::newRow("scx: prefix kept") << QByteArrayList{"\\p{scx:Greek}"} << QByteArray() << QByteArray("\xCD\x82") << QByteArray("0-2") << QByteArray("");
        QTest::newRow("escaped backslash before p") << QByteArrayList{"\\\\p\\{Greek\\}"} << QByteArray() << QByteArray("\\p{Greek}") << QByteArray("0-9") << QByteArray("");
        QTest::newRow("\\Q...\\E left alone") << QByteArrayList{"\\Q\\p{Greek}\\E"} << QByteArray() << QByteArray("\\p{Greek} \\p{sc:Greek}") << QByteArray("0-9") << QByteArray("");
        QTest::newRow("invalid UTF-8 literal") << QByteArrayList{"foo"} << QByteArray() << QByteArray("\xFF\xFE" "foo\xC3(foo\x80") << QByteArray("2-5 7-10") << QByteArray("literal ");
    }
    void table() {
        QFETCH(QByteArrayList, patterns);
        QFETCH(QByteArray, flags);
        QFETCH(QByteArray, haystack);
        QFETCH(QByteArray, expected);
        QFETCH(QByteArray, strategy);
        const auto matcher = compile_matcher(pattern_options(patterns, flags));
        const QByteArray described = QByteArray::fromStdString(matcher->describe());
        bool strategy_ok = false;
        for (const QByteArray& prefix : strategy.split('|')) strategy_ok |= described.startsWith(prefix);
        if (!strategy_ok) qWarning() << "strategy:" << described;
        QVERIFY(strategy_ok);
        QCOMPARE(all_matches(*matcher, std::string_view(haystack.constData(), haystack.size())), expected);
    }

    // After a final '\n' there is no line: searching there is searching the end of the whole
    // text, where only an empty match can be — and no ^ (PCRE2 multiline: not after a final
    // newline). The same whether or not the pattern runs each line alone (possessive here).
    void pastTheLastLineIsTheEndOfTheText_data() {
        QTest::addColumn<QByteArrayList>("patterns");
        QTest::addColumn<QByteArray>("expected");  // at 2 in "a\n", or "none"
        QTest::newRow("^") << QByteArrayList{"^"} << QByteArray("none");
        QTest::newRow("^ with a possessive alternative") << QByteArrayList{"a++b|^"} << QByteArray("none");
        QTest::newRow("$ with a possessive alternative") << QByteArrayList{"a++b|$"} << QByteArray("2-2");
        QTest::newRow("x* with an atomic group") << QByteArrayList{"(?>x*)"} << QByteArray("2-2");
        QTest::newRow("look-behind sees the newline") << QByteArrayList{"(?<=\n)(?>x*)"} << QByteArray("2-2");
    }
    void pastTheLastLineIsTheEndOfTheText() {
        QFETCH(QByteArrayList, patterns);
        QFETCH(QByteArray, expected);
        const auto matcher = compile_matcher(pattern_options(patterns, "P"));
        const auto scratch = matcher->make_scratch();
        const std::optional<MatchRange> found = matcher->find_in_line("a\n", 2, *scratch);
        QCOMPARE(found ? QByteArray::number(qulonglong(found->begin)) + "-" + QByteArray::number(qulonglong(found->end)) : QByteArray("none"),
                 expected);
    }

    void canMatchEmpty() {
        QVERIFY(compile_matcher(pattern_options({"x*"}, ""))->can_match_empty());
        QVERIFY(compile_matcher(pattern_options({"a", "b?"}, ""))->can_match_empty());
        QVERIFY(!compile_matcher(pattern_options({"x+"}, ""))->can_match_empty());
        QVERIFY(!compile_matcher(pattern_options({"foo"}, ""))->can_match_empty());
        QVERIFY(!compile_matcher(pattern_options({"foo"}, "w"))->can_match_empty());
    }

    // Look-behind, \b and -w at `from` must see the bytes before it.
    void contextBeforeFrom_data() {
        QTest::addColumn<QByteArrayList>("patterns");
        QTest::addColumn<QByteArray>("flags");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("look-behind") << QByteArrayList{"(?<=a)b"} << QByteArray() << QByteArray("1-2 6-7");
        QTest::newRow("\\b") << QByteArrayList{"\\bb"} << QByteArray() << QByteArray("3-4");
        QTest::newRow("-w literal") << QByteArrayList{"b"} << QByteArray("w") << QByteArray("3-4");
        QTest::newRow("^ after from") << QByteArrayList{"^b"} << QByteArray() << QByteArray();
    }
    void contextBeforeFrom() {
        QFETCH(QByteArrayList, patterns);
        QFETCH(QByteArray, flags);
        QFETCH(QByteArray, expected);
        const auto matcher = compile_matcher(pattern_options(patterns, flags));
        QCOMPARE(all_matches(*matcher, "ab b ab", 1), expected);
    }

    // The literal path must give exactly PCRE2's answers for every flag it handles.
    void literalPathAgreesWithPcre2_data() {
        QTest::addColumn<QByteArray>("flags");
        for (const char* flags : {"", "i", "w", "wj", "x", "wi", "xi", "F", "Fi", "Fwj"}) {
            QTest::newRow(*flags ? flags : "none") << QByteArray(flags);
        }
    }
    void literalPathAgreesWithPcre2() {
        QFETCH(QByteArray, flags);
        const std::vector<std::string> alphabet{"a", "b", "k", "s", "K", "S", "-", "_", " ", "\n", "é", "\xE2\x84\xAA",
                                                "\xC5\xBF", "\xFF", "\xC3", "."};
        std::mt19937 rng(static_cast<unsigned>(qHash(flags)));
        const auto random_text = [&](std::size_t units, bool ascii_only) {
            std::string text;
            for (std::size_t i = 0; i < units; ++i) {
                const std::string& unit = alphabet[rng() % alphabet.size()];
                if (!ascii_only || (static_cast<unsigned char>(unit[0]) < 0x80 && unit != "\n")) text += unit;
            }
            return text;
        };
        for (int round = 0; round < 300; ++round) {
            QByteArrayList patterns;
            const int count = 1 + static_cast<int>(rng() % 3);
            for (int k = 0; k < count; ++k) {
                std::string literal;
                while (literal.empty()) literal = random_text(1 + rng() % 4, true);
                if (!flags.contains('F')) literal = escape_literal(literal);  // still a literal regex
                patterns << QByteArray::fromStdString(literal);
            }
            const PatternOptions options = pattern_options(patterns, flags);
            const auto fast = compile_matcher(options);
            std::vector<std::string> literals;
            for (const std::string& p : options.patterns) literals.push_back(options.fixed_strings ? p : regex_literals(p)->front());
            const bool too_many = LiteralMatcher::needle_count(literals, options.case_mode == CaseMode::Insensitive) >
                                  LiteralSearcher::kMaxNeedles;
            QVERIFY2(fast->describe().starts_with(too_many ? "pcre2" : "literal"), fast->describe().c_str());

            std::vector<std::string> regexes;
            for (const std::string& p : options.patterns) regexes.push_back(options.fixed_strings ? escape_literal(p) : p);
            const RegexMatcher reference(combine_regexes(regexes, options.whole_word, options.hyphen_mode, options.whole_line, options.pcre2_syntax),
                                         options.case_mode == CaseMode::Insensitive);
            const std::string haystack = random_text(rng() % 120, false);
            const QByteArray got = all_matches(*fast, haystack);
            const QByteArray want = all_matches(reference, haystack);
            if (got != want) {
                qWarning() << "patterns" << patterns << "haystack" << QByteArray::fromStdString(haystack).toHex();
            }
            QCOMPARE(got, want);
        }
    }

    // Caseless literals full of k and s, searched for in all their spellings at every SIMD level:
    // PCRE2's matches exactly, over haystacks longer than a few SIMD blocks, from any start and
    // cut anywhere (as a buffer boundary may cut a UTF-8 sequence).
    void caselessSpellingsAgreeWithPcre2_data() {
        QTest::addColumn<QByteArray>("flags");
        for (const char* flags : {"i", "wi", "xi", "Fi", "wji"}) QTest::newRow(flags) << QByteArray(flags);
    }
    void caselessSpellingsAgreeWithPcre2() {
        QFETCH(QByteArray, flags);
        const std::string kelvin = "\xE2\x84\xAA", long_s = "\xC5\xBF";
        std::mt19937 rng(static_cast<unsigned>(qHash(flags)) + 7);
        const auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
        const std::vector<std::string> letters{"k", "s", "K", "S", "a", "m", "_", "b"};
        // One spelling PCRE2 matches caselessly, or a near miss (ß is not "ss", ſ̸ is not s).
        const auto spell = [&](const std::string& literal) {
            std::string text;
            for (const char c : literal) {
                const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (lower == 'k') text += pick({"k", "K", kelvin});
                else if (lower == 's') text += pick({"s", "S", long_s, long_s});
                else text += std::string(1, rng() % 2 ? c : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
            }
            if (rng() % 5 == 0) text.insert(rng() % text.size(), pick({"\xC3\x9F", "\xE2\x84", "\xC5", "x"}));
            return text;
        };
        const std::vector<std::string> noise{" ", "\n", "a", "k", "s", "S", "K", kelvin, long_s, "\xE2\x84", "\xE2",
                                             "\xC5", "\xC3\x9F", "\xE1\xBA\x9E", "\xFF", "-", "_", "\xC5\xBE"};
        for (int round = 0; round < 150; ++round) {
            QByteArrayList patterns;
            std::vector<std::string> literals;
            const int count = 1 + static_cast<int>(rng() % 2);
            for (int k = 0; k < count; ++k) {
                std::string literal;
                const std::size_t length = 1 + rng() % 6;
                while (literal.size() < length) literal += pick(letters);
                literals.push_back(literal);
                patterns << QByteArray::fromStdString(literal);
            }
            const PatternOptions options = pattern_options(patterns, flags);
            std::vector<std::string> regexes(literals.begin(), literals.end());
            const std::string combined =
                combine_regexes(regexes, options.whole_word, options.hyphen_mode, options.whole_line, options.pcre2_syntax);
            const RegexMatcher reference(combined, true);
            const auto compiled = compile_matcher(options);
            const bool fits = LiteralMatcher::needle_count(literals, true) <= LiteralSearcher::kMaxNeedles;
            QVERIFY2(compiled->describe().starts_with(fits ? "literal" : "pcre2"), compiled->describe().c_str());

            std::string haystack;
            const std::size_t target = rng() % 700;
            while (haystack.size() < target) haystack += rng() % 4 == 0 ? spell(pick(literals)) : pick(noise);
            const std::size_t cut = rng() % (haystack.size() + 1);
            const std::size_t from = rng() % (cut + 1);
            const std::string_view whole(haystack), head = whole.substr(0, cut);
            for (const SimdLevel level : {SimdLevel::Scalar, SimdLevel::Sse2, SimdLevel::Avx2}) {
                if (!fits) break;
                LiteralMatcher::Config config;
                config.literals = literals;
                config.caseless = true;
                config.combined_regex = combined;
                config.whole_word = options.whole_word;
                config.hyphen_mode = options.hyphen_mode;
                config.whole_line = options.whole_line;
                config.simd = level;
                const LiteralMatcher fast(config);
                for (const auto& [text, start] : {std::pair{whole, std::size_t{0}}, std::pair{head, from}}) {
                    const QByteArray got = all_matches(fast, text, start);
                    const QByteArray want = all_matches(reference, text, start);
                    if (got != want) {
                        qWarning() << simd_level_name(level) << "patterns" << patterns << "from" << start << "haystack"
                                   << QByteArray::fromStdString(std::string(text)).toHex();
                    }
                    QCOMPARE(got, want);
                }
            }
            QCOMPARE(all_matches(*compiled, whole), all_matches(reference, whole));
        }
    }

    void forcedSse2LiteralPath() {
        LiteralMatcher::Config config;
        config.literals = {"needle", "pin"};
        config.combined_regex = "(?:needle)|(?:pin)";
        config.simd = SimdLevel::Sse2;
        const LiteralMatcher matcher(config);
        QCOMPARE(matcher.simd_level(), SimdLevel::Sse2);
        QVERIFY(matcher.describe().starts_with("literal sse2 teddy needles=2"));
        const std::string haystack = std::string(100, 'x') + "pin" + std::string(50, 'y') + "needle";
        QCOMPARE(all_matches(matcher, haystack), QByteArray("100-103 153-159"));
    }

    void manyLiteralsUsePcre2() {
        QByteArrayList patterns;
        for (int i = 0; i < 40; ++i) patterns << "word" + QByteArray::number(i);
        const auto matcher = compile_matcher(pattern_options(patterns, "F"));
        QVERIFY(matcher->describe().starts_with("pcre2"));
        // Leftmost-first: "word3" comes before "word39" in the list.
        QCOMPARE(all_matches(*matcher, "word39 word7"), QByteArray("0-5 7-12"));
    }

    void invalidPatternNamesTheCulprit_data() {
        QTest::addColumn<QByteArrayList>("patterns");
        QTest::addColumn<QByteArray>("flags");
        QTest::addColumn<QByteArray>("culprit");
        QTest::addColumn<qulonglong>("offset");
        QTest::newRow("unclosed group among several") << QByteArrayList{"ok", "a(b", "c"} << QByteArray() << QByteArray("a(b") << qulonglong(3);
        QTest::newRow("bad range") << QByteArrayList{"x", "[z-a]"} << QByteArray() << QByteArray("[z-a]") << qulonglong(3);
        QTest::newRow("trailing backslash") << QByteArrayList{"x\\"} << QByteArray("w") << QByteArray("x\\") << qulonglong(2);
        QTest::newRow("invalid UTF-8 in pattern") << QByteArrayList{"fine", "\xFF"} << QByteArray() << QByteArray("\xFF") << qulonglong(0);
        QTest::newRow("-F invalid UTF-8") << QByteArrayList{"\xC3"} << QByteArray("F") << QByteArray("\xC3") << qulonglong(std::string::npos);
    }
    void invalidPatternNamesTheCulprit() {
        QFETCH(QByteArrayList, patterns);
        QFETCH(QByteArray, flags);
        QFETCH(QByteArray, culprit);
        QFETCH(qulonglong, offset);
        try {
            compile_matcher(pattern_options(patterns, flags));
            QFAIL("no PatternError");
        } catch (const PatternError& error) {
            QCOMPARE(QByteArray::fromStdString(error.pattern()), culprit);
            QVERIFY(!error.reason().empty());
            QVERIFY(std::string(error.what()).find(error.reason()) != std::string::npos);
            QCOMPARE(qulonglong(error.offset()), offset);
        }
    }

    void noPatternIsAnError() {
        QVERIFY_THROWS_EXCEPTION(PatternError, compile_matcher(PatternOptions{}));
    }

    // A catastrophic backtracker must end with MatchLimitError instead of hanging. The 60 s bound
    // is only about hangs: the limit normally ends it in well under a second.
    void pathologicalRegexHitsTheLimit_data() {
        QTest::addColumn<QByteArray>("pattern");
        QTest::newRow("(a+)+$") << QByteArray("(a+)+$");
        QTest::newRow("(a|aa)+$") << QByteArray("(a|aa)+$");
        QTest::newRow("^(\\w+\\s?)*$") << QByteArray("^(\\w+\\s?)*$");
    }
    void pathologicalRegexHitsTheLimit() {
        QFETCH(QByteArray, pattern);
        const auto matcher = std::make_unique<RegexMatcher>(pattern.toStdString(), false);
        // (PCRE2 defuses some classics itself, e.g. (?:a|a)*b: these three really backtrack.)
        const std::string haystack = "short line!\n" + std::string(5000, 'a') + "!\nb c!\n";
        auto scratch = matcher->make_scratch();
        QElapsedTimer timer;
        timer.start();
        QVERIFY_THROWS_EXCEPTION(MatchLimitError, matcher->find(haystack, 0, *scratch));
        QVERIFY2(timer.elapsed() < 60'000, "the match limit did not stop the regex");
        // The scratch stays usable afterwards.
        QCOMPARE(matcher->find("aa", 0, *scratch), std::optional<MatchRange>(MatchRange{0, 2}));
    }

    // What search uses for those patterns: RE2's DFA rules the ASCII lines out in linear time, so
    // there is no error at all; a line with non-ASCII text is PCRE2's, and the limit still holds.
    // (Patterns that can match the empty string, ^(\\w+\\s?)*$ among them, get no prefilter: every
    // line is a candidate.)
    void automatonSparesPcre2TheBacktracking_data() {
        QTest::addColumn<QByteArray>("pattern");
        QTest::newRow("(a+)+$") << QByteArray("(a+)+$");
        QTest::newRow("(a|aa)+$") << QByteArray("(a|aa)+$");
        QTest::newRow("^(\\w+\\s?)+$") << QByteArray("^(\\w+\\s?)+$");
    }
    void automatonSparesPcre2TheBacktracking() {
        QFETCH(QByteArray, pattern);
        const auto matcher = compile_matcher(pattern_options({pattern}, ""));
        QVERIFY2(matcher->describe().starts_with("prefiltered re2:"), matcher->describe().c_str());
        const std::string ascii = "short line!\n" + std::string(5000, 'a') + "!\nb c!\n";
        auto scratch = matcher->make_scratch();
        QCOMPARE(matcher->find(ascii, 0, *scratch), std::optional<MatchRange>());
        const std::string non_ascii = "short line!\n\xC3\xA9" + std::string(5000, 'a') + "!\n";
        QVERIFY_THROWS_EXCEPTION(MatchLimitError, matcher->find(non_ascii, 0, *scratch));
    }

    // A linear pattern on a megabyte-long line needs a big JIT stack: it must match, not fail.
    void longLineNeedsABiggerJitStack() {
        const auto matcher = compile_matcher(pattern_options({"(a|b)+!"}, ""));
        const std::string haystack = "x\n" + std::string(1'000'000, 'a') + "!\n";
        auto scratch = matcher->make_scratch();
        QCOMPARE(matcher->find(haystack, 0, *scratch), std::optional<MatchRange>(MatchRange{2, haystack.size() - 1}));
    }

    // Quadratic patterns stay under the per-position match limit: every attempt runs to the end
    // of the line and fails. The time budget ends them (a small one here, so the test is quick);
    // without it (?:a|b)+x on this megabyte takes minutes.
    void quadraticPatternHitsTheTimeBudget_data() {
        QTest::addColumn<QByteArray>("pattern");
        QTest::addColumn<QByteArray>("first_line");  // matches
        QTest::addColumn<QByteArray>("long_line");   // quadratic
        QTest::newRow("(?:a|b)+x") << QByteArray("(?:a|b)+x") << QByteArray("abx") << QByteArray("ab").repeated(512 * 1024);
        QTest::newRow("a.*\\d") << QByteArray("a.*\\d") << QByteArray("a1") << QByteArray(2 * 1024 * 1024, 'a');
        QTest::newRow("(?:\\w+\\s)+;") << QByteArray("(?:\\w+\\s)+;") << QByteArray("w ;") << QByteArray("word ").repeated(200 * 1024);
    }
    void quadraticPatternHitsTheTimeBudget() {
        QFETCH(QByteArray, pattern);
        QFETCH(QByteArray, first_line);
        QFETCH(QByteArray, long_line);
        const auto matcher = std::make_unique<RegexMatcher>(pattern.toStdString(), false);
        const std::string haystack = first_line.toStdString() + "\n" + long_line.toStdString() + "\n";
        auto scratch = matcher->make_scratch();
        static_cast<Pcre2Scratch&>(*scratch).set_time_budget({0.05, 0.05});
        // A match before the long line is found as usual.
        QCOMPARE(matcher->find(haystack, 0, *scratch), std::optional<MatchRange>(MatchRange{0, std::size_t(first_line.size())}));
        QElapsedTimer timer;
        timer.start();
        try {
            matcher->find(haystack, first_line.size() + 1, *scratch);
            QFAIL("no MatchLimitError");
        } catch (const MatchLimitError& error) {
            QVERIFY2(std::string(error.what()).find("time budget") != std::string::npos, error.what());
        }
        qInfo("stopped after %lld ms", static_cast<long long>(timer.elapsed()));
        QVERIFY2(timer.elapsed() < 60'000, "the time budget did not stop the regex");
        // The scratch stays usable afterwards.
        QCOMPARE(matcher->find(first_line.toStdString(), 0, *scratch), std::optional<MatchRange>(MatchRange{0, std::size_t(first_line.size())}));
    }

    // The default budget grows with the bytes scanned: a long linear scan is never stopped, with
    // or without a match at the end, and a match after a costly spot is still found.
    void longLinearScansStayWithinTheBudget_data() {
        QTest::addColumn<QByteArray>("pattern");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("tail");
        QTest::addColumn<int>("expected_begin");  // offset in the tail, or -1 for no match
        const QByteArray words = QByteArray("alpha beta, gamma;delta;").repeated(16 * 1024 * 1024 / 24);
        QTest::newRow("\\w{5}\\s+\\w{5}, no match") << QByteArray("\\w{5}\\s+\\w{5}") << words << QByteArray("") << -1;
        QTest::newRow("\\w{5}\\s+\\w{5}, match at the end") << QByteArray("\\w{5}\\s+\\w{5}") << words << QByteArray("xx abcde  fghij") << 3;
        QTest::newRow("(a|b)+! after a megabyte") << QByteArray("(a|b)+!") << QByteArray("ab").repeated(512 * 1024) << QByteArray("!") << -2;
        QTest::newRow("non-ASCII text") << QByteArray("\\w{3}é\\d") << QByteArray("ééé éé ").repeated(1024 * 1024) << QByteArray("aaaé1") << 0;
    }
    void longLinearScansStayWithinTheBudget() {
        QFETCH(QByteArray, pattern);
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, tail);
        QFETCH(int, expected_begin);
        const auto matcher = compile_matcher(pattern_options({pattern}, ""));
        const std::string haystack = line.toStdString() + tail.toStdString() + "\n";
        auto scratch = matcher->make_scratch();
        const std::optional<MatchRange> match = matcher->find(haystack, 0, *scratch);
        if (expected_begin == -1) {
            QVERIFY(!match);
        } else if (expected_begin == -2) {  // the whole line matches
            QCOMPARE(match, std::optional<MatchRange>(MatchRange{0, haystack.size() - 1}));
        } else {
            QVERIFY(match);
            QCOMPARE(match->begin, line.size() + std::size_t(expected_begin));
        }
    }

    // Windows of start positions give the answers of one unbounded search: every match of a
    // pattern that needs more steps per position than the first window allows, across many
    // windows, with multi-byte characters and invalid UTF-8 where windows are cut.
    static std::string costlyMatchesHaystack(std::string& expected) {
        std::string haystack;
        std::mt19937 random(7);
        while (haystack.size() < 3 * 1024 * 1024) {
            const std::size_t junk = 1 + random() % 20000;
            for (std::size_t i = 0; i < junk; ++i) haystack += "\xC3\xA9\xFF b\n"[random() % 6];
            const std::size_t begin = haystack.size();
            haystack += std::string(1000 + random() % 5000, 'a') + "!";
            if (!expected.empty()) expected += ' ';
            expected += std::to_string(begin) + '-' + std::to_string(haystack.size());
        }
        return haystack;
    }
    void windowsKeepEveryMatch() {
        std::string expected;
        const std::string haystack = costlyMatchesHaystack(expected);
        const RegexMatcher matcher("(?:a|c)+!", false);
        QCOMPARE(all_matches(matcher, haystack), QByteArray::fromStdString(expected));
        // The RE2-prefiltered matcher search uses finds the same.
        const auto prefiltered = compile_matcher(pattern_options({"(?:a|c)+!"}, ""));
        QVERIFY2(prefiltered->describe().starts_with("prefiltered re2:"), prefiltered->describe().c_str());
        QCOMPARE(all_matches(*prefiltered, haystack), QByteArray::fromStdString(expected));
    }

    // Budgets and windows live in each thread's scratch: two threads stopped by their budget,
    // two finding all matches, with one shared matcher each.
    void budgetsArePerThread() {
        const auto quadratic = std::make_unique<RegexMatcher>("(?:a|b)+x", false);
        const auto costly = std::make_unique<RegexMatcher>("(?:a|c)+!", false);
        std::string expected;
        const std::string haystack = costlyMatchesHaystack(expected);
        const std::string evil = QByteArray("ab").repeated(256 * 1024).toStdString();
        std::vector<std::string> results(4);
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < results.size(); ++t) {
            threads.emplace_back([&, t] {
                if (t % 2 == 0) {
                    results[t] = all_matches(*costly, haystack).toStdString();
                    return;
                }
                auto scratch = quadratic->make_scratch();
                static_cast<Pcre2Scratch&>(*scratch).set_time_budget({0.05, 0.05});
                try {
                    quadratic->find(evil, 0, *scratch);
                    results[t] = "no error";
                } catch (const MatchLimitError&) {
                    results[t] = "stopped";
                }
            });
        }
        for (auto& thread : threads) thread.join();
        QCOMPARE(results[0], expected);
        QCOMPARE(results[1], std::string("stopped"));
        QCOMPARE(results[2], expected);
        QCOMPARE(results[3], std::string("stopped"));
    }

    void memoryBytesIsReal() {
        const auto small = compile_matcher(pattern_options({"a"}, ""));
        const auto big = compile_matcher(pattern_options({"(alpha|beta|gamma)\\w{3,9}[[:digit:]]+(delta|epsilon)"}, ""));
        const auto literal = compile_matcher(pattern_options({std::string(300, 'q').c_str()}, "F"));
        QVERIFY(big->memory_bytes() > 300);
        QVERIFY(literal->memory_bytes() > 300);
        QVERIFY(small->memory_bytes() < big->memory_bytes());
    }

    // One matcher shared by several threads, one scratch each (run under the tsan preset too).
    void sharedAcrossThreads_data() {
        QTest::addColumn<QByteArrayList>("patterns");
        QTest::addColumn<QByteArray>("flags");
        QTest::newRow("regex") << QByteArrayList{"b\\w+", "x$"} << QByteArray("i");
        QTest::newRow("literal") << QByteArrayList{"bar", "baz"} << QByteArray();
        QTest::newRow("literal -w with guards") << QByteArrayList{"bas", "zz"} << QByteArray("wi");
    }
    void sharedAcrossThreads() {
        QFETCH(QByteArrayList, patterns);
        QFETCH(QByteArray, flags);
        const auto matcher = compile_matcher(pattern_options(patterns, flags));
        std::string haystack;
        for (int i = 0; i < 2000; ++i) haystack += "foo bar baz bas-x BAS \xC5\xBF" "x\n";
        const QByteArray expected = all_matches(*matcher, haystack);
        QVERIFY(!expected.isEmpty());
        std::vector<QByteArray> results(4);
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < results.size(); ++t) {
            threads.emplace_back([&, t] { results[t] = all_matches(*matcher, haystack); });
        }
        for (auto& thread : threads) thread.join();
        for (const QByteArray& result : results) QCOMPARE(result, expected);
    }
};

QTEST_GUILESS_MAIN(TestMatcher)
#include "test_matcher.moc"
