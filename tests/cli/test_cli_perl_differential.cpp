// Issue 9's perl differential: on a copy of a real tree, `codescout-cli -r REP --write PAT` gives
// the same bytes as `perl -pi -e 's/PAT/REP/g'` run over the same files of a second copy, for a
// table of patterns — a word, captures, named groups, anchors, -i, -w with an alternation, a
// literal dollar, -U across lines (against perl -0777, which reads a file whole), Unicode classes
// and caseless Unicode — and `--undo` then restores every file byte for byte with its mtime.
// The trees: folders of the Linux sources (scripts/corpus.sh; their rows are skipped without
// them) and a generated tree of UTF-8 text (Greek, Cyrillic, emoji, CRLF, a BOM, a binary file,
// a file that does not match), for the rows perl reads as UTF-8 (-CSD).
//
// The files perl edits are the ones `codescout-cli -l PAT` lists: the walk's choice (ignore files,
// hidden and binary files) is the search's, tested elsewhere; this test is about the bytes.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <cstdint>
#include <map>

#include <sys/stat.h>

#include "process_runner.h"
#include "test_tree.h"

namespace {

struct Row {
    const char* name;
    const char* tree;  // "kernel" or "generated"
    QStringList flags;
    const char* pattern;
    const char* replacement;  // ours: $1, ${name}, $$
    QStringList perl;         // perl's flags before -pi -e, and its s/// (its $1, $+{name}, \$)
    const char* expression;
};

// Every regular file below `root`: its path below it, and its mtime in nanoseconds.
std::map<QString, std::int64_t> mtimes(const QString& root) {
    std::map<QString, std::int64_t> out;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st {};
        if (::lstat(QFile::encodeName(path).constData(), &st) == 0)
            out[QDir(root).relativeFilePath(path)] = std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
    }
    return out;
}

// The first lines of `diff -r a b`, or empty when the two trees hold the same bytes.
QString tree_difference(const QString& a, const QString& b) {
    const ProcessResult r = run_program(QStringLiteral("diff"), {QStringLiteral("-r"), a, b}, QDir::tempPath());
    if (r.exit_code == 0) return {};
    return QString::fromUtf8(r.out.left(1500) + r.err.left(300));
}

}  // namespace

class TestCliPerlDifferential : public QObject {
    Q_OBJECT

    QString kernel_;  // a folder holding copies of kernel folders, or empty
    QString kernel_skip_;
    TestTree generated_;
    QTemporaryDir kernel_copy_;

private slots:
    void initTestCase() {
        if (run_program(QStringLiteral("perl"), {QStringLiteral("-e"), QStringLiteral("1")}, QDir::tempPath()).exit_code != 0)
            QSKIP("perl is not installed (in the build root it comes with git)");
        const QString source_dir = QProcessEnvironment::systemEnvironment().value(QStringLiteral("CODESCOUT_SOURCE_DIR"));
        const ProcessResult corpus = source_dir.isEmpty()
                                         ? ProcessResult{}
                                         : run_program(source_dir + QStringLiteral("/scripts/corpus.sh"), {}, source_dir);
        if (corpus.exit_code == 0) {
            // Three folders of plain C and text, all valid UTF-8 (perl -pi reads bytes here).
            const QString linux = QString::fromUtf8(corpus.out).trimmed();
            kernel_ = kernel_copy_.path() + QStringLiteral("/tree");
            QDir().mkpath(kernel_);
            for (const char* folder : {"drivers/pci", "lib", "kernel/sched"}) {
                const QString to = kernel_ + QLatin1Char('/') + QString::fromLatin1(folder).replace(QLatin1Char('/'), QLatin1Char('_'));
                QCOMPARE(run_program(QStringLiteral("cp"), {QStringLiteral("-a"), linux + QLatin1Char('/') + QLatin1String(folder), to},
                                     QDir::tempPath())
                             .exit_code,
                         0);
            }
        } else {
            kernel_skip_ = QStringLiteral("no kernel sources: ") + QString::fromUtf8(corpus.err).trimmed();
        }
        generated_.write(QStringLiteral("greek.txt"), "Σίσυφος σίσυφος ΣΊΣΥΦΟΣ rolls the stone\nαλφα βήτα\n");
        generated_.write(QStringLiteral("cyrillic.md"), "Привет, мир! hello мир\nстрока два\n");
        generated_.write(QStringLiteral("mixed/emoji.txt"), "emoji 😀 key=value 😀\nk2=v2 мир=peace\n");
        generated_.write(QStringLiteral("mixed/crlf.ini"), "name=value\r\nlast=first\r\n");
        generated_.write(QStringLiteral("bom.txt"), "\xEF\xBB\xBF" "bom=first Σίσυφος\n");
        generated_.write(QStringLiteral("plain.txt"), "nothing to see here\n");
        generated_.write(QStringLiteral("data.bin"), QByteArray("k=v\0\x01мир=peace\n", 19));
    }

