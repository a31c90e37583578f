// codescout-cli -r TEXT --write / --dry-run end to end: the real binary on a temporary tree, the
// undo journal in a temporary XDG_STATE_HOME. The diff is checked byte for byte (and against
// `diff -u` where it is installed), the files byte for byte after --write and after --undo.
#include <QDir>
#include <QStandardPaths>
#include <QTest>

#include <map>
#include <string>

#include "../core/edit/edit_test_util.h"
#include "process_runner.h"
#include "test_tree.h"

using edit_test::slurp;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// Every file of the tree by its path below the root, with its bytes: "nothing changed" checks.
std::map<std::string, std::string> snapshot(const TestTree& tree) {
    std::map<std::string, std::string> files;
    const QDir root(q(tree.root()));
    for (const QString& rel : QDir(q(tree.root())).entryList(QDir::Files | QDir::Hidden)) files[rel.toStdString()] = slurp(tree.path(rel));
    for (const QString& dir : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        for (const QString& rel : QDir(root.filePath(dir)).entryList(QDir::Files | QDir::Hidden))
            files[(dir + "/" + rel).toStdString()] = slurp(tree.path(dir + "/" + rel));
    return files;
}

}  // namespace

class TestCliWrite : public QObject {
    Q_OBJECT

    TestTree state_;

private slots:
    void init() {
        qputenv("XDG_STATE_HOME", QByteArray::fromStdString(state_.root()));
        QDir(q(state_.path("codescout/undo"))).removeRecursively();
    }

