// codescout-cli's undo commands and startup recovery, end to end (the real binary, a journal in
// a temporary XDG_STATE_HOME), plus the parser and the apply summary that --write prints.
#include <QDir>
#include <QTest>

#include <cstdlib>

#include "../core/edit/edit_test_util.h"
#include "cli/apply_report_text.h"
#include "cli/cli_args.h"
#include "cli/undo_command.h"
#include "core/edit/applier.h"
#include "core/edit/undo_journal.h"
#include "process_runner.h"
#include "test_tree.h"

using namespace codescout;
using edit_test::literal_plan;
using edit_test::slurp;

namespace {

std::optional<cli::UndoCommand> parse(std::vector<const char*> args) {
    args.insert(args.begin(), "codescout-cli");
    return cli::parse_undo_command(static_cast<int>(args.size()), args.data());
}

}  // namespace

class TestCliUndo : public QObject {
    Q_OBJECT

    TestTree state_;
    std::string journal_dir() const { return state_.path("codescout/undo"); }

private slots:
    void init() {
        qputenv("XDG_STATE_HOME", QByteArray::fromStdString(state_.root()));
        QDir(QString::fromStdString(journal_dir())).removeRecursively();
    }

    void parsesTheUndoCommands() {
        QVERIFY(!parse({"foo", "src"}));
        QVERIFY(!parse({"-e", "--undo", "src"}));  // a pattern, not the flag
        QVERIFY(!parse({"-ie", "--undo-list"}));
        QVERIFY(!parse({"--", "--undo"}));
        QCOMPARE(int(parse({"--undo-list"})->kind), int(cli::UndoCommand::Kind::List));
        QCOMPARE(parse({"--undo"})->id, std::string());
        QCOMPARE(parse({"--undo", "12"})->id, std::string("12"));
        QCOMPARE(parse({"--undo=7"})->id, std::string("7"));
        QVERIFY_THROWS_EXCEPTION(cli::UsageError, parse({"--undo", "x"}));
        QVERIFY_THROWS_EXCEPTION(cli::UsageError, parse({"--undo", "1", "src"}));
        QVERIFY_THROWS_EXCEPTION(cli::UsageError, parse({"--undo-list", "-i"}));
        QVERIFY_THROWS_EXCEPTION(cli::UsageError, parse({"--undo", "--undo-list"}));
    }

    void listsAndUndoesTheLastApply() {
        TestTree tree;
        const std::string a = tree.write("a.txt", "foo\n");
        const std::string b = tree.write("sub/b.txt", "a foo\n");
        UndoJournal journal(journal_dir());
        const ApplyReport applied = apply_plan(literal_plan({tree.root()}, {a, b}, "foo", "bar\tbaz"), journal, {});
        QCOMPARE(applied.changed_files(), std::size_t(2));

        const ProcessResult list = run_cli({"--undo-list"}, QString::fromStdString(tree.root()));
        QCOMPARE(list.exit_code, 0);
        QVERIFY2(list.out.contains("1\t20") && list.out.contains("\tapplied\t2\t\"foo\" -> \"bar\\tbaz\"\n"), list.out.constData());
        QVERIFY(list.out.contains(QByteArray("\t") + a.c_str() + "\n") && list.out.contains(QByteArray("\t") + b.c_str() + "\n"));

        const ProcessResult undo = run_cli({"--undo"}, QString::fromStdString(tree.root()));
        QVERIFY2(undo.exit_code == 0, qPrintable(undo.describe()));
        QVERIFY(undo.out.contains("undid apply 1: 2 restored, 0 already original, 0 refused"));
        QCOMPARE(slurp(a), std::string("foo\n"));
        QCOMPARE(slurp(b), std::string("a foo\n"));
        QVERIFY(run_cli({"--undo-list"}, {}).out.contains("\tundone\t"));

        const ProcessResult again = run_cli({"--undo"}, QString::fromStdString(tree.root()));
        QCOMPARE(again.exit_code, 1);
        QVERIFY(again.err.contains("no apply to undo"));
        const ProcessResult unknown = run_cli({"--undo", "42"}, {});
        QCOMPARE(unknown.exit_code, 2);
        QVERIFY(unknown.err.contains("no apply 42"));
        const ProcessResult usage = run_cli({"--undo", "1", "extra"}, {});
        QCOMPARE(usage.exit_code, 2);
        QVERIFY(usage.err.contains("stands alone"));
    }

    void undoRefusesAChangedFileWithExitTwo() {
        TestTree tree;
        const std::string a = tree.write("a.txt", "foo\n");
        UndoJournal journal(journal_dir());
        QCOMPARE(apply_plan(literal_plan({tree.root()}, {a}, "foo", "bar"), journal, {}).changed_files(), std::size_t(1));
        edit_test::spit(a, "bar and mine\n");
        const ProcessResult undo = run_cli({"--undo", "1"}, {});
        QCOMPARE(undo.exit_code, 2);
        QVERIFY2(undo.err.contains("not restored: " + QByteArray(a.c_str())) && undo.err.contains("[changed-since-apply]"),
                 undo.err.constData());
        QCOMPARE(slurp(a), std::string("bar and mine\n"));
    }

