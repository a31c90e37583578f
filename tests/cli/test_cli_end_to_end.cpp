// The real codescout-cli binary: exit codes (compared with rg's where rg has the same flags),
// usage errors, invalid patterns, per-file errors, single-file output, --stats-only and
// Prometheus output, --json parsed back, --files, --sort path, and a reader that goes away.
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include "process_runner.h"
#include "test_tree.h"

using namespace Qt::StringLiterals;

namespace {

QString rg_path() { return QStandardPaths::findExecutable(QStringLiteral("rg")); }

QStringList lines_of(const QByteArray& out) {
    QStringList lines = QString::fromUtf8(out).split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    return lines;
}

}  // namespace

class TestCliEndToEnd : public QObject {
    Q_OBJECT

private:
    TestTree tree_;
    QString root_;

private slots:
    void initTestCase() {
        QVERIFY(tree_.isValid());
        QVERIFY2(QFileInfo(cli_path()).isExecutable(), qPrintable(cli_path()));
        tree_.write(QStringLiteral("a/one.txt"), "foo1\nx\ny\nz\nw\nfoo2\nq\n");
        tree_.write(QStringLiteral("a/b/two.txt"), "foo3\nbar\n");
        tree_.write(QStringLiteral("none.txt"), "bar\n");
        tree_.mkdir(QStringLiteral("empty"));
        root_ = QString::fromStdString(tree_.root());
    }

