// unified_diff() against the real `diff -u` on the same two files: the hunks must be identical
// (diff's own headers carry timestamps; ours are git's "--- a/PATH" / "+++ b/PATH").
#include <QProcess>
#include <QTest>

#include "core/edit/apply_plan.h"
#include "core/edit/unified_diff.h"
#include "edit_test_util.h"
#include "test_tree.h"

using namespace codescout;

namespace {

// diff -u's output without its two header lines.
QByteArray diff_u_hunks(TestTree& tree, const std::string& before, const std::string& after) {
    tree.write("before", QByteArray::fromStdString(before));
    tree.write("after", QByteArray::fromStdString(after));
    QProcess diff;
    diff.start("diff", {"-u", QString::fromStdString(tree.path("before")), QString::fromStdString(tree.path("after"))});
    if (!diff.waitForFinished(10'000)) return "<diff did not run>";
    QByteArray out = diff.readAllStandardOutput();
    for (int i = 0; i < 2 && !out.isEmpty(); ++i) out.remove(0, out.indexOf('\n') + 1);
    return out;
}

std::string lines(int from, int to, const char* tag = "line") {
    std::string out;
    for (int i = from; i <= to; ++i) out += std::string(tag) + " " + std::to_string(i) + "\n";
    return out;
}

}  // namespace

class TestUnifiedDiff : public QObject {
    Q_OBJECT

private slots:
    void matchesDiffU_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        const std::string many = lines(1, 40);
        QTest::newRow("one line in the middle") << QByteArray::fromStdString(many) << QByteArray("line 20\n") << QByteArray("LINE 20\n");
        QTest::newRow("first and last lines") << QByteArray::fromStdString(many) << QByteArray("line 1\n") << QByteArray("first\n");
        QTest::newRow("far apart: two hunks") << QByteArray::fromStdString(many) << QByteArray("line 1") << QByteArray("L1");
        QTest::newRow("many matches, some hunks merged") << QByteArray::fromStdString(lines(1, 30, "x")) << QByteArray("x 1") << QByteArray("y 1");
        QTest::newRow("adjacent lines") << QByteArray("a\nb\nc\nd\n") << QByteArray("b\nc") << QByteArray("B\nC");
        QTest::newRow("line removed") << QByteArray::fromStdString(many) << QByteArray("line 7\n") << QByteArray("");
        QTest::newRow("lines inserted") << QByteArray::fromStdString(many) << QByteArray("line 9\n") << QByteArray("line 9\nnew a\nnew b\n");
        QTest::newRow("no newline at end") << QByteArray("a\nb\nc foo") << QByteArray("foo") << QByteArray("bar");
        QTest::newRow("newline at end removed") << QByteArray("a\nb\n") << QByteArray("b\n") << QByteArray("b");
        QTest::newRow("newline at end added") << QByteArray("a\nb") << QByteArray("b") << QByteArray("b\n");
        QTest::newRow("crlf") << QByteArray("one\r\ntwo foo\r\nthree\r\n") << QByteArray("foo") << QByteArray("bar");
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF" "foo\nbar\n") << QByteArray("foo") << QByteArray("baz");
        QTest::newRow("all lines") << QByteArray("foo\nfoo\nfoo\n") << QByteArray("foo") << QByteArray("bar");
        QTest::newRow("into an empty file") << QByteArray("") << QByteArray("") << QByteArray("");
        QTest::newRow("whole file removed") << QByteArray("foo\n") << QByteArray("foo\n") << QByteArray("");
    }
    void matchesDiffU() {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        const std::string old_content = content.toStdString();
        std::vector<TextEdit> edits = from.isEmpty() ? std::vector<TextEdit>{{0, 0, "inserted\n"}}
                                                     : edit_test::replace_all(from.toStdString(), to.toStdString())(old_content);
        QVERIFY(!edits.empty());
        const std::string new_content = apply_edits(old_content, edits);
        TestTree tree;
        const std::string ours = unified_diff("./src/file.txt", old_content, edits);
        QVERIFY(ours.starts_with("--- a/src/file.txt\n+++ b/src/file.txt\n"));
        QCOMPARE(QByteArray::fromStdString(ours.substr(ours.find("@@"))), diff_u_hunks(tree, old_content, new_content));
    }

    void appendAtTheEndOfALastLineWithoutNewline() {
        const std::string old_content = "a\nb";
        const std::vector<TextEdit> edits{{3, 3, "c"}};
        TestTree tree;
        const std::string ours = unified_diff("f", old_content, edits);
        QCOMPARE(QByteArray::fromStdString(ours.substr(ours.find("@@"))), diff_u_hunks(tree, old_content, apply_edits(old_content, edits)));
    }

    void unchangedGivesNothing() {
        QCOMPARE(unified_diff("f", "foo\n", {{0, 3, "foo"}}), std::string());
        QCOMPARE(unified_diff("f", "foo\n", {}), std::string());
    }

    // The headers are git's: git diff --no-index prints the same "--- a/" / "+++ b/" lines.
    void headersAreGits() {
        TestTree tree;
        tree.write("a/f.txt", "foo\n");
        tree.write("b/f.txt", "bar\n");
        QByteArray out;
        const int code = tree.run("git", {"diff", "--no-index", "--no-color", "a/f.txt", "b/f.txt"}, &out);
        if (code < 0) QSKIP("git is not installed");
        QVERIFY(out.contains("--- a/a/f.txt\n+++ b/b/f.txt\n@@ -1 +1 @@\n-foo\n+bar\n"));
        QCOMPARE(unified_diff("f.txt", "foo\n", {{0, 3, "bar"}}), std::string("--- a/f.txt\n+++ b/f.txt\n@@ -1 +1 @@\n-foo\n+bar\n"));
    }
};

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "test_unified_diff.moc"