    void garbageInTheJournalIsListedNotFatal() {
        QDir().mkpath(QString::fromStdString(journal_dir() + "/3"));
        edit_test::spit(journal_dir() + "/3/manifest", "garbage");
        const ProcessResult list = run_cli({"--undo-list"}, {});
        QCOMPARE(list.exit_code, 0);
        QVERIFY2(list.out.contains("3\t?\tunreadable\t?\t(manifest not a CodeScout undo record; left alone)"), list.out.constData());
        const ProcessResult undo = run_cli({"--undo", "3"}, {});
        QCOMPARE(undo.exit_code, 2);
        QVERIFY(undo.err.contains("unreadable"));
        // An ordinary search still runs, and says nothing about the journal.
        TestTree tree;
        tree.write("x.txt", "needle\n");
        const ProcessResult search = run_cli({"needle", "x.txt"}, QString::fromStdString(tree.root()));
        QCOMPARE(search.exit_code, 0);
        QCOMPARE(search.err, QByteArray());
    }

    // An apply that died after its first file was replaced: the next start of the CLI (here an
    // ordinary search) rolls it back and says so.
    void startupRecoversAnInterruptedApply() {
        TestTree tree;
        const std::string a = tree.write("a.txt", "foo\n");
        const std::string b = tree.write("b.txt", "foo foo\n");
        UndoJournal journal(journal_dir());
        QCOMPARE(apply_plan(literal_plan({tree.root()}, {a, b}, "foo", "bar"), journal, {}).changed_files(), std::size_t(2));
        // Make it look interrupted between the two files: no commit record, b still old.
        QCOMPARE(::unlink((journal_dir() + "/1/committed").c_str()), 0);
        edit_test::spit(b, "foo foo\n");
        const ProcessResult search = run_cli({"foo", "."}, QString::fromStdString(tree.root()));
        QVERIFY2(search.err.contains("codescout-cli: rolled back the interrupted apply 1 of ") &&
                     search.err.contains("(\"foo\" → \"bar\"): 1 restored, 1 untouched, 0 left as they are"),
                 search.err.constData());
        QCOMPARE(slurp(a), std::string("foo\n"));
        QVERIFY(run_cli({"--undo-list"}, {}).out.contains("\trolled back\t"));
        QCOMPARE(run_cli({"foo", "."}, QString::fromStdString(tree.root())).err, QByteArray());  // said once
    }

    // The journal keeps a streamed apply's files in the order the search found them: undo's
    // output and --undo-list show them in path order whatever that was.
    void undoOutputAndListAreInPathOrder() {
        UndoReport report;
        report.id = "3";
        report.files.push_back({"src/z.c", RestoreOutcome::Restored, std::nullopt});
        report.files.push_back({"lib/b.c", RestoreOutcome::AlreadyOriginal, std::nullopt});
        report.files.push_back({"lib/a.c", RestoreOutcome::Restored, std::nullopt});
        report.files.push_back({"lib-x/a.c", RestoreOutcome::Restored, std::nullopt});  // '-' < '/' as bytes: not rg's order
        QCOMPARE(cli::undo_output(report).out,
                 std::string("restored lib/a.c\nunchanged lib/b.c (already the original)\nrestored lib-x/a.c\nrestored src/z.c\n"
                             "undid apply 3: 3 restored, 1 already original, 0 refused\n"));
        JournalEntry entry;
        entry.id = "3";
        entry.state = EntryState::Committed;
        for (const char* display : {"src/z.c", "lib-x/a.c", "lib/b.c", "lib/a.c"}) {
            JournalFile file;
            file.display = display;
            entry.manifest.files.push_back(file);
        }
        entry.changed = {0, 1, 2, 3};
        const std::string listed = cli::undo_list_text({entry});
        QVERIFY2(listed.ends_with("\tlib/a.c\n\tlib/b.c\n\tlib-x/a.c\n\tsrc/z.c\n"), listed.c_str());
    }

    void applySummaryForWrite() {
        ApplyReport report;
        report.journal_id = "4";
        report.files.push_back({"src/a.c", true, 2, std::nullopt, true});
        report.files.push_back({"src/b.c", false, 1, Skip{SkipReason::ReadOnly, "it is read-only"}, true});
        const cli::ApplyOutput output = cli::apply_output(report);
        QCOMPARE(output.out, std::string("replaced src/a.c\n1 file changed, 1 skipped; undo with --undo 4\n"));
        QCOMPARE(output.err, std::string("codescout-cli: skipped src/b.c: it is read-only [read-only]\n"));
        QCOMPARE(output.exit_code, 2);
        report.files.pop_back();
        QCOMPARE(cli::apply_output(report).exit_code, 0);
        QCOMPARE(cli::apply_output(ApplyReport{}).exit_code, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliUndo)
#include "test_cli_undo.moc"