    void exit_codes_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("expected");
        QTest::addColumn<bool>("compareWithRg");  // rg has the same flags: its status must agree
        QTest::addColumn<QString>("stderrContains");
        using L = QStringList;
        QTest::newRow("match") << L{"foo", "."} << 0 << true << QString();
        QTest::newRow("implicit root") << L{"foo"} << 0 << true << QString();
        QTest::newRow("no match") << L{"zzz", "."} << 1 << true << QString();
        QTest::newRow("-c match") << L{"-c", "foo", "a"} << 0 << true << QString();
        QTest::newRow("-l no match") << L{"-l", "zzz", "a"} << 1 << true << QString();
        QTest::newRow("-q match") << L{"-q", "foo", "a"} << 0 << true << QString();
        QTest::newRow("-q no match") << L{"-q", "zzz", "a"} << 1 << true << QString();
        QTest::newRow("-m 0") << L{"-m", "0", "foo", "a"} << 1 << true << QString();
        QTest::newRow("empty directory") << L{"foo", "empty"} << 1 << true << QString();
        QTest::newRow("--files") << L{"--files", "a"} << 0 << true << QString();
        QTest::newRow("--files nothing") << L{"--files", "empty"} << 1 << true << QString();
        QTest::newRow("missing path + match: error wins") << L{"foo", "missing", "a"} << 2 << true
                                                          << QStringLiteral("codescout-cli: missing: ");
        QTest::newRow("missing path + match + -q") << L{"-q", "foo", "missing", "a"} << 0 << true << QString();
        QTest::newRow("missing path, no match") << L{"zzz", "missing", "a"} << 2 << true << QStringLiteral("missing");
        QTest::newRow("--files with a missing path") << L{"--files", "missing", "a"} << 2 << true << QStringLiteral("missing");
        QTest::newRow("unknown flag") << L{"--bogus", "foo"} << 2 << true << QStringLiteral("error: unrecognized flag --bogus");
        QTest::newRow("missing value") << L{"foo", "-A"} << 2 << true << QStringLiteral("error: missing value for flag -A");
        QTest::newRow("bad number") << L{"-A", "x", "foo"} << 2 << true << QStringLiteral("error: invalid value 'x' for -A");
        QTest::newRow("no pattern") << L{} << 2 << true << QStringLiteral("error: no pattern given");
        QTest::newRow("invalid regex") << L{"foo(", "a"} << 2 << true << QStringLiteral("invalid pattern 'foo('");
        QTest::newRow("invalid second pattern") << L{"-e", "foo", "-e", "[z-a]", "a"} << 2 << true
                                                << QStringLiteral("invalid pattern '[z-a]'");
        QTest::newRow("invalid glob") << L{"-g", "a[", "foo", "a"} << 2 << true << QString();
        QTest::newRow("--help") << L{"--help"} << 0 << true << QString();
        QTest::newRow("--version") << L{"-V"} << 0 << true << QString();
        QTest::newRow("--metrics-format alone") << L{"--metrics-format=prometheus", "foo"} << 2 << false
                                                << QStringLiteral("--metrics-format applies to");
        QTest::newRow("--stats-only match") << L{"--stats-only", "foo", "a"} << 0 << false << QString();
        QTest::newRow("--stats-only no match") << L{"--stats-only", "zzz", "a"} << 1 << false << QString();
        QTest::newRow("bad threshold") << L{"--small-file-threshold=100", "--large-file-threshold=10", "foo", "a"} << 2
                                       << false << QString();
        QTest::newRow("bad hyphen mode") << L{"--hyphen-mode", "x", "foo"} << 2 << false
                                         << QStringLiteral("invalid value 'x' for --hyphen-mode");
    }

    void exit_codes() {
        QFETCH(QStringList, args);
        QFETCH(int, expected);
        QFETCH(bool, compareWithRg);
        QFETCH(QString, stderrContains);
        const ProcessResult r = run_cli(args, root_);
        QVERIFY2(r.exit_code == expected, qPrintable(r.describe()));
        if (!stderrContains.isEmpty()) QVERIFY2(r.err.contains(stderrContains.toUtf8()), r.err.constData());
        if (expected == 2 && r.err.contains("error: ")) {
            // Usage errors end with the usage line.
            QVERIFY2(r.err.contains("Usage: codescout-cli [OPTIONS] PATTERN [PATH...]") ||
                         !r.err.startsWith("error: "),
                     r.err.constData());
        }
        if (compareWithRg && !rg_path().isEmpty()) {
            const ProcessResult rg = run_program(rg_path(), args, root_);
            QVERIFY2(rg.exit_code == r.exit_code,
                     qPrintable(QStringLiteral("rg: %1 / codescout-cli: %2").arg(rg.describe(), r.describe())));
        }
    }

    // An ignore-file line that cannot be parsed is a warning, as in rg: the rest of the file
    // still applies and the exit status is that of the search.
    void malformed_ignore_line_is_a_warning() {
        TestTree t;
        t.write(QStringLiteral(".ignore"), "unclosed[\nskip.txt\n");
        t.write(QStringLiteral("keep.txt"), "foo\n");
        t.write(QStringLiteral("skip.txt"), "foo\n");
        const QString root = QString::fromStdString(t.root());
        const QStringList args{QStringLiteral("-l"), QStringLiteral("foo")};
        const ProcessResult r = run_cli(args, root);
        QCOMPARE(r.exit_code, 0);
        QCOMPARE(r.out, QByteArray("keep.txt\n"));
        QVERIFY2(r.err.contains("warning: ") && r.err.contains("unclosed["), r.err.constData());
        if (!rg_path().isEmpty()) {
            const ProcessResult rg = run_program(rg_path(), args, root);
            QCOMPARE(rg.exit_code, r.exit_code);
            QCOMPARE(rg.out, r.out);
        }
    }

    void usage_errors_print_usage() {
        const ProcessResult r = run_cli({QStringLiteral("--nope")}, root_);
        QCOMPARE(r.exit_code, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err, QByteArray("error: unrecognized flag --nope\n"
                                   "Usage: codescout-cli [OPTIONS] PATTERN [PATH...]\n"
                                   "       codescout-cli [OPTIONS] -e PATTERN... [PATH...]\n"
                                   "       codescout-cli [OPTIONS] --files [PATH...]\n"
                                   "       codescout-cli [OPTIONS] -r TEXT (--write | --dry-run) PATTERN [PATH...]\n"
                                   "       codescout-cli --undo-list | --undo [ID]\n"
                                   "Try 'codescout-cli --help' for more information.\n"));
    }

    void version_line() {
        const ProcessResult r = run_cli({QStringLiteral("--version")}, root_);
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^codescout-cli \d+\.\d+\.\d+\n$)")).match(QString::fromUtf8(r.out)).hasMatch(),
                 r.out.constData());
    }

    // An invalid pattern is rejected before any file is read: nothing on stdout, even with paths
    // that would produce errors (the path that does not exist is never visited).
    void invalid_pattern_fails_before_reading() {
        const ProcessResult r = run_cli({QStringLiteral("a(b"), QStringLiteral("no-such-dir"), QStringLiteral(".")}, root_);
        QCOMPARE(r.exit_code, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(!r.err.contains("no-such-dir"), r.err.constData());
        QVERIFY2(r.err.startsWith("codescout-cli: invalid pattern 'a(b': "), r.err.constData());
    }

    void single_file_omits_the_path() {
        const ProcessResult r = run_cli({QStringLiteral("foo"), QStringLiteral("a/one.txt")}, root_);
        QCOMPARE(r.exit_code, 0);
        QCOMPARE(r.out, QByteArray("foo1\nfoo2\n"));  // piped: no line numbers, as rg
        const ProcessResult c = run_cli({QStringLiteral("-c"), QStringLiteral("foo"), QStringLiteral("a/one.txt")}, root_);
        QCOMPARE(c.out, QByteArray("2\n"));
        const ProcessResult h = run_cli({QStringLiteral("-H"), QStringLiteral("foo"), QStringLiteral("a/one.txt")}, root_);
        QCOMPARE(h.out, QByteArray("a/one.txt:foo1\na/one.txt:foo2\n"));
    }

    void context_separators_between_files() {
        const ProcessResult r = run_cli({QStringLiteral("--sort=path"), QStringLiteral("-C1"), QStringLiteral("foo")}, root_);
        QCOMPARE(r.exit_code, 0);
        QCOMPARE(r.out, QByteArray("a/b/two.txt:foo3\na/b/two.txt-bar\n--\n"
                                   "a/one.txt:foo1\na/one.txt-x\n--\na/one.txt-w\na/one.txt:foo2\na/one.txt-q\n"));
    }

    void stats_only_block() {
        TestTree t;
        t.write(QStringLiteral("small.txt"), QByteArray(50, 'a') + "\nneedle\n");
        t.write(QStringLiteral("medium.txt"), QByteArray(500, 'b') + "\nneedle\n");
        t.write(QStringLiteral("large.txt"), QByteArray(5000, 'c') + "\nneedle needle\n");
        const ProcessResult r = run_program(cli_path(),
                                            {QStringLiteral("--stats-only"), QStringLiteral("--small-file-threshold=100"),
                                             QStringLiteral("--large-file-threshold=1000"), QStringLiteral("needle")},
                                            QString::fromStdString(t.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        const QStringList lines = lines_of(r.out);
        QVERIFY2(lines.size() >= 7, r.out.constData());
        const QString number = QStringLiteral(R"((0|[1-9]\d{0,2}(,\d{3})*))");
        const QStringList patterns = {
            QStringLiteral("^Memory usage stats:$"),
            QStringLiteral("^Total allocated: 0 bytes$"),  // every buffer released at the end
            QStringLiteral("^Peak allocated: %1 bytes$").arg(number),
            QStringLiteral("^Memory mapped: 0 bytes$"),
            QStringLiteral("^Cache size: %1 bytes$").arg(number),
            QStringLiteral("^Cache hits/misses: %1/%1$").arg(number),
            QStringLiteral("^Files processed \\(small/buffered/mmap\\): 1/1/1$"),
        };
        for (int i = 0; i < patterns.size(); ++i) {
            QVERIFY2(QRegularExpression(patterns[i]).match(lines[i]).hasMatch(), qPrintable(lines[i]));
        }
        QVERIFY2(lines.contains(QStringLiteral("Files searched: 3")), r.out.constData());
        QVERIFY2(lines.contains(QStringLiteral("Matches: 4")), r.out.constData());
        QVERIFY(!r.out.contains("needle"));  // no results printed
    }

    void stats_only_thousands_separators() {
        TestTree t;
        for (int i = 0; i < 1100; ++i) t.write(QStringLiteral("d%1/f%2.txt").arg(i % 10).arg(i), "hit\n");
        const ProcessResult r = run_program(cli_path(), {QStringLiteral("--stats-only"), QStringLiteral("hit")},
                                            QString::fromStdString(t.root()));
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.out.contains("Files processed (small/buffered/mmap): 1,100/0/0\n"), r.out.constData());
        QVERIFY2(r.out.contains("Files searched: 1,100\n"), r.out.constData());
    }

    void prometheus_output() {
        const ProcessResult r = run_cli({QStringLiteral("--stats-only"), QStringLiteral("--metrics-format"),
                                         QStringLiteral("prometheus"), QStringLiteral("foo")},
                                        root_);
        QCOMPARE(r.exit_code, 0);
        QVERIFY(r.out.startsWith("# HELP codescout_"));
        QVERIFY2(r.out.contains("\ncodescout_memory_allocated_bytes 0\n"), r.out.constData());
        QVERIFY2(r.out.contains("\ncodescout_files_processed_total{strategy=\"small\"} 3\n"), r.out.constData());
        QVERIFY2(r.out.contains("\ncodescout_search_files_matched_total 2\n"), r.out.constData());
        QVERIFY(!r.out.contains("Memory usage stats"));

        const ProcessResult s = run_cli({QStringLiteral("--stats"), QStringLiteral("--metrics-format=prometheus"),
                                         QStringLiteral("--sort=path"), QStringLiteral("foo")},
                                        root_);
        QCOMPARE(s.exit_code, 0);
        QVERIFY2(s.out.startsWith("a/b/two.txt:foo3\na/one.txt:foo1\na/one.txt:foo2\n\n# HELP codescout_"),
                 s.out.constData());
    }

    void stats_after_results() {
        const ProcessResult r = run_cli({QStringLiteral("--stats"), QStringLiteral("--sort=path"), QStringLiteral("foo")}, root_);
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.out.startsWith("a/b/two.txt:foo3\na/one.txt:foo1\na/one.txt:foo2\n\n3 matches\n3 matched lines\n"
                                  "2 files contained matches\n3 files searched\n"),
                 r.out.constData());
        QVERIFY(r.out.contains("\nMemory usage stats:\nTotal allocated: 0 bytes\n"));
        QVERIFY(r.out.contains("\nFiles processed (small/buffered/mmap): 3/0/0\n"));
    }

    void json_parsed_back() {
        const ProcessResult r = run_cli({QStringLiteral("--json"), QStringLiteral("--sort=path"), QStringLiteral("-C1"),
                                         QStringLiteral("foo")},
                                        root_);
        QCOMPARE(r.exit_code, 0);
        QStringList types;
        QStringList texts;
        QJsonObject summary;
        for (const QByteArray& line : r.out.split('\n')) {
            if (line.isEmpty()) continue;
            QJsonParseError e;
            const QJsonObject o = QJsonDocument::fromJson(line, &e).object();
            QVERIFY2(e.error == QJsonParseError::NoError, line.constData());
            types << o[u"type"].toString();
            if (o[u"type"].toString() == u"match" || o[u"type"].toString() == u"context") {
                texts << o[u"data"][u"path"][u"text"].toString() + u':' +
                             QString::number(o[u"data"][u"line_number"].toInt()) + u':' +
                             o[u"data"][u"lines"][u"text"].toString();
            }
            if (o[u"type"].toString() == u"summary") summary = o[u"data"].toObject();
        }
        QCOMPARE(types, (QStringList{u"begin"_s, u"match"_s, u"context"_s, u"end"_s, u"begin"_s, u"match"_s,
                                     u"context"_s, u"context"_s, u"match"_s, u"context"_s, u"end"_s, u"summary"_s}));
        QCOMPARE(texts, (QStringList{u"a/b/two.txt:1:foo3\n"_s, u"a/b/two.txt:2:bar\n"_s, u"a/one.txt:1:foo1\n"_s,
                                     u"a/one.txt:2:x\n"_s, u"a/one.txt:5:w\n"_s, u"a/one.txt:6:foo2\n"_s,
                                     u"a/one.txt:7:q\n"_s}));
        QCOMPARE(summary[u"stats"][u"matches"].toInt(), 3);
        QCOMPARE(summary[u"stats"][u"searches_with_match"].toInt(), 2);
        // As rg 14 counts: only the printed files (none.txt, searched without a match, counts
        // nowhere), and of their output the messages before each "end".
        QCOMPARE(summary[u"stats"][u"searches"].toInt(), 2);
        qsizetype before_ends = 0;
        for (const QByteArray& line : r.out.split('\n')) {
            if (!line.isEmpty() && !line.startsWith("{\"type\":\"end\"") && !line.contains("\"type\":\"summary\"")) {
                before_ends += line.size() + 1;
            }
        }
        QCOMPARE(summary[u"stats"][u"bytes_printed"].toInt(), before_ends);
    }

    void files_listing() {
        const ProcessResult r = run_cli({QStringLiteral("--files"), QStringLiteral("--sort"), QStringLiteral("path")}, root_);
        QCOMPARE(r.exit_code, 0);
        QCOMPARE(r.out, QByteArray("a/b/two.txt\na/one.txt\nnone.txt\n"));
        const ProcessResult dot = run_cli({QStringLiteral("--files"), QStringLiteral("--sort=path"), QStringLiteral(".")}, root_);
        QCOMPARE(dot.out, QByteArray("./a/b/two.txt\n./a/one.txt\n./none.txt\n"));
    }

    // `codescout-cli ... | head -1`: the reader goes away; the CLI stops quietly with status 0
    // (as rg does), no "broken pipe" message, and does not hang.
    void closed_pipe_ends_quietly() {
        TestTree t;
        QByteArray big;
        for (int i = 0; i < 200000; ++i) big += "match line " + QByteArray::number(i) + "\n";
        t.write(QStringLiteral("big.txt"), big);
        const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
        if (bash.isEmpty()) QSKIP("bash is needed for PIPESTATUS");
        const QString script = QStringLiteral("'%1' match . | head -n 1 >/dev/null; echo \"status=${PIPESTATUS[0]}\"").arg(cli_path());
        const ProcessResult r = run_program(bash, {QStringLiteral("-c"), script}, QString::fromStdString(t.root()));
        QCOMPARE(r.out, QByteArray("status=0\n"));
        QVERIFY2(r.err.isEmpty(), r.err.constData());
    }

    // Where CodeScout deliberately differs from rg: rg --hidden descends into .git, CodeScout
    // never searches it (issue 2: ".git never searched").
    void dot_git_never_searched() {
        TestTree t;
        t.write(QStringLiteral(".git/config"), "foo in git config\n");
        t.write(QStringLiteral(".git/objects/x"), "foo object\n");
        t.write(QStringLiteral("a.txt"), "foo\n");
        const QString root = QString::fromStdString(t.root());
        const ProcessResult r = run_program(cli_path(), {QStringLiteral("--hidden"), QStringLiteral("--no-ignore"),
                                                         QStringLiteral("--sort=path"), QStringLiteral("foo")},
                                            root);
        QCOMPARE(r.out, QByteArray("a.txt:foo\n"));
        const ProcessResult f = run_program(cli_path(), {QStringLiteral("--files"), QStringLiteral("--hidden"),
                                                         QStringLiteral("--no-ignore")},
                                            root);
        QCOMPARE(f.out, QByteArray("a.txt\n"));
    }

    // A failing output (disk full) is an error: status 2 and a message, for searches and --files.
    void write_error_is_reported() {
        if (!QFileInfo::exists(QStringLiteral("/dev/full"))) QSKIP("no /dev/full here");
        const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
        if (bash.isEmpty()) QSKIP("bash is needed for the redirection");
        for (const QString& args : {QStringLiteral("foo ."), QStringLiteral("--files")}) {
            const QString script = QStringLiteral("'%1' %2 >/dev/full").arg(cli_path(), args);
            const ProcessResult r = run_program(bash, {QStringLiteral("-c"), script}, root_);
            QVERIFY2(r.exit_code == 2, qPrintable(args + u' ' + r.describe()));
            QVERIFY2(r.err.contains("codescout-cli: error writing to standard output: No space left on device"),
                     r.err.constData());
        }
    }

    void per_file_errors_keep_going() {
        const ProcessResult r = run_cli({QStringLiteral("foo"), QStringLiteral("missing1"), QStringLiteral("a"),
                                         QStringLiteral("missing2")},
                                        root_);
        QCOMPARE(r.exit_code, 2);
        QCOMPARE(lines_of(r.out).size(), 3);  // every match still printed
        const QStringList errors = lines_of(r.err);
        QCOMPARE(errors.size(), 2);
        for (const QString& e : errors) QVERIFY2(e.startsWith(u"codescout-cli: missing"), qPrintable(e));
    }
};

QTEST_GUILESS_MAIN(TestCliEndToEnd)
#include "test_cli_end_to_end.moc"
