// The command-line parser: a table of valid command lines and what they set, and a table of
// invalid ones and the error each gives.
#include <QStringList>
#include <QTest>

#include <sstream>

#include "cli/cli_args.h"

using namespace codescout;
using namespace codescout::cli;

namespace {

template <typename T>
std::string join(const std::vector<T>& items) {
    std::ostringstream out;
    out << '[';
    for (std::size_t i = 0; i < items.size(); ++i) out << (i ? "," : "") << items[i];
    out << ']';
    return out.str();
}

template <typename T>
std::string opt(const std::optional<T>& value) {
    return value ? std::to_string(*value) : std::string("unset");
}

std::string opt_bool(const std::optional<bool>& value) { return value ? (*value ? "1" : "0") : "unset"; }

// Every field of CliArgs as "key=value" words, so a test row names just the keys it cares about.
QStringList describe(const CliArgs& a) {
    const char* cases[] = {"sensitive", "insensitive", "smart"};
    const char* colors[] = {"never", "auto", "always"};
    std::vector<std::string> words = {
        "patterns=" + join(a.patterns),
        "paths=" + join(a.paths),
        "F=" + std::to_string(a.fixed_strings),
        "case=" + std::string(cases[static_cast<int>(a.case_mode)]),
        "w=" + std::to_string(a.word_regexp),
        "x=" + std::to_string(a.line_regexp),
        std::string("hyphen=") + (a.hyphen_mode == HyphenMode::Boundary ? "boundary" : "joining"),
        "globs=" + join(a.globs),
        "ignore=" + join(a.ignore_globs),
        "extensions=" + join(a.extensions),
        "hidden=" + std::to_string(a.hidden),
        "no-ignore=" + std::to_string(a.no_ignore),
        "L=" + std::to_string(a.follow_links),
        "max-depth=" + opt(a.max_depth),
        "max-filesize=" + opt(a.max_filesize),
        "A=" + opt(a.after_context),
        "B=" + opt(a.before_context),
        "C=" + opt(a.context),
        "c=" + std::to_string(a.count),
        "l=" + std::to_string(a.files_with_matches),
        "files-without-match=" + std::to_string(a.files_without_match),
        "count-matches=" + std::to_string(a.count_matches),
        "m=" + opt(a.max_count),
        "q=" + std::to_string(a.quiet),
        "threads=" + std::to_string(a.threads),
        "small=" + opt(a.small_file_threshold),
        "large=" + opt(a.large_file_threshold),
        "files=" + std::to_string(a.list_files),
        std::string("sort=") + (a.sort == SortMode::Path ? "path" : "none"),
        "json=" + std::to_string(a.json),
        "n=" + opt_bool(a.line_number),
        "color=" + std::string(colors[static_cast<int>(a.color)]),
        "heading=" + opt_bool(a.heading),
        "with-filename=" + opt_bool(a.with_filename),
        "stats=" + std::to_string(a.stats),
        "stats-only=" + std::to_string(a.stats_only),
        std::string("metrics=") +
            (!a.metrics_format ? "unset" : *a.metrics_format == MetricsFormat::Text ? "text" : "prometheus"),
        "v=" + std::to_string(a.invert),
        "o=" + std::to_string(a.only_matching),
        "r=" + a.replacement.value_or("unset"),
        "types=" + std::to_string(a.type_changes.size()),
        "type-list=" + std::to_string(a.type_list),
        "u=" + std::to_string(a.unrestricted),
        "a=" + std::to_string(a.text),
        "M=" + opt(a.max_columns),
        "null=" + std::to_string(a.null),
        "null-data=" + std::to_string(a.null_data),
        "help=" + std::to_string(a.help),
        "version=" + std::to_string(a.version),
    };
    QStringList out;
    for (const auto& w : words) out << QString::fromStdString(w);
    return out;
}

std::vector<std::string> to_args(const QStringList& list) {
    std::vector<std::string> args;
    for (const QString& s : list) args.push_back(s.toStdString());
    return args;
}

}  // namespace

