// Gitignore line parsing and last-match-wins evaluation, and the core.excludesFile reader.
#include <QtTest>

#include <string>

#include "core/walk/git_config.h"
#include "core/walk/ignore_rules.h"

using namespace codescout;

Q_DECLARE_METATYPE(codescout::IgnoreMatch)

class TestIgnoreRules : public QObject {
    Q_OBJECT
private slots:
    void match_data() {
        QTest::addColumn<QString>("lines");  // '|' separates lines
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("isDir");
        QTest::addColumn<IgnoreMatch>("expected");
        const auto I = IgnoreMatch::Ignore, W = IgnoreMatch::Whitelist, N = IgnoreMatch::None;
        auto row = [](const char* name, const char* lines, const char* path, bool dir, IgnoreMatch m) {
            QTest::newRow(name) << QString::fromUtf8(lines) << QString::fromUtf8(path) << dir << m;
        };
        row("extension at depth", "*.o", "a/b.o", false, I);
        row("negation later wins", "*.o|!keep.o", "x/keep.o", false, W);
        row("negation earlier loses", "!keep.o|*.o", "keep.o", false, I);
        row("anchored at top", "/build", "build", true, I);
        row("anchored not below", "/build", "src/build", true, N);
        row("dir only skips files", "build/", "build", false, N);
        row("dir only matches dirs", "build/", "build", true, I);
        row("dir only at depth", "build/", "a/build", true, I);
        row("middle slash anchors", "doc/*.txt", "doc/a.txt", false, I);
        row("middle slash star no descent", "doc/*.txt", "doc/sub/a.txt", false, N);
        row("middle slash not at depth", "doc/*.txt", "x/doc/a.txt", false, N);
        row("globstar middle", "doc/**/*.txt", "doc/sub/a.txt", false, I);
        row("globstar middle zero", "doc/**/*.txt", "doc/a.txt", false, I);
        row("leading globstar", "**/logs", "a/b/logs", true, I);
        row("leading globstar top", "**/logs", "logs", true, I);
        row("trailing globstar inside", "logs/**", "logs/x/y", false, I);
        row("trailing globstar not dir itself", "logs/**", "logs", true, N);
        row("escaped hash", "\\#hash", "#hash", false, I);
        row("comment", "#hash", "#hash", false, N);
        row("escaped bang", "\\!bang", "!bang", false, I);
        row("trailing spaces stripped", "trail   ", "trail", false, I);
        row("escaped trailing space kept", "trail\\ ", "trail ", false, I);
        row("escaped trailing space not bare", "trail\\ ", "trail", false, N);
        row("anchored dir", "a/b/", "a/b", true, I);
        row("anchored dir not deeper", "a/b/", "x/a/b", true, N);
        row("whitelist dirs", "*|!*/|!*.c", "d", true, W);
        row("whitelist ext", "*|!*/|!*.c", "x.c", false, W);
        row("rest ignored", "*|!*/|!*.c", "x.h", false, I);
        row("last of same", "foo|!foo", "foo", false, W);
        row("blank and comments", "|# c|   ", "x", false, N);
        row("lone slash", "/", "x", true, N);
        row("question and class", "a?c.[ch]", "abc.h", false, I);
        row("crlf stripped like git", "x.txt\r", "x.txt", false, I);
    }

    void match() {
        QFETCH(QString, lines);
        QFETCH(QString, path);
        QFETCH(bool, isDir);
        QFETCH(IgnoreMatch, expected);
        IgnoreRules rules;
        const std::string text = lines.replace(QLatin1Char('|'), QLatin1Char('\n')).toStdString();
        QVERIFY(rules.add_file_text(text).empty());
        const std::string p = path.toStdString();
        const std::string name = p.substr(p.rfind('/') == std::string::npos ? 0 : p.rfind('/') + 1);
        QCOMPARE(rules.match(p, name, isDir), expected);
    }

    void parseFlags() {
        auto r = parse_ignore_line("!/a/b/");
        QVERIFY(r.has_value());
        QVERIFY(r->negated);
        QVERIFY(r->dir_only);
        QVERIFY(!r->basename_only);
        QCOMPARE(r->glob.pattern(), std::string("a/b"));
        auto b = parse_ignore_line("name/");
        QVERIFY(b->basename_only);
        QVERIFY(!parse_ignore_line("# comment").has_value());
        QVERIFY(!parse_ignore_line("    ").has_value());
    }

    void malformedLinesAreReportedAndNeverMatch() {
        IgnoreRules rules;
        const auto bad = rules.add_file_text("[abc\n*.o\n");
        QCOMPARE(bad.size(), std::size_t(1));
        QVERIFY(bad[0].find("[abc") != std::string::npos);
        QVERIFY(bad[0].starts_with("line 1: "));
        QCOMPARE(rules.match("[abc", "[abc", false), IgnoreMatch::None);
        QCOMPARE(rules.match("x.o", "x.o", false), IgnoreMatch::Ignore);
    }

    void excludesFileFromConfig_data() {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("expected");  // empty: not set
        QTest::newRow("tilde") << "[core]\n\texcludesFile = ~/x\n" << "/h/x";
        QTest::newRow("case and quotes") << "[Core]\n  ExcludesFile = \"/a b/c\" ; comment\n" << "/a b/c";
        QTest::newRow("other section") << "[user]\n excludesfile = /no\n" << "";
        QTest::newRow("last wins") << "[core]\nexcludesfile=/a\n[user]\nname=x\n[core]\nexcludesfile=/b\n" << "/b";
        QTest::newRow("same line as section") << "[core] excludesfile = /c\n" << "/c";
        QTest::newRow("hash comment") << "[core]\n# excludesfile = /no\n" << "";
    }

    void excludesFileFromConfig() {
        QFETCH(QString, config);
        QFETCH(QString, expected);
        const auto v = excludes_file_from_config(config.toStdString(), "/h");
        QCOMPARE(QString::fromStdString(v.value_or("")), expected);
    }

    void gitdirFile() {
        QCOMPARE(gitdir_from_gitfile("gitdir: ../.git/worktrees/x\n").value_or(""), std::string("../.git/worktrees/x"));
        QVERIFY(!gitdir_from_gitfile("nonsense").has_value());
    }
};

QTEST_GUILESS_MAIN(TestIgnoreRules)
#include "test_ignore_rules.moc"