    void dryRunPrintsTheUnifiedDiffAndChangesNothing() {
        TestTree tree;
        tree.write("a.txt", "foo_1 bar\nkeep\nfoo_22 foo_3\n");
        tree.write("sub/b.txt", "x foo_9");  // no final newline
        tree.write("c.txt", "nothing here\n");
        const auto before = snapshot(tree);
        const ProcessResult r = run_cli({"-r", "X$1", "foo_(\\d+)", "--dry-run"}, q(tree.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        QCOMPARE(r.out, QByteArray("--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n-foo_1 bar\n+X1 bar\n keep\n-foo_22 foo_3\n+X22 X3\n"
                                   "--- a/sub/b.txt\n+++ b/sub/b.txt\n@@ -1 +1 @@\n-x foo_9\n\\ No newline at end of file\n"
                                   "+x X9\n\\ No newline at end of file\n"));
        QCOMPARE(r.err, QByteArray());
        QVERIFY(snapshot(tree) == before);
        QVERIFY(!QDir(q(state_.path("codescout/undo/1"))).exists());  // nothing journaled
    }

    // The same hunks as `diff -u` prints for the file before and after (--label for git's names).
    void dryRunAgreesWithDiffU() {
        const QString diff = QStandardPaths::findExecutable("diff");
        if (diff.isEmpty()) QSKIP("diff is not installed");
        TestTree tree;
        std::string text, replaced;
        for (int i = 1; i <= 40; ++i) {
            const std::string line = i % 9 == 0 ? "call old_name(" + std::to_string(i) + ")\n" : "line " + std::to_string(i) + "\n";
            text += line;
            replaced += i % 9 == 0 ? "call new_name(" + std::to_string(i) + ")\n" : line;
        }
        tree.write("f.txt", QByteArray::fromStdString(text));
        tree.write("expected/f.txt", QByteArray::fromStdString(replaced));
        const ProcessResult r = run_cli({"-r", "new_name", "old_name", "--dry-run", "f.txt"}, q(tree.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        const ProcessResult expected =
            run_program(diff, {"-u", "--label", "a/f.txt", "--label", "b/f.txt", "f.txt", "expected/f.txt"}, q(tree.root()));
        QCOMPARE(expected.exit_code, 1);
        QCOMPARE(r.out, expected.out);
    }

    void writeReplacesCaptureGroupsKeepsCrlfAndBomAndUndoRestores() {
        TestTree tree;
        const std::string a = tree.write("a.txt", "\xef\xbb\xbf" "int old_count = 1;\r\nold_total;\r\nrest\r\n");
        const std::string b = tree.write("b.c", "k=v; key=value\n");
        const std::string untouched = tree.write("c.txt", "no match\r\n");
        const auto before = snapshot(tree);

        const ProcessResult r = run_cli({"-r", "new_${what}", "old_(?P<what>[a-z]+)", "--write"}, q(tree.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        QCOMPARE(r.out, QByteArray("replaced a.txt\n1 file changed, 0 skipped; undo with --undo 1\n"));
        QCOMPARE(slurp(a), std::string("\xef\xbb\xbf" "int new_count = 1;\r\nnew_total;\r\nrest\r\n"));

        const ProcessResult swap = run_cli({"-r", "$2=$1", "-e", "(\\w+)=(\\w+)", "--write", "b.c"}, q(tree.root()));
        QVERIFY2(swap.exit_code == 0, qPrintable(swap.describe()));
        QCOMPARE(slurp(b), std::string("v=k; value=key\n"));
        QCOMPARE(slurp(untouched), std::string("no match\r\n"));

        QCOMPARE(run_cli({"--undo"}, q(tree.root())).exit_code, 0);  // the last apply: b.c
        QCOMPARE(run_cli({"--undo", "1"}, q(tree.root())).exit_code, 0);
        QVERIFY(snapshot(tree) == before);
    }

    // -w, -i, -F and several -e mean for --write what they mean for the search.
    void writeFollowsTheSearchsMatchingRules() {
        TestTree tree;
        const std::string f = tree.write("f.txt", "cat Cat concat CAT.\na+b a+b+\ndog\n");
        ProcessResult r = run_cli({"-w", "-i", "-r", "pet", "cat", "--write", "f.txt"}, q(tree.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        QCOMPARE(slurp(f), std::string("pet pet concat pet.\na+b a+b+\ndog\n"));
        r = run_cli({"-F", "-e", "a+b", "-e", "dog", "-r", "[$0]", "--write", "f.txt"}, q(tree.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        QCOMPARE(slurp(f), std::string("pet pet concat pet.\n[a+b] [a+b]+\n[dog]\n"));
        r = run_cli({"-x", "-r", "whole", "pet pet concat pet.", "--write", "f.txt"}, q(tree.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        QCOMPARE(slurp(f), std::string("whole\n[a+b] [a+b]+\n[dog]\n"));
    }

    // -U: a match across lines is replaced as `-U -r` prints it (rg), previewed by --dry-run,
    // written by --write and undone. (The edits were looked for line by line: nothing changed.)
    void multiLineMatchesAreReplaced() {
        TestTree tree;
        const std::string original = "int f(int ret)\n{\n\tif (ret)\n\t\treturn ret;\n\treturn 0;\n}\n";
        const std::string f = tree.write("f.c", QByteArray::fromStdString(original));
        const QStringList args = {"-U", "-r", "$1 (ret) $2 ret;", "(\\w+) \\(ret\\)\\n\\s+(return) ret;"};
        const ProcessResult dry = run_cli(args + QStringList{"--dry-run", "f.c"}, q(tree.root()));
        QVERIFY2(dry.exit_code == 0, qPrintable(dry.describe()));
        QCOMPARE(dry.out, QByteArray("--- a/f.c\n+++ b/f.c\n@@ -1,6 +1,5 @@\n int f(int ret)\n {\n-\tif (ret)\n-\t\treturn ret;\n"
                                     "+\tif (ret) return ret;\n \treturn 0;\n }\n"));
        const ProcessResult shown = run_cli(args + QStringList{"f.c"}, q(tree.root()));
        QCOMPARE(shown.out, QByteArray("\tif (ret) return ret;\n"));
        const ProcessResult r = run_cli(args + QStringList{"--write", "f.c"}, q(tree.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        QCOMPARE(slurp(f), std::string("int f(int ret)\n{\n\tif (ret) return ret;\n\treturn 0;\n}\n"));
        QCOMPARE(run_cli({"--undo"}, q(tree.root())).exit_code, 0);
        QCOMPARE(slurp(f), original);
    }

    // --dry-run's diffs and --write's report list files as rg --sort path would: the roots in the
    // order given, then component by component ("a/x" before "a-b/x", where bytes put '-' first).
    void filesAreListedInTheSearchsPathOrder() {
        TestTree tree;
        for (const char* name : {"z/f.txt", "a-b/f.txt", "a/f.txt", "a.b", "a/g/f.txt"}) tree.write(name, "foo\n");
        ProcessResult r = run_cli({"-r", "bar", "foo", "--dry-run", "a-b", "a", "a.b"}, q(tree.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        QStringList headers;
        for (const QByteArray& line : r.out.split('\n'))
            if (line.startsWith("--- a/")) headers << QString::fromUtf8(line.mid(6));
        QCOMPARE(headers, QStringList({"a-b/f.txt", "a/f.txt", "a/g/f.txt", "a.b"}));
        r = run_cli({"-r", "bar", "foo", "--write"}, q(tree.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.startsWith("replaced a/f.txt\nreplaced a/g/f.txt\nreplaced a-b/f.txt\nreplaced a.b\nreplaced z/f.txt\n"),
                 r.out.constData());
    }

    // Globs and ignore rules choose the files as in a search.
    void writeOnlyTouchesTheFilesTheSearchWalks() {
        TestTree tree;
        const std::string kept = tree.write("x.md", "foo\n");
        const std::string changed = tree.write("x.txt", "foo\n");
        const ProcessResult r = run_cli({"-g", "*.txt", "-r", "bar", "foo", "--write"}, q(tree.root()));
        QVERIFY2(r.exit_code == 0, qPrintable(r.describe()));
        QCOMPARE(slurp(changed), std::string("bar\n"));
        QCOMPARE(slurp(kept), std::string("foo\n"));
    }

    void exitCodes() {
        TestTree tree;
        tree.write("a.txt", "foo\n");
        const auto before = snapshot(tree);
        ProcessResult r = run_cli({"-r", "x", "absent", "--write"}, q(tree.root()));
        QCOMPARE(r.exit_code, 1);
        QCOMPARE(r.out, QByteArray("0 files changed, 0 skipped\n"));
        r = run_cli({"-r", "x", "absent", "--dry-run"}, q(tree.root()));
        QCOMPARE(r.exit_code, 1);
        QCOMPARE(r.out, QByteArray());
        // An invalid pattern, a missing path: errors, exit 2, nothing written.
        r = run_cli({"-r", "x", "(", "--write"}, q(tree.root()));
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("invalid pattern"), r.err.constData());
        r = run_cli({"-r", "x", "foo", "--write", "a.txt", "missing.txt"}, q(tree.root()));
        QCOMPARE(r.exit_code, 2);
        QCOMPARE(slurp(tree.path("a.txt")), std::string("x\n"));  // the file that exists is still replaced
        QVERIFY(r.err.contains("missing.txt"));
        QVERIFY(snapshot(tree) != before);
    }

    // --write prepares files while the search still runs (apply_streamed): a search that fails
    // part-way — here the planning's full match of one file hits the backtracking limit, after
    // the search's -l match stopped at its first line — changes no file, leaves no temporary
    // file and no journal entry, and exits 2. (The 'é' keeps RE2's DFA from ruling the line out.)
    void aSearchFailingPartWayChangesNothing() {
        TestTree tree;
        for (int i = 0; i < 60; ++i) tree.write(QString("d%1/f%2.txt").arg(i % 3).arg(i), "xx=\n");
        tree.write("d1/evil.txt", QByteArray("xx=\n") + QByteArray(40, 'x') + " \xC3\xA9\n");
        const auto before = snapshot(tree);
        const ProcessResult r = run_cli({"-r", "Y", "(x+x+)+[^x\\s]", "--write"}, q(tree.root()));
        QVERIFY2(r.exit_code == 2, qPrintable(r.describe()));
        QVERIFY2(r.err.contains("match limit"), r.err.constData());
        QVERIFY(snapshot(tree) == before);  // no file changed, no temporary file beside one
        const QDir undo(q(state_.path("codescout/undo")));
        QCOMPARE(undo.entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList());
    }

    // A file the edit layer refuses is reported with its reason, and the run exits 2.
    void aHardLinkedFileIsSkippedWithExitTwo() {
        TestTree tree;
        const std::string a = tree.write("a.txt", "foo\n");
        QVERIFY(::link(a.c_str(), tree.path("b.txt").c_str()) == 0);
        for (const char* mode : {"--dry-run", "--write"}) {
            const ProcessResult r = run_cli({"-r", "bar", "foo", mode, "a.txt"}, q(tree.root()));
            QCOMPARE(r.exit_code, 2);
            QVERIFY2(r.err.contains("skipped a.txt") && r.err.contains("[hard-linked]"), r.err.constData());
            QCOMPARE(slurp(a), std::string("foo\n"));
        }
    }

    void writeOrDryRunWithoutReplaceIsAUsageError_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("write") << QStringList{"--write", "foo"} << QByteArray("--write needs -r/--replace TEXT");
        QTest::newRow("dry-run") << QStringList{"foo", "--dry-run"} << QByteArray("--dry-run needs -r/--replace TEXT");
        QTest::newRow("both") << QStringList{"-r", "x", "--write", "--dry-run", "foo"} << QByteArray("cannot be combined");
        QTest::newRow("invert") << QStringList{"-r", "x", "-v", "--write", "foo"} << QByteArray("--write cannot be combined with -v");
        QTest::newRow("count") << QStringList{"-r", "x", "-c", "--dry-run", "foo"} << QByteArray("--dry-run cannot be combined with -c");
        QTest::newRow("stdin") << QStringList{"-r", "x", "--write", "foo", "-"} << QByteArray("standard input");
    }
    void writeOrDryRunWithoutReplaceIsAUsageError() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        TestTree tree;
        tree.write("a.txt", "foo\n");
        const ProcessResult r = run_cli(args, q(tree.root()));
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QCOMPARE(slurp(tree.path("a.txt")), std::string("foo\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliWrite)
#include "test_cli_write.moc"