class TestCliArgs : public QObject {
    Q_OBJECT

private slots:
    void valid_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected");  // "key=value" words that must be in describe()
        using L = QStringList;
        QTest::newRow("pattern only") << L{"foo"} << L{"patterns=[foo]", "paths=[]", "n=unset", "color=auto"};
        QTest::newRow("pattern and paths") << L{"foo", "a", "b/c"} << L{"patterns=[foo]", "paths=[a,b/c]"};
        QTest::newRow("-e twice, all positionals are paths")
            << L{"-e", "foo", "-ebar", "src"} << L{"patterns=[foo,bar]", "paths=[src]"};
        QTest::newRow("--regexp=") << L{"--regexp=a=b", "--regexp", "-x"} << L{"patterns=[a=b,-x]", "paths=[]"};
        QTest::newRow("combined short flags") << L{"-iwxF", "foo"} << L{"case=insensitive", "w=0", "x=1", "F=1"};
        QTest::newRow("-x then -w: the last counts") << L{"-x", "-w", "foo"} << L{"w=1", "x=0"};
        QTest::newRow("last case flag wins") << L{"-i", "-S", "foo"} << L{"case=smart"};
        QTest::newRow("-s after -i") << L{"-is", "foo"} << L{"case=sensitive"};
        QTest::newRow("-A3 -B 2 -C=") << L{"-A3", "-B", "2", "--context=4", "p"} << L{"A=3", "B=2", "C=4"};
        QTest::newRow("value glued in a cluster") << L{"-iA5", "p"} << L{"case=insensitive", "A=5"};
        QTest::newRow("value after a cluster") << L{"-cm", "7", "p"} << L{"c=1", "m=7"};
        QTest::newRow("globs repeat") << L{"-g", "*.c", "--glob=!*.h", "-g*.rs", "p"} << L{"globs=[*.c,!*.h,*.rs]"};
        QTest::newRow("--ignore repeats") << L{"--ignore", "*.o", "--ignore=build/**", "p"} << L{"ignore=[*.o,build/**]"};
        QTest::newRow("--extensions lists") << L{"--extensions", "rs,.cpp,,H", "--extensions=c", "p"}
                                            << L{"extensions=[rs,cpp,H,c]"};
        QTest::newRow("walk flags") << L{"--hidden", "--no-ignore", "-L", "--max-depth", "2", "p"}
                                    << L{"hidden=1", "no-ignore=1", "L=1", "max-depth=2"};
        QTest::newRow("sizes with suffixes")
            << L{"--max-filesize", "50K", "--small-file-threshold=1m", "--large-file-threshold", "1G", "p"}
            << L{"max-filesize=51200", "small=1048576", "large=1073741824"};
        QTest::newRow("plain size") << L{"--small-file-threshold=4096", "p"} << L{"small=4096"};
        QTest::newRow("-j and --threads") << L{"-j", "3", "p"} << L{"threads=3"};
        QTest::newRow("--threads=") << L{"--threads=0", "p"} << L{"threads=0"};
        // -c, -l, --files-without-match, --count-matches and --json: the last one wins, as in rg.
        QTest::newRow("-c -l -q") << L{"-clq", "p"} << L{"c=0", "l=1", "q=1"};
        QTest::newRow("-l then -c") << L{"-l", "-c", "p"} << L{"c=1", "l=0"};
        QTest::newRow("--json then --count-matches") << L{"--json", "--count-matches", "p"} << L{"json=0", "count-matches=1"};
        QTest::newRow("-c then --json") << L{"-c", "--json", "p"} << L{"c=0", "json=1"};
        QTest::newRow("-l then --files-without-match") << L{"-l", "--files-without-match", "p"} << L{"l=0", "files-without-match=1"};
        QTest::newRow("-N then -n") << L{"-N", "-n", "p"} << L{"n=1"};
        QTest::newRow("--no-line-number") << L{"--no-line-number", "p"} << L{"n=0"};
        QTest::newRow("heading flags") << L{"--heading", "--no-heading", "p"} << L{"heading=0"};
        QTest::newRow("filename flags") << L{"-H", "p"} << L{"with-filename=1"};
        QTest::newRow("--no-filename") << L{"--no-filename", "p"} << L{"with-filename=0"};
        QTest::newRow("--color always") << L{"--color", "always", "p"} << L{"color=always"};
        QTest::newRow("--color=never") << L{"--color=never", "p"} << L{"color=never"};
        QTest::newRow("--hyphen-mode") << L{"-w", "--hyphen-mode", "joining", "p"} << L{"w=1", "hyphen=joining"};
        QTest::newRow("--sort path --json") << L{"--sort", "path", "--json", "p"} << L{"sort=path", "json=1"};
        QTest::newRow("stats") << L{"--stats", "--metrics-format=prometheus", "p"} << L{"stats=1", "metrics=prometheus"};
        QTest::newRow("stats-only") << L{"--stats-only", "p"} << L{"stats-only=1", "metrics=unset"};
        QTest::newRow("--files takes paths only") << L{"--files", "a", "b"} << L{"files=1", "patterns=[]", "paths=[a,b]"};
        QTest::newRow("-- ends options") << L{"--", "-foo", "-i"} << L{"patterns=[-foo]", "paths=[-i]", "case=sensitive"};
        QTest::newRow("-- after a flag") << L{"-i", "--", "--json"} << L{"patterns=[--json]", "json=0"};
        QTest::newRow("lone dash is a path") << L{"foo", "-"} << L{"paths=[-]"};
        QTest::newRow("-m 0") << L{"-m0", "p"} << L{"m=0"};
        QTest::newRow("help without pattern") << L{"-h"} << L{"help=1"};
        QTest::newRow("--version") << L{"--version"} << L{"version=1"};
        QTest::newRow("-V") << L{"-V"} << L{"version=1"};
        QTest::newRow("-uuu counts") << L{"-uuu", "p"} << L{"u=3"};
        QTest::newRow("-u -u") << L{"-u", "--unrestricted", "p"} << L{"u=2"};
        QTest::newRow("-vo -r") << L{"-vor", "$1", "p"} << L{"v=1", "o=1", "r=$1", "patterns=[p]"};
        QTest::newRow("-r with an empty replacement") << L{"-r", "", "p"} << L{"r=", "patterns=[p]"};
        QTest::newRow("types in order") << L{"-tc", "-T", "rust", "--type-add=x:*.x", "--type-clear", "c", "p"} << L{"types=4"};
        QTest::newRow("--type-list needs no pattern") << L{"--type-list"} << L{"type-list=1", "patterns=[]"};
        QTest::newRow("-M 0") << L{"-M", "0", "p"} << L{"M=0"};
        QTest::newRow("-0 -a -P") << L{"-0aP", "p"} << L{"null=1", "a=1"};
        QTest::newRow("--null-data") << L{"--null-data", "p"} << L{"null-data=1"};
        QTest::newRow("flags after the pattern") << L{"foo", "dir", "-i"} << L{"paths=[dir]", "case=insensitive"};
    }

    void valid() {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        CliArgs parsed;
        try {
            parsed = parse_args(to_args(args));
        } catch (const UsageError& e) {
            QFAIL(qPrintable(QStringLiteral("unexpected error: ") + QString::fromUtf8(e.what())));
        }
        const QStringList described = describe(parsed);
        for (const QString& word : expected) {
            if (!described.contains(word)) {
                QFAIL(qPrintable(QStringLiteral("missing %1 in %2").arg(word, described.join(u' '))));
            }
        }
    }

    void invalid_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");  // a substring of the error
        using L = QStringList;
        QTest::newRow("no pattern") << L{} << "no pattern given";
        QTest::newRow("only flags") << L{"-i", "-w"} << "no pattern given";
        QTest::newRow("unknown long flag") << L{"--bogus", "p"} << "unrecognized flag --bogus";
        QTest::newRow("unknown short flag") << L{"-iZ", "p"} << "unrecognized flag -Z";
        QTest::newRow("missing value") << L{"p", "-A"} << "missing value for flag -A";
        QTest::newRow("missing long value") << L{"p", "--max-count"} << "missing value for flag --max-count";
        QTest::newRow("not a number") << L{"-A", "x", "p"} << "invalid value 'x' for -A";
        QTest::newRow("negative number") << L{"-m", "-1", "p"} << "invalid value '-1' for -m";
        QTest::newRow("number with junk") << L{"--context=3x", "p"} << "invalid value '3x' for --context";
        QTest::newRow("overflow") << L{"-m", "99999999999999999999999", "p"} << "invalid value";
        QTest::newRow("bad size") << L{"--max-filesize", "10X", "p"} << "invalid value '10X' for --max-filesize";
        QTest::newRow("size overflow") << L{"--max-filesize", "99999999999999G", "p"} << "invalid value";
        QTest::newRow("empty size") << L{"--small-file-threshold=", "p"} << "invalid value '' for --small-file-threshold";
        QTest::newRow("too many threads") << L{"-j", "100000", "p"} << "invalid value '100000' for -j";
        QTest::newRow("bad color") << L{"--color", "sometimes", "p"} << "invalid value 'sometimes' for --color";
        QTest::newRow("bad sort") << L{"--sort", "modified", "p"} << "invalid value 'modified' for --sort";
        QTest::newRow("bad hyphen mode") << L{"--hyphen-mode=dash", "p"} << "invalid value 'dash' for --hyphen-mode";
        QTest::newRow("bad metrics format") << L{"--metrics-format", "xml", "p"} << "invalid value 'xml'";
        QTest::newRow("empty extensions") << L{"--extensions", ",", "p"} << "invalid value ',' for --extensions";
        QTest::newRow("value on a switch") << L{"--json=yes", "p"} << "flag --json takes no value";
        QTest::newRow("-M not a number") << L{"-M", "wide", "p"} << "invalid value 'wide' for -M";
        QTest::newRow("-r without text") << L{"p", "-r"} << "missing value for flag -r";
        QTest::newRow("-t without a type") << L{"p", "--type"} << "missing value for flag --type";
        QTest::newRow("single-dash long name") << L{"-json", "p"} << "invalid value 'son' for -j";
    }

    void invalid() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        try {
            parse_args(to_args(args));
            QFAIL("expected a UsageError");
        } catch (const UsageError& e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.contains(message), qPrintable(what));
        }
    }

    void argv_form_skips_program_name() {
        const char* argv[] = {"codescout-cli", "-i", "needle", "dir"};
        const CliArgs a = parse_args(4, argv);
        QCOMPARE(a.patterns, std::vector<std::string>{"needle"});
        QCOMPARE(a.paths, std::vector<std::string>{"dir"});
        QCOMPARE(a.case_mode, CaseMode::Insensitive);
    }
};

QTEST_GUILESS_MAIN(TestCliArgs)
#include "test_cli_args.moc"
