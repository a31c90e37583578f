// The options builder: what each command line turns into (engine options and output plan), the
// terminal-dependent defaults, and the flag combinations it rejects.
#include <QTest>

#include "cli/cli_args.h"
#include "cli/options_builder.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::cli;

namespace {

Plan plan_for(std::vector<std::string> args, Terminal terminal = {}) {
    return build_plan(parse_args(args), terminal);
}

const Terminal kPipe{false, true};
const Terminal kTty{true, true};
const Terminal kDumbTty{true, false};

// The data-driven rows hold their arguments as a QStringList.
Plan plan_for_row(const QStringList& args, Terminal terminal = {}) {
    std::vector<std::string> v;
    for (const QString& a : args) v.push_back(a.toStdString());
    return plan_for(std::move(v), terminal);
}

}  // namespace

class TestOptionsBuilder : public QObject {
    Q_OBJECT

private slots:
    void pattern_options() {
        // -x then -w: the last one counts, as in rg.
        const Plan p = plan_for({"-F", "-S", "-x", "-w", "--hyphen-mode=joining", "-e", "a", "-e", "b"});
        QCOMPARE(p.search.pattern.patterns, (std::vector<std::string>{"a", "b"}));
        QVERIFY(p.search.pattern.fixed_strings);
        QCOMPARE(p.search.pattern.case_mode, CaseMode::Smart);
        QVERIFY(p.search.pattern.whole_word);
        QVERIFY(!p.search.pattern.whole_line);
        QCOMPARE(p.search.pattern.hyphen_mode, HyphenMode::Joining);
    }

    void walk_options() {
        const Plan p = plan_for({"--hidden", "--no-ignore", "-L", "-g", "*.c", "--ignore", "x/*", "--extensions=rs",
                                 "--max-depth=3", "p", "src", "lib"});
        QCOMPARE(p.search.walk.roots.size(), 2u);
        QCOMPARE(p.search.walk.roots[0].string(), std::string("src"));
        QVERIFY(p.search.walk.include_hidden);
        QVERIFY(!p.search.walk.respect_ignore_files);
        QVERIFY(p.search.walk.follow_links);
        QCOMPARE(p.search.walk.globs, std::vector<std::string>{"*.c"});
        QCOMPARE(p.search.walk.ignore_globs, std::vector<std::string>{"x/*"});
        QCOMPARE(p.search.walk.extensions, std::vector<std::string>{"rs"});
        QCOMPARE(p.search.walk.max_depth, std::optional<std::size_t>(3));
        QVERIFY(!p.output.strip_dot_slash);
    }

    void defaults() {
        const Plan p = plan_for({"p"}, kPipe);
        QCOMPARE(p.search.walk.roots.size(), 1u);
        QCOMPARE(p.search.walk.roots[0].string(), std::string("."));
        QVERIFY(p.search.walk.respect_ignore_files);
        QVERIFY(!p.search.walk.include_hidden);
        QCOMPARE(p.search.processing.small_file_threshold, kDefaultSmallFileThreshold);
        QCOMPARE(p.search.processing.large_file_threshold, kDefaultLargeFileThreshold);
        QVERIFY(!p.search.processing.max_file_size);
        QCOMPARE(p.search.report.mode, ReportMode::Lines);
        QCOMPARE(p.search.threads, 0u);
        QCOMPARE(p.output.mode, OutputMode::Lines);
        QVERIFY(!p.output.line_numbers);  // piped: rg prints no line numbers
        QVERIFY(!p.output.heading);
        QVERIFY(!p.output.color);
        QVERIFY(p.output.with_filename);
        QVERIFY(p.output.strip_dot_slash);
        QVERIFY(!p.output.context);
        QVERIFY(!p.output.stats);
    }