    void sameBytesAsPerl_data() {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QStringList>("perl");
        using L = QStringList;
        const Row rows[] = {
            {"word", "kernel", {}, "\\bu16\\b", "u16_renamed", {}, "s/\\bu16\\b/u16_renamed/g"},
            {"captures", "kernel", {}, "(\\w+)_lock\\((\\w+)\\)", "lock_$1($2)", {}, "s/(\\w+)_lock\\((\\w+)\\)/lock_$1($2)/g"},
            {"named groups", "kernel", {}, "(?<obj>\\w+)->lock", "${obj}.lock", {}, "s/(?<obj>\\w+)->lock/$+{obj}.lock/g"},
            {"^ anchor", "kernel", {}, "^static inline ", "static __always_inline ", {}, "s/^static inline /static __always_inline /g"},
            {"$ anchor, empty replacement", "kernel", {}, "[ \\t]+$", "", {}, "s/[ \\t]+$//g"},
            {"-i", "kernel", {"-i"}, "\\bnull\\b", "NIL", {}, "s/\\bnull\\b/NIL/gi"},
            {"-w alternation", "kernel", {"-w"}, "kmalloc|kzalloc", "kvmalloc", {}, "s/\\b(?:kmalloc|kzalloc)\\b/kvmalloc/g"},
            {"literal dollar", "kernel", {}, "\\bEINVAL\\b", "$$EINVAL", {}, "s/\\bEINVAL\\b/\\$EINVAL/g"},
            {"-U across lines", "kernel", {"-U"}, "if \\((ret|err)\\)\\n\\s+return (ret|err);", "if ($1) return $2;", {"-0777"},
             "s/if \\((ret|err)\\)\\n\\s+return (ret|err);/if ($1) return $2;/g"},
            {"Unicode class", "generated", {}, "\\p{Cyrillic}+", "<$0>", {"-CSD"}, "s/\\p{Cyrillic}+/<$&>/g"},
            {"caseless Unicode", "generated", {"-i"}, "σίσυφος", "Sisyphus", {"-CSD", "-Mutf8"}, "s/σίσυφος/Sisyphus/gi"},
            {"captures, CRLF, BOM, emoji", "generated", {}, "(\\w+)=(\\w+)", "$2=$1", {"-CSD"}, "s/(\\w+)=(\\w+)/$2=$1/g"},
        };
        for (const Row& r : rows)
            QTest::newRow(r.name) << QString::fromLatin1(r.tree) << r.flags << QString::fromUtf8(r.pattern)
                                  << QString::fromUtf8(r.replacement)
                                  << r.perl + L{QStringLiteral("-pi"), QStringLiteral("-e"), QString::fromUtf8(r.expression)};
    }

    void sameBytesAsPerl() {
        QFETCH(QString, tree);
        QFETCH(QStringList, flags);
        QFETCH(QString, pattern);
        QFETCH(QString, replacement);
        QFETCH(QStringList, perl);
        QString source = QString::fromStdString(generated_.root());
        if (tree == QLatin1String("kernel")) {
            if (kernel_.isEmpty()) QSKIP(qPrintable(kernel_skip_));
            source = kernel_;
        }
        QTemporaryDir work;
        const QString ours = work.path() + QStringLiteral("/ours");
        const QString theirs = work.path() + QStringLiteral("/perl");
        for (const QString& copy : {ours, theirs})
            QCOMPARE(run_program(QStringLiteral("cp"), {QStringLiteral("-a"), source, copy}, work.path()).exit_code, 0);
        qputenv("XDG_STATE_HOME", (work.path() + QStringLiteral("/state")).toUtf8());
        const std::map<QString, std::int64_t> before = mtimes(ours);

        // The files to give perl: those the search lists.
        const ProcessResult listed = run_cli(flags + QStringList{QStringLiteral("-l"), QStringLiteral("--sort"), QStringLiteral("path"), pattern},
                                             theirs);
        QVERIFY2(listed.exit_code == 0, qPrintable(listed.describe()));
        const QStringList files = QString::fromUtf8(listed.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(!files.isEmpty(), "nothing matched: the row tests nothing");
        const ProcessResult edited = run_program(QStringLiteral("perl"), perl + files, theirs);
        QVERIFY2(edited.exit_code == 0 && edited.err.isEmpty(), qPrintable(edited.describe()));

        const ProcessResult written = run_cli(flags + QStringList{QStringLiteral("-r"), replacement, QStringLiteral("--write"), pattern}, ours);
        QVERIFY2(written.exit_code == 0, qPrintable(written.describe()));
        QVERIFY2(written.out.contains(QByteArray::number(files.size()) + " file"), qPrintable(written.describe()));
        const QString difference = tree_difference(ours, theirs);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));

        const ProcessResult undone = run_cli({QStringLiteral("--undo")}, ours);
        QVERIFY2(undone.exit_code == 0, qPrintable(undone.describe()));
        const QString restored = tree_difference(ours, source);
        QVERIFY2(restored.isEmpty(), qPrintable(restored));
        QVERIFY2(mtimes(ours) == before, "--undo left some file with another mtime");
    }
};

QTEST_GUILESS_MAIN(TestCliPerlDifferential)
#include "test_cli_perl_differential.moc"