    void processing_options() {
        const Plan p = plan_for({"--small-file-threshold=1K", "--large-file-threshold=2M", "--max-filesize=3G", "-j2", "p"});
        QCOMPARE(p.search.processing.small_file_threshold, std::uint64_t{1024});
        QCOMPARE(p.search.processing.large_file_threshold, std::uint64_t{2} << 20);
        QCOMPARE(p.search.processing.max_file_size, std::optional<std::uint64_t>(std::uint64_t{3} << 30));
        QCOMPARE(p.search.threads, 2u);
    }

    void context_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("before");
        QTest::addColumn<int>("after");
        QTest::addColumn<bool>("separators");
        using L = QStringList;
        QTest::newRow("none") << L{"p"} << 0 << 0 << false;
        QTest::newRow("-C2") << L{"-C2", "p"} << 2 << 2 << true;
        QTest::newRow("-A1") << L{"-A1", "p"} << 0 << 1 << true;
        QTest::newRow("-B3") << L{"-B3", "p"} << 3 << 0 << true;
        QTest::newRow("-A wins over a later -C") << L{"-A1", "-C5", "p"} << 5 << 1 << true;
        QTest::newRow("-B wins over an earlier -C") << L{"-C5", "-B0", "p"} << 0 << 5 << true;
        QTest::newRow("-C0") << L{"-C0", "p"} << 0 << 0 << false;
        QTest::newRow("-c drops context") << L{"-C2", "-c", "p"} << 0 << 0 << false;
        QTest::newRow("-l drops context") << L{"-C2", "-l", "p"} << 0 << 0 << false;
        QTest::newRow("--json keeps context") << L{"-C2", "--json", "p"} << 2 << 2 << true;
    }

    void context() {
        QFETCH(QStringList, args);
        QFETCH(int, before);
        QFETCH(int, after);
        QFETCH(bool, separators);
        const Plan p = plan_for_row(args);
        QCOMPARE(p.search.report.before_context, std::size_t(before));
        QCOMPARE(p.search.report.after_context, std::size_t(after));
        QCOMPARE(p.output.context, separators);
    }

    void modes_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("report");
        using L = QStringList;
        QTest::newRow("lines") << L{"p"} << int(OutputMode::Lines) << int(ReportMode::Lines);
        QTest::newRow("-c") << L{"-c", "p"} << int(OutputMode::Count) << int(ReportMode::Count);
        QTest::newRow("-l") << L{"-l", "p"} << int(OutputMode::FilesWithMatches) << int(ReportMode::FilesWithMatches);
        QTest::newRow("-l beats -c") << L{"-c", "-l", "p"} << int(OutputMode::FilesWithMatches)
                                     << int(ReportMode::FilesWithMatches);
        QTest::newRow("-c beats --json (rg)") << L{"--json", "-c", "p"} << int(OutputMode::Count) << int(ReportMode::Count);
        QTest::newRow("--json") << L{"--json", "p"} << int(OutputMode::Json) << int(ReportMode::Lines);
        QTest::newRow("-q stops at first file") << L{"-q", "p"} << int(OutputMode::Quiet)
                                                << int(ReportMode::FilesWithMatches);
        QTest::newRow("--stats-only counts everything") << L{"--stats-only", "p"} << int(OutputMode::StatsOnly)
                                                        << int(ReportMode::Lines);
        QTest::newRow("--files") << L{"--files"} << int(OutputMode::ListFiles) << int(ReportMode::Lines);
    }

    void modes() {
        QFETCH(QStringList, args);
        QFETCH(int, mode);
        QFETCH(int, report);
        const Plan p = plan_for_row(args);
        QCOMPARE(int(p.output.mode), mode);
        QCOMPARE(int(p.search.report.mode), report);
    }

    // The engine finds each line's single matches exactly when the output shows or counts them
    // (ReportOptions::match_spans): rg's printer with colour, --column, --vimgrep, -o, -r; --json,
    // --stats; Replace (--write, --dry-run). -M, -b, --trim and context do not need them.
    void match_spans_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("tty");
        QTest::addColumn<bool>("spans");
        using L = QStringList;
        QTest::newRow("plain, piped") << L{"p"} << false << false;
        QTest::newRow("plain, terminal (colour)") << L{"p"} << true << true;
        QTest::newRow("--color never on a terminal") << L{"--color", "never", "p"} << true << false;
        QTest::newRow("--color always") << L{"--color", "always", "p"} << false << true;
        QTest::newRow("-o") << L{"-o", "p"} << false << true;
        QTest::newRow("--column") << L{"--column", "p"} << false << true;
        QTest::newRow("--vimgrep") << L{"--vimgrep", "p"} << false << true;
        QTest::newRow("-r") << L{"-r", "x", "p"} << false << true;
        QTest::newRow("--json") << L{"--json", "p"} << false << true;
        QTest::newRow("--stats") << L{"--stats", "p"} << false << true;
        QTest::newRow("--stats-only") << L{"--stats-only", "p"} << false << true;
        QTest::newRow("--dry-run") << L{"-r", "x", "--dry-run", "p"} << false << true;
        QTest::newRow("-M") << L{"-M", "5", "p"} << false << false;
        QTest::newRow("-b --trim -C2 -v") << L{"-b", "--trim", "-C2", "-v", "p"} << false << false;
    }
    void match_spans() {
        QFETCH(QStringList, args);
        QFETCH(bool, tty);
        QFETCH(bool, spans);
        const Plan p = plan_for_row(args, tty ? kTty : kPipe);
        QCOMPARE(p.search.report.match_spans, spans);
    }

    void terminal_defaults_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("tty");
        QTest::addColumn<bool>("colorAllowed");
        QTest::addColumn<bool>("heading");
        QTest::addColumn<bool>("color");
        using L = QStringList;
        QTest::newRow("pipe") << L{"p"} << false << true << false << false;
        QTest::newRow("tty") << L{"p"} << true << true << true << true;
        QTest::newRow("dumb tty: headings, no colour") << L{"p"} << true << false << true << false;
        QTest::newRow("tty --no-heading") << L{"--no-heading", "p"} << true << true << false << true;
        QTest::newRow("tty --color never") << L{"--color=never", "p"} << true << true << true << false;
        QTest::newRow("pipe --color always --heading") << L{"--color=always", "--heading", "p"} << false << true << true << true;
        QTest::newRow("tty -c: no heading") << L{"-c", "p"} << true << true << false << true;
        QTest::newRow("tty --json: no heading") << L{"--json", "p"} << true << true << false << true;
    }

    void terminal_defaults() {
        QFETCH(QStringList, args);
        QFETCH(bool, tty);
        QFETCH(bool, colorAllowed);
        QFETCH(bool, heading);
        QFETCH(bool, color);
        const Plan p = plan_for_row(args, Terminal{tty, colorAllowed});
        QCOMPARE(p.output.heading, heading);
        QCOMPARE(p.output.color, color);
    }

    // rg: no file names when exactly one path is given and it is not a directory.
    void with_filename() {
        TestTree tree;
        const std::string file = tree.write(QStringLiteral("a.txt"), "x\n");
        const std::string dir = tree.mkdir(QStringLiteral("d"));
        QVERIFY(!plan_for({"p", file}).output.with_filename);
        QVERIFY(plan_for({"p", dir}).output.with_filename);
        QVERIFY(plan_for({"p", file, file}).output.with_filename);
        QVERIFY(plan_for({"p"}).output.with_filename);
        QVERIFY(plan_for({"-H", "p", file}).output.with_filename);
        QVERIFY(!plan_for({"-I", "p", dir}).output.with_filename);
        QVERIFY(plan_for({"-l", "p", file}).output.with_filename);
        QVERIFY(!plan_for({"-c", "p", file}).output.with_filename);
        QVERIFY(!plan_for({"p", tree.path(QStringLiteral("missing"))}).output.with_filename);
    }

    // rg: line numbers on a terminal unless only standard input is searched; always in --json;
    // -n and -N decide over both.
    void line_numbers() {
        Terminal tty_with_stdin = kTty;
        tty_with_stdin.stdin_readable = true;
        QVERIFY(plan_for({"p"}, kTty).output.line_numbers);
        QVERIFY(!plan_for({"p"}, kPipe).output.line_numbers);
        QVERIFY(!plan_for({"p", "-"}, kTty).output.line_numbers);
        QVERIFY(!plan_for({"p"}, tty_with_stdin).output.line_numbers);  // searches stdin alone
        QVERIFY(plan_for({"p", "-", "src"}, kTty).output.line_numbers);
        QVERIFY(plan_for({"--json", "p"}, kPipe).output.line_numbers);
        QVERIFY(plan_for({"-n", "p"}, kPipe).output.line_numbers);
        QVERIFY(!plan_for({"-N", "p"}, kTty).output.line_numbers);
        QVERIFY(!plan_for({"-N", "--json", "p"}, kPipe).output.line_numbers);
    }

    // rg: without a PATH, standard input is searched when it is a file or a pipe; "-" names it.
    void standard_input() {
        Terminal piped = kPipe;
        piped.stdin_readable = true;
        const auto roots = [](const Plan& p) {
            std::vector<std::string> out;
            for (const auto& root : p.search.walk.roots) out.push_back(root.string());
            return out;
        };
        const Plan from_stdin = plan_for({"p"}, piped);
        QCOMPARE(roots(from_stdin), std::vector<std::string>{"-"});
        QVERIFY(!from_stdin.output.with_filename);
        QCOMPARE(roots(plan_for({"-c", "p"}, piped)), std::vector<std::string>{"-"});
        QCOMPARE(roots(plan_for({"--json", "p"}, piped)), std::vector<std::string>{"-"});
        QVERIFY(plan_for({"-l", "p"}, piped).output.with_filename);  // -l prints "<stdin>"
        QCOMPARE(roots(plan_for({"p"}, kPipe)), std::vector<std::string>{"."});  // stdin a terminal or /dev/null
        QCOMPARE(roots(plan_for({"--files"}, piped)), std::vector<std::string>{"."});
        QCOMPARE(roots(plan_for({"p", "src"}, piped)), std::vector<std::string>{"src"});
        QVERIFY(!plan_for({"p", "-"}).output.with_filename);
        QVERIFY(plan_for({"p", "-", "-"}).output.with_filename);
        QVERIFY(plan_for({"-H", "p", "-"}).output.with_filename);
    }

    void stats_and_metrics() {
        QVERIFY(plan_for({"--stats", "p"}).output.stats);
        QVERIFY(plan_for({"--stats-only", "p"}).output.stats);
        QCOMPARE(plan_for({"--stats", "p"}).output.metrics_format, MetricsFormat::Text);
        QCOMPARE(plan_for({"--stats-only", "--metrics-format", "prometheus", "p"}).output.metrics_format,
                 MetricsFormat::Prometheus);
        QVERIFY(plan_for({"--sort=path", "p"}).output.sort_by_path);
    }

    void rejected_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        using L = QStringList;
        QTest::newRow("metrics format alone") << L{"--metrics-format=prometheus", "p"} << "--metrics-format applies to";
        QTest::newRow("--files with -e") << L{"--files", "-e", "x"} << "--files lists files";
        QTest::newRow("--stats-only --json") << L{"--stats-only", "--json", "p"} << "--stats-only cannot be combined with --json";
        QTest::newRow("--stats-only --files") << L{"--stats-only", "--files"} << "--stats-only cannot be combined with --files";
    }

    void rejected() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        try {
            plan_for_row(args);
            QFAIL("expected a UsageError");
        } catch (const UsageError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestOptionsBuilder)
#include "test_options_builder.moc"
